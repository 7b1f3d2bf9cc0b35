//! The rendered HTML is safe by construction: whatever the page holds, the output has only the
//! renderer's own tags and attributes, and no URL that can run script. Checked on hand-written
//! hostile pages (tests/fixtures/hostile/) and on every page of the accuracy corpus.

mod common;

use lectern::parse::{parse_html, NodeData};

/// Tags the HTML renderer writes.
const ALLOWED_TAGS: &[&str] = &[
    "html", "head", "body", "article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "pre", "code", "figure",
    "img", "figcaption", "ul", "ol", "li", "table", "caption", "tbody", "tr", "td", "th", "a", "em", "strong", "sub",
    "sup", "br", "mark",
];
/// Attributes the HTML renderer writes.
const ALLOWED_ATTRS: &[&str] = &[
    "dir", "lang", "href", "rel", "src", "alt", "loading", "referrerpolicy", "class", "data-quote", "data-kind",
    "data-speaker",
];

/// Every way the output could still be dangerous; returns what was found.
fn violations(html: &str) -> Vec<String> {
    let doc = parse_html(html);
    let mut found = Vec::new();
    for id in doc.descendants(doc.root()) {
        let NodeData::Element(el) = &doc.node(id).data else { continue };
        let tag = &*el.name.local;
        if !ALLOWED_TAGS.contains(&tag) {
            found.push(format!("tag <{tag}>"));
        }
        for a in el.attrs.iter() {
            if !ALLOWED_ATTRS.contains(&&*a.name) {
                found.push(format!("attribute {} on <{tag}>", a.name));
            }
            if matches!(&*a.name, "href" | "src") {
                let v = a.value.trim().to_ascii_lowercase();
                let ok = v.starts_with("http://")
                    || v.starts_with("https://")
                    || v.starts_with("mailto:")
                    || v.starts_with('#')
                    || (&*a.name == "src"
                        && (v.starts_with("data:image/png")
                            || v.starts_with("data:image/jpeg")
                            || v.starts_with("data:image/gif")
                            || v.starts_with("data:image/webp")));
                if !ok {
                    found.push(format!("{}={:?}", a.name, a.value));
                }
            }
        }
    }
    found
}

#[test]
fn hostile_pages_render_without_scripts_handlers_or_script_urls() {
    for (name, path, _) in common::fixture_pairs("hostile", "html") {
        let html = std::fs::read_to_string(&path).unwrap();
        let article =
            lectern::extract(&html, Some("https://news.example/story.html")).unwrap_or_else(|e| panic!("{name}: {e}"));
        let html = lectern::to_html(&article);
        let v = violations(&html);
        assert!(v.is_empty(), "{name}: {v:?}");
        let lower = html.to_ascii_lowercase();
        for bad in [
            "<script", "onerror", "onload", "onclick", "javascript:", "vbscript:", "<iframe", "<svg", "<style",
            "<form", "data:text",
        ] {
            assert!(!lower.contains(bad), "{name}: output contains {bad}");
        }
        // The prose survives, and markup-looking text stays text.
        assert!(lectern::to_text(&article).contains("nine votes to four"), "{name}: prose lost");
        assert!(html.contains("&lt;script&gt;alert(27)"), "{name}: escaped text must stay escaped");
    }
}

#[test]
fn hostile_page_keeps_its_safe_image_and_drops_the_unsafe_ones() {
    let html = std::fs::read_to_string(common::fixtures_dir("hostile").join("script_vectors.html")).unwrap();
    let article = lectern::extract(&html, Some("https://news.example/story.html")).unwrap();
    let html = lectern::to_html(&article);
    assert!(html.contains(r#"src="https://news.example/x.jpg""#), "{html}");
    assert!(!html.contains("svg+xml"));
}

#[test]
fn every_corpus_page_renders_to_allowlisted_html_only() {
    let mut checked = 0;
    for (name, dir) in common::corpus_pages() {
        let source = std::fs::read(dir.join("source.html")).unwrap();
        if let Ok(article) = lectern::extract_bytes(&source, Some(common::CORPUS_URL)) {
            let v = violations(&lectern::to_html(&article));
            assert!(v.is_empty(), "{name}: {v:?}");
            checked += 1;
        }
    }
    assert!(checked >= 100, "only {checked} corpus pages rendered");
}
