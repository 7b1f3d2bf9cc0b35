//! Helpers shared by the integration tests: fixture discovery and text comparison.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

pub fn fixtures_dir(family: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(family)
}

/// The Readability.js test pages: `LECTERN_CORPUS`, or `../shared/corpus/readability-test-pages`.
pub fn corpus_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("LECTERN_CORPUS") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability-test-pages")
}

/// The address the corpus pages were saved from, as Readability.js's own tests give it.
pub const CORPUS_URL: &str = "http://fakehost/test/page.html";

/// Every corpus page, `(name, its folder)`, sorted by name; the folder holds `source.html` and
/// `expected.html`. Panics, saying where it looked and how to point elsewhere, when the corpus is
/// missing or has lost pages.
pub fn corpus_pages() -> Vec<(String, PathBuf)> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the accuracy corpus is missing at {} ({e}); set LECTERN_CORPUS to the readability-test-pages folder",
            dir.display()
        )
    });
    let mut pages: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html").is_file())
        .map(|e| (e.file_name().to_string_lossy().to_string(), e.path()))
        .collect();
    pages.sort();
    assert!(pages.len() >= 100, "the corpus at {} has only {} pages", dir.display(), pages.len());
    pages
}

/// `(name, html path, sidecar path)` for every `NAME.html` with a `NAME.<suffix>` beside it.
pub fn fixture_pairs(family: &str, suffix: &str) -> Vec<(String, PathBuf, PathBuf)> {
    let dir = fixtures_dir(family);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("html") {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let side = dir.join(format!("{name}.{suffix}"));
            if side.exists() {
                out.push((name, path, side));
            }
        }
    }
    out.sort();
    out
}

/// Lower-cased word tokens (letters and digits) of a text.
pub fn word_tokens(text: &str) -> Vec<String> {
    // Soft hyphens and zero-width spaces draw nothing: "Vladi\u{AD}mir" reads as one word (Lectern
    // drops them from its text; Readability.js keeps them).
    let visible: String =
        text.chars().filter(|c| !matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')).collect();
    visible.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

/// Bag-of-words F1 of `got` against `want`.
pub fn token_f1(got: &str, want: &str) -> f64 {
    use std::collections::HashMap;
    let g = word_tokens(got);
    let w = word_tokens(want);
    if g.is_empty() && w.is_empty() {
        return 1.0;
    }
    if g.is_empty() || w.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in &w {
        *counts.entry(t).or_default() += 1;
    }
    let mut overlap = 0i64;
    for t in &g {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                overlap += 1;
            }
        }
    }
    let p = overlap as f64 / g.len() as f64;
    let r = overlap as f64 / w.len() as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}
pub mod safety;

/// The strings of the array at `key` of a fixture's expectations (none when it is missing).
pub fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}
