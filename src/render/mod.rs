//! Stage 6 — render: an [`Article`](crate::model::Article) in, HTML, Markdown or plain text out.
//!
//! All three walk the same blocks. The HTML renderer writes only the tags it names itself and
//! escapes every text and attribute value, so its output cannot carry the page's scripts, styles
//! or event handlers whatever the page contained.

pub mod html;
pub mod markdown;
pub mod text;
