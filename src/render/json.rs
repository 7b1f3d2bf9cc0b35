//! The article with its renderings, as one object: what `lectern extract --format json` prints
//! and the wasm `Article.toJSON()` returns. The field order is the documented JSON's.

use serde::Serialize;

use crate::model::{Article, Block, Quote, Removal, Stats};

/// An [`Article`] and its text, Markdown and HTML, made when this is built.
#[derive(Serialize)]
pub struct Rendered<'a> {
    title: &'a str,
    byline: &'a Option<String>,
    site_name: &'a Option<String>,
    published: &'a Option<String>,
    lang: &'a Option<String>,
    dir: &'a str,
    url: &'a Option<String>,
    excerpt: &'a Option<String>,
    standfirst: &'a Option<String>,
    lead_image: &'a Option<String>,
    text: String,
    markdown: String,
    html: String,
    blocks: &'a [Block],
    quotes: &'a [Quote],
    removed: &'a [Removal],
    stats: &'a Stats,
}

impl<'a> Rendered<'a> {
    pub fn new(article: &'a Article) -> Rendered<'a> {
        Rendered {
            title: &article.title,
            byline: &article.byline,
            site_name: &article.site_name,
            published: &article.published,
            lang: &article.lang,
            dir: &article.dir,
            url: &article.url,
            excerpt: &article.excerpt,
            standfirst: &article.standfirst,
            lead_image: &article.lead_image,
            text: super::to_text(article),
            markdown: super::to_markdown(article),
            html: super::to_html(article),
            blocks: &article.blocks,
            quotes: &article.quotes,
            removed: &article.removed,
            stats: &article.stats,
        }
    }
}
