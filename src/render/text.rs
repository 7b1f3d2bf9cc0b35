//! Plain text: the title, the standfirst, then each block of prose, separated by blank lines. Pictures have no
//! text, and their captions go with them: a caption describes what the reader of the text cannot
//! see, and pasted between paragraphs it reads as a stray line (credits and all). The HTML, the
//! Markdown and the reading view keep each picture with its caption.

use crate::model::{Article, BlockKind};

pub fn render(article: &Article) -> String {
    let title = Some(article.title.as_str()).filter(|t| !t.is_empty());
    let prose = article.blocks.iter().filter(|b| b.kind != BlockKind::Figure);
    // An embed has no text of the article's; its card says what and where it is.
    let blocks = prose.map(|b| match &b.embed {
        Some(e) => format!("{} <{}>", e.label(), e.url),
        None => b.text.clone(),
    });
    let blocks: Vec<String> = blocks.filter(|t| !t.trim().is_empty()).collect();
    let standfirst = article.standfirst.clone().filter(|s| !s.trim().is_empty());
    let mut out =
        title.map(str::to_string).into_iter().chain(standfirst).chain(blocks).collect::<Vec<_>>().join("\n\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn pictures_and_their_captions_stay_out_of_the_plain_text() {
        let html = "<article><h1>Ferry</h1><p>The ferry has not burned a drop of diesel since March, the crew says, and the batteries never ran low.</p>\
                    <figure><img src=https://x.example/f.jpg alt=''><figcaption>The ferry at dawn. Photo: M. Reyes</figcaption></figure>\
                    <p>Other councils along the coast have asked for the plans, and two have already ordered boats.</p></article>";
        let article = crate::extract(html, Some("https://x.example/a")).expect("an article");
        assert!(article.blocks.iter().any(|b| b.text.contains("The ferry at dawn")), "the caption is the figure's");
        let text = super::render(&article);
        assert!(text.contains("since March") && text.contains("two have already ordered boats"), "{text}");
        assert!(!text.contains("The ferry at dawn"), "{text}");
        assert!(crate::to_markdown(&article).contains("The ferry at dawn"));
    }
}
