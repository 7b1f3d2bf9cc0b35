//! The reading view's HTML (`lectern::to_view_html`), which the extension's view page parses and
//! shows: for every corpus page and every hostile page, it holds only the renderer's and the
//! view's own elements and attributes and safe addresses, and an HTML5 parser builds from it
//! exactly the elements it wrote, nested as written (nothing closed early, moved out of a table or
//! split by the parser), so the view shows what the core decided.

mod common;

use common::safety::view_active_markup;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use lectern::parse::{parse_html, NodeData};
use std::cell::RefCell;

/// Elements the view's HTML writes without an end tag.
const VOID_ELEMENTS: &[&str] = &["img", "br"];

/// The elements of `html` as written: each start tag's name and nesting depth, in order.
fn written_outline(html: &str) -> Vec<(String, usize)> {
    struct Outline(RefCell<(Vec<(String, usize)>, usize)>);
    impl TokenSink for Outline {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let (outline, depth) = &mut *self.0.borrow_mut();
            if let Token::TagToken(Tag { kind, name, .. }) = token {
                match kind {
                    TagKind::StartTag => {
                        outline.push((name.to_string(), *depth));
                        if !VOID_ELEMENTS.contains(&&*name) {
                            *depth += 1;
                        }
                    }
                    TagKind::EndTag => *depth = depth.saturating_sub(1),
                }
            }
            TokenSinkResult::Continue
        }
    }
    let tokenizer = Tokenizer::new(Outline(RefCell::default()), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner().0
}

/// The elements an HTML5 parser builds from `html` put in a `<body>`: name and depth below it.
fn parsed_outline(html: &str) -> Vec<(String, usize)> {
    let doc = parse_html(&format!("<!DOCTYPE html><body>{html}"));
    let body = doc.body().expect("a parsed document has a body");
    let base = doc.node(body).depth as usize + 1;
    doc.descendants(body)
        .filter(|&id| id != body)
        .filter_map(|id| match &doc.node(id).data {
            NodeData::Element(e) => Some((e.name.local.to_string(), doc.node(id).depth as usize - base)),
            _ => None,
        })
        .collect()
}

/// What is wrong with the view of `article`, one line per fault.
fn faults(article: &lectern::Article) -> Vec<String> {
    let view = lectern::to_view_html(article);
    let mut found = Vec::new();
    for (part, html) in [("reading", &view.reading), ("panels", &view.panels)] {
        found.extend(view_active_markup(html).into_iter().map(|f| format!("{part}: {f}")));
        let (written, parsed) = (written_outline(html), parsed_outline(html));
        if written != parsed {
            let at = written.iter().zip(&parsed).position(|(w, p)| w != p).unwrap_or(written.len().min(parsed.len()));
            found.push(format!(
                "{part}: the parser builds other elements than were written, from element {at}: wrote {:?}, parsed {:?}",
                &written[at..(at + 3).min(written.len())],
                &parsed[at..(at + 3).min(parsed.len())]
            ));
        }
    }
    found
}

#[test]
fn every_corpus_page_view_is_inert_and_parses_as_written() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, dir) in common::corpus_pages() {
        let source = std::fs::read(dir.join("source.html")).unwrap();
        let Ok(article) = lectern::extract_bytes(&source, Some(common::CORPUS_URL)) else { continue };
        failures.extend(faults(&article).into_iter().map(|f| format!("{name}: {f}")));
        checked += 1;
    }
    assert!(checked >= 100, "only {checked} corpus pages rendered");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_hostile_page_view_is_inert_and_parses_as_written() {
    let pages = common::fixture_pairs("hostile", "expect.json");
    assert!(pages.len() >= 3, "the hostile pages are missing");
    let mut failures = Vec::new();
    for (name, html, expect) in pages {
        let expect: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(expect).unwrap()).unwrap();
        let article = lectern::extract(&std::fs::read_to_string(html).unwrap(), expect["url"].as_str()).unwrap();
        failures.extend(faults(&article).into_iter().map(|f| format!("{name}: {f}")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_block_the_parser_would_close_early_is_caught() {
    // The check itself: a <div> written inside a <p> is moved out of it by the parser.
    assert_ne!(written_outline("<p><div>x</div></p>"), parsed_outline("<p><div>x</div></p>"));
    assert_eq!(written_outline("<p><em>x</em><br></p>"), parsed_outline("<p><em>x</em><br></p>"));
}
