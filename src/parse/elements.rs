//! HTML's element categories that more than one stage asks about: a tag name in, whether it lays
//! out text as a block or never has content.

/// Elements that lay out text as blocks; everything else is phrasing content.
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "ul", "tbody", "thead", "tfoot", "tr", "td", "th", "caption",
    "center", "menu", "summary",
];

/// Elements that never have content, so their start tags never deepen the tree.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    "keygen",
];

/// Players and frames. The finder keeps them, without what they hold, when they have an address
/// to link to (and accounts for them otherwise); the assembler makes each a link card, a block of
/// its own even inside a paragraph.
pub const EMBED_TAGS: &[&str] = &["iframe", "video", "audio", "embed"];

pub fn is_block_tag(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
}

pub fn is_void(tag: &str) -> bool {
    VOID_ELEMENTS.contains(&tag)
}
