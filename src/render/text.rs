//! Plain text: the title, then each block, separated by blank lines.

use crate::model::Article;

pub fn render(article: &Article) -> String {
    let title = Some(article.title.as_str()).filter(|t| !t.is_empty());
    // An embed has no text of the article's; its card says what and where it is.
    let blocks = article.blocks.iter().map(|b| match &b.embed {
        Some(e) => format!("{} <{}>", e.label(), e.url),
        None => b.text.clone(),
    });
    let blocks: Vec<String> = blocks.filter(|t| !t.trim().is_empty()).collect();
    let mut out = title.map(str::to_string).into_iter().chain(blocks).collect::<Vec<_>>().join("\n\n");
    out.push('\n');
    out
}
