//! Stage 4 — build the clean document: the article's DOM nodes in, structured [`Block`]s out.
//!
//! Only what the model can express survives: headings, paragraphs, lists, block quotes, figures
//! with captions, tables, code, and inline text, links, emphasis, code and images. Link and
//! image URLs are resolved against the page and dropped unless safe, so every renderer works
//! from content that carries no script by construction.

use std::collections::HashSet;

use crate::model::{inline_text, Block, BlockKind, Embed, EmbedMedia, Image, Inline, ListItem, TableCell};
use crate::parse::elements::{is_block_tag, EMBED_TAGS};
use crate::parse::figures::{captioned_image, Captioned};
use crate::parse::{Document, NodeData, NodeId};
use crate::text::collapse_whitespace;
use crate::urls;
use inline::{images_in, normalize_inlines};

mod inline;
mod math;

/// Attributes lazy-loading scripts keep the real image address in, in order of preference.
const LAZY_SRC_ATTRS: &[&str] =
    &["data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-lazy"];

/// Placeholder images (tracking pixels, blank GIFs) are shorter than this as `data:` URLs.
const MAX_PLACEHOLDER_DATA_URL: usize = 200;

/// Images this many pixels wide or high (or less) are tracking pixels and spacers.
const MAX_PIXEL_SIZE: u32 = 2;

pub struct Assembler<'a> {
    doc: &'a Document,
    base: Option<&'a str>,
    blocks: Vec<Block>,
    run: Vec<Inline>,
    /// For every node of the article: a block-level element stands somewhere below it. Computed
    /// bottom-up once, so asking it of each inline element costs nothing.
    block_below: Vec<bool>,
    /// The ids that links within the article point at (footnotes, a table of contents): only these
    /// become [`Inline::Anchor`]s, so the output carries no ids nobody uses.
    link_targets: HashSet<String>,
    /// Anchors of block elements met before the block that will hold them (a `<section id>`
    /// around a heading): the next block with inline content starts with them.
    pending_anchors: Vec<Inline>,
}

/// Hosts whose frames are video players, by the end of their name: a frame from one of them is
/// called a video on its card (any other frame is "embedded content").
const VIDEO_HOSTS: &[&str] = &["youtube.com", "youtube-nocookie.com", "vimeo.com", "dailymotion.com", "twitch.tv"];

fn is_block_like(tag: &str) -> bool {
    is_block_tag(tag) || heading_level(tag).is_some() || EMBED_TAGS.contains(&tag)
}

/// Assemble the blocks of `nodes` (in order) from `doc`.
pub fn assemble(doc: &Document, nodes: &[NodeId], base: Option<&str>) -> Vec<Block> {
    let mut block_below = vec![false; doc.len()];
    let mut link_targets = HashSet::new();
    for &n in nodes {
        let order: Vec<NodeId> = doc.descendants(n).collect();
        add_link_targets(doc, &order, base, &mut link_targets);
        for &id in order.iter().rev() {
            if id == n {
                continue;
            }
            let below = block_below[id.index()] || doc.tag(id).is_some_and(|t| is_block_like(t));
            if let Some(p) = doc.parent(id) {
                block_below[p.index()] |= below;
            }
        }
    }
    let mut a = Assembler {
        doc,
        base,
        blocks: Vec::new(),
        run: Vec::new(),
        block_below,
        link_targets,
        pending_anchors: Vec::new(),
    };
    for &n in nodes {
        a.node(n);
        a.flush();
    }
    a.blocks
}

/// Add the fragments of the links among `nodes` that lead to a place on the page itself
/// (`#notes`, or the page's own address with a fragment), percent-decoded as ids are written.
fn add_link_targets(doc: &Document, nodes: &[NodeId], base: Option<&str>, targets: &mut HashSet<String>) {
    let page = base.map(|b| b.split('#').next().unwrap_or(b));
    for &d in nodes.iter().filter(|&&d| doc.is_tag(d, "a")) {
        let Some(href) = doc.attr(d, "href").map(str::trim) else { continue };
        let fragment = match href.split_once('#') {
            Some(("", f)) => f,
            Some((address, f)) if page.is_some() && urls::resolve_link(base, address).as_deref() == page => f,
            _ => continue,
        };
        if !fragment.is_empty() {
            targets.insert(percent_encoding::percent_decode_str(fragment).decode_utf8_lossy().into_owned());
        }
    }
}

fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" | "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Inline elements whose content is kept but whose markup is not.
fn is_transparent_inline(tag: &str) -> bool {
    matches!(
        tag,
        "span"
            | "font"
            | "small"
            | "big"
            | "abbr"
            | "acronym"
            | "cite"
            | "dfn"
            | "time"
            | "mark"
            | "u"
            | "s"
            | "strike"
            | "del"
            | "ins"
            | "bdi"
            | "bdo"
            | "data"
            | "var"
            | "label"
            | "nobr"
            | "wbr"
            | "picture"
            | "center"
    )
}

impl<'a> Assembler<'a> {
    /// The anchor `id` starts, if a link in the article points at it (by `id`, or the `name` of an
    /// old-style `<a name>`).
    fn anchor(&self, id: NodeId) -> Option<Inline> {
        let doc = self.doc;
        let name = doc.attr(id, "id").or_else(|| doc.attr(id, "name").filter(|_| doc.is_tag(id, "a")))?;
        self.link_targets.contains(name).then(|| Inline::Anchor { id: name.to_string() })
    }

    fn push_block(&mut self, mut b: Block) {
        if !self.pending_anchors.is_empty() {
            let holder = match b.kind {
                BlockKind::Heading | BlockKind::Paragraph | BlockKind::Quote => Some(&mut b.content),
                BlockKind::List => b.items.first_mut().map(|item| &mut item.content),
                _ => None,
            };
            if let Some(content) = holder {
                content.splice(0..0, std::mem::take(&mut self.pending_anchors));
            }
        }
        let empty_text = b.text.trim().is_empty();
        let has_media = b.image.is_some() || b.embed.is_some() || !b.items.is_empty() || !b.rows.is_empty();
        if !empty_text || has_media {
            self.blocks.push(b);
        }
    }

    /// Turn the pending inline run into a paragraph (or figures, when it is only images).
    fn flush(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = normalize_inlines(std::mem::take(&mut self.run));
        let text = inline_text(&run);
        if text.is_empty() {
            for img in images_in(&run) {
                self.push_block(figure(img, Vec::new()));
            }
            return;
        }
        if let Some((img, caption)) = picture_with_caption_line(&run) {
            self.push_block(figure(img, caption));
            return;
        }
        self.push_block(Block::new(BlockKind::Paragraph, run));
    }

    fn children(&mut self, id: NodeId) {
        for c in self.doc.children(id) {
            self.node(c);
        }
    }

    /// Assemble one node: a block element becomes blocks, inline content joins the pending run.
    fn node(&mut self, id: NodeId) {
        let doc = self.doc;
        let tag = match &doc.node(id).data {
            NodeData::Text(t) => {
                self.run.push(Inline::Text { text: t.to_string() });
                return;
            }
            // Borrowed from the document, which outlives `self`'s mutable borrows below.
            NodeData::Element(e) => &*e.name.local,
            NodeData::Document => return self.children(id),
            _ => return,
        };
        let inline_here = !is_block_like(tag) && !self.has_block_child(id) && !matches!(tag, "img" | "br" | "table");
        if !inline_here {
            if let Some(anchor) = self.anchor(id) {
                self.flush();
                self.pending_anchors.push(anchor);
            }
        }
        if let Some(level) = heading_level(tag) {
            self.flush();
            let mut b = Block::new(BlockKind::Heading, normalize_inlines(self.inlines(id)));
            b.level = Some(level);
            self.push_block(b);
            return;
        }
        match tag {
            "p" if !self.has_block_child(id) => {
                self.flush();
                self.run = self.inlines(id);
                self.flush();
            }
            "br" => self.run.push(Inline::Break),
            "hr" => self.flush(),
            // Old pages and transcripts indent prose with a bare <ul> or <ol>; without items it is
            // no list, and its text is kept as the blocks it holds.
            "ul" | "ol" if !doc.element_children(id).any(|c| doc.is_tag(c, "li")) => self.container(id),
            "ul" | "ol" => self.list(id, tag == "ol"),
            // A table or code in a quotation (an indented release table): its structure stays,
            // and the quotation's prose around it stays quoted.
            "blockquote" if doc.descendants(id).any(|d| doc.is_tag(d, "table") || doc.is_tag(d, "pre")) => {
                let first = self.blocks.len();
                self.container(id);
                for b in &mut self.blocks[first..] {
                    if b.kind == BlockKind::Paragraph {
                        b.kind = BlockKind::Quote;
                    }
                }
            }
            "blockquote" => {
                self.flush();
                let content = normalize_inlines(self.inlines(id));
                self.push_block(Block::new(BlockKind::Quote, content));
            }
            "pre" => self.code(id),
            _ if EMBED_TAGS.contains(&tag) => self.embed(id, tag),
            "figure" => match captioned_image(doc, id) {
                Some(found) => self.figure(id, found),
                None => self.container(id),
            },
            "img" => {
                if let Some(img) = self.image(id) {
                    self.run.push(Inline::Image(img));
                }
            }
            "table" if is_layout_table(doc, id) => self.layout_table(id),
            "table" => self.table(id),
            "figcaption" | "caption" => self.container(id),
            _ if is_block_tag(tag) || self.has_block_child(id) => match captioned_image(doc, id) {
                Some(found) => self.figure(id, found),
                None => self.container(id),
            },
            _ => {
                let inl = self.inline(id);
                self.run.extend(inl);
            }
        }
    }

    /// A block whose children are assembled in turn, with no block of its own.
    fn container(&mut self, id: NodeId) {
        self.flush();
        self.children(id);
        self.flush();
    }

    fn list(&mut self, id: NodeId, ordered: bool) {
        self.flush();
        let mut items = Vec::new();
        self.list_items(id, 0, &mut items);
        if !items.is_empty() {
            let mut b = Block::new(BlockKind::List, Vec::new());
            b.ordered = Some(ordered);
            b.items = items;
            b.text = b.plain_text();
            self.push_block(b);
        }
    }

    /// A `<pre>`: its text as it stands, with the language its classes name (`language-rust`).
    fn code(&mut self, id: NodeId) {
        let doc = self.doc;
        self.flush();
        let code = preformatted_text(doc, id);
        let language = doc
            .descendants(id)
            .filter_map(|d| doc.attr(d, "class"))
            .flat_map(|c| c.split_whitespace())
            .find_map(|c| c.strip_prefix("language-").or_else(|| c.strip_prefix("lang-")))
            .map(str::to_string);
        let mut b = Block::new(BlockKind::Code, vec![Inline::Code { text: code.trim_end().to_string() }]);
        b.language = language;
        self.push_block(b);
    }

    /// A captioned picture (a `<figure>`, or a block shaped as one): its image with its caption,
    /// or, when the image is not usable, its contents.
    fn figure(&mut self, id: NodeId, found: Captioned) {
        self.flush();
        let Some(img) = self.image(found.image) else { return self.container(id) };
        let caption = found.caption.map(|c| normalize_inlines(self.inlines(c))).unwrap_or_default();
        self.push_block(figure(img, caption));
    }

    /// A player or frame: a card linking to it, never the frame itself.
    fn embed(&mut self, id: NodeId, tag: &str) {
        let doc = self.doc;
        self.flush();
        let src = crate::locate::embed_address(doc, id);
        let Some(url) = src.and_then(|s| urls::resolve_link(self.base, s)).filter(|u| u.starts_with("http")) else {
            return;
        };
        let Some(host) = urls::host(&url) else { return };
        let provider = host.strip_prefix("www.").unwrap_or(&host).to_string();
        let media = match tag {
            "video" => EmbedMedia::Video,
            "audio" => EmbedMedia::Audio,
            _ if VIDEO_HOSTS.iter().any(|h| provider == *h || provider.ends_with(&format!(".{h}"))) => {
                EmbedMedia::Video
            }
            _ => EmbedMedia::Frame,
        };
        let title = doc.attr(id, "title").map(collapse_whitespace).filter(|t| !t.is_empty());
        let mut b = Block::new(BlockKind::Embed, Vec::new());
        b.embed = Some(Embed { url, provider, title, media });
        self.push_block(b);
    }

    /// A table that lays out the page: each of its own cells is a container.
    fn layout_table(&mut self, id: NodeId) {
        let doc = self.doc;
        self.flush();
        for d in doc.descendants(id).filter(|&d| doc.is_tag(d, "td") || doc.is_tag(d, "th")) {
            if doc.ancestors(d).find(|&a| doc.is_tag(a, "table")) == Some(id) {
                self.children(d);
                self.flush();
            }
        }
    }

    fn has_block_child(&self, id: NodeId) -> bool {
        self.block_below.get(id.index()).copied().unwrap_or(false)
    }

    /// Inline content of an element's children.
    fn inlines(&self, id: NodeId) -> Vec<Inline> {
        let mut out = Vec::new();
        for c in self.doc.children(id) {
            out.extend(self.inline(c));
        }
        out
    }

    /// Inline content of one node. Block elements met inside inline content become line breaks
    /// around their text.
    fn inline(&self, id: NodeId) -> Vec<Inline> {
        let doc = self.doc;
        let tag = match &doc.node(id).data {
            NodeData::Text(t) => return vec![Inline::Text { text: t.to_string() }],
            NodeData::Element(e) => &*e.name.local,
            _ => return Vec::new(),
        };
        let mut out: Vec<Inline> = self.anchor(id).into_iter().collect();
        out.extend(self.inline_content(id, tag));
        out
    }

    /// [`Assembler::inline`] of an element, without its anchor.
    fn inline_content(&self, id: NodeId, tag: &str) -> Vec<Inline> {
        let doc = self.doc;
        match tag {
            "br" => vec![Inline::Break],
            "img" => self.image(id).map(Inline::Image).into_iter().collect(),
            "a" => {
                let children = self.inlines(id);
                let href = doc.attr(id, "href").and_then(|h| urls::resolve_link(self.base, h));
                match href {
                    Some(href) if !children.is_empty() => vec![Inline::Link { href, children }],
                    _ => children,
                }
            }
            "em" | "i" => vec![Inline::Emphasis { children: self.inlines(id) }],
            "strong" | "b" => vec![Inline::Strong { children: self.inlines(id) }],
            "sub" => vec![Inline::Sub { children: self.inlines(id) }],
            "sup" => vec![Inline::Sup { children: self.inlines(id) }],
            "code" | "kbd" | "samp" | "tt" => vec![Inline::Code { text: doc.text_content(id) }],
            // Ruby annotations (furigana) are reading aids drawn above the base text; in a line
            // of text they double every annotated word ("子こども"), and `<rp>` is their
            // parentheses for browsers without ruby. The base text is the sentence.
            "rt" | "rp" => Vec::new(),
            "math" => vec![math::formula(doc, id)],
            // Browsers draw <q>'s quotation marks from CSS; the text needs them written out.
            "q" => {
                let mut v = vec![Inline::Text { text: "\u{201C}".into() }];
                v.extend(self.inlines(id));
                v.push(Inline::Text { text: "\u{201D}".into() });
                v
            }
            t if is_transparent_inline(t) => self.inlines(id),
            t if is_block_like(t) => {
                let mut v = vec![Inline::Break];
                v.extend(self.inlines(id));
                v.push(Inline::Break);
                v
            }
            _ => self.inlines(id),
        }
    }

    fn list_items(&self, list: NodeId, level: u8, items: &mut Vec<ListItem>) {
        let doc = self.doc;
        for li in doc.element_children(list) {
            if !doc.is_tag(li, "li") {
                continue;
            }
            let mut content: Vec<Inline> = self.anchor(li).into_iter().collect();
            for c in doc.children(li) {
                if doc.is_tag(c, "ul") || doc.is_tag(c, "ol") {
                    continue;
                }
                content.extend(self.inline(c));
            }
            let content = normalize_inlines(content);
            if !inline_text(&content).is_empty() || !images_in(&content).is_empty() {
                items.push(ListItem { level, content });
            }
            for c in doc.element_children(li) {
                if doc.is_tag(c, "ul") || doc.is_tag(c, "ol") {
                    self.list_items(c, level.saturating_add(1), items);
                }
            }
        }
    }

    /// A data table: its own rows (not those of tables nested in it) and caption.
    fn table(&mut self, table: NodeId) {
        let doc = self.doc;
        self.flush();
        let mut rows = Vec::new();
        for tr in doc.descendants(table).filter(|&d| doc.is_tag(d, "tr")) {
            if doc.ancestors(tr).find(|&a| doc.is_tag(a, "table")) != Some(table) {
                continue;
            }
            let cells: Vec<TableCell> = doc
                .element_children(tr)
                .filter(|&c| doc.is_tag(c, "td") || doc.is_tag(c, "th"))
                .map(|c| TableCell { header: doc.is_tag(c, "th"), content: normalize_inlines(self.inlines(c)) })
                .collect();
            if !cells.is_empty() {
                rows.push(cells);
            }
        }
        if rows.is_empty() {
            return;
        }
        let caption = doc
            .element_children(table)
            .find(|&c| doc.is_tag(c, "caption"))
            .map(|c| normalize_inlines(self.inlines(c)))
            .unwrap_or_default();
        let mut b = Block::new(BlockKind::Table, caption);
        b.rows = rows;
        b.text = b.plain_text();
        self.push_block(b);
    }

    /// The real address of an image, looking through lazy-loading attributes and `srcset`.
    fn image(&self, id: NodeId) -> Option<Image> {
        let doc = self.doc;
        let el = doc.element(id)?;
        let tiny = |a: &str| {
            el.attr(a)
                .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
                .is_some_and(|v| v <= MAX_PIXEL_SIZE)
        };
        if tiny("width") || tiny("height") {
            return None;
        }
        let usable = |s: &str| {
            let s = s.trim();
            let placeholder = s.starts_with("data:") && s.len() < MAX_PLACEHOLDER_DATA_URL;
            !s.is_empty() && !placeholder
        };
        let mut candidates: Vec<String> = Vec::new();
        for a in LAZY_SRC_ATTRS {
            if let Some(v) = el.attr(a) {
                candidates.push(v.to_string());
            }
        }
        if let Some(src) = el.attr("src") {
            candidates.insert(0, src.to_string());
        }
        for a in ["srcset", "data-srcset"] {
            if let Some(set) = el.attr(a) {
                if let Some(best) = best_srcset_candidate(set) {
                    candidates.push(best);
                }
            }
        }
        // The first address that resolves to a safe image: a `javascript:` src does not hide the
        // real image in `srcset`.
        let src = candidates
            .iter()
            .filter(|c| usable(c))
            .filter_map(|c| urls::resolve(self.base, c))
            .find(|src| urls::is_safe_image(src))?;
        Some(Image { src, alt: collapse_whitespace(el.attr("alt").unwrap_or("")) })
    }
}

/// The text of preformatted `id` as it shows: text as written, a line break for each `<br>` (code
/// highlighters write lines as `<br>`s) and after each block inside (or as `<div>`s, one a line).
fn preformatted_text(doc: &Document, id: NodeId) -> String {
    let mut out = String::new();
    // Blocks still open, innermost last: a line ends when the walk leaves one.
    let mut open_blocks: Vec<NodeId> = Vec::new();
    for d in doc.descendants(id) {
        while let Some(&b) = open_blocks.last() {
            if doc.ancestors(d).any(|a| a == b) {
                break;
            }
            open_blocks.pop();
            end_line(&mut out);
        }
        match doc.tag(d).map(|t| &**t) {
            None => out.push_str(doc.text(d).unwrap_or("")),
            Some("br") => out.push('\n'),
            Some(t) if d != id && is_block_tag(t) => open_blocks.push(d),
            Some(_) => {}
        }
    }
    out
}

/// End the line of preformatted text `out`, unless it is empty or just ended.
fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// The widest candidate of a `srcset` (by `w` or `x` descriptor; the last one when none).
fn best_srcset_candidate(set: &str) -> Option<String> {
    let mut best: Option<(f64, String)> = None;
    for part in set.split(", ").flat_map(|p| p.split(",\n")) {
        let mut bits = part.split_whitespace();
        let Some(url) = bits.next() else { continue };
        let size = bits.next().and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f64>().ok()).unwrap_or(0.0);
        if best.as_ref().is_none_or(|(s, _)| size >= *s) {
            best = Some((size, url.trim_end_matches(',').to_string()));
        }
    }
    best.map(|(_, u)| u)
}

/// A table that lays out the page rather than holding data: marked so, or holding other tables,
/// paragraphs or large blocks, unless its own rows have header cells (an infobox: each row a
/// `<th>` and its value, values that may hold lists, paragraphs and small tables).
fn is_layout_table(doc: &Document, table: NodeId) -> bool {
    if doc.attr(table, "role") == Some("presentation") {
        return true;
    }
    let own_header = doc
        .descendants(table)
        .filter(|&d| doc.is_tag(d, "th"))
        .any(|th| doc.ancestors(th).find(|&a| doc.is_tag(a, "table")) == Some(table));
    !own_header
        && doc.descendants(table).skip(1).any(|d| {
            doc.is_tag(d, "table") || doc.is_tag(d, "p") || doc.is_tag(d, "div") && doc.descendants(d).count() > 20
        })
}

/// A caption typed under a picture in the same paragraph is one line of at most this many words.
const MAX_CAPTION_LINE_WORDS: usize = 40;
/// A caption's label ("Abbildung 3:", "Fig. 2:", "Photo:") ends with a colon within this many
/// words.
const MAX_CAPTION_LABEL_WORDS: usize = 3;

/// A paragraph that opens with a picture and goes on to one short line about it, marked as a
/// caption: set in its own style (all of it emphasised, small or lowered) or opened by a label
/// ("Abbildung 3: …", "Photo: …"). Editors type captions so where they have no caption field;
/// prose that happens to follow a picture has neither mark and stays a paragraph. An icon (an
/// SVG) before a bold lead-in ("💡 **Tip:** …") opens a callout box, not a caption.
fn picture_with_caption_line(run: &[Inline]) -> Option<(Image, Vec<Inline>)> {
    let (Inline::Image(img), rest) = run.split_first()? else { return None };
    if urls::file_extension(&img.src).as_deref() == Some("svg") {
        return None;
    }
    let rest: Vec<Inline> = rest.iter().skip_while(|i| matches!(i, Inline::Break)).cloned().collect();
    let one_line = !rest.is_empty() && !rest.iter().any(|i| matches!(i, Inline::Break));
    if !one_line || !images_in(&rest).is_empty() {
        return None;
    }
    let text = inline_text(&rest);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > MAX_CAPTION_LINE_WORDS {
        return None;
    }
    let styled = rest.iter().all(|i| match i {
        Inline::Emphasis { .. } | Inline::Strong { .. } | Inline::Sub { .. } | Inline::Sup { .. } => true,
        Inline::Text { text } => text.trim().is_empty(),
        _ => false,
    });
    let bold_lead = matches!(rest.first(), Some(Inline::Strong { .. }));
    let labelled = !bold_lead && words.iter().take(MAX_CAPTION_LABEL_WORDS).any(|w| w.ends_with(':'));
    (styled || labelled).then(|| (img.clone(), rest))
}

fn figure(img: Image, caption: Vec<Inline>) -> Block {
    let mut b = Block::new(BlockKind::Figure, caption);
    b.image = Some(img);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks of `html`'s body, as `(kind, text)`.
    fn blocks(html: &str) -> Vec<Block> {
        let doc = crate::parse::parse_html(html);
        let body = doc.body().unwrap();
        assemble(&doc, &[body], Some("https://news.example/world/story.html"))
    }

    fn kinds_and_texts(html: &str) -> Vec<(BlockKind, String)> {
        blocks(html).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn a_caption_line_typed_under_a_picture_makes_a_figure_and_prose_after_a_picture_stays() {
        let got = kinds_and_texts(
            "<p><img src=/a.jpg><br><em>Figure 4: the weak layer, two millimetres thick.</em></p>\
             <p><img src=/b.jpg>Abbildung: Vergleich auf dem Aletschgletscher.</p>\
             <p><img src=/c.jpg>The snow fell for three days, and on the fourth the pass was closed.</p>\
             <p><img src=/tip.svg><strong>Tip:</strong> compare offers before you sign anything.</p>",
        );
        assert_eq!(
            got,
            [
                (BlockKind::Figure, "Figure 4: the weak layer, two millimetres thick.".into()),
                (BlockKind::Figure, "Abbildung: Vergleich auf dem Aletschgletscher.".into()),
                (BlockKind::Paragraph, "The snow fell for three days, and on the fourth the pass was closed.".into()),
                (BlockKind::Paragraph, "Tip: compare offers before you sign anything.".into()),
            ]
        );
    }

    #[test]
    fn block_elements_become_blocks_and_loose_text_a_paragraph() {
        let got = kinds_and_texts(
            "<h1>Head</h1><p>One <b>two</b></p>loose <i>text</i><blockquote>Said so</blockquote><pre class='language-rust'>fn main() {}\n</pre><hr>",
        );
        assert_eq!(
            got,
            [
                (BlockKind::Heading, "Head".into()),
                (BlockKind::Paragraph, "One two".into()),
                (BlockKind::Paragraph, "loose text".into()),
                (BlockKind::Quote, "Said so".into()),
                (BlockKind::Code, "fn main() {}".into()),
            ]
        );
        let b = blocks("<h1>a</h1><h3>b</h3><pre><code class=lang-js>x</code></pre>");
        assert_eq!((b[0].level, b[1].level), (Some(2), Some(3)), "the title is the only level 1");
        assert_eq!(b[2].language.as_deref(), Some("js"));
    }

    #[test]
    fn nested_lists_keep_their_levels_and_order() {
        let b = blocks("<ol><li>one<ul><li>one a</li></ul></li><li>two</li></ol>");
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].ordered, Some(true));
        let items: Vec<(u8, String)> = b[0].items.iter().map(|i| (i.level, inline_text(&i.content))).collect();
        assert_eq!(items, [(0, "one".into()), (1, "one a".into()), (0, "two".into())]);
        assert_eq!(b[0].text, "- one\n  - one a\n- two");
    }

    #[test]
    fn figures_take_their_caption_and_images_alone_in_a_run_become_figures() {
        let b = blocks("<figure><img src=/a.jpg alt='A'><figcaption>The <i>harbour</i></figcaption></figure><p><img src=b.jpg></p>");
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].kind, BlockKind::Figure);
        assert_eq!(b[0].image.as_ref().unwrap().src, "https://news.example/a.jpg");
        assert_eq!(b[0].text, "The harbour");
        assert_eq!(b[1].image.as_ref().unwrap().src, "https://news.example/world/b.jpg");
    }

    #[test]
    fn lazy_images_are_recovered_and_tracking_pixels_dropped() {
        let b = blocks(
            "<p><img src='data:image/gif;base64,R0lGOD' data-src='/real.jpg'></p><p><img src=/small.jpg srcset='/s.jpg 300w, /l.jpg 1200w, /m.jpg 800w'></p><p><img src=/pixel.gif width=1 height=1></p>",
        );
        let srcs: Vec<&str> = b.iter().filter_map(|b| b.image.as_ref().map(|i| i.src.as_str())).collect();
        assert_eq!(srcs, ["https://news.example/real.jpg", "https://news.example/small.jpg"]);
        assert_eq!(best_srcset_candidate("/s.jpg 300w, /l.jpg 1200w, /m.jpg 800w").as_deref(), Some("/l.jpg"));
    }

    #[test]
    fn data_tables_keep_rows_and_layout_tables_become_their_cells() {
        let b = blocks(
            "<table><caption>Votes</caption><tr><th>For</th><th>Against</th></tr><tr><td>9</td><td>4</td></tr></table>",
        );
        assert_eq!(b[0].kind, BlockKind::Table);
        assert_eq!(b[0].text, "For | Against\n9 | 4");
        assert!(b[0].rows[0][0].header);
        let b =
            kinds_and_texts("<table role=presentation><tr><td>Left cell</td><td><p>Right cell</p></td></tr></table>");
        assert_eq!(b, [(BlockKind::Paragraph, "Left cell".into()), (BlockKind::Paragraph, "Right cell".into())]);
    }

    #[test]
    fn a_table_in_a_quotation_keeps_its_rows_and_the_prose_around_it_stays_quoted() {
        let b = kinds_and_texts(
            "<blockquote><p>The releases:</p><table><tr><th>Release</th><th>Date</th></tr><tr><td>4.2.3</td><td>April 10</td></tr></table></blockquote>",
        );
        assert_eq!(
            b,
            [(BlockKind::Quote, "The releases:".into()), (BlockKind::Table, "Release | Date\n4.2.3 | April 10".into())]
        );
    }

    #[test]
    fn unsafe_links_lose_their_address_but_keep_their_text_and_q_gets_its_marks() {
        let b = blocks("<p><a href='javascript:alert(1)'>click</a> and <a href='/ok'>ok</a> <q>quoted</q></p>");
        assert_eq!(b[0].text, "click and ok “quoted”");
        let links: Vec<&str> = b[0]
            .content
            .iter()
            .filter_map(|i| match i {
                Inline::Link { href, .. } => Some(href.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(links, ["https://news.example/ok"]);
    }

    #[test]
    fn a_block_inside_inline_content_breaks_the_line() {
        let b = blocks("<ul><li>first<div>second</div>third</li></ul>");
        assert_eq!(inline_text(&b[0].items[0].content), "first\nsecond\nthird");
    }

    fn anchors(blocks: &[Block]) -> Vec<String> {
        fn walk(content: &[Inline], out: &mut Vec<String>) {
            for i in content {
                match i {
                    Inline::Anchor { id } => out.push(id.clone()),
                    other => walk(other.children().unwrap_or_default(), out),
                }
            }
        }
        let mut out = Vec::new();
        for b in blocks {
            walk(&b.content, &mut out);
            for item in &b.items {
                walk(&item.content, &mut out);
            }
        }
        out
    }

    #[test]
    fn ids_that_links_in_the_article_point_at_become_anchors_and_no_others_do() {
        let html = "<p>Rain fell<sup id='ref-1'><a href='#note-1'>[1]</a></sup>. See <a href='story.html#caf%C3%A9'>the café</a> \
                    and <a href='#missing'>nothing</a>.</p><section id='cafe-section'><h2 id='caf\u{e9}'>Café</h2><p id='unlinked'>Text.</p></section>\
                    <ol><li id='note-1'>A note. <a href='#ref-1'>↑</a></li><li id='note-2'>Another.</li></ol>";
        let blocks = blocks(html);
        assert_eq!(anchors(&blocks), ["ref-1", "café", "note-1"]);
        assert_eq!(blocks[0].text, "Rain fell[1]. See the café and nothing.", "anchors add no text");
        let list = blocks.iter().find(|b| b.kind == BlockKind::List).expect("the notes");
        assert!(matches!(list.items[0].content[0], Inline::Anchor { .. }), "the list item starts with its anchor");
    }

    #[test]
    fn an_anchor_on_a_wrapper_goes_to_the_first_block_inside_it() {
        let html =
            "<p><a href='#history'>History</a></p><section id='history'><h2>History</h2><p>Long ago.</p></section>";
        let blocks = blocks(html);
        assert_eq!(blocks[1].kind, BlockKind::Heading);
        assert_eq!(blocks[1].content.first(), Some(&Inline::Anchor { id: "history".into() }));
    }
}
