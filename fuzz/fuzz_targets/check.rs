//! What every fuzz target asserts of an article it got: its HTML holds only the renderer's own
//! elements and attributes and safe addresses, its Markdown rendered with HTML passed through only
//! what Markdown makes (tests/common/safety.rs, shared with the hostile-page suite), and every
//! quotation points into its block.

#[path = "../../tests/common/safety.rs"]
mod safety;

use lectern::Article;

// Each target uses part of this module.
#[allow(dead_code)]
pub fn article_is_safe(article: &Article) {
    let html = lectern::to_html(article);
    let found = safety::html_active_markup(&html);
    assert!(found.is_empty(), "active markup in the HTML: {found:?}\n{html}");
    markdown_is_inert(article);
    for q in &article.quotes {
        assert!(q.start < q.end && q.block < article.blocks.len());
    }
}

pub fn markdown_is_inert(article: &Article) {
    let markdown = lectern::to_markdown(article);
    let found = safety::markdown_active_markup(&markdown);
    assert!(found.is_empty(), "active markup in the Markdown: {found:?}\n{markdown}");
}
