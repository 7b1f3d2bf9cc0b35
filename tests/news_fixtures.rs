//! The repeated-article family: each fixture under tests/fixtures/news/ pins the exact body (each
//! block once, in order), the title, the boilerplate that must be gone and the repeats that must
//! stay. The expectations live in `NAME.expect.json` beside each page, with a `pins` line saying
//! what the page is for; each page is a test of its own, named after it.

mod common;

use common::strings;

use lectern::{BlockKind, ExtractError, Reason, RemovalKind, Repeat};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

/// The family is this large at least: a fixture lost from the folder is a failure, not a skip.
const MIN_FIXTURES: usize = 14;

fn main() {
    let pairs = common::fixture_pairs("news", "expect.json");
    let mut trials = vec![Trial::test("news_fixtures_are_all_there", move || {
        let n = common::fixture_pairs("news", "expect.json").len();
        if n < MIN_FIXTURES {
            return Err(format!("{n} news fixtures found, {MIN_FIXTURES} expected").into());
        }
        Ok(())
    })];
    for (name, html, expect) in pairs {
        trials.push(Trial::test(format!("news::{name}"), move || {
            let html = std::fs::read_to_string(&html).map_err(|e| format!("{}: {e}", html.display()))?;
            let expect: Value = serde_json::from_str(&std::fs::read_to_string(&expect)?)?;
            check(&html, &expect)
        }));
    }
    trials.push(Trial::test("seed_story_records_the_repeated_copy_as_removed", seed_story_records_the_repeated_copy));
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

/// Check one fixture against its expectations; every failure is listed.
fn check(html: &str, expect: &Value) -> Result<(), Failed> {
    let url = expect.get("url").and_then(Value::as_str);
    let result = lectern::extract(html, url);
    if expect.get("no_article").and_then(Value::as_bool) == Some(true) {
        return match result {
            Err(ExtractError::NoArticle { .. }) => Ok(()),
            other => Err(format!("expected no article, got {:?}", other.map(|a| a.title)).into()),
        };
    }
    let article = result.map_err(|e| format!("extraction failed: {e}"))?;
    let text = lectern::to_text(&article);
    let mut failures = Vec::new();
    if let Some(title) = expect.get("title").and_then(Value::as_str) {
        if article.title != title {
            failures.push(format!("title {:?} != {:?}", article.title, title));
        }
        let count = text.matches(title).count();
        if count != 1 {
            failures.push(format!("the title appears {count} times in the text"));
        }
    }
    let body: Vec<String> = article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Figure)
        .map(|b| lectern::collapse_whitespace(&b.text))
        .collect();
    let want = strings(expect, "body");
    if body != want {
        let missing: Vec<&String> = want.iter().filter(|w| !body.contains(w)).collect();
        let extra: Vec<&String> = body.iter().filter(|b| !want.contains(b)).collect();
        failures.push(format!(
            "body differs ({} blocks, want {})\n  missing: {missing:#?}\n  extra: {extra:#?}",
            body.len(),
            want.len()
        ));
    }
    for a in strings(expect, "absent") {
        if text.contains(&a) {
            failures.push(format!("the text contains {a:?}"));
        }
    }
    for a in strings(expect, "absent_blocks") {
        if article.blocks.iter().any(|b| b.text == a) {
            failures.push(format!("a block equals {a:?}"));
        }
    }
    for r in expect.get("must_keep_repeats").and_then(Value::as_array).into_iter().flatten() {
        let repeated = r["text"].as_str().unwrap_or_default();
        let want = r["count"].as_u64().unwrap_or(0) as usize;
        let got = article.blocks.iter().filter(|b| b.text == repeated).count();
        if got != want {
            failures.push(format!("{repeated:?} kept {got} times, want {want}"));
        }
    }
    if let Some(lead) = expect.get("lead_image").and_then(Value::as_str) {
        if article.lead_image.as_deref() != Some(lead) {
            failures.push(format!("lead image {:?} != {lead:?}", article.lead_image));
        }
    }
    let want_images = strings(expect, "images");
    let got_images: Vec<String> =
        article.blocks.iter().filter_map(|b| b.image.as_ref().map(|i| i.src.clone())).collect();
    if !want_images.is_empty() && got_images != want_images {
        failures.push(format!("images {got_images:?} != {want_images:?}"));
    }
    for a in strings(expect, "absent_images") {
        if got_images.contains(&a) {
            failures.push(format!("image {a:?} is kept"));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

fn seed_story_records_the_repeated_copy() -> Result<(), Failed> {
    let html = std::fs::read_to_string(common::fixtures_dir("news").join("tolonews_seed.html"))?;
    let article = lectern::extract(&html, Some("https://tolonews.com/afghanistan-173116"))?;
    assert_eq!(article.blocks.len(), 10);
    assert!(article.stats.boilerplate_removed > 0, "boilerplate removals are recorded");
    for r in &article.removed {
        assert!(!r.text.is_empty(), "every removal says what: {r:?}");
    }
    // The repeated copy: ten duplicates, each pointing at the paragraph it copies.
    let duplicates: Vec<_> = article.removed.iter().filter(|r| r.kind() == RemovalKind::Duplicate).collect();
    assert_eq!(duplicates.len(), 10);
    for (i, d) in duplicates.iter().enumerate() {
        assert_eq!(d.reason, Reason::Repeat { how: Repeat::Duplicate, of: Some(i) });
        assert_eq!(d.text, article.blocks[i].text);
    }
    // The teaser is accounted for as a teaser of the paragraph it truncates.
    let teaser = article
        .removed
        .iter()
        .find(|r| r.text.starts_with("Imran Khan says “In the past"))
        .ok_or("the teaser is in the account")?;
    assert_eq!(teaser.reason, Reason::Repeat { how: Repeat::Teaser, of: Some(6) });
    assert!(teaser.position.is_some(), "the teaser can be shown back in place");
    Ok(())
}
