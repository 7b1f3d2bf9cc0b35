//! Fuzz `extract_bytes`: any bytes, with and without a page URL, must give an article or an
//! error — never a panic, an overflow or a hang. The HTML output, parsed again, must hold no
//! script element, no event handler and no script URL (markup-looking text is fine: it is escaped).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lectern::parse::{parse_html, NodeData};

fuzz_target!(|data: &[u8]| {
    let url = if data.first().is_some_and(|b| b & 1 == 1) { Some("https://fuzz.example/a/b.html") } else { None };
    if let Ok(article) = lectern::extract_bytes(data, url) {
        let doc = parse_html(&article.html);
        for id in doc.descendants(doc.root()) {
            if let NodeData::Element(el) = &doc.node(id).data {
                assert!(!matches!(&*el.name.local, "script" | "style" | "iframe" | "object" | "embed" | "svg" | "form"), "<{}> in output", el.name.local);
                for a in el.attrs.iter() {
                    assert!(!a.name.starts_with("on"), "event handler {} in output", a.name);
                    let v = a.value.trim().to_ascii_lowercase();
                    assert!(!v.starts_with("javascript:") && !v.starts_with("vbscript:") && !v.starts_with("data:text"), "script URL {v} in output");
                }
            }
        }
        for q in &article.quotes {
            assert!(q.start < q.end && q.block < article.blocks.len());
        }
    }
});
