//! The project's own document tree: an arena of nodes addressed by [`NodeId`].
//!
//! Takes nothing from the parser's types but element names; gives every later stage cheap,
//! non-recursive navigation (parent, children, siblings, preorder walks) over a tree whose depth
//! is bounded by [`MAX_TREE_DEPTH`], so stages that do recurse cannot overflow the stack.

use html5ever::tendril::StrTendril;
use html5ever::{LocalName, QualName};

#[cfg(doc)]
use crate::text::collapse_whitespace;
use crate::text::{runs, Collapser, Run};

/// Deepest element nesting the tree keeps. Deeper elements are attached to the ancestor at this
/// depth instead, as Blink's HTML parser does at 512. Every recursive stage relies on this bound:
/// a page nested 100,000 deep becomes a wide tree rather than a stack overflow.
pub const MAX_TREE_DEPTH: u32 = 512;

/// Index of a node in its [`Document`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub(crate) u32);

impl NodeId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The attributes later stages read; both parsers keep only these (and the extension's DOM
/// walker sends only these, from the same list in `extension/content/snapshot.js`, which a test
/// holds equal to this one). Pages carry far more — inline handlers, `data-` payloads, ARIA, and
/// styles on every element — and copying them would be most of what a walk of the page costs.
///
/// A stage that starts reading another attribute must add it here (debug builds assert this in
/// [`Element::attr`]).
pub const READ_ATTRIBUTES: &[&str] = &[
    // Scoring, furniture and hidden-element signals.
    "class", "id", "role", "style", "hidden", "aria-hidden", "itemprop", "rel", "datatable", "summary",
    // Links, images (with lazy-loading variants) and their sizes.
    "href", "src", "srcset", "data-src", "data-srcset", "data-lazy-src", "data-original", "data-url", "data-hi-res-src",
    "data-lazy", "alt", "width", "height",
    // Language and direction; metadata in <meta>, <time> and JSON-LD <script>.
    "lang", "xml:lang", "dir", "name", "property", "content", "http-equiv", "datetime", "type",
    // The name of a player or frame, for its link card; how a MathML formula is drawn, and the
    // text that stands for it (src/assemble/math.rs).
    "title", "alttext", "encoding", "display", "mathvariant", "displaystyle", "linethickness", "accent", "accentunder",
    "stretchy", "notation", "open", "close", "columnspan", "rowspan",
];

/// Marks the paragraphs the article finder wraps loose text in. Not in [`READ_ATTRIBUTES`], so a
/// page cannot set it.
pub(crate) const WRAPPER_MARK: &str = "data-lectern-wrapped";

/// Whether the parsers keep an attribute of this name (see [`READ_ATTRIBUTES`]).
pub fn is_read_attribute(name: &str) -> bool {
    read_attribute_index(name).is_some()
}

/// The position of `name` in [`READ_ATTRIBUTES`], for callers that keep something per attribute.
pub fn read_attribute_index(name: &str) -> Option<usize> {
    READ_ATTRIBUTES.iter().position(|&a| a == name)
}

/// An element's attribute, name lower-cased by the parser.
#[derive(Clone, Debug)]
pub struct Attr {
    pub name: LocalName,
    /// Shared with the parser's buffer: cloning a document copies no text.
    pub value: StrTendril,
}

#[derive(Clone, Debug)]
pub struct Element {
    pub name: QualName,
    /// Shared between copies of a document (the article finder works on copies): copying a page
    /// must not copy every attribute list.
    pub attrs: std::rc::Rc<Vec<Attr>>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        debug_assert!(
            is_read_attribute(name) || name == WRAPPER_MARK,
            "attribute {name:?} is not in READ_ATTRIBUTES, so the parsers drop it"
        );
        self.attrs.iter().find(|a| &*a.name == name).map(|a| &*a.value)
    }
}

#[derive(Clone, Debug)]
pub enum NodeData {
    Document,
    Doctype,
    Comment,
    /// Text, sharing the parser's buffer (cloning a document copies no text).
    Text(StrTendril),
    Element(Element),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev_sibling: Option<NodeId>,
    pub next_sibling: Option<NodeId>,
    /// Element nesting depth below the document node (the document is 0).
    pub depth: u32,
    pub data: NodeData,
}

/// A parsed HTML document.
#[derive(Clone, Debug)]
pub struct Document {
    pub(crate) nodes: Vec<Node>,
}

pub const DOCUMENT_NODE: NodeId = NodeId(0);

impl Default for Document {
    fn default() -> Self {
        Self::new()
    }
}

impl Document {
    pub fn new() -> Self {
        Self::with_capacity(1)
    }

    /// An empty document with room for `nodes` nodes: parsers that can estimate the count save
    /// the copies of a growing arena (several megabytes on large pages).
    pub fn with_capacity(nodes: usize) -> Self {
        let mut all = Vec::with_capacity(nodes.max(1));
        all.push(Node::new(NodeData::Document));
        Document { nodes: all }
    }

    pub fn root(&self) -> NodeId {
        DOCUMENT_NODE
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    pub(crate) fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.index()]
    }

    pub fn create(&mut self, data: NodeData) -> NodeId {
        let id = NodeId(u32::try_from(self.nodes.len()).expect("documents are limited to 4 billion nodes"));
        self.nodes.push(Node::new(data));
        id
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.node(id).data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// Give element `id` another HTML name, keeping its attributes and children.
    pub fn rename(&mut self, id: NodeId, name: LocalName) {
        if let NodeData::Element(e) = &mut self.node_mut(id).data {
            e.name = QualName::new(None, html5ever::ns!(html), name);
        }
    }

    /// A new, detached `<p>` marked with [`WRAPPER_MARK`]: the article finder's wrapper for text
    /// that stands loose in a container.
    pub(crate) fn create_wrapper_paragraph(&mut self) -> NodeId {
        self.create(NodeData::Element(Element {
            name: QualName::new(None, html5ever::ns!(html), html5ever::local_name!("p")),
            attrs: std::rc::Rc::new(vec![Attr { name: LocalName::from(WRAPPER_MARK), value: Default::default() }]),
        }))
    }

    /// The element's local name (`"div"`), or `None` for non-elements.
    pub fn tag(&self, id: NodeId) -> Option<&LocalName> {
        self.element(id).map(|e| &e.name.local)
    }

    pub fn is_tag(&self, id: NodeId, name: &str) -> bool {
        self.tag(id).is_some_and(|t| &**t == name)
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.node(id).data {
            NodeData::Text(t) => Some(&**t),
            _ => None,
        }
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).parent
    }

    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { doc: self, next: self.node(id).first_child }
    }

    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |&c| self.element(c).is_some())
    }

    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors { doc: self, next: self.node(id).parent }
    }

    /// Preorder walk of `id`'s subtree, `id` included, without recursion.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { doc: self, root: id, next: Some(id) }
    }

    /// Next node in preorder after `id`'s whole subtree, staying inside `root`.
    pub fn next_skipping_children(&self, id: NodeId, root: NodeId) -> Option<NodeId> {
        let mut cur = id;
        loop {
            if cur == root {
                return None;
            }
            if let Some(n) = self.node(cur).next_sibling {
                return Some(n);
            }
            cur = self.node(cur).parent?;
        }
    }

    /// All text below `id`, concatenated as-is.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            if let Some(t) = self.text(n) {
                out.push_str(t);
            }
        }
        out
    }

    /// [`collapse_whitespace`] of [`Document::text_content`], collapsed as it is gathered rather
    /// than gathered and then copied again: the text of every container removed as furniture is
    /// kept for the account of removals, and containers can hold most of a page.
    pub fn collapsed_text(&self, id: NodeId) -> String {
        let mut text = Collapser::with_capacity(0);
        for n in self.descendants(id) {
            if let Some(t) = self.text(n) {
                text.push(t);
            }
        }
        text.finish()
    }

    /// The characters of [`Document::collapsed_text`], counted without building the text and
    /// given up (`None`) as soon as they pass `limit`: length checks on bylines, ad slots and
    /// datelines would otherwise copy the text of every large container they ask about.
    pub fn collapsed_chars_within(&self, id: NodeId, limit: usize) -> Option<usize> {
        let mut chars = 0;
        let mut pending_space = false;
        for n in self.descendants(id) {
            let Some(text) = self.text(n) else { continue };
            for run in runs(text) {
                match run {
                    Run::Space => pending_space = true,
                    Run::Words(words) => {
                        // Whitespace counts once, and only between words (the text is trimmed).
                        chars += words.chars().count() + usize::from(pending_space && chars > 0);
                        pending_space = false;
                        if chars > limit {
                            return None;
                        }
                    }
                }
            }
        }
        Some(chars)
    }

    /// Unlink `id` from its parent and siblings; its subtree stays intact and reachable by id.
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = self.node(id);
            (n.parent, n.prev_sibling, n.next_sibling)
        };
        if let Some(p) = prev {
            self.node_mut(p).next_sibling = next;
        } else if let Some(par) = parent {
            self.node_mut(par).first_child = next;
        }
        if let Some(nx) = next {
            self.node_mut(nx).prev_sibling = prev;
        } else if let Some(par) = parent {
            self.node_mut(par).last_child = prev;
        }
        let n = self.node_mut(id);
        n.parent = None;
        n.prev_sibling = None;
        n.next_sibling = None;
    }

    /// Append a detached `child` as the last child of `parent`.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        debug_assert!(self.node(child).parent.is_none());
        let depth = self.node(parent).depth + 1;
        let last = self.node(parent).last_child;
        {
            let c = self.node_mut(child);
            c.parent = Some(parent);
            c.prev_sibling = last;
            c.next_sibling = None;
            c.depth = depth;
        }
        match last {
            Some(l) => self.node_mut(l).next_sibling = Some(child),
            None => self.node_mut(parent).first_child = Some(child),
        }
        self.node_mut(parent).last_child = Some(child);
    }

    /// Append `text` to `parent`'s children, joined to the text node that ends them if there is
    /// one, as the HTML parser joins adjacent text.
    pub(crate) fn append_text(&mut self, parent: NodeId, text: StrTendril) {
        if let Some(node) = self.join_or_create_text(self.node(parent).last_child, text) {
            self.append(parent, node);
        }
    }

    /// Insert `text` before `sibling`, joined to the text node just before it if there is one.
    pub(crate) fn insert_text_before(&mut self, sibling: NodeId, text: StrTendril) {
        if let Some(node) = self.join_or_create_text(self.node(sibling).prev_sibling, text) {
            self.insert_before(sibling, node);
        }
    }

    /// Add `text` to the end of `neighbour` when that is a text node; otherwise a new, detached
    /// text node holding it, for the caller to place.
    fn join_or_create_text(&mut self, neighbour: Option<NodeId>, text: StrTendril) -> Option<NodeId> {
        if let Some(NodeData::Text(existing)) = neighbour.map(|n| &mut self.node_mut(n).data) {
            existing.push_tendril(&text);
            return None;
        }
        Some(self.create(NodeData::Text(text)))
    }

    /// Insert a detached `child` just before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        let parent = self.node(sibling).parent.expect("insert_before needs an attached sibling");
        let prev = self.node(sibling).prev_sibling;
        let depth = self.node(sibling).depth;
        {
            let c = self.node_mut(child);
            c.parent = Some(parent);
            c.prev_sibling = prev;
            c.next_sibling = Some(sibling);
            c.depth = depth;
        }
        self.node_mut(sibling).prev_sibling = Some(child);
        match prev {
            Some(p) => self.node_mut(p).next_sibling = Some(child),
            None => self.node_mut(parent).first_child = Some(child),
        }
    }

    /// The first element named `tag` in `root`'s subtree, in document order.
    pub fn find_first(&self, root: NodeId, tag: &str) -> Option<NodeId> {
        self.descendants(root).find(|&n| self.is_tag(n, tag))
    }

    /// The `<body>` element, if the parser made one.
    pub fn body(&self) -> Option<NodeId> {
        self.find_first(self.root(), "body")
    }

    /// The `<head>` element, if the parser made one.
    pub fn head(&self) -> Option<NodeId> {
        self.find_first(self.root(), "head")
    }
}

impl Node {
    fn new(data: NodeData) -> Self {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            depth: 0,
            data,
        }
    }
}

pub struct Children<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.doc.node(cur).next_sibling;
        Some(cur)
    }
}

pub struct Ancestors<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.doc.node(cur).parent;
        Some(cur)
    }
}

pub struct Descendants<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<NodeId>,
}

impl Descendants<'_> {
    /// Do not descend into the node most recently returned.
    pub fn skip_children_of(&mut self, id: NodeId) {
        self.next = self.doc.next_skipping_children(id, self.root);
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = match self.doc.node(cur).first_child {
            Some(c) => Some(c),
            None => self.doc.next_skipping_children(cur, self.root),
        };
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use crate::text::collapse_whitespace;

    #[test]
    fn subtree_text_and_its_bounded_length_equal_collapsing_the_joined_text() {
        let doc = crate::parse::parse_html(
            "<body><div id=a>  <p> One\u{00A0}\u{00A0}two </p>\n\t<span>three</span><b>four</b>  </div><div id=b> \n </div><div id=c></div></body>",
        );
        let by_id = |v: &str| doc.descendants(doc.root()).find(|&n| doc.attr(n, "id") == Some(v)).unwrap();
        for id in ["a", "b", "c"].map(by_id) {
            assert_eq!(doc.collapsed_text(id), collapse_whitespace(&doc.text_content(id)));
            let expected = collapse_whitespace(&doc.text_content(id)).chars().count();
            assert_eq!(doc.collapsed_chars_within(id, 1000), Some(expected));
            assert_eq!(doc.collapsed_chars_within(id, expected), Some(expected));
            if expected > 0 {
                assert_eq!(doc.collapsed_chars_within(id, expected - 1), None);
            }
        }
        assert_eq!(doc.collapsed_chars_within(by_id("a"), 1000), Some("One two threefour".len()));
    }
}
