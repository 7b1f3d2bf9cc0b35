//! Repeated blocks: the assembled blocks in, one copy of each out, plus a [`Removal`] for every
//! copy dropped (duplicate, near-duplicate, teaser, pull-quote, the title or the byline repeated in
//! the body), and the captions of images that repeat a sentence of the story.
//!
//! Blocks are compared on normalised text through word-shingle sets; an inverted index of
//! shingles keeps the comparison close to linear in the number of blocks. [`collapse`] works in
//! phases: judge every block against the others, keep lone copies (the copies of a repeated story
//! come in runs), let the most complete copy of each group stand for it, and emit the kept blocks
//! with the removals. [`relabel_copies`] judges furniture removed earlier the same way.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::shingles::{containment, is_unspaced, resemblance, shingles, ShingleKeyHasher, ShingleMap, ShingleSet};
use crate::model::{Block, BlockKind, Reason, Removal, RemovalKind, Repeat};
use crate::text::normalize::normalize;

/// Two blocks whose shingle sets overlap this much (Jaccard) are copies of one another. One edited
/// sentence in a paragraph leaves it around 0.8; distinct live-blog entries sharing stock phrases
/// stay below 0.3.
const NEAR_DUPLICATE_RESEMBLANCE: f64 = 0.7;

/// Near-duplicate matching needs this many words: shorter texts differ in too few shingles.
const MIN_NEAR_DUPLICATE_WORDS: usize = 8;

/// An exact copy shorter than this many characters is dropped only inside a run of copies: alone it
/// may be a refrain, a repeated "Update:" line or a short answer, which authors repeat on purpose.
const MIN_LONE_DUPLICATE_CHARS: usize = 100;

/// A shorter block this much contained in a longer one is a teaser or pull-quote of it. The
/// TOLOnews teaser ("Imran Khan says “In the past, …") shares 79% of its shingles with its source.
const MIN_TEASER_CONTAINMENT: f64 = 0.75;

/// Teasers and pull-quotes are at least this many words; shorter overlaps are coincidence.
const MIN_TEASER_WORDS: usize = 6;

/// The longer copy must exceed the shorter by this factor for the shorter to be a teaser.
const TEASER_LENGTH_RATIO: f64 = 1.2;

/// An image caption is a copy of a paragraph when this share of its shingles is found there: a
/// caption written for the photo may share a phrase with the story ("a rally outside the gates on
/// Sunday", 75%), a caption copied from it shares all but a credit appended to it.
const MIN_CAPTION_CONTAINMENT: f64 = 0.8;

/// A shingle shared by more blocks than this is a stock phrase and says nothing about copying.
const MAX_POSTINGS: usize = 64;

/// A later copy longer than the kept one by this factor replaces it (the most complete copy wins).
const MORE_COMPLETE_RATIO: f64 = 1.05;

/// A short paragraph naming the byline's author is the byline again ("By Siobhan Pryce ·
/// 19 August 2021"): it may add this many characters (a date, a place) to the name.
const BYLINE_EXTRA_CHARS: usize = 40;

/// Bylines shorter than this (initials, "AP") are too unspecific to match on.
const MIN_BYLINE_NAME_CHARS: usize = 6;

/// The inverted index: which blocks hold each shingle. The blocks of all shingles sit in one array,
/// grouped by shingle and in block order within a group, with a map from shingle to its group
/// (built in two counting passes): no list allocated per distinct shingle (about one per word of
/// the article), and a lookup costs one hash probe however large the page.
struct Postings {
    /// Each shingle's group in `blocks`: start and length.
    groups: ShingleMap<(u32, u32)>,
    blocks: Vec<u32>,
}

impl Postings {
    fn new<'a>(sets: impl Iterator<Item = &'a ShingleSet> + Clone) -> Postings {
        let mut groups: ShingleMap<(u32, u32)> = ShingleMap::default();
        groups.reserve(sets.clone().map(|s| s.len()).sum());
        for set in sets.clone() {
            for &h in set {
                groups.entry(h).or_default().1 += 1;
            }
        }
        // Lay the groups out one after another; lengths count up again as the blocks are filled in.
        let mut total = 0;
        for group in groups.values_mut() {
            let len = group.1;
            *group = (total, 0);
            total += len;
        }
        let mut blocks = vec![0; total as usize];
        for (block, set) in sets.enumerate() {
            for h in set {
                let group = groups.get_mut(h).expect("counted in the first pass");
                blocks[(group.0 + group.1) as usize] = block as u32;
                group.1 += 1;
            }
        }
        Postings { groups, blocks }
    }

    /// The blocks holding shingle `h`, in block order.
    fn blocks_with(&self, h: u64) -> impl ExactSizeIterator<Item = usize> + '_ {
        let (start, len) = self.groups.get(&h).map_or((0, 0), |&(s, l)| (s as usize, l as usize));
        self.blocks[start..start + len].iter().map(|&block| block as usize)
    }
}

/// What a block is, judged against the others.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Verdict {
    Keep,
    /// A repeat of block `of` (an index into the blocks judged).
    Repeat {
        how: Repeat,
        of: usize,
    },
    Title,
    Byline,
}

/// A block as the detector compares it.
struct Fingerprint {
    /// Normalised text; for figures, the image's address.
    norm: String,
    words: usize,
    chars: usize,
    unspaced: bool,
    /// Word shingles, for prose of at least [`MIN_TEASER_WORDS`] words: shorter blocks can only be
    /// exact copies, which are compared whole.
    shingles: ShingleSet,
    /// Near-copies, teasers and pull-quotes are looked for among prose only: headings repeat in
    /// tables of contents and code repeats in tutorials on purpose.
    prose: bool,
    /// A block quotation contained in another block is a pull-quote, wherever it starts.
    quotation: bool,
}

impl Fingerprint {
    fn of_block(b: &Block) -> Fingerprint {
        let norm = match (&b.kind, &b.image) {
            (BlockKind::Figure, Some(img)) => format!("image {}", img.src),
            _ if b.embed.is_some() => format!("embed {}", b.embed.as_ref().map_or("", |e| e.url.as_str())),
            _ => normalize(&b.text),
        };
        let prose = matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote);
        Fingerprint::of_text(norm, prose, b.kind == BlockKind::Quote)
    }

    fn of_text(norm: String, prose: bool, quotation: bool) -> Fingerprint {
        let words = crate::text::count_words(&norm);
        let shingles = if prose && words >= MIN_TEASER_WORDS { shingles(&norm) } else { ShingleSet::default() };
        Fingerprint {
            chars: norm.chars().count(),
            unspaced: is_unspaced(&norm),
            words,
            shingles,
            prose,
            quotation,
            norm,
        }
    }
}

/// How `copy` repeats `kept`, and how surely (resemblance, or containment with 1.0 for text found
/// whole), or `None`. `shared` is an upper bound on the shingles the two share, so that pairs which
/// cannot reach a threshold skip the set comparisons; `near_copy_possible` is false where the pair
/// is judged as a near-copy from the other block's side.
fn judge_pair(
    copy: &Fingerprint,
    kept: &Fingerprint,
    shared: usize,
    near_copy_possible: bool,
) -> Option<(f64, Repeat)> {
    let size = copy.shingles.len();
    if near_copy_possible && copy.words >= MIN_NEAR_DUPLICATE_WORDS && kept.words >= MIN_NEAR_DUPLICATE_WORDS {
        let reachable = shared as f64 / (size + kept.shingles.len() - shared) as f64 >= NEAR_DUPLICATE_RESEMBLANCE;
        let r = if reachable { resemblance(&copy.shingles, &kept.shingles) } else { 0.0 };
        if r >= NEAR_DUPLICATE_RESEMBLANCE {
            return Some((r, Repeat::NearDuplicate));
        }
    }
    // A block whose text contains all of the copy's words shares every shingle of it except at
    // most the first and the last (whose edge words may be parts of longer words there).
    let teaser_floor = (size as f64 * MIN_TEASER_CONTAINMENT).min(size.saturating_sub(2) as f64);
    let longer = kept.chars as f64 >= copy.chars as f64 * TEASER_LENGTH_RATIO;
    let may_contain = shared as f64 >= teaser_floor || copy.unspaced != kept.unspaced;
    if !longer || copy.words < MIN_TEASER_WORDS || !may_contain {
        return None;
    }
    let contained = containment(&copy.shingles, &kept.shingles);
    let stem = copy.norm.trim_end();
    let inside = kept.norm.contains(stem);
    if contained < MIN_TEASER_CONTAINMENT && !inside {
        return None;
    }
    let score = contained.max(if inside { 1.0 } else { 0.0 });
    // A teaser is the start of its source; a sentence lifted from elsewhere in it is a pull-quote.
    let prefix = kept.norm.starts_with(stem) || contained < 1.0;
    Some((score, if copy.quotation || !prefix { Repeat::PullQuote } else { Repeat::Teaser }))
}

/// The result of [`collapse`]: the kept blocks, the copies removed, and the fingerprints of the
/// kept prose (block index, fingerprint) for [`relabel_copies`].
pub struct Collapsed {
    pub blocks: Vec<Block>,
    pub removed: Vec<Removal>,
    /// For each block given to [`collapse`], whether it was kept.
    pub kept: Vec<bool>,
    kept_prose: Vec<(usize, Fingerprint)>,
}

/// Remove repeated blocks. Returns the kept blocks in reading order and the removals.
pub fn collapse(blocks: Vec<Block>, title: &str, byline: Option<&str>) -> Collapsed {
    let mut prints: Vec<Fingerprint> = blocks.iter().map(Fingerprint::of_block).collect();
    let mut verdicts = judge(&blocks, &prints, title, byline);
    keep_lone_copies(&blocks, &mut verdicts);
    let mut blocks = blocks;
    prefer_most_complete(&mut blocks, &mut prints, &verdicts);
    let mut collapsed = emit(blocks, prints, &verdicts);
    strip_repeated_captions(&mut collapsed);
    collapsed
}

/// An image captioned with a sentence of the story (a lead photo under the first sentence again)
/// keeps its image and loses the caption, recorded as a pull-quote (or near-copy) of the paragraph
/// it repeats: the copied sentence would show twice.
fn strip_repeated_captions(collapsed: &mut Collapsed) {
    let kept = &collapsed.kept_prose;
    let postings = Postings::new(kept.iter().map(|(_, print)| &print.shingles));
    for k in 0..collapsed.blocks.len() {
        let figure = &collapsed.blocks[k];
        if figure.kind != BlockKind::Figure || figure.image.is_none() || figure.text.is_empty() {
            continue;
        }
        let print = Fingerprint::of_text(normalize(&figure.text), true, true);
        if print.words < MIN_TEASER_WORDS {
            continue;
        }
        let mut candidates: Vec<usize> = print.shingles.iter().flat_map(|&h| postings.blocks_with(h)).collect();
        candidates.sort_unstable();
        let mut best: Option<(f64, Repeat, usize)> = None;
        for run in candidates.chunk_by(|a, b| a == b) {
            let (block, kept_print) = &kept[run[0]];
            if let Some((score, how)) = judge_pair(&print, kept_print, run.len(), true) {
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, how, *block));
                }
            }
        }
        if let Some((_, how, block)) = best.filter(|&(score, _, _)| score >= MIN_CAPTION_CONTAINMENT) {
            let figure = &mut collapsed.blocks[k];
            let text = std::mem::take(&mut figure.text);
            figure.content.clear();
            collapsed.removed.push(Removal {
                reason: Reason::Repeat { how, of: Some(block) },
                text,
                // The caption stood under its image, before the next block.
                position: Some(k + 1),
            });
        }
    }
}

/// Judge each block: the title or byline again, a copy of an earlier block (exact, or near), a
/// teaser or pull-quote of another, or a block to keep.
fn judge(blocks: &[Block], prints: &[Fingerprint], title: &str, byline: Option<&str>) -> Vec<Verdict> {
    let norm_title = normalize(title);
    let norm_byline = byline
        .map(|b| normalize(b.trim_start_matches("By ").trim_start_matches("by ")))
        .filter(|b| b.len() >= MIN_BYLINE_NAME_CHARS);
    let postings = Postings::new(prints.iter().map(|p| &p.shingles));
    let mut first_exact: HashMap<&str, usize> = HashMap::new();
    let mut verdicts = vec![Verdict::Keep; blocks.len()];
    for (i, print) in prints.iter().enumerate() {
        if print.norm.is_empty() {
            continue;
        }
        if !norm_title.is_empty() && print.norm == norm_title && blocks[i].kind != BlockKind::Figure {
            verdicts[i] = Verdict::Title;
            continue;
        }
        if let Some(name) = &norm_byline {
            let short = blocks[i].text.chars().nth(name.chars().count() + BYLINE_EXTRA_CHARS).is_none();
            if short && blocks[i].kind == BlockKind::Paragraph && print.norm.contains(name.as_str()) {
                verdicts[i] = Verdict::Byline;
                continue;
            }
        }
        if let Some(&j) = first_exact.get(print.norm.as_str()) {
            if blocks[i].kind != BlockKind::Code {
                verdicts[i] = Verdict::Repeat { how: Repeat::Duplicate, of: j };
            }
            continue;
        }
        first_exact.insert(print.norm.as_str(), i);
        if print.prose {
            if let Some((_, verdict)) = best_match(i, prints, &postings) {
                verdicts[i] = verdict;
            }
        }
    }
    verdicts
}

/// The block that block `i` repeats most surely, found through the shingles they share.
fn best_match(i: usize, prints: &[Fingerprint], postings: &Postings) -> Option<(f64, Verdict)> {
    // Candidates: other blocks sharing shingles, with how many they share. Shingles too common to
    // index are not counted, so a count is a lower bound and `shared + unindexed` an upper bound
    // on the true overlap.
    let mut shared: HashMap<usize, usize, BuildHasherDefault<ShingleKeyHasher>> = HashMap::default();
    let mut unindexed = 0;
    for &h in &prints[i].shingles {
        let holders = postings.blocks_with(h);
        if holders.len() > MAX_POSTINGS {
            unindexed += 1;
            continue;
        }
        for j in holders.filter(|&j| j != i) {
            *shared.entry(j).or_default() += 1;
        }
    }
    let mut best: Option<(f64, Verdict)> = None;
    for (&j, &count) in shared.iter() {
        if !prints[j].prose {
            continue;
        }
        let upper = (count + unindexed).min(prints[i].shingles.len()).min(prints[j].shingles.len());
        if let Some((score, how)) = judge_pair(&prints[i], &prints[j], upper, j < i) {
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, Verdict::Repeat { how, of: j }));
            }
        }
    }
    best
}

/// Copies of a repeated story come in runs. A lone near-copy, or a short exact copy whose run holds
/// no long copy, is more likely a paragraph that resembles another on purpose: keep those.
fn keep_lone_copies(blocks: &[Block], verdicts: &mut [Verdict]) {
    let is_long_copy = |k: usize, v: Verdict| match v {
        Verdict::Repeat { how: Repeat::Duplicate, .. } => blocks[k].text.chars().count() >= MIN_LONE_DUPLICATE_CHARS,
        Verdict::Repeat { how: Repeat::NearDuplicate, .. } | Verdict::Keep => false,
        Verdict::Repeat { .. } | Verdict::Title | Verdict::Byline => true,
    };
    let n = verdicts.len();
    let mut start = 0;
    while start < n {
        if verdicts[start] == Verdict::Keep {
            start += 1;
            continue;
        }
        let end = (start..n).find(|&k| verdicts[k] == Verdict::Keep).unwrap_or(n);
        let run_has_long = (start..end).any(|k| is_long_copy(k, verdicts[k]));
        let run_len = end - start;
        for verdict in &mut verdicts[start..end] {
            let keep = match verdict {
                Verdict::Repeat { how: Repeat::Duplicate, .. } => !run_has_long,
                Verdict::Repeat { how: Repeat::NearDuplicate, .. } => run_len < 2,
                _ => false,
            };
            if keep {
                *verdict = Verdict::Keep;
            }
        }
        start = end;
    }
}

/// The block that block `j`'s copies lead to: following "repeats block k" until a block that is
/// not itself a repeat.
fn original_of(mut j: usize, verdicts: &[Verdict]) -> usize {
    for _ in 0..verdicts.len() {
        match verdicts[j] {
            Verdict::Repeat { of, .. } => j = of,
            _ => break,
        }
    }
    j
}

/// The most complete copy wins: a near-copy longer than the block it repeats takes that block's
/// place, and the shorter text becomes the removed one.
fn prefer_most_complete(blocks: &mut [Block], prints: &mut [Fingerprint], verdicts: &[Verdict]) {
    for i in 0..blocks.len() {
        if let Verdict::Repeat { how: Repeat::NearDuplicate, of } = verdicts[i] {
            let k = original_of(of, verdicts);
            if blocks[i].text.chars().count() as f64 > blocks[k].text.chars().count() as f64 * MORE_COMPLETE_RATIO {
                blocks.swap(i, k);
                prints.swap(i, k);
            }
        }
    }
}

/// The kept blocks in order, and a removal for each of the others, pointing at the kept block it
/// repeats and standing before the next kept block.
fn emit(blocks: Vec<Block>, prints: Vec<Fingerprint>, verdicts: &[Verdict]) -> Collapsed {
    let n = blocks.len();
    // Each kept block's index among the kept.
    let mut out_index = vec![None; n];
    let mut kept_count = 0;
    for (i, verdict) in verdicts.iter().enumerate() {
        if *verdict == Verdict::Keep {
            out_index[i] = Some(kept_count);
            kept_count += 1;
        }
    }
    let position_of =
        |i: usize| (i..n).find(|&k| verdicts[k] == Verdict::Keep).and_then(|k| out_index[k]).unwrap_or(kept_count);
    let mut kept = Vec::with_capacity(kept_count);
    let mut removed = Vec::new();
    let mut kept_prose = Vec::new();
    for (i, (block, print)) in blocks.into_iter().zip(prints).enumerate() {
        let reason = match verdicts[i] {
            Verdict::Keep => {
                if print.prose && !print.shingles.is_empty() {
                    kept_prose.push((kept.len(), print));
                }
                kept.push(block);
                continue;
            }
            Verdict::Title => Reason::Title,
            Verdict::Byline => Reason::Byline,
            Verdict::Repeat { how, of } => Reason::Repeat { how, of: out_index[original_of(of, verdicts)] },
        };
        removed.push(Removal { reason, text: block.text, position: Some(position_of(i)) });
    }
    let kept_mask = verdicts.iter().map(|v| *v == Verdict::Keep).collect();
    Collapsed { blocks: kept, removed, kept: kept_mask, kept_prose }
}

/// Furniture removed before the blocks were assembled may itself be a copy of the story (a teaser
/// in a "next article" box, a repeated paragraph in a rail). Label those removals for what they
/// are, pointing at the kept block, so the account of removals says "teaser of block 7" rather
/// than only "boilerplate".
pub fn relabel_copies(removed: &mut [Removal], collapsed: &Collapsed) {
    let kept = &collapsed.kept_prose;
    let postings = Postings::new(kept.iter().map(|(_, print)| &print.shingles));
    for r in removed.iter_mut().filter(|r| r.kind() == RemovalKind::Boilerplate) {
        let print = Fingerprint::of_text(normalize(&r.text), true, false);
        if print.words < MIN_TEASER_WORDS {
            continue;
        }
        // Candidates in block order, with the shingles each shares with the removal.
        let mut candidates: Vec<usize> = print.shingles.iter().flat_map(|&h| postings.blocks_with(h)).collect();
        candidates.sort_unstable();
        let shared: Vec<(usize, usize)> = candidates.chunk_by(|a, b| a == b).map(|run| (run[0], run.len())).collect();
        let exact = shared.iter().map(|&(k, _)| &kept[k]).find(|(_, kept_print)| kept_print.norm == print.norm);
        let mut best: Option<(f64, Repeat, usize)> = exact.map(|&(block, _)| (1.0, Repeat::Duplicate, block));
        for &(k, count) in shared.iter().filter(|_| exact.is_none()) {
            let (block, kept_print) = &kept[k];
            if let Some((score, how)) = judge_pair(&print, kept_print, count, true) {
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, how, *block));
                }
            }
        }
        if let Some((_, how, block)) = best {
            r.reason = Reason::Repeat { how, of: Some(block) };
            // Where it stood on the page is outside the article; show it beside its copy.
            r.position = Some(block);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn block(kind: BlockKind, text: &str) -> Block {
        Block::new(kind, vec![Inline::Text { text: text.to_string() }])
    }

    fn para(text: &str) -> Block {
        block(BlockKind::Paragraph, text)
    }

    const A: &str = "The council voted on Tuesday to close the harbour road, which flooded twice last winter and cost the town dearly.";
    const B: &str = "Residents who live along the road said the closure would add twenty minutes to every trip into the town centre.";
    const C: &str =
        "The mayor promised that a new sea wall would be built before the autumn storms, paid for by a regional grant.";

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn a_repeated_run_of_paragraphs_is_removed_and_each_copy_points_at_its_original() {
        let c = collapse(vec![para(A), para(B), para(C), para(A), para(B)], "", None);
        assert_eq!(texts(&c.blocks), [A, B, C]);
        let reasons: Vec<Reason> = c.removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            [
                Reason::Repeat { how: Repeat::Duplicate, of: Some(0) },
                Reason::Repeat { how: Repeat::Duplicate, of: Some(1) }
            ]
        );
        assert!(c.removed.iter().all(|r| r.position == Some(3)), "both stood after the last kept block");
    }

    #[test]
    fn a_lone_short_repeat_is_kept_as_authors_repeat_refrains_on_purpose() {
        let refrain = "And still the river rises.";
        let c = collapse(vec![para(refrain), para(A), para(refrain), para(B)], "", None);
        assert_eq!(texts(&c.blocks), [refrain, A, refrain, B]);
        assert!(c.removed.is_empty());
    }

    #[test]
    fn the_most_complete_of_two_near_copies_is_the_one_kept() {
        // Longer by more than MORE_COMPLETE_RATIO, shorter than a teaser's source would be.
        let edited = A.replace("dearly.", "dearly, the report says.");
        let c = collapse(vec![para(A), para(B), para(&edited), para(C)], "", None);
        // A lone near-copy is kept (it may be deliberate), so repeat it in a run of copies.
        assert_eq!(c.blocks.len(), 4, "a lone near-copy stays: {:?}", c.removed);
        let c = collapse(vec![para(A), para(B), para(&edited), para(B)], "", None);
        assert_eq!(texts(&c.blocks), [edited.as_str(), B]);
        assert_eq!(c.removed[0].text, A);
        assert_eq!(c.removed[0].reason, Reason::Repeat { how: Repeat::NearDuplicate, of: Some(0) });
    }

    #[test]
    fn a_truncated_start_is_a_teaser_and_a_lifted_sentence_is_a_pull_quote() {
        let teaser = "The council voted on Tuesday to close the harbour road";
        let lifted = "which flooded twice last winter and cost the town dearly";
        let c = collapse(vec![para(teaser), para(A), block(BlockKind::Quote, lifted), para(B)], "", None);
        assert_eq!(texts(&c.blocks), [A, B]);
        let reasons: Vec<Reason> = c.removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            [
                Reason::Repeat { how: Repeat::Teaser, of: Some(0) },
                Reason::Repeat { how: Repeat::PullQuote, of: Some(0) }
            ]
        );
    }

    #[test]
    fn a_caption_that_repeats_a_sentence_of_the_story_goes_and_its_image_stays() {
        let image = |caption: &str| {
            let mut b = block(BlockKind::Figure, caption);
            b.image = Some(crate::model::Image { src: "https://example.org/a.jpg".into(), alt: String::new() });
            b
        };
        let own = "The harbour road under water last February, seen from the sea wall";
        let c = collapse(
            vec![image("The council voted on Tuesday to close the harbour road"), para(A), image(own)],
            "",
            None,
        );
        assert_eq!(texts(&c.blocks), ["", A, own]);
        assert!(c.blocks[0].image.is_some(), "the image stays");
        assert_eq!(c.removed.len(), 1);
        assert_eq!(c.removed[0].reason, Reason::Repeat { how: Repeat::PullQuote, of: Some(1) });
        assert_eq!(c.removed[0].position, Some(1));
    }

    #[test]
    fn the_title_and_the_byline_repeated_in_the_body_go_but_repeated_code_stays() {
        let code = "cargo build --release";
        let blocks = vec![
            para("Harbour Road Closes"),
            para("By Siobhan Pryce · 19 August 2021"),
            para(A),
            block(BlockKind::Code, code),
            para(B),
            block(BlockKind::Code, code),
        ];
        let c = collapse(blocks, "Harbour road closes", Some("By Siobhan Pryce"));
        assert_eq!(texts(&c.blocks), [A, code, B, code]);
        let reasons: Vec<Reason> = c.removed.iter().map(|r| r.reason).collect();
        assert_eq!(reasons, [Reason::Title, Reason::Byline]);
    }

    #[test]
    fn furniture_that_copies_a_kept_block_is_labelled_for_what_it_copies() {
        let c = collapse(vec![para(A), para(B), para(C)], "", None);
        let furniture = |text: &str| Removal {
            reason: Reason::Furniture(crate::model::Furniture::RelatedStories),
            text: text.to_string(),
            position: None,
        };
        let mut removed = vec![
            furniture(B),
            furniture("The mayor promised that a new sea wall would be built"),
            furniture("Sign up"),
        ];
        relabel_copies(&mut removed, &c);
        assert_eq!(removed[0].reason, Reason::Repeat { how: Repeat::Duplicate, of: Some(1) });
        assert_eq!(removed[0].position, Some(1), "shown beside its copy");
        assert_eq!(removed[1].reason, Reason::Repeat { how: Repeat::Teaser, of: Some(2) });
        assert_eq!(removed[2].reason, Reason::Furniture(crate::model::Furniture::RelatedStories));
    }
}
