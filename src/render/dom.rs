//! The reading view's DOM, in the browser: a [`Sink`] that builds elements through web-sys where
//! the HTML renderer writes text. Attribute values and text are set as data, never parsed.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use super::html::Sink;
use crate::model::Article;

/// Elements made with `createElement` are HTML elements whatever their name; a formula's must be
/// made in this namespace for the browser to draw them.
const MATHML_NAMESPACE: &str = "http://www.w3.org/1998/Math/MathML";

/// Build what the reading view of `article` shows first under `root`: the header and the article.
pub(crate) fn build(root: &Element, article: &Article) -> Result<(), JsValue> {
    write_under(root, |sink| super::view::write_reading(sink, article))
}

/// Build the view's hidden panels (the quote list, the list of removals) under `root`, after
/// what [`build`] built.
pub(crate) fn build_panels(root: &Element, article: &Article) -> Result<(), JsValue> {
    write_under(root, |sink| super::view::write_panels(sink, article))
}

fn write_under(root: &Element, write: impl FnOnce(&mut DomSink)) -> Result<(), JsValue> {
    let doc = root.owner_document().ok_or_else(|| JsValue::from_str("the root element is not in a document"))?;
    let mut sink = DomSink { doc, stack: vec![root.clone()], error: None };
    write(&mut sink);
    sink.error.map_or(Ok(()), Err)
}

/// Builds DOM nodes instead of HTML text; attribute values and text are set as data, never parsed.
struct DomSink {
    doc: Document,
    stack: Vec<Element>,
    error: Option<JsValue>,
}

impl DomSink {
    fn top(&self) -> &Element {
        self.stack.last().expect("the root stays on the stack")
    }

    fn element(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> Option<Element> {
        self.element_in(None, tag, attrs)
    }

    /// An element in namespace `ns` (HTML's when `None`), appended to the open one.
    fn element_in(&mut self, ns: Option<&str>, tag: &'static str, attrs: &[(&'static str, &str)]) -> Option<Element> {
        let make = || -> Result<Element, JsValue> {
            let el = match ns {
                Some(ns) => self.doc.create_element_ns(Some(ns), tag)?,
                None => self.doc.create_element(tag)?,
            };
            for (k, v) in attrs {
                el.set_attribute(k, v)?;
            }
            self.top().append_child(&el)?;
            Ok(el)
        };
        match make() {
            Ok(el) => Some(el),
            Err(e) => {
                self.error.get_or_insert(e);
                None
            }
        }
    }
}

impl Sink for DomSink {
    fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        let el = self.element(tag, attrs).unwrap_or_else(|| self.top().clone());
        self.stack.push(el);
    }
    fn close(&mut self, _tag: &'static str) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }
    fn void(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.element(tag, attrs);
    }
    fn open_math(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        let el = self.element_in(Some(MATHML_NAMESPACE), tag, attrs).unwrap_or_else(|| self.top().clone());
        self.stack.push(el);
    }
    fn text(&mut self, text: &str) {
        let node = self.doc.create_text_node(text);
        if let Err(e) = self.top().append_child(&node) {
            self.error.get_or_insert(e);
        }
    }
}
