//! The wasm entry points: `extract(page, url)`, returning an [`Article`] whose properties are
//! those of the CLI's JSON, and `readingView(page, url)`, returning everything the reading view
//! shows as one plain object ([`ReadingView`]); both throw an `Error` whose `name` says why
//! (`NoArticle`, `EmptyInput`, `NotHtml`, `InvalidUrl`). `parseSite(pattern)` for the options
//! page; `version()`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::sites::SiteRule;

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

/// Everything the reading view shows and copies, made where the page is extracted (the service
/// worker) and handed to the view page as it is: the view runs no wasm of its own, so it has
/// nothing to load or compile before the article is on screen.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadingView {
    pub title: String,
    /// The page's address, as the article's links were resolved against.
    pub url: Option<String>,
    /// The header and the article as HTML (see [`crate::to_view_html`]): every text and attribute
    /// escaped, only the renderer's own tags.
    pub reading_html: String,
    /// The quote list and the list of removals, put in once the article is on screen.
    pub panels_html: String,
    /// Quotations that are someone's words, as the quote list counts them (scare quotes and
    /// titles are nobody's).
    pub quote_count: usize,
    pub removed_count: usize,
    /// What Copy writes: the text, the Markdown and the HTML beside either.
    pub text: String,
    pub markdown: String,
    pub html: String,
    /// The rule "Always clean this site" adds for the page's host; none where the page has no
    /// host to name (a file).
    pub site: Option<SiteRule>,
}

/// Extract the article from `page` (the page's HTML or DOM snapshot) and make its reading view.
/// Throws the same named errors as `extract`.
#[wasm_bindgen(js_name = readingView)]
pub fn reading_view(page: &str, url: Option<String>) -> Result<JsValue, JsValue> {
    let article = extract_page(page, url.as_deref())?;
    let view = crate::to_view_html(&article);
    let site =
        url.as_deref().and_then(crate::urls::host).filter(|h| !h.is_empty()).and_then(|h| super::sites::parse(&h).ok());
    to_js(&ReadingView {
        quote_count: article.speech().count(),
        removed_count: article.removed.len(),
        text: crate::to_text(&article),
        markdown: crate::to_markdown(&article),
        html: crate::to_html(&article),
        reading_html: view.reading,
        panels_html: view.panels,
        title: article.title,
        url: article.url,
        site,
    })
}

/// Parse a site pattern for the options page.
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
/// a caller reads only a few properties (copying reads the text or Markdown and the HTML).
#[wasm_bindgen]
pub struct Article(crate::Article);

#[wasm_bindgen]
impl Article {
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
