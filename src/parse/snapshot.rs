//! Stage 1, in the browser — a snapshot of the live DOM in, a [`Document`] out.
//!
//! In the extension the browser has already parsed the page. Serialising that tree to HTML only
//! to parse it again costs twice: `outerHTML` writes out every inline script and style sheet (on
//! news sites often most of the bytes), and the HTML5 tokenizer then reads them back. Instead the
//! content script (`extension/content/snapshot.js`) walks the DOM once and writes a flat record
//! stream that this module turns into the same arena the HTML parser builds, with no tokenizing
//! and no tree-construction rules to apply: the browser has applied them.
//!
//! # Format
//!
//! A string starting with [`MAGIC`], then records. Each record is a NUL, a one-character type and
//! a payload running to the next NUL (the walker replaces NULs inside text and values by U+FFFD):
//!
//! | record            | meaning                                                        |
//! |-------------------|----------------------------------------------------------------|
//! | `<name`           | start of an HTML element (children follow, then `>`)           |
//! | `(name` / `[name` | start of an SVG / MathML element                              |
//! | `=name`, `-value` | an attribute of the element just started                       |
//! | `"text`           | a text node                                                    |
//! | `!markup`         | the raw content of a `<noscript>` (text in a page with scripts |
//! |                   | on), parsed here as markup, as [`super::parse_html`] does      |
//! | `>`               | end of the current element                                     |
//!
//! Script text other than JSON-LD, style text, and attributes outside
//! [`READ_ATTRIBUTES`](super::tree::READ_ATTRIBUTES) are left out by the walker, as the HTML path
//! drops them (the decoder drops such attributes too, whatever it is sent). The decoder accepts
//! any string: unknown records are skipped, unbalanced ends are ignored, nesting deeper than
//! [`MAX_TREE_DEPTH`] is flattened as the HTML path does.

use std::rc::Rc;

use html5ever::tendril::StrTendril;
use html5ever::{ns, LocalName, QualName};

use super::tree::{
    read_attribute_index, Attr, Document, Element, NodeData, NodeId, DOCUMENT_NODE, MAX_TREE_DEPTH, READ_ATTRIBUTES,
};

/// What every snapshot starts with; also its format version. It ends with a non-ASCII character
/// on purpose: wasm-bindgen's glue copies a string's leading ASCII into wasm memory one character
/// at a time in JavaScript and hands the rest to `TextEncoder.encodeInto`, so a non-ASCII
/// character up front sends the whole snapshot the fast way.
pub const MAGIC: &str = "\u{0}lectern-dom/2\u{2026}";

/// Whether `input` is a DOM snapshot rather than HTML.
pub fn is_snapshot(input: &str) -> bool {
    input.starts_with(MAGIC)
}

/// Build a [`Document`] from a snapshot. `None` when `input` is not one.
pub fn decode(input: &str) -> Option<Document> {
    let body = input.strip_prefix(MAGIC)?;
    let mut decoder = Decoder::new(body);
    // Records are short (a tag name, a word or two of text), so the NUL search is memchr's,
    // whose per-call cost is lower than `str::split`'s.
    let mut start = 0;
    let ends = memchr::memchr_iter(0, body.as_bytes()).chain(std::iter::once(body.len()));
    for end in ends {
        // NUL is ASCII, so both ends are character boundaries.
        let record = &body[start..end];
        start = end + 1;
        let mut chars = record.chars();
        if let Some(kind) = chars.next() {
            decoder.record(kind, chars.as_str());
        }
    }
    Some(decoder.finish())
}

/// The decoder's state between records.
struct Decoder<'a> {
    doc: Document,
    /// Open elements; the document node is the bottom and is never popped.
    open: Vec<NodeId>,
    /// Start tags flattened at the depth cap, whose end records must not close a real element.
    flattened: usize,
    /// The element just started, while its attribute records follow.
    element_with_attrs: Option<NodeId>,
    /// The name of the attribute whose value comes next (`None` for attributes not read).
    pending_attr: Option<LocalName>,
    /// The attributes of `element_with_attrs` so far.
    attrs: Vec<Attr>,
    /// Elements start with one shared empty list (no allocation each); those with attributes get
    /// their own, sized exactly, while the scratch list keeps its capacity.
    no_attrs: Rc<Vec<Attr>>,
    /// Names are interned once per page, not once per element: making an atom hashes the name.
    attr_names: [Option<LocalName>; READ_ATTRIBUTES.len()],
    tag_names: TagNames<'a>,
    texts: Slicer<'a>,
}

impl<'a> Decoder<'a> {
    fn new(body: &'a str) -> Decoder<'a> {
        // Every node is a record, and every record starts with a NUL; elements take two or more
        // (start, end, attributes), text one. Half the NULs is close, and never far over.
        let records = memchr::memchr_iter(0, body.as_bytes()).count();
        Decoder {
            doc: Document::with_capacity(records / 2 + 1),
            open: vec![DOCUMENT_NODE],
            flattened: 0,
            element_with_attrs: None,
            pending_attr: None,
            attrs: Vec::new(),
            no_attrs: Rc::default(),
            attr_names: std::array::from_fn(|_| None),
            tag_names: TagNames::default(),
            texts: Slicer::new(body),
        }
    }

    /// One record: its one-character `kind` and its payload.
    #[inline]
    fn record(&mut self, kind: char, payload: &'a str) {
        match kind {
            '=' => {
                let read = read_attribute_index(payload).filter(|_| self.element_with_attrs.is_some());
                self.pending_attr =
                    read.map(|i| self.attr_names[i].get_or_insert_with(|| LocalName::from(payload)).clone());
                return;
            }
            '-' => {
                // No duplicate check: a DOM element cannot hold two attributes of one name.
                if let Some(name) = self.pending_attr.take() {
                    self.attrs.push(Attr { name, value: self.texts.slice(payload) });
                }
                return;
            }
            _ => {}
        }
        self.pending_attr = None;
        self.flush_attrs();
        let parent = *self.open.last().expect("the document node stays open");
        match kind {
            '<' | '(' | '[' => self.start_element(kind, payload, parent),
            '>' => {
                if self.flattened > 0 {
                    self.flattened -= 1;
                } else if self.open.len() > 1 {
                    self.open.pop();
                }
            }
            '"' => append_text(&mut self.doc, parent, payload, &self.texts),
            '!' => graft_markup(&mut self.doc, parent, payload),
            _ => {}
        }
    }

    fn start_element(&mut self, kind: char, name: &'a str, parent: NodeId) {
        if name.is_empty() {
            return;
        }
        if self.doc.node(parent).depth >= MAX_TREE_DEPTH {
            self.flattened += 1;
            return;
        }
        let space = match kind {
            '(' => ns!(svg),
            '[' => ns!(mathml),
            _ => ns!(html),
        };
        let name = QualName::new(None, space, self.tag_names.get(name));
        let id = self.doc.create(NodeData::Element(Element { name, attrs: Rc::clone(&self.no_attrs) }));
        self.doc.append(parent, id);
        self.open.push(id);
        self.element_with_attrs = Some(id);
    }

    /// Give the element just started the attributes read for it.
    // Drained into an exact-size list, not taken whole: the element keeps no spare capacity and
    // the scratch list keeps its own.
    #[allow(clippy::drain_collect)]
    fn flush_attrs(&mut self) {
        if let Some(id) = self.element_with_attrs.take() {
            if let (NodeData::Element(e), false) = (&mut self.doc.node_mut(id).data, self.attrs.is_empty()) {
                e.attrs = Rc::new(self.attrs.drain(..).collect());
            }
        }
        self.attrs.clear();
    }

    fn finish(mut self) -> Document {
        self.flush_attrs();
        self.doc
    }
}

/// The atoms of the tag names met so far, in a small table indexed by length and end letters:
/// a page uses a few dozen tag names over and over.
#[derive(Default)]
struct TagNames<'a> {
    slots: [Option<(&'a str, LocalName)>; 32],
}

impl<'a> TagNames<'a> {
    fn get(&mut self, name: &'a str) -> LocalName {
        let bytes = name.as_bytes();
        let (first, last) = (bytes.first().copied().unwrap_or(0), bytes.last().copied().unwrap_or(0));
        let slot = (bytes.len() * 7 + first as usize * 3 + last as usize) % 32;
        match &self.slots[slot] {
            Some((seen, atom)) if *seen == name => atom.clone(),
            _ => {
                let atom = LocalName::from(name);
                self.slots[slot] = Some((name, atom.clone()));
                atom
            }
        }
    }
}

/// Texts and attribute values as slices of one copy of the snapshot: one allocation per page
/// instead of one per text, and as many frees saved when the document is dropped.
struct Slicer<'a> {
    body: &'a str,
    /// `None` past tendril's 4 GB length limit, where each text is copied on its own.
    whole: Option<StrTendril>,
}

impl<'a> Slicer<'a> {
    fn new(body: &'a str) -> Slicer<'a> {
        let whole = u32::try_from(body.len()).ok().map(|_| StrTendril::from_slice(body));
        Slicer { body, whole }
    }

    /// `part`, which must be a slice of the snapshot's body, as a tendril sharing its buffer.
    fn slice(&self, part: &str) -> StrTendril {
        let offset = part.as_ptr() as usize - self.body.as_ptr() as usize;
        debug_assert!(offset + part.len() <= self.body.len(), "a slice of the snapshot body");
        match &self.whole {
            // Within the 4 GB checked in `new`, so the casts cannot truncate.
            Some(whole) => whole.subtendril(offset as u32, part.len() as u32),
            None => StrTendril::from_slice(part),
        }
    }
}

/// Append text under `parent`, merging with a text node just before it as the HTML parser does.
fn append_text(doc: &mut Document, parent: NodeId, text: &str, texts: &Slicer) {
    if !text.is_empty() {
        doc.append_text(parent, texts.slice(text));
    }
}

/// Parse a `<noscript>`'s raw content as markup and copy the resulting nodes under `parent`.
fn graft_markup(doc: &mut Document, parent: NodeId, markup: &str) {
    let fragment = super::parse_html(markup);
    let Some(body) = fragment.body() else { return };
    let children: Vec<NodeId> = fragment.children(body).collect();
    for child in children {
        copy_subtree(&fragment, child, doc, parent);
    }
}

/// Copy `node` and its descendants from `from` under `parent` in `to`, iteratively.
fn copy_subtree(from: &Document, node: NodeId, to: &mut Document, parent: NodeId) {
    let mut stack = vec![(node, parent)];
    while let Some((source, target_parent)) = stack.pop() {
        let data = match &from.node(source).data {
            NodeData::Element(e) => NodeData::Element(e.clone()),
            NodeData::Text(t) => NodeData::Text(t.clone()),
            _ => continue,
        };
        if to.node(target_parent).depth >= MAX_TREE_DEPTH {
            continue;
        }
        let copy = to.create(data);
        to.append(target_parent, copy);
        // Pushed in reverse so that children are appended in order.
        let children: Vec<NodeId> = from.children(source).collect();
        for child in children.into_iter().rev() {
            stack.push((child, copy));
        }
    }
}

/// Write a document as a snapshot, the way the content script's walker does. For tests: it lets
/// `cargo test` check that both routes into the pipeline agree without a browser.
pub fn encode(doc: &Document) -> String {
    let mut out = String::from(MAGIC);
    let mut open: Vec<NodeId> = Vec::new();
    for id in doc.descendants(doc.root()) {
        if id == doc.root() {
            continue;
        }
        // In document order, every open element that is not this node's parent has ended.
        while open.last().is_some_and(|&top| Some(top) != doc.parent(id)) {
            out.push_str("\0>");
            open.pop();
        }
        match &doc.node(id).data {
            NodeData::Element(e) => {
                let kind = if e.name.ns == ns!(svg) {
                    '('
                } else if e.name.ns == ns!(mathml) {
                    '['
                } else {
                    '<'
                };
                out.push('\0');
                out.push(kind);
                out.push_str(&e.name.local);
                for a in e.attrs.iter() {
                    out.push_str("\0=");
                    out.push_str(&a.name);
                    out.push_str("\0-");
                    out.push_str(&a.value.replace('\0', "\u{FFFD}"));
                }
                open.push(id);
            }
            NodeData::Text(t) => {
                out.push_str("\0\"");
                out.push_str(&t.replace('\0', "\u{FFFD}"));
            }
            _ => {}
        }
    }
    for _ in open {
        out.push_str("\0>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn outline(doc: &Document) -> String {
        let mut s = String::new();
        for id in doc.descendants(doc.root()) {
            match &doc.node(id).data {
                NodeData::Element(e) => {
                    s.push_str(&format!("<{}:{}", e.name.ns, e.name.local));
                    for a in e.attrs.iter() {
                        s.push_str(&format!(" {}={:?}", a.name, &*a.value));
                    }
                    s.push_str(&format!(" d{}>", doc.node(id).depth));
                }
                NodeData::Text(t) => s.push_str(&format!("{:?}", &**t)),
                _ => {}
            }
        }
        s
    }

    #[test]
    fn snapshot_of_a_parsed_page_decodes_to_the_same_tree() {
        let html = r#"<!doctype html><html lang="fa" dir="rtl"><head><title>T</title></head><body><p class="a b">One <b>two</b></p><svg viewBox="0 0 1 1"><title>icon</title></svg><math><mi>x</mi></math><table><tr><td>cell</td></tr></table></body></html>"#;
        let doc = parse_html(html);
        let decoded = decode(&encode(&doc)).expect("a snapshot");
        assert_eq!(outline(&decoded), outline(&doc));
    }

    #[test]
    fn input_without_the_magic_is_not_a_snapshot() {
        assert!(decode("<p>html</p>").is_none());
        assert!(!is_snapshot("<p>html</p>"));
    }

    #[test]
    fn noscript_markup_is_parsed_into_elements() {
        let snapshot = format!("{MAGIC}\0<html\0<body\0<noscript\0!<img src=\"a.jpg\" alt=\"x\">\0>\0>\0>");
        let doc = decode(&snapshot).unwrap();
        let img = doc.descendants(doc.root()).find(|&n| doc.is_tag(n, "img")).expect("the image inside noscript");
        assert_eq!(doc.attr(img, "src"), Some("a.jpg"));
        assert!(doc.ancestors(img).any(|a| doc.is_tag(a, "noscript")));
    }

    #[test]
    fn unbalanced_and_unknown_records_decode_to_a_tree_that_encodes_back_to_itself() {
        for junk in [
            "",
            ">>>>",
            "\0>\0>\0>",
            "\0=\0-\0<",
            "\0-value\0=name",
            "\0?x\0<\0\"t\0>\0>",
            "\0<p\0=class\0=id\0-x\0\"a\0\"b",
        ] {
            let doc = decode(&format!("{MAGIC}{junk}")).expect("has the magic");
            // Whatever the records were, what was built is a well-formed tree: written out as the
            // walker would write it, it decodes to the same tree.
            let again = decode(&encode(&doc)).expect("an encoded tree");
            assert_eq!(outline(&again), outline(&doc), "{junk:?}");
        }
        let doc = decode(&format!("{MAGIC}\0<p\0=class\0=id\0-x\0\"a\0\"b")).unwrap();
        let p = doc.find_first(doc.root(), "p").expect("the element");
        assert_eq!(doc.attr(p, "id"), Some("x"), "a name without a value is dropped, the next one kept");
        assert_eq!(doc.text_content(p), "ab");
    }

    #[test]
    fn adjacent_text_records_merge_into_one_node() {
        let doc = decode(&format!("{MAGIC}\0<p\0\"a\0\"b\0>")).unwrap();
        let p = doc.find_first(doc.root(), "p").unwrap();
        assert_eq!(doc.children(p).count(), 1);
        assert_eq!(doc.text_content(p), "ab");
    }

    #[test]
    fn nesting_beyond_the_cap_is_flattened() {
        let snapshot = format!("{MAGIC}{}\0\"deep{}\0<p\0\"after\0>", "\0<div".repeat(100_000), "\0>".repeat(100_000));
        let doc = decode(&snapshot).unwrap();
        let max = doc.descendants(doc.root()).map(|n| doc.node(n).depth).max().unwrap();
        assert!(max <= MAX_TREE_DEPTH + 1, "depth {max}");
        let p = doc.find_first(doc.root(), "p").expect("the paragraph after the deep run");
        assert_eq!(doc.node(p).depth, 1, "end records of flattened elements close nothing real");
        assert!(doc.text_content(doc.root()).contains("deep"));
    }
}
