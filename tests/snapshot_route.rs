//! The extension's route into the pipeline (a snapshot of the DOM the browser built, see
//! `lectern::parse::snapshot`) gives the same article as the HTML route, on every corpus page and
//! news fixture. Here the snapshot is written from html5ever's tree; the browser test
//! (tests/e2e) checks the content script's walker against the same equality in Chromium.

mod common;

use lectern::parse::{parse_html, snapshot};

fn same_article(name: &str, html: &str) -> Result<(), String> {
    let url = Some(common::CORPUS_URL);
    let from_html = lectern::extract(html, url);
    let from_dom = lectern::extract_snapshot(&snapshot::encode(&parse_html(html)), url);
    match (from_html, from_dom) {
        (Ok(mut a), Ok(mut b)) => {
            a.stats.elapsed_ms = 0.0;
            b.stats.elapsed_ms = 0.0;
            if a == b {
                Ok(())
            } else {
                Err(format!(
                    "{name}: the articles differ (text {} vs {} chars)",
                    lectern::to_text(&a).len(),
                    lectern::to_text(&b).len()
                ))
            }
        }
        (Err(a), Err(b)) if a.to_string() == b.to_string() => Ok(()),
        (a, b) => Err(format!("{name}: {:?} vs {:?}", a.map(|x| x.title), b.map(|x| x.title))),
    }
}

#[test]
fn snapshot_route_matches_html_route_on_the_corpus_and_fixtures() {
    let mut pages: Vec<(String, String)> = Vec::new();
    for (name, dir) in common::corpus_pages() {
        let bytes = std::fs::read(dir.join("source.html")).unwrap();
        pages.push((name, lectern::parse::decode(&bytes)));
    }
    for (name, html, _) in common::fixture_pairs("news", "expect.json") {
        pages.push((name, std::fs::read_to_string(html).unwrap()));
    }
    assert!(pages.len() > 100, "only {} pages found", pages.len());
    let failures: Vec<String> = pages.iter().filter_map(|(name, html)| same_article(name, html).err()).collect();
    assert!(failures.is_empty(), "{} of {} pages differ:\n{}", failures.len(), pages.len(), failures.join("\n"));
}

/// The content script's walker sends only the attributes the core reads; its list must be the
/// parsers' list, or the two routes would see different pages.
#[test]
fn walker_sends_exactly_the_attributes_the_parsers_keep() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("extension/content/snapshot.js");
    let js = std::fs::read_to_string(&path).unwrap();
    let start = js.find("const READ_ATTRIBUTES = new Set([").expect("snapshot.js declares READ_ATTRIBUTES");
    let list = &js[start..];
    let list = &list[list.find('[').unwrap() + 1..list.find("])").expect("the list ends with ])")];
    let mut in_js: Vec<&str> = list.split(',').map(|s| s.trim().trim_matches('\'')).filter(|s| !s.is_empty()).collect();
    let mut in_rust: Vec<&str> = lectern::parse::READ_ATTRIBUTES.to_vec();
    in_js.sort_unstable();
    in_rust.sort_unstable();
    assert_eq!(in_js, in_rust);
}
