//! Accuracy on real pages in many languages: trafilatura's evaluation set
//! (../shared/corpus/trafilatura-eval beside the Readability corpus, or the folder in
//! LECTERN_TRAFILATURA; see its ORIGIN.md), scored by trafilatura's own rule. Each of its 990 pages
//! comes with snippets that must be in the article (`with`) and snippets that must not
//! (`without`); the article's plain text ([`lectern::to_text`], the title line left out) and the
//! snippets are compared with whitespace collapsed. A `with` snippet found is a true positive,
//! missing a false negative; a `without` snippet found is a false positive. Precision, recall and
//! F1 are pooled over every snippet of every page, and the test fails below the floors, which are
//! raised as the extractor improves. `bench/trafilatura_eval.py` scores the same way from the CLI
//! and lists the snippets behind the figures.

mod common;

use serde_json::Value;
use std::path::PathBuf;

/// Pooled F1, precision and recall must not fall below these (measured: 0.9405, 0.9353, 0.9458).
const F1_FLOOR: f64 = 0.940;
const PRECISION_FLOOR: f64 = 0.935;
const RECALL_FLOOR: f64 = 0.945;

/// The set has this many pages; fewer means the folder lost some.
const PAGES: usize = 990;

fn eval_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("LECTERN_TRAFILATURA") {
        return PathBuf::from(dir);
    }
    common::corpus_dir().parent().expect("the corpus folder has a parent").join("trafilatura-eval")
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strings(entry: &Value, key: &str) -> Vec<String> {
    entry[key].as_array().into_iter().flatten().filter_map(Value::as_str).map(collapsed).collect()
}

#[test]
fn trafilatura_evaluation_set_by_its_own_rule() {
    let dir = eval_dir();
    let index = std::fs::read_to_string(dir.join("evaldata.json")).unwrap_or_else(|e| {
        panic!("cannot read {}/evaldata.json ({e}); set LECTERN_TRAFILATURA to the set's folder", dir.display())
    });
    let index: serde_json::Map<String, Value> = serde_json::from_str(&index).expect("evaldata.json is JSON");
    assert!(index.len() >= PAGES, "{} pages in evaldata.json, {PAGES} expected", index.len());
    let (mut tp, mut fn_, mut fp, mut pages_with_fp, mut no_article) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for (url, entry) in &index {
        let file = entry["file"].as_str().expect("every entry names its file");
        let cached = dir.join("cache").join(file);
        let path = if cached.exists() { cached } else { dir.join("eval").join(file) };
        let html = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let text = match lectern::extract_bytes(&html, Some(url)) {
            Ok(article) => {
                let text = lectern::to_text(&article);
                collapsed(text.strip_prefix(article.title.as_str()).unwrap_or(&text))
            }
            Err(_) => {
                no_article += 1;
                String::new()
            }
        };
        let found = |s: &String| !text.is_empty() && text.contains(s.as_str());
        let with = strings(entry, "with");
        let hits = with.iter().filter(|s| found(s)).count();
        tp += hits;
        fn_ += with.len() - hits;
        let unwanted = strings(entry, "without").iter().filter(|s| found(s)).count();
        fp += unwanted;
        pages_with_fp += usize::from(unwanted > 0);
    }
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fn_) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    println!(
        "trafilatura-eval: {} pages, F1 {f1:.3} (precision {precision:.3}, recall {recall:.3}), \
         {pages_with_fp} pages with a must-not snippet, {no_article} without an article",
        index.len()
    );
    assert!(f1 >= F1_FLOOR, "F1 {f1:.4} fell below the floor {F1_FLOOR}");
    assert!(precision >= PRECISION_FLOOR, "precision {precision:.4} fell below the floor {PRECISION_FLOOR}");
    assert!(recall >= RECALL_FLOOR, "recall {recall:.4} fell below the floor {RECALL_FLOOR}");
}
