//! What every fuzz target asserts of an article it got: the rendered HTML, parsed again, holds no
//! script-capable element, no event handler and no script URL (markup-looking text is fine: it is
//! escaped), and every quotation points into its block.

use lectern::parse::{parse_html, NodeData};
use lectern::Article;

pub fn article_is_safe(article: &Article) {
    let doc = parse_html(&lectern::to_html(article));
    for id in doc.descendants(doc.root()) {
        if let NodeData::Element(el) = &doc.node(id).data {
            assert!(
                !matches!(&*el.name.local, "script" | "style" | "iframe" | "object" | "embed" | "svg" | "form"),
                "<{}> in output",
                el.name.local
            );
            for a in el.attrs.iter() {
                assert!(!a.name.starts_with("on"), "event handler {} in output", a.name);
                let v = a.value.trim().to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:") && !v.starts_with("vbscript:") && !v.starts_with("data:text"),
                    "script URL {v} in output"
                );
            }
        }
    }
    for q in &article.quotes {
        assert!(q.start < q.end && q.block < article.blocks.len());
    }
}
