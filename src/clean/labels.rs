//! Furniture labels: the assembled blocks in, without the blocks whose whole text is a label such
//! as "Advertisement", "Share this post" or "Lesen Sie auch" out, each recorded where it stood.

use crate::model::{Block, BlockKind, Furniture, Reason, Removal};
use crate::text::normalize::normalize;

/// Whole-block texts (normalised) that are page furniture wherever they stand: ad labels, skip
/// links, "read next" and share prompts, image placeholders. Only blocks of at most
/// [`MAX_FURNITURE_PHRASE_WORDS`] words are compared, so prose that uses these words stays.
const FURNITURE_PHRASES: &[&str] = &[
    "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "paid content", "promoted",
    "skip to content", "skip to main content", "skip to navigation", "read next", "read more", "next article",
    "previous article", "next story", "continue reading", "share this post", "share this article", "share this story",
    "share", "share on facebook", "share on twitter", "related", "related articles", "related stories", "related news",
    "more stories", "most read", "most popular", "most viewed", "latest news", "latest", "you may also like",
    "recommended", "recommended for you", "subscribe", "subscribe now", "sign up", "follow us", "comments",
    "leave a comment", "thumbnail", "loading", "watch live", "listen to this article", "print", "email", "back to top",
    "tags", "topics", "publicité", "publicidad", "anzeige", "werbung", "lire aussi", "à lire aussi", "leer más",
    "lee también", "weiterlesen", "lesen sie auch", "تبلیغات", "إعلان",
];

/// Blocks longer than this many words are never furniture phrases.
const MAX_FURNITURE_PHRASE_WORDS: usize = 6;

/// Drop blocks whose whole text is a furniture phrase; each removal stands before the block that
/// followed it.
pub fn remove_labels(blocks: Vec<Block>) -> (Vec<Block>, Vec<Removal>) {
    let mut kept = Vec::with_capacity(blocks.len());
    let mut removed = Vec::new();
    for b in blocks {
        let is_phrase = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading)
            && b.text.split_whitespace().nth(MAX_FURNITURE_PHRASE_WORDS).is_none()
            && {
                let norm = normalize(&b.text);
                FURNITURE_PHRASES.contains(&norm.as_str())
            };
        if is_phrase {
            removed.push(Removal {
                reason: Reason::Furniture(Furniture::Label),
                text: b.text,
                position: Some(kept.len()),
            });
        } else {
            kept.push(b);
        }
    }
    (kept, removed)
}
