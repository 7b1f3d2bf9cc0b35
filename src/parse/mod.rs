//! Stage 1 — parse: bytes or text in, a [`Document`] out.
//!
//! html5ever does the spec-compliant HTML5 parsing; this module only decodes bytes to text
//! (byte-order mark, then the page's declared charset, then UTF-8, then windows-1252) and
//! receives the parser's tree operations into the project's own arena ([`tree`]).
//! [`snapshot`] is the other way in: a browser's already-built DOM, walked by the extension.

pub(crate) mod elements;
pub(crate) mod figures;
pub mod snapshot;
pub(crate) mod tree;

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::TreeBuilder;
use html5ever::TokenizerResult;
use html5ever::{Attribute, ParseOpts, QualName};

pub use tree::{Attr, Document, Element, NodeData, NodeId, MAX_TREE_DEPTH, READ_ATTRIBUTES};

/// How far into the bytes a `<meta>` charset declaration is looked for. The HTML standard's
/// prescan stops at 1024 bytes, but browsers also honour a declaration met later in the head
/// (they start the page over in the declared charset), and archived or instrumented pages put
/// kilobytes of injected scripts before it; the look stops at the end of the head, or here.
const CHARSET_PRESCAN_BYTES: usize = 64 * 1024;

/// Bytes of HTML per node, to size the arena before parsing: the corpus's median is 58 (10th
/// percentile 26, 90th 199, script-heavy pages). Erring low leaves one regrowth on dense pages;
/// erring high would reserve memory that script-heavy pages never use.
const HTML_BYTES_PER_NODE: usize = 64;

/// Parse HTML text into a [`Document`].
///
/// Scripting is treated as disabled, as in `DOMParser`, so `<noscript>` content is parsed as
/// markup: lazy-loading pages put their real `<img>` there.
pub fn parse_html(html: &str) -> Document {
    let mut opts = ParseOpts::default();
    opts.tree_builder.scripting_enabled = false;
    let sink = Sink { doc: RefCell::new(Document::with_capacity(html.len() / HTML_BYTES_PER_NODE)), ..Sink::default() };
    let builder = TreeBuilder::new(sink, opts.tree_builder);
    let tokenizer = Tokenizer::new(
        DepthGuard { builder, dropped: RefCell::default(), in_unread_text: Default::default() },
        opts.tokenizer,
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The tree builder asks to pause after each </script>; scripts do not run here, so go on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.builder.sink.finish()
}

/// Sits between the tokenizer and the tree builder. Once the tree is at [`MAX_TREE_DEPTH`], start
/// tags that would nest deeper (and their end tags) are dropped, their content flowing into the
/// element at the cap. Without this the tree builder's stack of open elements grows with the
/// nesting, and its scope checks, which walk that stack, make a 100,000-deep page quadratic.
///
/// It also drops the text of scripts and style sheets (all but JSON-LD, which holds metadata):
/// no later stage reads them, and on script-heavy pages they are most of the bytes, so keeping
/// them out of the tree saves copying and memory. Any tag ends the dropping: in HTML content
/// the tokenizer passes no tag until the element's own end tag, and in SVG or MathML, where
/// `<style>` is an ordinary element, the next tag limits what is dropped to its first text.
struct DepthGuard {
    builder: TreeBuilder<NodeId, Sink>,
    dropped: RefCell<HashMap<html5ever::LocalName, u32>>,
    in_unread_text: std::cell::Cell<bool>,
}

/// Whether the text of this start tag's element is never read (scripts other than JSON-LD,
/// style sheets).
fn content_is_unread(tag: &html5ever::tokenizer::Tag) -> bool {
    match &*tag.name {
        "style" => true,
        "script" => !tag
            .attrs
            .iter()
            .any(|a| &*a.name.local == "type" && a.value.trim().eq_ignore_ascii_case("application/ld+json")),
        _ => false,
    }
}

impl TokenSink for DepthGuard {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        match &token {
            Token::CharacterTokens(_) | Token::NullCharacterToken if self.in_unread_text.get() => {
                return TokenSinkResult::Continue
            }
            Token::TagToken(tag) => {
                self.in_unread_text.set(tag.kind == TagKind::StartTag && !tag.self_closing && content_is_unread(tag));
                match tag.kind {
                    TagKind::StartTag
                        if !tag.self_closing && !elements::is_void(&tag.name) && self.builder.sink.at_depth_cap() =>
                    {
                        *self.dropped.borrow_mut().entry(tag.name.clone()).or_default() += 1;
                        return TokenSinkResult::Continue;
                    }
                    TagKind::EndTag => {
                        if let Some(n) = self.dropped.borrow_mut().get_mut(&tag.name).filter(|n| **n > 0) {
                            *n -= 1;
                            return TokenSinkResult::Continue;
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Decode page bytes to text: BOM first; then UTF-8 when the bytes are valid UTF-8 with some
/// non-ASCII in them (legacy encodings almost never form valid multi-byte UTF-8 by accident, while
/// saved pages often keep a stale `charset=gb2312` after being re-encoded); then the charset the
/// page declares in a `<meta>` of its head; then windows-1252, the web's default.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.is_ascii() {
            return s.to_owned();
        }
    }
    if let Some(enc) = declared_charset(&bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)]) {
        // A page that declares UTF-16 in ASCII-compatible bytes is really UTF-8 (HTML standard).
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { encoding_rs::UTF_8 } else { enc };
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// The charset declared by the first `<meta>` tag in `head` that declares one (`<meta
/// charset=…>` or `<meta http-equiv=content-type content="…; charset=…">`), resolved by
/// encoding_rs. Only `<meta>` tags count: a `<script charset=…>` names its script's charset, not
/// the page's. The look ends at `</head>` or `<body`.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let find =
        |from: usize, needle: &[u8]| lower[from..].windows(needle.len()).position(|w| w == needle).map(|i| from + i);
    let end_of_head = [find(0, b"</head"), find(0, b"<body")].into_iter().flatten().min().unwrap_or(lower.len());
    let mut from = 0;
    while let Some(meta) = find(from, b"<meta").filter(|&at| at < end_of_head) {
        let tag_end = find(meta, b">").unwrap_or(lower.len());
        from = tag_end.min(lower.len());
        let tag = &lower[meta..tag_end];
        let Some(at) = tag.windows(8).position(|w| w == b"charset=") else { continue };
        let rest = &tag[at + 8..];
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let end = rest
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':'))
            .unwrap_or(rest.len());
        if let Some(enc) = encoding_rs::Encoding::for_label(&rest[..end]) {
            return Some(enc);
        }
    }
    None
}

/// Receives html5ever's tree operations. Interior mutability because the parser calls through
/// `&self`.
#[derive(Default)]
struct Sink {
    doc: RefCell<Document>,
    template_contents: RefCell<HashMap<NodeId, NodeId>>,
    /// Element names by node index, for the tree builder's frequent `elem_name` questions.
    names: RefCell<Vec<Option<QualName>>>,
    /// Depth of the element appended last: at the cap, deeper start tags are dropped.
    last_element_depth: std::cell::Cell<u32>,
    /// The attribute list of every element without read attributes (most), shared.
    no_attrs: std::rc::Rc<Vec<Attr>>,
}

impl Sink {
    fn at_depth_cap(&self) -> bool {
        self.last_element_depth.get() >= MAX_TREE_DEPTH
    }

    /// Where a child of `parent` really goes: `parent` itself, or its ancestor at the depth cap.
    fn capped_parent(doc: &Document, parent: NodeId) -> NodeId {
        let mut p = parent;
        while doc.node(p).depth >= MAX_TREE_DEPTH {
            match doc.parent(p) {
                Some(up) => p = up,
                None => break,
            }
        }
        p
    }

    fn append_text_or_node(
        doc: &mut Document,
        parent: NodeId,
        child: NodeOrText<NodeId>,
        depth_out: &std::cell::Cell<u32>,
    ) {
        let parent = Self::capped_parent(doc, parent);
        match child {
            NodeOrText::AppendNode(node) => {
                doc.append(parent, node);
                depth_out.set(doc.node(node).depth);
            }
            NodeOrText::AppendText(text) => doc.append_text(parent, text),
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        self.doc.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        tree::DOCUMENT_NODE
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.names.borrow(), |names| {
            names.get(target.index()).and_then(Option::as_ref).expect("elem_name is only asked of elements")
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let read: Vec<Attr> = attrs
            .into_iter()
            .filter(|a| tree::is_read_attribute(&a.name.local))
            .map(|a| Attr { name: a.name.local, value: a.value })
            .collect();
        let attrs = if read.is_empty() { std::rc::Rc::clone(&self.no_attrs) } else { std::rc::Rc::new(read) };
        let mut doc = self.doc.borrow_mut();
        let id = doc.create(NodeData::Element(Element { name: name.clone(), attrs }));
        if flags.template {
            let contents = doc.create(NodeData::Document);
            self.template_contents.borrow_mut().insert(id, contents);
        }
        let mut names = self.names.borrow_mut();
        if names.len() <= id.index() {
            names.resize(id.index() + 1, None);
        }
        names[id.index()] = Some(name);
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.doc.borrow_mut().create(NodeData::Comment)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.doc.borrow_mut().create(NodeData::Comment)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        Self::append_text_or_node(&mut self.doc.borrow_mut(), *parent, child, &self.last_element_depth);
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        let has_parent = self.doc.borrow().parent(*element).is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let mut doc = self.doc.borrow_mut();
        let node = doc.create(NodeData::Doctype);
        doc.append(tree::DOCUMENT_NODE, node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.template_contents.borrow().get(target).copied().expect("template elements get contents when created")
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut doc = self.doc.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => {
                if doc.parent(node).is_some() {
                    doc.detach(node);
                }
                doc.insert_before(*sibling, node);
            }
            NodeOrText::AppendText(text) => doc.insert_text_before(*sibling, text),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut doc = self.doc.borrow_mut();
        if let NodeData::Element(e) = &mut doc.node_mut(*target).data {
            for a in attrs.into_iter().filter(|a| tree::is_read_attribute(&a.name.local)) {
                if !e.attrs.iter().any(|x| x.name == a.name.local) {
                    std::rc::Rc::make_mut(&mut e.attrs).push(Attr { name: a.name.local, value: a.value });
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.doc.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut doc = self.doc.borrow_mut();
        let children: Vec<NodeId> = doc.children(*node).collect();
        for c in children {
            doc.detach(c);
            doc.append(*new_parent, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_beyond_the_cap_is_flattened_not_recursed() {
        let html = "<div>".repeat(100_000) + "deep text";
        let doc = parse_html(&html);
        let max = doc.nodes.iter().map(|n| n.depth).max().unwrap();
        assert!(max <= MAX_TREE_DEPTH + 1, "depth {max}");
        assert!(doc.text_content(doc.root()).contains("deep text"));
    }

    #[test]
    fn declared_charset_is_honoured_when_the_bytes_are_not_utf8() {
        let bytes = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        assert!(decode(bytes).contains("caf\u{e9}"));
    }

    #[test]
    fn a_script_tags_charset_is_not_the_pages_and_a_late_meta_in_the_head_still_counts() {
        // An archive's injected scripts, each with `charset="utf-8"`, run past the first kilobyte
        // before the page's own declaration.
        let mut bytes = b"<html><head>".to_vec();
        for _ in 0..40 {
            bytes.extend_from_slice(b"<script src=\"/static/bundle.js\" charset=\"utf-8\"></script>\n");
        }
        bytes.extend_from_slice(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"/></head>");
        bytes.extend_from_slice(b"<body><p>\xb9\xc8\xb8\xe8</p><meta charset=iso-8859-2></body>");
        assert!(bytes.len() > 1024);
        assert!(decode(&bytes).contains("<p>谷歌</p>"));
    }

    #[test]
    fn a_charset_declared_in_the_body_is_not_read() {
        let bytes = b"<head><title>t</title></head><body><p>caf\xe9</p><meta charset=gb2312></body>";
        assert!(decode(bytes).contains("caf\u{e9}"));
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_legacy_declaration() {
        let bytes = "<meta charset=gb2312><p>谷歌</p>".as_bytes();
        assert!(decode(bytes).contains("谷歌"));
    }

    #[test]
    fn invalid_utf8_without_declaration_falls_back_to_windows_1252() {
        assert!(decode(b"<p>\x93quoted\x94</p>").contains("\u{201c}quoted\u{201d}"));
    }

    #[test]
    fn utf8_bom_wins_over_declaration() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=windows-1252><p>é</p>".as_bytes());
        assert!(decode(&bytes).contains("<p>é</p>"));
    }

    #[test]
    fn script_and_style_text_is_dropped_but_json_ld_is_kept() {
        let doc = parse_html(
            r#"<head><style>p{}</style><script>var a = "<p>";</script><script type="application/ld+json">{"a":1}</script></head><body><p>text</p>"#,
        );
        let text = doc.text_content(doc.root());
        assert_eq!(text, r#"{"a":1}text"#);
    }

    #[test]
    fn style_inside_svg_drops_only_its_own_text() {
        let doc = parse_html("<svg><style>.a{}<g></g>after</style></svg><p>kept</p>");
        let text = doc.text_content(doc.root());
        assert_eq!(text, "afterkept");
    }

    #[test]
    fn noscript_content_is_parsed_as_markup() {
        let doc = parse_html("<noscript><img src=a.jpg></noscript>");
        assert!(doc.descendants(doc.root()).any(|n| doc.is_tag(n, "img")));
    }
}
