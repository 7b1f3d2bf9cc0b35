//! The wasm entry points: `extract(page, url)` and `openView(page, url, root)` for the
//! extension's scripts, returning an [`Article`] whose properties are those of the CLI's JSON, or
//! throwing an `Error` whose `name` says why (`NoArticle`, `EmptyInput`, `NotHtml`, `InvalidUrl`);
//! `parseSite(pattern)` for the options page and the view; `version()`.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::render::Rendered;
use crate::ExtractError;

fn to_js_error(e: ExtractError) -> JsValue {
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

/// `value` as a plain JavaScript object (maps as objects, as `JSON.parse` would give them).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// The article from `page`: the page's HTML, or a snapshot of its DOM from the content script's
/// walker (see [`crate::parse::snapshot`]), which is faster where the browser has parsed it already.
fn extract_page(page: &str, url: Option<&str>) -> Result<crate::Article, JsValue> {
    if crate::parse::snapshot::is_snapshot(page) {
        crate::extract_snapshot(page, url).map_err(to_js_error)
    } else {
        crate::extract(page, url).map_err(to_js_error)
    }
}

/// Extract the article from a page's HTML or DOM snapshot. `url` is the page's address (for
/// relative links).
#[wasm_bindgen]
pub fn extract(page: &str, url: Option<String>) -> Result<Article, JsValue> {
    extract_page(page, url.as_deref()).map(Article)
}

/// Extract the article from `page` (the page's HTML or DOM snapshot, as a string or as its UTF-8
/// bytes) and build the reading view's header and article under `root`. Throws the same named
/// errors as `extract`; returns the [`Article`], which the view's toolbar reads for its counts and
/// for copying, and whose `openPanels(root)` builds the view's panels once it is on screen.
#[wasm_bindgen(js_name = openView)]
pub fn open_view(page: JsValue, url: Option<String>, root: &Element) -> Result<Article, JsValue> {
    let article = extract_page(&page_text(&page)?, url.as_deref())?;
    crate::render::dom::build(root, &article)?;
    Ok(Article(article))
}

/// `page` as text: a JavaScript string, or a `Uint8Array` of UTF-8, which is how the content
/// script hands the view its page: the bytes are copied into wasm memory as they are, where a
/// string would be decoded by the view's structured clone into UTF-16 and encoded to UTF-8 again.
fn page_text(page: &JsValue) -> Result<String, JsValue> {
    if let Some(text) = page.as_string() {
        return Ok(text);
    }
    let bytes =
        page.dyn_ref::<js_sys::Uint8Array>().ok_or_else(|| js_sys::Error::new("the page is neither text nor bytes"))?;
    String::from_utf8(bytes.to_vec()).map_err(|e| js_sys::Error::new(&format!("the page is not UTF-8: {e}")).into())
}

/// Parse a site pattern for the options page and the view's "Always clean this site".
#[wasm_bindgen(js_name = parseSite)]
pub fn parse_site(pattern: &str) -> Result<JsValue, JsValue> {
    let rule = super::sites::parse(pattern).map_err(|e| JsValue::from(js_sys::Error::new(&e)))?;
    to_js(&rule)
}

/// The library's version, for the extension's about box and for checking the glue matches.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// An extracted article as JavaScript sees it: the properties of the CLI's JSON object, each
/// converted from wasm memory when it is read, and `text`, `markdown` and `html` rendered when
/// read (every read converts or renders afresh, so keep what you read). `toJSON()` gives the
/// whole plain object, which is what `JSON.stringify(article)` writes. `free()` releases the wasm
/// memory at once; otherwise the glue does when the object is collected.
///
/// Not a plain object, because converting every string of an article (each block's text and its
/// inlines', the quotations, the removed texts) costs the browser a decoding call each, while
/// the extension reads only a few properties: the view its counts, `quotes` and `removed`, and
/// copying the text or Markdown and the HTML.
#[wasm_bindgen]
pub struct Article(crate::Article);

#[wasm_bindgen]
impl Article {
    /// Build the reading view's hidden panels (the quote list and the list of removals) under
    /// `root`, after the header and article `openView` built there.
    #[wasm_bindgen(js_name = openPanels)]
    pub fn open_panels(&self, root: &Element) -> Result<(), JsValue> {
        crate::render::dom::build_panels(root, &self.0)
    }

    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&Rendered::new(&self.0))
    }
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.0.title.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn byline(&self) -> Option<String> {
        self.0.byline.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn site_name(&self) -> Option<String> {
        self.0.site_name.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn published(&self) -> Option<String> {
        self.0.published.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> Option<String> {
        self.0.lang.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn dir(&self) -> String {
        self.0.dir.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn url(&self) -> Option<String> {
        self.0.url.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn excerpt(&self) -> Option<String> {
        self.0.excerpt.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn standfirst(&self) -> Option<String> {
        self.0.standfirst.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn lead_image(&self) -> Option<String> {
        self.0.lead_image.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        crate::to_text(&self.0)
    }
    #[wasm_bindgen(getter)]
    pub fn markdown(&self) -> String {
        crate::to_markdown(&self.0)
    }
    #[wasm_bindgen(getter)]
    pub fn html(&self) -> String {
        crate::to_html(&self.0)
    }
    #[wasm_bindgen(getter)]
    pub fn blocks(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.blocks)
    }
    #[wasm_bindgen(getter)]
    pub fn quotes(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.quotes)
    }
    #[wasm_bindgen(getter)]
    pub fn removed(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.removed)
    }
    #[wasm_bindgen(getter)]
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.stats)
    }
}
