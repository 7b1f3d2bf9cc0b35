//! Fuzz `extract_snapshot`, the extension's route: any text after the snapshot header (records in
//! any order, unbalanced ends, stray NULs) must give an article or an error, never a panic, an
//! overflow or a hang, and the HTML output must stay free of scripts and handlers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lectern::parse::{parse_html, snapshot, NodeData};

fuzz_target!(|data: &[u8]| {
    // Bytes become records: every 0x00 starts one, so the fuzzer explores the format directly.
    let body = String::from_utf8_lossy(data);
    let input = format!("{}{}", snapshot::MAGIC, body);
    if let Ok(article) = lectern::extract_snapshot(&input, Some("https://fuzz.example/a/b.html")) {
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
    }
});
