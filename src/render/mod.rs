//! Stage 7 — render: an [`Article`] in, plain text, Markdown, HTML or JSON out; in the browser,
//! the live reading view (`view`, built as DOM by `dom`).
//!
//! All of them walk the same blocks. The HTML renderer writes only the tags it names itself and
//! escapes every text and attribute value, so its output cannot carry the page's scripts, styles
//! or event handlers whatever the page contained; the reading view is built by the same walk.

#[cfg(target_arch = "wasm32")]
pub(crate) mod dom;
mod html;
mod json;
mod markdown;
mod text;
#[cfg(any(target_arch = "wasm32", test))]
mod view;

use crate::model::Article;

pub use json::Rendered;

/// The article as plain text: the title, then each block, separated by blank lines.
pub fn to_text(article: &Article) -> String {
    text::render(article)
}

/// The article as CommonMark, with a front-matter header (title, source, byline, date).
pub fn to_markdown(article: &Article) -> String {
    markdown::render(article)
}

/// The article as sanitized HTML, quotations marked with `<mark class="lectern-quote">`.
pub fn to_html(article: &Article) -> String {
    html::render(article)
}

/// The article as one line of JSON, renderings included (`lectern extract --format json`).
pub fn to_json(article: &Article) -> String {
    serde_json::to_string(&Rendered::new(article)).expect("an article always serialises")
}
