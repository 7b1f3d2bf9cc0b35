//! The clean document every renderer works from: an [`Article`] of structured [`Block`]s, the
//! [`Removal`]s that explain what was left out, and the [`Quote`]s found in it.
//!
//! These types are the stable JSON shape of `lectern extract --format json` and of the object the
//! wasm `extract` returns; field names are part of the public contract documented in the README.

use serde::Serialize;

/// Inline content of a block. URLs are absolute and already checked safe by the assembler.
/// In JSON an object with a `type` (`text`, `link`, …, `image`) and the variant's fields.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text { text: String },
    Link { href: String, children: Vec<Inline> },
    Emphasis { children: Vec<Inline> },
    Strong { children: Vec<Inline> },
    Code { text: String },
    Sub { children: Vec<Inline> },
    Sup { children: Vec<Inline> },
    Break,
    Image(Image),
}

/// The `type` of an [`Inline`] in JSON. A unit variant, where `#[serde(tag = "type")]` would write
/// the tag as a string value: the wasm serializer caches unit variants' strings on the JavaScript
/// side, so the tag, a third of all the strings of an Article, is not decoded afresh for every
/// inline (measured with bench/ab.mjs). The JSON is the same either way.
#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
enum InlineType {
    Text,
    Link,
    Emphasis,
    Strong,
    Code,
    Sub,
    Sup,
    Break,
    Image,
}

impl Serialize for Inline {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (kind, fields) = match self {
            Inline::Text { .. } => (InlineType::Text, 1),
            Inline::Link { .. } => (InlineType::Link, 2),
            Inline::Emphasis { .. } => (InlineType::Emphasis, 1),
            Inline::Strong { .. } => (InlineType::Strong, 1),
            Inline::Code { .. } => (InlineType::Code, 1),
            Inline::Sub { .. } => (InlineType::Sub, 1),
            Inline::Sup { .. } => (InlineType::Sup, 1),
            Inline::Break => (InlineType::Break, 0),
            Inline::Image(_) => (InlineType::Image, 2),
        };
        let mut out = serializer.serialize_struct("Inline", 1 + fields)?;
        out.serialize_field("type", &kind)?;
        match self {
            Inline::Text { text } | Inline::Code { text } => out.serialize_field("text", text)?,
            Inline::Link { href, children } => {
                out.serialize_field("href", href)?;
                out.serialize_field("children", children)?;
            }
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Sub { children }
            | Inline::Sup { children } => out.serialize_field("children", children)?,
            Inline::Break => {}
            Inline::Image(image) => {
                out.serialize_field("src", &image.src)?;
                out.serialize_field("alt", &image.alt)?;
            }
        }
        out.end()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    List,
    Quote,
    Figure,
    Table,
    Code,
}

/// One list item: its inline content and nesting level (0 for top-level items).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListItem {
    pub level: u8,
    pub content: Vec<Inline>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableCell {
    pub header: bool,
    pub content: Vec<Inline>,
}

/// A block of the article body. `text` is its plain text (whitespace collapsed; list items and
/// table rows on their own lines); the other fields carry the structure for the kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Heading level 2–6 (the article title is level 1 and is not a block).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Inline content of headings, paragraphs, quotes, code and figure captions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<Inline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordered: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ListItem>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Vec<TableCell>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// Language tag of a code block, when the page gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Block {
    pub fn new(kind: BlockKind, content: Vec<Inline>) -> Self {
        let mut b = Block {
            kind,
            text: String::new(),
            level: None,
            content,
            ordered: None,
            items: Vec::new(),
            rows: Vec::new(),
            image: None,
            language: None,
        };
        b.text = b.plain_text();
        b
    }

    /// Plain text of the block as the text renderer prints it.
    pub fn plain_text(&self) -> String {
        match self.kind {
            BlockKind::List => self
                .items
                .iter()
                .map(|i| format!("{}- {}", "  ".repeat(i.level as usize), inline_text(&i.content)))
                .collect::<Vec<_>>()
                .join("\n"),
            BlockKind::Table => self
                .rows
                .iter()
                .map(|r| r.iter().map(|c| inline_text(&c.content)).collect::<Vec<_>>().join(" | "))
                .collect::<Vec<_>>()
                .join("\n"),
            BlockKind::Code => inline_text_raw(&self.content),
            _ => inline_text(&self.content),
        }
    }
}

/// Plain text of normalised inline content: text as it stands, `Break` as a newline. Quote
/// offsets count characters of this string, and the HTML renderer counts the same way.
pub fn inline_text(content: &[Inline]) -> String {
    let mut raw = String::new();
    push_inline_text(content, &mut raw);
    raw
}

/// Plain text of inline content with whitespace kept (code blocks).
pub fn inline_text_raw(content: &[Inline]) -> String {
    let mut raw = String::new();
    push_inline_text(content, &mut raw);
    raw.trim_matches('\n').to_string()
}

fn push_inline_text(content: &[Inline], out: &mut String) {
    for i in content {
        match i {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Link { children, .. }
            | Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Sub { children }
            | Inline::Sup { children } => push_inline_text(children, out),
            Inline::Break => out.push('\n'),
            Inline::Image(_) => {}
        }
    }
}

/// Collapse runs of whitespace (including non-breaking spaces) to one space and trim.
pub fn collapse_whitespace(s: &str) -> String {
    let mut c = Collapser::with_capacity(s.len());
    c.push(s);
    c.finish()
}

/// [`collapse_whitespace`] of text that comes in pieces (the text nodes of a subtree), without
/// joining the pieces first: the result is that of collapsing their concatenation.
pub struct Collapser {
    out: String,
    pending_space: bool,
}

impl Collapser {
    pub fn with_capacity(bytes: usize) -> Collapser {
        Collapser { out: String::with_capacity(bytes), pending_space: false }
    }

    pub fn push(&mut self, s: &str) {
        for run in runs(s) {
            match run {
                Run::Space => self.pending_space = true,
                Run::Words(words) => {
                    if self.pending_space && !self.out.is_empty() {
                        self.out.push(' ');
                    }
                    self.pending_space = false;
                    self.out.push_str(words);
                }
            }
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// A stretch of text as whitespace collapsing reads it.
pub enum Run<'a> {
    /// Whitespace (as `char::is_whitespace`, so no-break spaces too) that collapsing turns into
    /// one space: any run of it except a single ASCII space between two words.
    Space,
    /// Words with single ASCII spaces between them: text that collapsing leaves as it is, so it
    /// is copied in one piece rather than word by word (most of a page's prose is one such run).
    Words(&'a str),
}

/// `s` as alternating [`Run`]s: the one reading of whitespace that collapsing, measuring and
/// assembling text share.
pub fn runs(s: &str) -> impl Iterator<Item = Run<'_>> {
    let bytes = s.as_bytes();
    // Whitespace only (the indentation between tags, most of the texts a page is made of) is one
    // run, found by `is_blank`'s whole-chunk check rather than character by character.
    let mut all_space = !s.is_empty() && is_blank(s);
    let mut i = 0;
    std::iter::from_fn(move || {
        if all_space {
            all_space = false;
            i = bytes.len();
            return Some(Run::Space);
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        if space_len_at(s, i) > 0 {
            while i < bytes.len() {
                match space_len_at(s, i) {
                    0 => break,
                    len => i += len,
                }
            }
            return Some(Run::Space);
        }
        loop {
            // Bytes that never start whitespace are stepped over without a closer look.
            while i < bytes.len() && BYTE_CLASS[bytes[i] as usize] == NEVER_SPACE {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            // A lone space with a word after it stays in the run.
            let lone_space = bytes[i] == b' ' && i + 1 < bytes.len() && space_len_at(s, i + 1) == 0;
            if lone_space {
                i += 2;
            } else if space_len_at(s, i) == 0 {
                i += 1;
            } else {
                break;
            }
        }
        Some(Run::Words(&s[start..i]))
    })
}

/// [`BYTE_CLASS`] of a byte that never starts a whitespace character: other ASCII, the other
/// lead bytes and every continuation byte.
const NEVER_SPACE: u8 = 0;
/// [`BYTE_CLASS`] of ASCII whitespace.
const ASCII_SPACE: u8 = 1;
/// [`BYTE_CLASS`] of a lead byte that some whitespace characters start with.
const MAYBE_SPACE: u8 = 2;
/// For each byte, whether a whitespace character starts with it (see [`space_len_at`]).
static BYTE_CLASS: [u8; 256] = {
    let mut class = [NEVER_SPACE; 256];
    let mut b = 0;
    while b < 256 {
        if is_ascii_space(b as u8) {
            class[b] = ASCII_SPACE;
        } else if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            class[b] = MAYBE_SPACE;
        }
        b += 1;
    }
    class
};

/// The length in bytes of the whitespace character (as `char::is_whitespace`) starting at byte
/// `i` of `s`, or 0 when there is none there: another character, or the inside of one.
#[inline(always)]
pub fn space_len_at(s: &str, i: usize) -> usize {
    match BYTE_CLASS[s.as_bytes()[i] as usize] {
        NEVER_SPACE => 0,
        ASCII_SPACE => 1,
        _ => non_ascii_space_len(&s.as_bytes()[i..]),
    }
}

/// Non-ASCII whitespace by its UTF-8 bytes: U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
/// U+2029, U+202F, U+205F and U+3000 (a test holds this to `char::is_whitespace`).
#[inline(never)]
fn non_ascii_space_len(bytes: &[u8]) -> usize {
    match bytes {
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// The character at byte `i` of `s` (a character boundary) and its length in bytes. ASCII, most
/// of the text of most pages, is read without decoding.
#[inline]
pub fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().expect("i is at a character boundary");
        (c, c.len_utf8())
    }
}

/// Whether `needle` occurs in `haystack`, by a plain scan: for the short strings the pipeline asks
/// about on every element or link (class tokens, URL paths), setting up `str::contains`'s
/// substring search costs more than the scan.
pub fn contains_bytes(haystack: &str, needle: &[u8]) -> bool {
    needle.is_empty() || haystack.as_bytes().windows(needle.len()).any(|w| w == needle)
}

/// The ASCII characters `char::is_whitespace` accepts: tab to carriage return, and space.
pub const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether `s` is empty or only whitespace (as `s.trim().is_empty()`, without decoding ASCII).
pub fn is_blank(s: &str) -> bool {
    // The indentation between tags is most of a page's text nodes and often dozens of bytes
    // long: whole 16-byte chunks of ASCII whitespace are checked without a branch per byte (the
    // fold vectorises), and the first chunk holding anything else is read byte by byte.
    const CHUNK: usize = 16;
    let bytes = s.as_bytes();
    let mut start = 0;
    for chunk in bytes.chunks_exact(CHUNK) {
        if !chunk.iter().fold(true, |all, &b| all & is_ascii_space(b)) {
            break;
        }
        start += CHUNK;
    }
    for (i, &b) in bytes[start..].iter().enumerate() {
        if !b.is_ascii() {
            return s[start + i..].chars().all(char::is_whitespace);
        }
        if !is_ascii_space(b) {
            return false;
        }
    }
    true
}

/// Why something on the page is not in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalKind {
    /// A copy of a block that the article keeps.
    Duplicate,
    /// A truncated copy (teaser, summary) of a block that the article keeps.
    Teaser,
    /// A pull-quote: a sentence lifted out of a block that the article keeps.
    PullQuote,
    /// Page furniture: navigation, share bars, related links, comments, ads, footers.
    Boilerplate,
    /// The article title repeated as a heading in the body.
    Title,
}

/// Something removed from the article, with enough to show it and put it back.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Removal {
    pub kind: RemovalKind,
    pub reason: String,
    pub text: String,
    /// For duplicates, teasers and pull-quotes: index into `blocks` of the copy that was kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_block: Option<usize>,
    /// Index into `blocks` before which the removed content stood, for showing it back inline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Partial,
    Block,
    Scare,
}

/// A quotation in the article body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    pub id: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_role: Option<String>,
    /// Index of the block in `blocks`.
    pub block: usize,
    /// Character offsets into that block's `text`, the quotation marks included.
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub words: usize,
    pub reading_minutes: u32,
    pub duplicates_removed: usize,
    pub boilerplate_removed: usize,
    pub elapsed_ms: f64,
}

/// The extracted article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    pub title: String,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    /// `"ltr"` or `"rtl"`.
    pub dir: String,
    pub url: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image: Option<String>,
    pub text: String,
    pub markdown: String,
    pub html: String,
    pub blocks: Vec<Block>,
    pub quotes: Vec<Quote>,
    pub removed: Vec<Removal>,
    pub stats: Stats,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_of_any_script_collapse_to_one_space_and_the_ends_go() {
        assert_eq!(collapse_whitespace(""), "");
        assert_eq!(collapse_whitespace(" \t\n "), "");
        assert_eq!(collapse_whitespace("  one \n\t two  "), "one two");
        assert_eq!(collapse_whitespace("a\u{00A0}\u{2003}b\u{000B}c\u{3000}"), "a b c");
        assert_eq!(collapse_whitespace("گفت  \u{200C}می‌گوید"), "گفت \u{200C}می‌گوید");
        assert_eq!(collapse_whitespace("«Oui»\u{202F}!"), "«Oui» !");
    }

    #[test]
    fn whitespace_is_found_from_the_bytes_exactly_as_char_is_whitespace_finds_it() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let expected = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(space_len_at(&s, 1), expected, "U+{:04X}", c as u32);
            // No byte inside the character reads as the start of whitespace.
            for inner in 2..1 + c.len_utf8() {
                assert_eq!(space_len_at(&s, inner), 0, "U+{:04X} byte {inner}", c as u32);
            }
        }
    }

    #[test]
    fn runs_keep_single_spaces_between_words_and_collapse_everything_else() {
        let words = |s: &str| {
            runs(s)
                .map(|r| match r {
                    Run::Space => "_".to_string(),
                    Run::Words(w) => format!("[{w}]"),
                })
                .collect::<String>()
        };
        assert_eq!(words(""), "");
        assert_eq!(words("one two three"), "[one two three]");
        assert_eq!(words(" one two "), "_[one two]_");
        assert_eq!(words("one  two\tthree\u{00A0}four é"), "[one]_[two]_[three]_[four é]");
        assert_eq!(words("a \n b"), "[a]_[b]");
        // Collapsing by runs equals collapsing word by word, on text of every kind of spacing.
        let pieces = ["a", "é", "گفت", " ", "  ", "\n", "\u{00A0}", "\u{3000}", "\u{200B}", "x y", "。"];
        for i in 0..pieces.len().pow(4) {
            let s: String = (0..4).map(|k| pieces[i / pieces.len().pow(k) % pieces.len()]).collect();
            assert_eq!(collapse_whitespace(&s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
    }

    #[test]
    fn blank_means_only_whitespace_as_trim_sees_it() {
        for s in ["", " ", "\t\r\n\u{000B}\u{000C}", "\u{00A0}", " \u{3000} \u{2028}"] {
            assert!(is_blank(s), "{s:?}");
            assert_eq!(is_blank(s), s.trim().is_empty());
        }
        for s in ["x", "  .", "\u{00A0}é", "\u{200B}", " \u{200C} "] {
            assert!(!is_blank(s), "{s:?}");
            assert_eq!(is_blank(s), s.trim().is_empty());
        }
        // Long runs, read in whole chunks: the odd character anywhere, ASCII or not, counts.
        let indent = "\n\t\t  ".repeat(9);
        assert!(is_blank(&indent));
        for at in [0, 15, 16, 17, 40] {
            for odd in ["x", "\u{00A0}", "\u{200B}"] {
                let s = format!("{}{odd}{}", &indent[..at], &indent[at..]);
                assert_eq!(is_blank(&s), s.trim().is_empty(), "{s:?}");
            }
        }
    }
}
