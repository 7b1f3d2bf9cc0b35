//! Empty sections: the blocks in, without the headings that head nothing — a section title
//! followed straight away by another heading of the same or a higher rank, or standing last —
//! each recorded where it stood. What such a heading announced ("More on this topic", "Weitere Tourentipps",
//! "Teilnehmende Blogs:") was a rail of links or a widget that an earlier step took out, or that
//! the page fills in with scripts; left alone it reads as the start of a section that never comes.

use crate::model::{Block, BlockKind, Inline, Reason, Removal, Shape};

/// Headings without a level are ranked as the highest a block heading has.
const DEFAULT_LEVEL: u8 = 2;

/// A section's title is a few words; a "heading" longer than this is a sentence of the story that
/// a theme set in a heading's type (a standfirst in an `<h2>`), and stays wherever it stands.
const MAX_SECTION_TITLE_WORDS: usize = 10;

/// Drop the headings that head nothing. Each removal stands before the block that followed it;
/// `earlier`, removals recorded by the steps before, are moved to stand before the same blocks
/// once these are gone.
pub fn remove_empty_sections(blocks: Vec<Block>, earlier: &mut [Removal]) -> (Vec<Block>, Vec<Removal>) {
    let level = |b: &Block| b.level.unwrap_or(DEFAULT_LEVEL);
    let heads_nothing = |i: usize| {
        let b = &blocks[i];
        b.kind == BlockKind::Heading
            && b.text.split_whitespace().nth(MAX_SECTION_TITLE_WORDS).is_none()
            // A linked heading is an entry that points elsewhere (a reading list's items), not
            // the title of a section of this page.
            && !matches!(b.content.as_slice(), [Inline::Link { .. }])
            && match blocks.get(i + 1) {
                None => true,
                Some(next) => next.kind == BlockKind::Heading && level(next) <= level(b),
            }
    };
    let keep: Vec<bool> = (0..blocks.len()).map(|i| !heads_nothing(i)).collect();
    // An article made only of headings is a page of links to other pages: the readerable check
    // judges it whole, so nothing is taken from it here.
    if !keep.iter().zip(&blocks).any(|(&k, b)| k && b.kind != BlockKind::Heading) {
        return (blocks, Vec::new());
    }
    super::shift_positions(earlier, &keep);
    let mut kept = Vec::with_capacity(blocks.len());
    let mut removed = Vec::new();
    for (b, k) in blocks.into_iter().zip(keep) {
        if k {
            kept.push(b);
        } else {
            let reason = Reason::Shape { shape: Shape::EmptySection, named: None };
            removed.push(Removal { reason, text: b.text, position: Some(kept.len()) });
        }
    }
    (kept, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: BlockKind, level: Option<u8>, text: &str) -> Block {
        let mut b = Block::new(kind, vec![Inline::Text { text: text.into() }]);
        b.level = level;
        b
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn a_heading_followed_by_one_of_the_same_rank_or_by_nothing_goes() {
        let blocks = vec![
            block(BlockKind::Heading, Some(2), "The flood"),
            block(BlockKind::Paragraph, None, "The river rose overnight."),
            block(BlockKind::Heading, Some(2), "More on this topic"),
            block(BlockKind::Heading, Some(2), "The clean-up"),
            block(BlockKind::Paragraph, None, "Volunteers came at dawn."),
            block(BlockKind::Heading, Some(3), "Weitere Tourentipps"),
        ];
        let (kept, removed) = remove_empty_sections(blocks, &mut []);
        assert_eq!(
            texts(&kept),
            ["The flood", "The river rose overnight.", "The clean-up", "Volunteers came at dawn."]
        );
        assert_eq!(
            removed.iter().map(|r| (r.text.as_str(), r.position)).collect::<Vec<_>>(),
            [("More on this topic", Some(2)), ("Weitere Tourentipps", Some(4))]
        );
    }

    #[test]
    fn a_sentence_set_as_a_heading_stays_wherever_it_stands() {
        let standfirst = "The river rose two metres overnight and the council closed both bridges before dawn.";
        let blocks = vec![
            block(BlockKind::Heading, Some(2), standfirst),
            block(BlockKind::Heading, Some(2), "The night"),
            block(BlockKind::Paragraph, None, "Sirens sounded at two."),
        ];
        let (kept, _) = remove_empty_sections(blocks, &mut []);
        assert_eq!(texts(&kept)[0], standfirst);
    }

    #[test]
    fn a_heading_over_subheadings_heads_their_sections() {
        let blocks = vec![
            block(BlockKind::Heading, Some(2), "Results"),
            block(BlockKind::Heading, Some(3), "North"),
            block(BlockKind::Paragraph, None, "Turnout rose."),
        ];
        let (kept, removed) = remove_empty_sections(blocks, &mut []);
        assert_eq!(kept.len(), 3);
        assert!(removed.is_empty());
    }

    #[test]
    fn linked_headings_are_entries_not_section_titles() {
        let linked = |text: &str| {
            let mut b = block(BlockKind::Heading, Some(2), text);
            b.content = vec![Inline::Link { href: "https://elsewhere.example/".into(), children: b.content.clone() }];
            b
        };
        let blocks = vec![
            block(BlockKind::Paragraph, None, "Three pieces worth your time:"),
            linked("How coastlines were drawn"),
            linked("The ledger that outlived its merchant"),
            block(BlockKind::Paragraph, None, "See you next week."),
        ];
        let (kept, _) = remove_empty_sections(blocks, &mut []);
        assert_eq!(kept.len(), 4);
    }

    #[test]
    fn a_page_of_headings_alone_is_left_whole() {
        let blocks = vec![block(BlockKind::Heading, Some(2), "One"), block(BlockKind::Heading, Some(2), "Two")];
        let (kept, _) = remove_empty_sections(blocks, &mut []);
        assert_eq!(kept.len(), 2);
    }
}
