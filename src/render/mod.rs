//! Stage 7 — render: an [`Article`] in, plain text, Markdown, HTML or JSON out, and the reading
//! view's HTML (`view`), which the extension's view page shows.
//!
//! All of them walk the same blocks. The HTML renderer writes only the tags it names itself and
//! escapes every text and attribute value, so its output cannot carry the page's scripts, styles
//! or event handlers whatever the page contained; the reading view is built by the same walk.

mod html;
mod json;
mod markdown;
mod text;
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

/// The reading view of an article as HTML, in the two parts the view shows one after the other.
pub struct ViewHtml {
    /// What shows first: the header and the article, quotations marked, removed repeats in place
    /// but hidden.
    pub reading: String,
    /// The quote list and the list of removals, hidden until the toolbar opens them: the view
    /// puts them in once the article is on screen.
    pub panels: String,
}

/// The reading view of `article`, written by the same escaping walk as [`to_html`].
pub fn to_view_html(article: &Article) -> ViewHtml {
    let mut reading = html::StringSink::default();
    view::write_reading(&mut reading, article);
    let mut panels = html::StringSink::default();
    view::write_panels(&mut panels, article);
    ViewHtml { reading: reading.out, panels: panels.out }
}
