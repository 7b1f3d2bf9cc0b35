//! The page families: each page under tests/fixtures/media/ pins what of the article's own media,
//! code, mathematics, tables and byline must survive, and how it renders; each page under
//! tests/fixtures/furniture/ pins furniture that sits inside the story's own container (author
//! boxes, post details, prompts to subscribe or follow, credits, site notices) and must go, with
//! what stands beside it and must stay. The expectations live in `NAME.expect.json` beside each
//! page, with a `pins` line saying what the page is for; each page is a test of its own, named
//! after its family and itself. Keys, all optional: `figures` (every figure, in order, as
//! `[src, caption]`), `html_contains`/`html_absent`, `markdown_contains`/`markdown_absent`,
//! `text_contains`/`text_absent`, `removed` (`{reason, text}`: a removal with that reason whose
//! text holds that text) and `byline` (a string, or null for none).

mod common;

use common::strings;

use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

/// The families, each with the number of pages it has at least: a fixture lost from its folder is
/// a failure, not a skip.
const FAMILIES: &[(&str, usize)] = &[("media", 7), ("furniture", 5)];

fn main() {
    let mut trials = Vec::new();
    for &(family, min_fixtures) in FAMILIES {
        let pairs = common::fixture_pairs(family, "expect.json");
        let count = pairs.len();
        trials.push(Trial::test(format!("{family}_fixtures_are_all_there"), move || {
            if count < min_fixtures {
                return Err(format!("{count} {family} fixtures found, {min_fixtures} expected").into());
            }
            Ok(())
        }));
        for (name, html, expect) in pairs {
            trials.push(Trial::test(format!("{family}::{name}"), move || {
                let html = std::fs::read_to_string(&html).map_err(|e| format!("{}: {e}", html.display()))?;
                let expect: Value = serde_json::from_str(&std::fs::read_to_string(&expect)?)?;
                check(&html, &expect)
            }));
        }
    }
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

/// Check one page against its expectations; every failure is listed.
fn check(html: &str, expect: &Value) -> Result<(), Failed> {
    let url = expect.get("url").and_then(Value::as_str);
    let article = lectern::extract(html, url).map_err(|e| format!("extraction failed: {e}"))?;
    let mut failures = Vec::new();
    if let Some(want) = expect.get("figures").and_then(Value::as_array) {
        let got: Vec<(String, String)> =
            article.blocks.iter().filter_map(|b| b.image.as_ref().map(|i| (i.src.clone(), b.text.clone()))).collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|f| (f[0].as_str().unwrap_or_default().to_string(), f[1].as_str().unwrap_or_default().to_string()))
            .collect();
        if got != want {
            failures.push(format!("figures {got:#?}\n  want {want:#?}"));
        }
    }
    let renderings = [
        ("html", lectern::to_html(&article)),
        ("markdown", lectern::to_markdown(&article)),
        ("text", lectern::to_text(&article)),
    ];
    for (format, rendered) in &renderings {
        for want in strings(expect, &format!("{format}_contains")) {
            if !rendered.contains(&want) {
                failures.push(format!("the {format} lacks {want:?}"));
            }
        }
        for unwanted in strings(expect, &format!("{format}_absent")) {
            if rendered.contains(&unwanted) {
                failures.push(format!("the {format} holds {unwanted:?}"));
            }
        }
    }
    for r in expect.get("removed").and_then(Value::as_array).into_iter().flatten() {
        let (reason, text) = (r["reason"].as_str().unwrap_or_default(), r["text"].as_str().unwrap_or_default());
        if !article.removed.iter().any(|got| got.reason.to_string() == reason && got.text.contains(text)) {
            failures.push(format!("no removal for {reason:?} holding {text:?}"));
        }
    }
    if let Some(byline) = expect.get("byline") {
        if article.byline.as_deref() != byline.as_str() {
            failures.push(format!("byline {:?} != {byline}", article.byline));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}
