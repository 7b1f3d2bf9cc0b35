//! The Rust side of the browser extension: the wasm entry points its scripts call (`bindings`,
//! built for wasm only) and the site patterns of "always clean this site" (`sites`). Nothing in
//! the pipeline imports this module; it is a shell over the library, as the CLI is.

#[cfg(target_arch = "wasm32")]
mod bindings;
#[cfg(any(target_arch = "wasm32", test))]
mod sites;
