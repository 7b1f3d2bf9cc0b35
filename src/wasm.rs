//! The wasm shell over the library: `extract(html, url)` for JavaScript, returning the same
//! Article object as the CLI's JSON (serde-wasm-bindgen), or throwing an `Error` whose `name`
//! says why (`NoArticle`, `EmptyInput`, `NotHtml`, `InvalidUrl`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::ExtractError;

pub(crate) fn to_js_error(e: ExtractError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let name = match e {
        ExtractError::EmptyInput => "EmptyInput",
        ExtractError::NotHtml { .. } => "NotHtml",
        ExtractError::NoArticle { .. } => "NoArticle",
        ExtractError::InvalidUrl { .. } => "InvalidUrl",
    };
    err.set_name(name);
    err.into()
}

/// The article from `page`: the page's HTML, or a snapshot of its DOM from the content script's
/// walker (see [`crate::parse::snapshot`]), which is faster where the browser has parsed it already.
pub(crate) fn extract_page(page: &str, url: Option<&str>) -> Result<crate::Article, JsValue> {
    if crate::parse::snapshot::is_snapshot(page) {
        crate::extract_snapshot(page, url).map_err(to_js_error)
    } else {
        crate::extract(page, url).map_err(to_js_error)
    }
}

/// Extract the article from a page's HTML or DOM snapshot. `url` is the page's address (for
/// relative links).
#[wasm_bindgen]
pub fn extract(page: &str, url: Option<String>) -> Result<JsValue, JsValue> {
    let article = extract_page(page, url.as_deref())?;
    article.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// The library's version, for the extension's about box and for checking the glue matches.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
