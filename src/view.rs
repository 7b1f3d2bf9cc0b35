//! The live reading view, built in the browser's DOM through web-sys: the page's HTML in, the
//! header, the article (quotes marked, removed blocks in place but hidden), the quote list and
//! the removal list appended under a root element out. The JavaScript around it only wires the
//! toolbar; what to show and how is decided here.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::model::{Article, RemovalKind};
use crate::render::html::{block, quotes_by_block, Sink};

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
        let make = || -> Result<Element, JsValue> {
            let el = self.doc.create_element(tag)?;
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
    fn text(&mut self, text: &str) {
        let node = self.doc.create_text_node(text);
        if let Err(e) = self.top().append_child(&node) {
            self.error.get_or_insert(e);
        }
    }
}

fn reason_label(kind: RemovalKind) -> &'static str {
    match kind {
        RemovalKind::Duplicate => "Duplicate",
        RemovalKind::Teaser => "Teaser",
        RemovalKind::PullQuote => "Pull-quote",
        RemovalKind::Boilerplate => "Boilerplate",
        RemovalKind::Title => "Title",
    }
}

fn render(sink: &mut DomSink, a: &Article) {
    let mut head_attrs: Vec<(&'static str, &str)> = vec![("class", "lectern-header"), ("dir", &a.dir)];
    if let Some(l) = &a.lang {
        head_attrs.push(("lang", l));
    }
    sink.open("header", &head_attrs);
    if let Some(site) = &a.site_name {
        sink.open("p", &[("class", "lectern-site")]);
        sink.text(site);
        sink.close("p");
    }
    sink.open("h1", &[("class", "lectern-title")]);
    sink.text(&a.title);
    sink.close("h1");
    let minutes = format!("{} min read", a.stats.reading_minutes);
    let meta: Vec<&str> =
        [a.byline.as_deref(), a.published.as_deref().map(|d| d.get(..10).unwrap_or(d)), Some(minutes.as_str())]
            .into_iter()
            .flatten()
            .collect();
    sink.open("p", &[("class", "lectern-meta")]);
    sink.text(&meta.join(" · "));
    sink.close("p");
    sink.close("header");

    let mut attrs: Vec<(&'static str, &str)> = vec![("class", "lectern-article"), ("dir", &a.dir)];
    if let Some(l) = &a.lang {
        attrs.push(("lang", l));
    }
    sink.open("article", &attrs);
    let quotes = quotes_by_block(a);
    let mut removed_at: Vec<Vec<usize>> = vec![Vec::new(); a.blocks.len() + 1];
    for (k, r) in a.removed.iter().enumerate() {
        if let (Some(pos), false) = (r.position, r.kind == RemovalKind::Boilerplate) {
            removed_at[pos.min(a.blocks.len())].push(k);
        }
    }
    for i in 0..=a.blocks.len() {
        for &k in &removed_at[i] {
            let r = &a.removed[k];
            let id = k.to_string();
            sink.open("div", &[("class", "lectern-removed"), ("data-removal", &id), ("hidden", "")]);
            sink.open("p", &[("class", "lectern-removed-reason")]);
            sink.text(&format!("{} — {}", reason_label(r.kind), r.reason));
            sink.close("p");
            sink.open("p", &[]);
            sink.text(&r.text);
            sink.close("p");
            sink.close("div");
        }
        if let Some(b) = a.blocks.get(i) {
            block(sink, b, &quotes[i]);
        }
    }
    sink.close("article");

    sink.open("aside", &[("class", "lectern-panel"), ("id", "lectern-quotes"), ("hidden", "")]);
    sink.open("h2", &[]);
    sink.text(&format!("Quotes ({})", a.quotes.iter().filter(|q| q.kind != crate::model::QuoteKind::Scare).count()));
    sink.close("h2");
    sink.open("ol", &[]);
    for q in a.quotes.iter().filter(|q| q.kind != crate::model::QuoteKind::Scare) {
        let id = q.id.to_string();
        sink.open("li", &[]);
        sink.open("a", &[("href", "#"), ("data-quote", &id)]);
        sink.text(&format!("“{}”", q.text));
        sink.close("a");
        sink.open("span", &[("class", "lectern-speaker")]);
        let who = match (&q.speaker, &q.speaker_role) {
            (Some(s), Some(r)) => format!("{s}, {r}"),
            (Some(s), None) => s.clone(),
            _ => "speaker not named".to_string(),
        };
        sink.text(&who);
        sink.close("span");
        sink.close("li");
    }
    sink.close("ol");
    sink.close("aside");

    sink.open("aside", &[("class", "lectern-panel"), ("id", "lectern-removed"), ("hidden", "")]);
    sink.open("h2", &[]);
    sink.text(&format!("Removed ({})", a.removed.len()));
    sink.close("h2");
    sink.open("ol", &[]);
    for (k, r) in a.removed.iter().enumerate() {
        let id = k.to_string();
        sink.open("li", &[("data-kind", reason_label(r.kind))]);
        sink.open("span", &[("class", "lectern-reason")]);
        sink.text(&format!("{}: {}", reason_label(r.kind), r.reason));
        sink.close("span");
        sink.open("span", &[("class", "lectern-removed-text")]);
        let snippet: String = r.text.chars().take(160).collect();
        sink.text(&if r.text.chars().count() > 160 { format!("{snippet}…") } else { snippet });
        sink.close("span");
        if r.kind != RemovalKind::Boilerplate && r.position.is_some() {
            sink.open("button", &[("type", "button"), ("data-show-removal", &id)]);
            sink.text("Show in place");
            sink.close("button");
        }
        sink.close("li");
    }
    sink.close("ol");
    sink.close("aside");
}

/// Extract the article from `page` (the page's HTML or DOM snapshot) and build the reading view
/// under `root`. Throws the same named errors as `extract` (`NoArticle` and the rest); returns the
/// [`Article`](crate::wasm::Article), which the toolbar reads for its counts and for copying.
#[wasm_bindgen(js_name = openView)]
pub fn open_view(page: &str, url: Option<String>, root: &Element) -> Result<crate::wasm::Article, JsValue> {
    let article = crate::wasm::extract_page(page, url.as_deref())?;
    let doc = root.owner_document().ok_or_else(|| JsValue::from_str("the root element is not in a document"))?;
    let mut sink = DomSink { doc, stack: vec![root.clone()], error: None };
    render(&mut sink, &article);
    if let Some(e) = sink.error {
        return Err(e);
    }
    Ok(crate::wasm::Article::from(article))
}

/// Parse a site pattern for the options page and the view's "Always clean this site".
#[wasm_bindgen(js_name = parseSite)]
pub fn parse_site(pattern: &str) -> Result<JsValue, JsValue> {
    let rule = crate::sites::parse(pattern).map_err(|e| JsValue::from(js_sys::Error::new(&e)))?;
    crate::wasm::to_js(&rule)
}
