#!/usr/bin/env bash
# Build Lectern and run it.
#
#   ./build.sh          build the CLI, the wasm module (into extension/pkg/) and the extension zip,
#                       then run the CLI on the bundled sample page and print the clean text
#   ./build.sh test     check formatting and lints, build everything, then run every test: Rust
#                       unit and integration tests, the wasm module under Node, and the extension
#                       end to end in Chromium and Firefox ESR
#   ./build.sh bench    build everything, then run the benchmarks (not part of the tests)
#
# Needs: Rust through rustup (https://rustup.rs), Node.js 20+ with npm. Everything else
# (the wasm32 target, wasm-bindgen, wasm-pack, wasm-opt, Playwright) this script installs; `test`
# also installs what the end-to-end tests drive (Chromium, Firefox ESR, Xvfb, xdotool, xclip,
# poppler-utils to read printed PDFs)
# with apt-get when run as root, and otherwise says what to install.
set -euo pipefail
cd "$(dirname "$0")"

WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
WASM_PACK_VERSION=0.15.1
MODE=${1:-run}
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs), then run ./build.sh again"
command -v node >/dev/null || die "node is missing: install Node.js 20 or newer (Debian: apt-get install nodejs npm)"
command -v npm >/dev/null || die "npm is missing: install it with Node.js (Debian: apt-get install npm)"

ensure_wasm_target() {
    local sysroot
    sysroot=$(rustc --print sysroot)
    [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ] && return
    command -v rustup >/dev/null || die "the wasm32-unknown-unknown standard library is missing and there is no rustup to add it; install Rust with rustup"
    say "adding the wasm32-unknown-unknown target (rustup)"
    rustup target add wasm32-unknown-unknown
}

ensure_rust_components() { # rustfmt and clippy, for the formatting and lint gates of `test`
    if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
        return
    fi
    command -v rustup >/dev/null || die "cargo fmt or cargo clippy is missing and there is no rustup to add them; install Rust with rustup"
    say "adding the rustfmt and clippy components (rustup)"
    rustup component add rustfmt clippy
}

ensure_cargo_tool() { # binary, crate, version ('' for any), what the version check prints
    local bin=$1 crate=$2 version=$3
    if command -v "$bin" >/dev/null && { [ -z "$version" ] || "$bin" --version 2>/dev/null | grep -q " $version\$"; }; then
        return
    fi
    say "installing $crate ${version:-(latest)} with cargo (a few minutes, once)"
    # No --locked: a lock file can name versions the registry mirror does not have yet.
    cargo install "$crate" ${version:+--version "$version"}
}

ensure_npm_packages() {
    if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        say "installing npm development packages"
        npm ci --no-audit --no-fund
    fi
}

ensure_test_programs() { # what the end-to-end tests drive: both browsers, an X server, keys, clipboard, TLS
    local missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    command -v firefox-esr >/dev/null || missing+=(firefox-esr)
    command -v Xvfb >/dev/null || missing+=(xvfb)
    command -v xdotool >/dev/null || missing+=(xdotool)
    command -v xclip >/dev/null || missing+=(xclip)
    command -v openssl >/dev/null || missing+=(openssl)
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    [ ${#missing[@]} -eq 0 ] && return
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        say "installing ${missing[*]} for the end-to-end tests (apt-get, a few minutes, once)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        die "the end-to-end tests need ${missing[*]}: install them (Debian: sudo apt-get install ${missing[*]}), then run ./build.sh test again"
    fi
}

build_native() {
    say "building the native CLI"
    cargo build --release --bin lectern
}

build_wasm() {
    ensure_wasm_target
    ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
    ensure_cargo_tool wasm-pack wasm-pack "$WASM_PACK_VERSION"
    ensure_npm_packages
    say "building the wasm module into extension/pkg/"
    wasm-pack build --release --target web --out-dir extension/pkg --out-name lectern \
        --no-typescript --no-pack --mode no-install . >&2
    rm -f extension/pkg/.gitignore
    ls -l extension/pkg >&2
}

package_extension() {
    [ -f extension/manifest.json ] || return 0
    say "packing dist/lectern-extension.zip"
    mkdir -p dist
    node tests/e2e/pack.mjs extension dist/lectern-extension.zip
}

case "$MODE" in
    run)
        build_native
        build_wasm
        package_extension
        say "the main job: the bundled sample page, cleaned"
        ./target/release/lectern extract
        ;;
    test)
        ensure_test_programs
        ensure_rust_components
        say "formatting (cargo fmt --check) and lints (clippy, native and wasm32, warnings as errors)"
        cargo fmt --check || die "the code is not formatted as rustfmt.toml says: run cargo fmt"
        cargo clippy --release --all-targets -- -D warnings
        build_native
        build_wasm
        cargo clippy --release --target wasm32-unknown-unknown --lib -- -D warnings
        package_extension
        say "Rust tests"
        cargo test --release
        say "wasm module under Node"
        node --test tests/wasm/
        say "extension lint (web-ext)"
        web-ext lint --source-dir extension --self-hosted --no-input
        if [ -d tests/e2e ] && ls tests/e2e/*.test.mjs >/dev/null 2>&1; then
            say "extension end to end in Chromium and Firefox ESR"
            node --test --test-concurrency=1 tests/e2e/
        fi
        ;;
    bench)
        build_native
        build_wasm
        say "native benchmarks (criterion), Lectern and dom_smoothie side by side"
        cargo bench --bench extract
        node bench/summarize.mjs
        say "browser benchmark against Readability.js"
        node bench/browser.mjs
        say "time to the painted reading view, Lectern in Chromium against Firefox's Reader View"
        node bench/time-to-view.mjs
        ;;
    *)
        die "unknown mode '$MODE': use ./build.sh, ./build.sh test or ./build.sh bench"
        ;;
esac
