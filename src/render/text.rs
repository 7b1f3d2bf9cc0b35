//! Plain text: the title, then each block, separated by blank lines.

use crate::model::Article;

pub fn render(article: &Article) -> String {
    let title = Some(article.title.as_str()).filter(|t| !t.is_empty());
    let blocks = article.blocks.iter().map(|b| b.text.as_str()).filter(|t| !t.trim().is_empty());
    let mut out = title.into_iter().chain(blocks).collect::<Vec<_>>().join("\n\n");
    out.push('\n');
    out
}
