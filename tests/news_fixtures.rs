//! The repeated-article family: each fixture under tests/fixtures/news/ pins the exact body
//! (each block once, in order), the title, the boilerplate that must be gone and the repeats
//! that must stay. The expectations live in `NAME.expect.json` beside each page.

mod common;

use lectern::model::BlockKind;
use lectern::ExtractError;
use serde_json::Value;

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Check one fixture; returns the list of failures (empty when it passes).
fn check(name: &str, html: &str, expect: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let url = expect.get("url").and_then(Value::as_str);
    let result = lectern::extract(html, url);
    if expect.get("no_article").and_then(Value::as_bool) == Some(true) {
        if !matches!(result, Err(ExtractError::NoArticle { .. })) {
            failures.push(format!("{name}: expected no article, got {:?}", result.map(|a| a.title)));
        }
        return failures;
    }
    let article = match result {
        Ok(a) => a,
        Err(e) => return vec![format!("{name}: extraction failed: {e}")],
    };
    if let Some(title) = expect.get("title").and_then(Value::as_str) {
        if article.title != title {
            failures.push(format!("{name}: title {:?} != {:?}", article.title, title));
        }
        let count = article.text.matches(title).count();
        if count != 1 {
            failures.push(format!("{name}: title appears {count} times in the text"));
        }
    }
    let body: Vec<String> = article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Figure)
        .map(|b| lectern::model::collapse_whitespace(&b.text))
        .collect();
    let want = strings(expect, "body");
    if body != want {
        let missing: Vec<&String> = want.iter().filter(|w| !body.contains(w)).collect();
        let extra: Vec<&String> = body.iter().filter(|b| !want.contains(b)).collect();
        failures.push(format!(
            "{name}: body differs ({} blocks, want {})\n  missing: {missing:#?}\n  extra: {extra:#?}",
            body.len(),
            want.len()
        ));
    }
    for a in strings(expect, "absent") {
        if article.text.contains(&a) {
            failures.push(format!("{name}: text contains {a:?}"));
        }
    }
    for a in strings(expect, "absent_blocks") {
        if article.blocks.iter().any(|b| b.text == a) {
            failures.push(format!("{name}: a block equals {a:?}"));
        }
    }
    if let Some(repeats) = expect.get("must_keep_repeats").and_then(Value::as_array) {
        for r in repeats {
            let text = r["text"].as_str().unwrap_or_default();
            let want = r["count"].as_u64().unwrap_or(0) as usize;
            let got = article.blocks.iter().filter(|b| b.text == text).count();
            if got != want {
                failures.push(format!("{name}: {text:?} kept {got} times, want {want}"));
            }
        }
    }
    if let Some(lead) = expect.get("lead_image").and_then(Value::as_str) {
        if article.lead_image.as_deref() != Some(lead) {
            failures.push(format!("{name}: lead image {:?} != {lead:?}", article.lead_image));
        }
    }
    let want_images = strings(expect, "images");
    if !want_images.is_empty() {
        let got: Vec<String> = article.blocks.iter().filter_map(|b| b.image.as_ref().map(|i| i.src.clone())).collect();
        if got != want_images {
            failures.push(format!("{name}: images {got:?} != {want_images:?}"));
        }
    }
    failures
}

#[test]
fn every_news_fixture_yields_its_exact_body_once_without_boilerplate() {
    let pairs = common::fixture_pairs("news", "expect.json");
    assert!(pairs.len() >= 10, "expected the news fixture family, found {}", pairs.len());
    let mut failures = Vec::new();
    for (name, html, expect) in &pairs {
        let html = std::fs::read_to_string(html).unwrap();
        let expect: Value = serde_json::from_str(&std::fs::read_to_string(expect).unwrap()).unwrap();
        failures.extend(check(name, &html, &expect));
    }
    println!("news fixtures: {} checked, {} failures", pairs.len(), failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_story_records_the_repeated_copy_as_removed() {
    let html = std::fs::read_to_string(common::fixtures_dir("news").join("tolonews_seed.html")).unwrap();
    let article = lectern::extract(&html, Some("https://tolonews.com/afghanistan-173116")).unwrap();
    assert_eq!(article.blocks.len(), 10);
    assert!(article.stats.boilerplate_removed > 0, "boilerplate removals are recorded");
    for r in &article.removed {
        assert!(!r.reason.is_empty() && !r.text.is_empty(), "every removal says why and what: {r:?}");
    }
    // The repeated copy: ten duplicates, each pointing at the paragraph it copies.
    let duplicates: Vec<_> =
        article.removed.iter().filter(|r| r.kind == lectern::model::RemovalKind::Duplicate).collect();
    assert_eq!(duplicates.len(), 10);
    for (i, d) in duplicates.iter().enumerate() {
        assert_eq!(d.kept_block, Some(i));
        assert_eq!(d.text, article.blocks[i].text);
    }
    // The teaser is accounted for as a teaser of the paragraph it truncates.
    let teaser = article
        .removed
        .iter()
        .find(|r| r.text.starts_with("Imran Khan says “In the past"))
        .expect("the teaser is in the account");
    assert_eq!(teaser.kind, lectern::model::RemovalKind::Teaser);
    assert_eq!(teaser.kept_block, Some(6));
    assert!(teaser.position.is_some(), "the teaser can be shown back in place");
}
