//! What "inert" means for Lectern's outputs, checked from the text of the output alone: HTML
//! holding only the renderer's own elements and attributes and safe addresses, and Markdown that,
//! rendered by a CommonMark renderer passing HTML through, holds only what Markdown makes. Used by
//! the hostile-page suite and the fuzz targets.

#![allow(dead_code)]

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use std::cell::RefCell;

/// Elements and attributes Lectern's HTML renderer writes.
const RENDERER_ELEMENTS: &[&str] = &[
    "article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "pre", "code", "figure", "img", "figcaption",
    "ul", "ol", "li", "table", "caption", "tbody", "tr", "td", "th", "a", "em", "strong", "sub", "sup", "br", "mark",
    "span",
    // MathML that draws a formula: no `maction`, `mglyph`, `annotation-xml`, nothing that links or loads.
    "math", "semantics", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msub", "msup", "msubsup", "mfrac", "msqrt",
    "mroot", "mstyle", "merror", "mpadded", "mphantom", "mfenced", "menclose", "munder", "mover", "munderover",
    "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr",
];
const RENDERER_ATTRIBUTES: &[&str] = &[
    "dir", "lang", "href", "rel", "src", "alt", "loading", "referrerpolicy", "class", "data-quote", "data-kind",
    "data-speaker", "data-anchor", // How a formula is drawn; none of them loads or runs anything.
    "display", "mathvariant", "displaystyle", "linethickness", "accent", "accentunder", "stretchy", "notation", "open",
    "close", "columnspan", "rowspan",
];

/// Elements and attributes the reading view adds around the renderer's (its header, the hidden
/// removed repeats, the quote and removal panels).
const VIEW_ELEMENTS: &[&str] = &["header", "div", "bdi", "time", "button"];
const VIEW_ATTRIBUTES: &[&str] = &[
    "id", "role", "aria-labelledby", "tabindex", "hidden", "type", "title", "datetime", "data-removal",
    "data-show-removal", "data-close-panel",
];

/// Elements and attributes a CommonMark renderer makes from Markdown (pulldown-cmark's names).
const MARKDOWN_ELEMENTS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
    "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "del",
];
const MARKDOWN_ATTRIBUTES: &[&str] = &["href", "title", "src", "alt", "class", "start", "style"];

/// Whether an address can only fetch or link, never run: web, mail, in-page and relative
/// addresses, and raster images inline. The scheme is read as a browser's URL parser reads it:
/// spaces and controls around the address ignored, tabs and line breaks inside it removed, and
/// letters, digits, `+`, `-` and `.` before a `:` (anything else there makes a relative address).
pub fn is_safe_address(value: &str) -> bool {
    let v: String =
        value.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let v = v.to_ascii_lowercase();
    let scheme = v.split_once(':').map(|(s, _)| s).filter(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    match scheme {
        None => true,
        Some("http" | "https" | "mailto") => true,
        Some("data") => [
            "data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp",
            "data:image/avif",
        ]
        .iter()
        .any(|p| v.starts_with(p)),
        Some(_) => false,
    }
}

/// Everything in `html` outside `elements` and `attributes`, every unsafe address and every
/// comment, as found by the HTML tokenizer (which, unlike Lectern's own parser, keeps every
/// attribute).
fn active_markup(html: &str, elements: &[&str], attributes: &[&str]) -> Vec<String> {
    struct Collect<'a> {
        elements: &'a [&'a str],
        attributes: &'a [&'a str],
        found: RefCell<Vec<String>>,
    }
    impl TokenSink for Collect<'_> {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let mut found = self.found.borrow_mut();
            match token {
                Token::TagToken(Tag { kind: TagKind::StartTag, name, attrs, .. }) => {
                    if !self.elements.contains(&&*name) {
                        found.push(format!("<{name}>"));
                    }
                    for a in attrs {
                        let attr = &*a.name.local;
                        if !self.attributes.contains(&attr) {
                            found.push(format!("{attr} on <{name}>"));
                        }
                        if matches!(attr, "href" | "src") && !is_safe_address(&a.value) {
                            found.push(format!("{attr}={:?}", a.value.chars().take(60).collect::<String>()));
                        }
                    }
                }
                Token::CommentToken(text) => {
                    found.push(format!("comment {:?}", text.chars().take(40).collect::<String>()))
                }
                _ => {}
            }
            TokenSinkResult::Continue
        }
    }
    let sink = Collect { elements, attributes, found: RefCell::default() };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.found.into_inner()
}

/// What in Lectern's HTML output is not the renderer's own.
pub fn html_active_markup(html: &str) -> Vec<String> {
    active_markup(html, RENDERER_ELEMENTS, RENDERER_ATTRIBUTES)
}

/// What in the reading view's HTML is neither the renderer's own nor the view's.
pub fn view_active_markup(html: &str) -> Vec<String> {
    let elements: Vec<&str> = RENDERER_ELEMENTS.iter().chain(VIEW_ELEMENTS).copied().collect();
    let attributes: Vec<&str> = RENDERER_ATTRIBUTES.iter().chain(VIEW_ATTRIBUTES).copied().collect();
    active_markup(html, &elements, &attributes)
}

/// What `markdown`, rendered by pulldown-cmark with HTML passed through, holds beyond what
/// Markdown makes.
pub fn markdown_active_markup(markdown: &str) -> Vec<String> {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(markdown));
    active_markup(&html, MARKDOWN_ELEMENTS, MARKDOWN_ATTRIBUTES)
}
