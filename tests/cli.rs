//! The `lectern` binary: the bundled sample with no input, the formats, several files as JSON
//! lines, and the documented exit codes (0 article, 2 no article, 1 error).

mod common;

use std::process::{Command, Output};

fn lectern(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern")).args(args).output().expect("the lectern binary runs")
}

fn fixture(path: &str) -> String {
    common::fixtures_dir("news").join(path).to_string_lossy().to_string()
}

#[test]
fn extract_without_input_prints_the_bundled_sample_cleaned() {
    let out = lectern(&["extract"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Khan Says Taliban Cannot Win Over the Whole of Afghanistan\n\n"));
    assert_eq!(text.matches("Khan Says Taliban Cannot Win").count(), 1);
    assert_eq!(text.matches("we will avoid risking further conflict").count(), 1);
    assert!(!text.contains("Share this post") && !text.contains("Latest news"));
}

#[test]
fn json_output_has_the_documented_fields() {
    let out = lectern(&["extract", "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "title", "byline", "site_name", "published", "lang", "dir", "url", "excerpt", "lead_image", "text", "markdown",
        "html", "blocks", "quotes", "removed", "stats",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for key in ["words", "reading_minutes", "duplicates_removed", "boilerplate_removed", "elapsed_ms"] {
        assert!(v["stats"].get(key).is_some(), "missing stats.{key}");
    }
    assert_eq!(v["blocks"].as_array().unwrap().len(), 10);
    assert_eq!(v["dir"], "ltr");
    assert_eq!(v["lang"], "en");
    let removed = v["removed"].as_array().unwrap();
    assert!(removed.iter().all(|r| r["kind"].is_string() && r["reason"].is_string() && r["text"].is_string()));
}

#[test]
fn markdown_output_starts_with_front_matter() {
    let out = lectern(&["extract", "--format", "markdown"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("---\ntitle: \"Khan Says Taliban Cannot Win Over the Whole of Afghanistan\"\nsource: "),
        "{md}"
    );
    assert!(md.contains("\n---\n\n# Khan Says Taliban"));
}

#[test]
fn several_files_as_json_print_one_object_per_line() {
    let out = lectern(&["extract", &fixture("tolonews_seed.html"), &fixture("rtl_dari.html"), "--format", "json"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    let second: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(second["dir"], "rtl");
}

#[test]
fn a_page_without_an_article_exits_2_with_a_reason() {
    let out = lectern(&["extract", &fixture("list_page_no_article.html")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no article found"), "{err}");
}

#[test]
fn a_missing_file_exits_1_and_says_so() {
    let out = lectern(&["extract", "/nonexistent/page.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("cannot read /nonexistent/page.html"));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["extract", "-", "--url", "https://tolonews.com/afghanistan-173116"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let page = std::fs::read(fixture("tolonews_seed.html")).unwrap();
    child.stdin.take().unwrap().write_all(&page).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("Khan reiterated in the op-ed"));
}
