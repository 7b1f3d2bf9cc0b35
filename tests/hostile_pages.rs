//! The hostile-page suite: pages written to attack Lectern (tests/fixtures/hostile/, each with a
//! `NAME.expect.json` saying what it pins and which paragraphs it holds) and every page of the
//! accuracy corpus. Whatever the page holds, the HTML carries only the renderer's own elements,
//! attributes and safe addresses; the Markdown, rendered by a CommonMark renderer that passes HTML
//! through, only what Markdown makes; and no paragraph of prose is lost on the way. (The
//! clipboard and the live view are checked in the browser, tests/e2e.)

mod common;

use common::safety::{html_active_markup, markdown_active_markup};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

/// The hostile set is this large at least: a page lost from the folder is a failure, not a skip.
const MIN_HOSTILE_PAGES: usize = 3;

fn main() {
    let pages = common::fixture_pairs("hostile", "expect.json");
    let count = pages.len();
    let mut trials = vec![Trial::test("hostile_pages_are_all_there", move || {
        if count < MIN_HOSTILE_PAGES {
            return Err(format!("{count} hostile pages with expectations found, {MIN_HOSTILE_PAGES} expected").into());
        }
        Ok(())
    })];
    for (name, html, expect) in pages {
        trials.push(Trial::test(format!("hostile::{name}"), move || {
            let html = std::fs::read_to_string(&html)?;
            let expect: Value = serde_json::from_str(&std::fs::read_to_string(&expect)?)?;
            check_hostile(&html, &expect)
        }));
    }
    trials.push(Trial::test("every_corpus_page_renders_inert_html_and_markdown", every_corpus_page_is_inert));
    trials.push(Trial::test("the_address_check_reads_schemes_as_a_browser_does", || {
        let safe = [
            "https://x.example/a", "HTTP://x", "mailto:a@b.c", "/path", "#note", "page.html", "%20https://x",
            "data:image/png;base64,AA",
        ];
        let unsafe_ = [
            "javascript:alert(1)", " JAVA\tSCRIPT:x", "\u{1}vbscript:x", "data:text/html,x",
            "data:image/svg+xml,<svg>", "file:///etc",
        ];
        for a in safe {
            if !common::safety::is_safe_address(a) {
                return Err(format!("{a:?} is safe").into());
            }
        }
        for a in unsafe_ {
            if common::safety::is_safe_address(a) {
                return Err(format!("{a:?} is not safe").into());
            }
        }
        Ok(())
    }));
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

fn check_hostile(html: &str, expect: &Value) -> Result<(), Failed> {
    let url = expect["url"].as_str();
    let article = lectern::extract(html, url)?;
    let (text, markdown, rendered) =
        (lectern::to_text(&article), lectern::to_markdown(&article), lectern::to_html(&article));
    let mut failures: Vec<String> = html_active_markup(&rendered).into_iter().map(|f| format!("HTML: {f}")).collect();
    failures.extend(markdown_active_markup(&markdown).into_iter().map(|f| format!("Markdown: {f}")));
    // Every paragraph is kept, as text, and in the Markdown once rendered back to text.
    let markdown_text = markdown_as_text(&markdown);
    for paragraph in expect["paragraphs"].as_array().ok_or("no \"paragraphs\" list")? {
        let paragraph = paragraph.as_str().unwrap_or_default();
        if !text.contains(paragraph) {
            failures.push(format!("the text lost {paragraph:?}"));
        }
        if !markdown_text.contains(paragraph) {
            failures.push(format!("the Markdown lost {paragraph:?}"));
        }
    }
    // Captions stay with their pictures: in the Markdown, not in the plain text.
    for caption in expect.get("captions").and_then(Value::as_array).into_iter().flatten() {
        let caption = caption.as_str().unwrap_or_default();
        if !markdown_text.contains(caption) {
            failures.push(format!("the Markdown lost the caption {caption:?}"));
        }
        if text.contains(caption) {
            failures.push(format!("the plain text holds the caption {caption:?}"));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

/// The text a reader sees when `markdown` is rendered: pulldown-cmark's text and code events,
/// with soft and hard breaks as spaces and newlines.
fn markdown_as_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut text = String::new();
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Item) => text.push('\n'),
            _ => {}
        }
    }
    text.replace(" \n", "\n")
}

fn every_corpus_page_is_inert() -> Result<(), Failed> {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, dir) in common::corpus_pages() {
        let source = std::fs::read(dir.join("source.html"))?;
        let Ok(article) = lectern::extract_bytes(&source, Some(common::CORPUS_URL)) else { continue };
        for f in html_active_markup(&lectern::to_html(&article)) {
            failures.push(format!("{name}: HTML: {f}"));
        }
        for f in markdown_active_markup(&lectern::to_markdown(&article)) {
            failures.push(format!("{name}: Markdown: {f}"));
        }
        checked += 1;
    }
    if checked < 100 {
        return Err(format!("only {checked} corpus pages rendered").into());
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}
