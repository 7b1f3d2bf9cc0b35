//! Recurring furniture: the assembled blocks in, without the short blocks that a page repeats
//! beside every item it lists (a "Mehr erfahren" link under each teaser, a "Read the rest" link
//! after each excerpt, a share row after every card, the same share bar above and below the
//! story), each recorded where it stood.
//!
//! The signal is structural, not a word list: a block of a few words, nearly all of it link text,
//! whose exact text comes back with other content between the copies and leads to a different
//! page each time. The same words for different targets describe none of them: they are a prompt
//! ("Read more"), not a name. The same words for the same target are the story naming something
//! again (an artist, a film, a wiki's "Cooking") and stay, as do links within the page (a
//! heading's own anchor, a carousel's "Next"). Text that repeats in an unbroken run (a list of
//! links that all read "link") is the content of that run, a link right under an image is the
//! image's credit, and a short line of plain text said again (a refrain, a speaker's name, a
//! field label in a product table) is not a link: all stay. Furniture removed from the page
//! earlier counts as a copy too, so that a share bar kept in the story goes when its twin was
//! taken out above it as a share bar.

use std::collections::{HashMap, HashSet};

use crate::model::{Block, BlockKind, Furniture, Inline, Reason, Removal, Shape};
use crate::text::normalize::normalize;

/// A recurring block has at most this many words: prompts ("Read the rest", "Mehr erfahren",
/// "Zurück zum Inhaltsverzeichnis", "Share on WhatsApp") and rows of share links are a few words.
/// A longer linked title that recurs for different pages is more likely several works of one name
/// (a film and its remakes in a list of films) than a prompt.
const MAX_RECURRING_WORDS: usize = 4;

/// At least this share of the block's letters and digits must be link text: the furniture is a
/// link or a row of links, with at most a separator or a count beside them.
const MIN_LINK_SHARE: f64 = 0.9;

/// A link recurs as furniture when its text leads to this many different pages: two may be a
/// coincidence of wording ("the report" and "the report"); a third target beside a third item is
/// a pattern.
const MIN_RECURRENCES: usize = 3;

/// ... or this many times in all when one of the copies was already removed as a share bar (the
/// bar above the story, taken out by its class names, and its twin below it, whose names did not
/// say so). Other furniture is not compared: a comment's author or a link of the navigation may
/// well be named in the story too.
const MIN_RECURRENCES_WITH_REMOVED: usize = 2;

/// Drop the short link blocks that recur across the page. `removed` is the furniture taken out
/// before the blocks were assembled, whose share bars count as copies. Each removal stands before the
/// block that followed it; `earlier`, removals recorded by the step before, are moved to stand
/// before the same blocks once these are gone.
pub fn remove_recurring(
    blocks: Vec<Block>,
    removed: &[Removal],
    earlier: &mut [Removal],
) -> (Vec<Block>, Vec<Removal>) {
    // Normalised text of each candidate block; `None` for blocks that cannot be recurring links.
    let keys: Vec<Option<String>> = blocks.iter().map(candidate_key).collect();
    let mut places: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let Some(k) = key {
            places.entry(k.as_str()).or_default().push(i);
        }
    }
    let mut removed_copies: HashMap<&str, usize> = HashMap::new();
    let share_bar = |r: &&Removal| {
        matches!(
            r.reason,
            Reason::Furniture(Furniture::ShareBar) | Reason::Shape { named: Some(Furniture::ShareBar), .. }
        )
    };
    for r in removed.iter().filter(share_bar) {
        if r.text.split_whitespace().nth(MAX_RECURRING_WORDS).is_some() {
            continue;
        }
        let norm = normalize(&r.text);
        if let Some((&k, _)) = places.get_key_value(norm.as_str()) {
            *removed_copies.entry(k).or_default() += 1;
        }
    }
    let recurring = |k: &str| {
        let at = &places[k];
        // Copies side by side are a run: the content of a list, not furniture beside items.
        if at.windows(2).any(|w| w[1] == w[0] + 1) {
            return false;
        }
        // A link right under an image is its caption or credit.
        if at.iter().any(|&i| i > 0 && blocks[i - 1].kind == BlockKind::Figure) {
            return false;
        }
        let from_removed = removed_copies.get(k).copied().unwrap_or(0);
        if from_removed > 0 && at.len() + from_removed >= MIN_RECURRENCES_WITH_REMOVED {
            return true;
        }
        let targets: HashSet<Vec<&str>> = at.iter().map(|&i| link_targets(&blocks[i])).collect();
        targets.len() >= MIN_RECURRENCES
    };
    let drop: Vec<bool> = keys.iter().map(|k| k.as_deref().is_some_and(recurring)).collect();
    let mask: Vec<bool> = drop.iter().map(|&gone| !gone).collect();
    super::shift_positions(earlier, &mask);
    let mut kept = Vec::with_capacity(blocks.len());
    let mut out = Vec::new();
    for (b, gone) in blocks.into_iter().zip(drop) {
        if gone {
            let reason = Reason::Shape { shape: Shape::Recurring, named: None };
            out.push(Removal { reason, text: b.text, position: Some(kept.len()) });
        } else {
            kept.push(b);
        }
    }
    (kept, out)
}

/// The normalised text of a block that could be a recurring link: a short paragraph, heading or
/// list whose text is nearly all links.
fn candidate_key(b: &Block) -> Option<String> {
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading | BlockKind::List) {
        return None;
    }
    if b.text.split_whitespace().nth(MAX_RECURRING_WORDS).is_some() {
        return None;
    }
    let mut counts = (0usize, 0usize);
    if b.kind == BlockKind::List {
        for item in &b.items {
            count_link_chars(&item.content, false, &mut counts);
        }
    } else {
        count_link_chars(&b.content, false, &mut counts);
    }
    let (all, linked) = counts;
    if all == 0 || (linked as f64) < all as f64 * MIN_LINK_SHARE {
        return None;
    }
    Some(normalize(&b.text)).filter(|k| !k.is_empty())
}

/// The pages a block's links lead to, in order, each without its `#fragment`: links within one
/// page lead to the same page.
fn link_targets(b: &Block) -> Vec<&str> {
    fn collect<'a>(content: &'a [Inline], out: &mut Vec<&'a str>) {
        for i in content {
            if let Inline::Link { href, .. } = i {
                out.push(href.split('#').next().unwrap_or(href));
            }
            collect(i.children().unwrap_or_default(), out);
        }
    }
    let mut out = Vec::new();
    if b.kind == BlockKind::List {
        for item in &b.items {
            collect(&item.content, &mut out);
        }
    } else {
        collect(&b.content, &mut out);
    }
    out
}

/// Add the letters and digits of `content` to `counts.0`, and those inside links to `counts.1`.
fn count_link_chars(content: &[Inline], in_link: bool, counts: &mut (usize, usize)) {
    for i in content {
        match i {
            Inline::Text { text } | Inline::Code { text } => {
                let n = text.chars().filter(|c| c.is_alphanumeric()).count();
                counts.0 += n;
                if in_link {
                    counts.1 += n;
                }
            }
            Inline::Math(math) => counts.0 += math.text.chars().filter(|c| c.is_alphanumeric()).count(),
            Inline::Link { children, .. } => count_link_chars(children, true, counts),
            other => count_link_chars(other.children().unwrap_or_default(), in_link, counts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::new(BlockKind::Paragraph, vec![Inline::Text { text: text.into() }])
    }

    fn link(text: &str, href: &str) -> Block {
        let children = vec![Inline::Text { text: text.into() }];
        Block::new(BlockKind::Paragraph, vec![Inline::Link { href: href.into(), children }])
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn a_link_under_every_item_goes_and_each_removal_says_why() {
        let blocks = vec![
            para("First item"),
            link("Mehr erfahren", "/a"),
            para("Second item"),
            link("Mehr erfahren", "/b"),
            para("Third item"),
            link("Mehr erfahren", "/c"),
        ];
        let (kept, removed) = remove_recurring(blocks, &[], &mut []);
        assert_eq!(texts(&kept), ["First item", "Second item", "Third item"]);
        assert_eq!(removed.len(), 3);
        assert_eq!(removed[0].reason.to_string(), "link repeated across the page");
        assert_eq!(removed.iter().map(|r| r.position).collect::<Vec<_>>(), [Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn runs_names_anchors_credits_and_plain_text_stay() {
        let run: Vec<Block> = (0..8).map(|i| link("link", &format!("/{i}"))).collect();
        let (kept, _) = remove_recurring(run, &[], &mut []);
        assert_eq!(kept.len(), 8, "a list of links that all read the same is content");
        let named = |i: usize| vec![para(&format!("Scene {i}")), link("Studio Ghibli", "/ghibli#films")];
        let (kept, _) = remove_recurring((0..4).flat_map(named).collect(), &[], &mut []);
        assert_eq!(kept.len(), 8, "the same name for the same page is the story naming it again");
        let anchors = |i: usize| vec![para(&format!("Slide {i}")), link("Next", &format!("#slide{}", i + 1))];
        let (kept, _) = remove_recurring((0..4).flat_map(anchors).collect(), &[], &mut []);
        assert_eq!(kept.len(), 8, "links within the page are not prompts to leave it");
        let labels = vec![para("Anne:"), para("Yes."), para("Anne:"), para("No."), para("Anne:"), para("Maybe.")];
        let (kept, _) = remove_recurring(labels, &[], &mut []);
        assert_eq!(kept.len(), 6, "plain text said again is not a link");
    }

    #[test]
    fn a_link_twice_goes_only_when_a_copy_was_removed_as_furniture() {
        let blocks = || vec![link("Share on WhatsApp", "/s"), para("Story"), link("Share on WhatsApp", "/s")];
        assert_eq!(remove_recurring(blocks(), &[], &mut []).0.len(), 3);
        let bar = Removal {
            reason: Reason::Furniture(Furniture::ShareBar),
            text: "Share on WhatsApp".into(),
            position: None,
        };
        assert_eq!(texts(&remove_recurring(blocks(), &[bar], &mut []).0), ["Story"]);
    }
}
