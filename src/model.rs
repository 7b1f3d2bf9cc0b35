//! The clean document every renderer works from: an [`Article`] of structured [`Block`]s, the
//! [`Removal`]s that explain what was left out, and the [`Quote`]s found in it.
//!
//! These types are the stable JSON shape of `lectern extract --format json` and of the object the
//! wasm `extract` returns; field names are part of the public contract documented in the README.

use serde::Serialize;

/// Inline content of a block. URLs are absolute and already checked safe by the assembler.
/// In JSON an object with a `type` (`text`, `link`, …, `image`, `anchor`) and the variant's fields.
/// An `Anchor` is a place in the article that a link elsewhere in the page points at (`#id`): the
/// id of the element that started there. It holds no text; the reading view scrolls to it.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text {
        text: String,
    },
    Link {
        href: String,
        children: Vec<Inline>,
    },
    Emphasis {
        children: Vec<Inline>,
    },
    Strong {
        children: Vec<Inline>,
    },
    Code {
        text: String,
    },
    Sub {
        children: Vec<Inline>,
    },
    Sup {
        children: Vec<Inline>,
    },
    Break,
    Image(Image),
    Anchor {
        id: String,
    },
    /// A formula, kept as MathML for the HTML and the view. `text` is what text and Markdown show:
    /// the TeX the page annotated it with (`tex` is then true), else its `alttext`, else its
    /// characters written out on one line.
    Math(Box<Math>),
}

/// A MathML formula: its `<math>` element and the text that stands for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Math {
    pub root: MathNode,
    pub text: String,
    pub tex: bool,
    /// Whether the page set it as a block of its own (`display="block"`).
    pub block: bool,
}

/// A node of a MathML formula. Element and attribute names are from the assembler's allowlist,
/// so they are the renderer's constants; text is the page's and is escaped when written.
#[derive(Clone, Debug, PartialEq)]
pub enum MathNode {
    Element { name: &'static str, attrs: Vec<(&'static str, String)>, children: Vec<MathNode> },
    Text(String),
}

impl Inline {
    /// The inline content inside a container (link, emphasis, strong, subscript, superscript).
    pub fn children(&self) -> Option<&[Inline]> {
        match self {
            Inline::Link { children, .. }
            | Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Sub { children }
            | Inline::Sup { children } => Some(children),
            Inline::Text { .. } | Inline::Code { .. } | Inline::Break | Inline::Image(_) => None,
            Inline::Anchor { .. } | Inline::Math(_) => None,
        }
    }

    /// [`Inline::children`], to edit.
    pub fn children_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Inline::Link { children, .. }
            | Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Sub { children }
            | Inline::Sup { children } => Some(children),
            Inline::Text { .. } | Inline::Code { .. } | Inline::Break | Inline::Image(_) => None,
            Inline::Anchor { .. } | Inline::Math(_) => None,
        }
    }
}

/// The `type` of an [`Inline`] in JSON. A unit variant, where `#[serde(tag = "type")]` would write
/// the tag as a string value: the wasm serializer caches unit variants' strings on the JavaScript
/// side, so the tag, a third of all the strings of an Article, is not decoded afresh for every
/// inline. The JSON is the same either way.
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
    Anchor,
    Math,
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
            Inline::Anchor { .. } => (InlineType::Anchor, 1),
            Inline::Math(_) => (InlineType::Math, 2),
        };
        let mut out = serializer.serialize_struct("Inline", 1 + fields)?;
        out.serialize_field("type", &kind)?;
        match self {
            Inline::Text { text } | Inline::Code { text } => out.serialize_field("text", text)?,
            Inline::Anchor { id } => out.serialize_field("id", id)?,
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
            Inline::Math(math) => {
                out.serialize_field("text", &math.text)?;
                out.serialize_field("tex", &math.tex)?;
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
    /// A video, audio or embedded frame of the page, shown as a link to it (never as the frame).
    Embed,
}

/// What an embedded player or frame plays, by the element that held it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmbedMedia {
    /// `<video>`, or a frame from a host that serves video players.
    Video,
    Audio,
    /// Any other `<iframe>` or `<embed>`: a post, a map, a chart.
    Frame,
}

/// An embedded player or frame, as a link card: where it lives, who serves it, what it is called.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Embed {
    /// Its address, absolute and checked safe (http or https).
    pub url: String,
    /// The host that serves it, without `www.`: `youtube.com`, `player.vimeo.com`.
    pub provider: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub media: EmbedMedia,
}

impl Embed {
    /// The card's words: "Video: Title (youtube.com)", or "Video (youtube.com)" untitled.
    pub fn label(&self) -> String {
        let what = match self.media {
            EmbedMedia::Video => "Video",
            EmbedMedia::Audio => "Audio",
            EmbedMedia::Frame => "Embedded content",
        };
        match &self.title {
            Some(title) => format!("{what}: {title} ({})", self.provider),
            None => format!("{what} ({})", self.provider),
        }
    }
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
    /// The player or frame of an embed block. Its `text` is empty: the card's words are the
    /// renderer's, not the article's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embed: Option<Embed>,
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
            embed: None,
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
            Inline::Math(math) => out.push_str(&math.text),
            Inline::Break => out.push('\n'),
            Inline::Image(_) | Inline::Anchor { .. } => {}
            container => push_inline_text(container.children().unwrap_or_default(), out),
        }
    }
}

/// What kind of thing was left out: the `kind` of a [`Removal`] in JSON.
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

/// Why something was left out. [`Reason::kind`] gives its [`RemovalKind`]; `Display` gives the
/// words the JSON's `reason` and the reading view show (written in one place, there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Page furniture, recognised by what it is.
    Furniture(Furniture),
    /// A block inside the article shaped like furniture rather than prose, and what its class
    /// names call it when they call it something.
    Shape { shape: Shape, named: Option<Furniture> },
    /// The article's title again, inside the body.
    Title,
    /// The byline again, as a paragraph of the body.
    Byline,
    /// A repeat of a block the article keeps: `of` is that block's index in `blocks`, or `None`
    /// when the block it repeats was itself removed.
    Repeat { how: Repeat, of: Option<usize> },
}

/// Kinds of page furniture, each named as a reader would name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Furniture {
    Hidden,
    Navigation,
    Byline,
    Advertisement,
    ShareBar,
    Comments,
    RelatedStories,
    LatestNews,
    TrendingStories,
    MostRead,
    NewsletterBox,
    CookieNotice,
    Footer,
    Header,
    Sidebar,
    PopUp,
    Aside,
    Dateline,
    /// A box about the writer ("Hallo, ich bin Foodbloggerin…", "X is a reporter who covers…").
    AuthorBio,
    /// A picture's credit or copyright line ("Foto: Getty Images").
    Credit,
    /// The wire agencies' and editors' initials that sign off a story ("aja/PAP", "(dpa/lnw)").
    Signature,
    /// The site's disclaimer or licence notice ("Views expressed are the author's own").
    Disclaimer,
    /// A widget asking the reader to rate the article.
    Rating,
    /// The post's own details: when it was filed, under which category, with which tags.
    PostDetails,
    /// A prompt to subscribe, follow, download the app or write in.
    CallToAction,
    /// A video, audio or frame with no address a reader could follow.
    Embed,
    /// A block whose whole text is a label such as "Advertisement" or "Share this post".
    Label,
    /// Furniture without a more specific name.
    Other,
}

/// What made a block inside the article look like furniture (the conditional cleaning's tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    NegativeClassWords,
    MoreImagesThanText,
    ListOfLinks,
    Form,
    LinkStub,
    MostlyLinks,
    /// Linked headlines with a teaser line or a picture each: cards for other stories.
    TeaserGrid,
    /// A short link (or row of links) that the page repeats beside item after item.
    Recurring,
    /// A heading with nothing under it: the next block is a heading of the same or a higher rank,
    /// or there is none.
    EmptySection,
}

/// How a removed block repeats a kept one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeat {
    Duplicate,
    NearDuplicate,
    Teaser,
    PullQuote,
}

impl Reason {
    pub fn kind(self) -> RemovalKind {
        match self {
            Reason::Furniture(_) | Reason::Shape { .. } => RemovalKind::Boilerplate,
            Reason::Title => RemovalKind::Title,
            Reason::Byline => RemovalKind::Duplicate,
            Reason::Repeat { how: Repeat::Duplicate | Repeat::NearDuplicate, .. } => RemovalKind::Duplicate,
            Reason::Repeat { how: Repeat::Teaser, .. } => RemovalKind::Teaser,
            Reason::Repeat { how: Repeat::PullQuote, .. } => RemovalKind::PullQuote,
        }
    }

    /// The kept block this removal repeats, for duplicates, teasers and pull-quotes.
    pub fn kept_block(self) -> Option<usize> {
        match self {
            Reason::Repeat { of, .. } => of,
            _ => None,
        }
    }
}

impl Furniture {
    fn words(self) -> &'static str {
        match self {
            Furniture::Hidden => "hidden on the page",
            Furniture::Navigation => "navigation",
            Furniture::Byline => "byline",
            Furniture::Advertisement => "advertisement",
            Furniture::ShareBar => "share bar",
            Furniture::Comments => "comments",
            Furniture::RelatedStories => "related stories",
            Furniture::LatestNews => "latest news",
            Furniture::TrendingStories => "trending stories",
            Furniture::MostRead => "most read",
            Furniture::NewsletterBox => "newsletter box",
            Furniture::CookieNotice => "cookie notice",
            Furniture::Footer => "footer",
            Furniture::Header => "header",
            Furniture::Sidebar => "sidebar",
            Furniture::PopUp => "pop-up",
            Furniture::Aside => "aside",
            Furniture::Dateline => "dateline",
            Furniture::AuthorBio => "author bio",
            Furniture::Credit => "picture credit",
            Furniture::Signature => "agency signature",
            Furniture::Disclaimer => "disclaimer",
            Furniture::Rating => "rating widget",
            Furniture::PostDetails => "post details",
            Furniture::CallToAction => "call to action",
            Furniture::Embed => "embedded media without a usable address",
            Furniture::Label => "page furniture label",
            Furniture::Other => "page furniture",
        }
    }
}

impl Shape {
    fn words(self) -> &'static str {
        match self {
            Shape::NegativeClassWords => "negative class words",
            Shape::MoreImagesThanText => "more images than text",
            Shape::ListOfLinks => "list of links",
            Shape::Form => "form",
            Shape::LinkStub => "link stub",
            Shape::MostlyLinks => "mostly links",
            Shape::TeaserGrid => "teasers for other stories",
            Shape::Recurring => "link repeated across the page",
            Shape::EmptySection => "heading with nothing under it",
        }
    }
}

/// The reason in words, as the JSON's `reason` and the reading view give it: "navigation",
/// "share bar (mostly links)", "duplicate of block 3", "the article title, shown once above".
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            // The kind ("boilerplate") is said beside the reason, so the words name only what it was.
            Reason::Furniture(furniture) => f.write_str(furniture.words()),
            Reason::Shape { shape, named: None } => f.write_str(shape.words()),
            Reason::Shape { shape, named: Some(furniture) } => write!(f, "{} ({})", furniture.words(), shape.words()),
            Reason::Title => f.write_str("the article title, shown once above"),
            Reason::Byline => f.write_str("the byline, shown once above"),
            Reason::Repeat { how, of } => {
                let what = match how {
                    Repeat::Duplicate => "duplicate of",
                    Repeat::NearDuplicate => "near-duplicate of",
                    Repeat::Teaser => "teaser of",
                    Repeat::PullQuote => "pull-quote from",
                };
                match of {
                    Some(block) => write!(f, "{what} block {}", block + 1),
                    None => write!(f, "{what} a block that was itself removed"),
                }
            }
        }
    }
}

/// Something removed from the article, with enough to show it and put it back. In JSON:
/// `kind`, `reason` (in words), `text`, and `kept_block` and `position` when they apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Removal {
    pub reason: Reason,
    pub text: String,
    /// Index into `blocks` before which the removed content stood, for showing it back inline.
    pub position: Option<usize>,
}

impl Removal {
    pub fn kind(&self) -> RemovalKind {
        self.reason.kind()
    }
}

impl Serialize for Removal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let kept_block = self.reason.kept_block();
        let fields = 3 + usize::from(kept_block.is_some()) + usize::from(self.position.is_some());
        let mut out = serializer.serialize_struct("Removal", fields)?;
        out.serialize_field("kind", &self.kind())?;
        out.serialize_field("reason", &self.reason.to_string())?;
        out.serialize_field("text", &self.text)?;
        if let Some(block) = kept_block {
            out.serialize_field("kept_block", &block)?;
        }
        if let Some(position) = self.position {
            out.serialize_field("position", &position)?;
        }
        out.end()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Partial,
    Block,
    Scare,
    /// The name of a work, programme, organisation or nickname in quotation marks (“Meet the
    /// Press”, „Die Zeit“, 『雪国』): nobody's words, so neither highlighted nor listed as speech.
    Title,
}

impl QuoteKind {
    /// Whether the quotation is someone's words (direct, partial or block), not a scare quote or
    /// a title: what the quote panel lists and the view highlights as speech.
    pub fn is_speech(self) -> bool {
        matches!(self, QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Block)
    }
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

/// The extracted article. Its plain text, Markdown and HTML are renderings of it, made by the
/// render stage when asked for (the CLI's JSON and the wasm `toJSON()` include them).
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
    /// The lead-in the page shows between the headline and the story (the dek), when the page
    /// sets it apart from the story's body; rendered under the title.
    pub standfirst: Option<String>,
    pub lead_image: Option<String>,
    pub blocks: Vec<Block>,
    pub quotes: Vec<Quote>,
    pub removed: Vec<Removal>,
    pub stats: Stats,
}

impl Article {
    /// The quotations that are someone's words (see [`QuoteKind::is_speech`]): what the view's
    /// quote list shows and its button counts.
    pub fn speech(&self) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(|q| q.kind.is_speech())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_says_what_was_removed_once_and_its_kind_follows_from_it() {
        let navigation = Reason::Furniture(Furniture::Navigation);
        assert_eq!(navigation.to_string(), "navigation");
        assert_eq!(navigation.kind(), RemovalKind::Boilerplate);
        let shaped = Reason::Shape { shape: Shape::MostlyLinks, named: Some(Furniture::ShareBar) };
        assert_eq!(shaped.to_string(), "share bar (mostly links)");
        assert_eq!(Reason::Shape { shape: Shape::LinkStub, named: None }.to_string(), "link stub");
        let teaser = Reason::Repeat { how: Repeat::Teaser, of: Some(6) };
        assert_eq!(
            (teaser.to_string().as_str(), teaser.kind(), teaser.kept_block()),
            ("teaser of block 7", RemovalKind::Teaser, Some(6))
        );
        let orphan = Reason::Repeat { how: Repeat::NearDuplicate, of: None };
        assert_eq!(orphan.to_string(), "near-duplicate of a block that was itself removed");
        assert_eq!(Reason::Byline.kind(), RemovalKind::Duplicate);
    }

    #[test]
    fn a_removal_serialises_its_kind_reason_and_the_block_it_repeats() {
        let r = Removal {
            reason: Reason::Repeat { how: Repeat::Duplicate, of: Some(2) },
            text: "x".into(),
            position: Some(3),
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"kind":"duplicate","reason":"duplicate of block 3","text":"x","kept_block":2,"position":3}"#
        );
        let r = Removal { reason: Reason::Furniture(Furniture::Footer), text: "x".into(), position: None };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"kind":"boilerplate","reason":"footer","text":"x"}"#);
    }
}
