//! Repeated blocks: the assembled blocks in, one copy of each out, plus a [`Removal`] for every
//! copy dropped (duplicate, near-duplicate, teaser, pull-quote, title repeated as a paragraph).
//!
//! Blocks are compared on normalised text through word-shingle sets; an inverted index of
//! shingles keeps the comparison close to linear in the number of blocks.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::clean::similarity::{
    containment, is_unspaced, normalize, resemblance, shingles, word_count, ShingleKeyHasher, ShingleMap, ShingleSet,
};
use crate::model::{Block, BlockKind, Removal, RemovalKind};

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

/// A shingle shared by more blocks than this is a stock phrase and says nothing about copying.
const MAX_POSTINGS: usize = 64;

/// A later copy longer than the kept one by this factor replaces it (the most complete copy wins).
const MORE_COMPLETE_RATIO: f64 = 1.05;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Verdict {
    Keep,
    Duplicate { of: usize, exact: bool },
    Teaser { of: usize },
    PullQuote { of: usize },
    Title,
    Byline,
}

/// A short paragraph naming the byline's author is the byline again ("By Siobhan Pryce ·
/// 19 August 2021"): it may add this many characters (a date, a place) to the name.
const BYLINE_EXTRA_CHARS: usize = 40;

/// Bylines shorter than this (initials, "AP") are too unspecific to match on.
const MIN_BYLINE_NAME_CHARS: usize = 6;

/// The text a block is compared by: figures by their image, everything else by text.
fn identity(b: &Block) -> String {
    match (&b.kind, &b.image) {
        (BlockKind::Figure, Some(img)) => format!("image {}", img.src),
        _ => normalize(&b.text),
    }
}

/// Near-copies, teasers and pull-quotes are looked for among prose only: headings repeat in
/// tables of contents and code repeats in tutorials on purpose.
fn is_prose(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote)
}

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

/// Remove repeated blocks. Returns the kept blocks in reading order and the removals.
pub fn collapse(blocks: Vec<Block>, title: &str, byline: Option<&str>) -> Collapsed {
    let n = blocks.len();
    let norms: Vec<String> = blocks.iter().map(identity).collect();
    let words: Vec<usize> = norms.iter().map(|s| word_count(s)).collect();
    let chars: Vec<usize> = norms.iter().map(|s| s.chars().count()).collect();
    let unspaced: Vec<bool> = norms.iter().map(|s| is_unspaced(s)).collect();
    // Shorter blocks can only be exact copies (compared whole below); they need no shingles.
    let sets: Vec<ShingleSet> = blocks
        .iter()
        .zip(&norms)
        .zip(&words)
        .map(|((b, n), &w)| if is_prose(b) && w >= MIN_TEASER_WORDS { shingles(n) } else { ShingleSet::default() })
        .collect();
    let norm_title = normalize(title);
    let norm_byline = byline
        .map(|b| normalize(b.trim_start_matches("By ").trim_start_matches("by ")))
        .filter(|b| b.len() >= MIN_BYLINE_NAME_CHARS);

    let postings = Postings::new(sets.iter());

    let mut first_exact: HashMap<&str, usize> = HashMap::new();
    let mut verdicts = vec![Verdict::Keep; n];
    for i in 0..n {
        if norms[i].is_empty() {
            continue;
        }
        if !norm_title.is_empty() && norms[i] == norm_title && blocks[i].kind != BlockKind::Figure {
            verdicts[i] = Verdict::Title;
            continue;
        }
        if let Some(name) = &norm_byline {
            let short = blocks[i].text.chars().nth(name.chars().count() + BYLINE_EXTRA_CHARS).is_none();
            if short && blocks[i].kind == BlockKind::Paragraph && norms[i].contains(name.as_str()) {
                verdicts[i] = Verdict::Byline;
                continue;
            }
        }
        if let Some(&j) = first_exact.get(norms[i].as_str()) {
            if blocks[i].kind != BlockKind::Code {
                verdicts[i] = Verdict::Duplicate { of: j, exact: true };
            }
            continue;
        }
        first_exact.insert(norms[i].as_str(), i);
        if !is_prose(&blocks[i]) {
            continue;
        }

        // Candidates: other blocks sharing shingles, with how many they share. Shingles too
        // common to index are not counted, so a count is a lower bound and `shared + unindexed`
        // an upper bound on the true overlap: candidates whose upper bound cannot reach a
        // threshold are skipped without comparing their sets or searching their text.
        let mut shared: HashMap<usize, usize, BuildHasherDefault<ShingleKeyHasher>> = HashMap::default();
        let mut unindexed = 0;
        for &h in &sets[i] {
            let holders = postings.blocks_with(h);
            if holders.len() > MAX_POSTINGS {
                unindexed += 1;
                continue;
            }
            for j in holders {
                if j != i {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        let size_i = sets[i].len();
        // A block whose text contains all of block i's words shares every shingle of i except at
        // most the first and the last (whose edge words may be parts of longer words there).
        let teaser_floor = (size_i as f64 * MIN_TEASER_CONTAINMENT).min(size_i.saturating_sub(2) as f64);
        let mut best: Option<(f64, Verdict)> = None;
        for (&j, &count) in shared.iter() {
            if !is_prose(&blocks[j]) {
                continue;
            }
            let upper = (count + unindexed).min(size_i).min(sets[j].len());
            if j < i && words[i] >= MIN_NEAR_DUPLICATE_WORDS && words[j] >= MIN_NEAR_DUPLICATE_WORDS {
                let reachable = upper as f64 / (size_i + sets[j].len() - upper) as f64 >= NEAR_DUPLICATE_RESEMBLANCE;
                let r = if reachable { resemblance(&sets[i], &sets[j]) } else { 0.0 };
                if r >= NEAR_DUPLICATE_RESEMBLANCE && best.is_none_or(|(s, _)| r > s) {
                    best = Some((r, Verdict::Duplicate { of: j, exact: false }));
                    continue;
                }
            }
            let longer = chars[j] as f64 >= chars[i] as f64 * TEASER_LENGTH_RATIO;
            if longer && words[i] >= MIN_TEASER_WORDS && (upper as f64 >= teaser_floor || unspaced[i] != unspaced[j]) {
                let c = containment(&sets[i], &sets[j]);
                let stem = norms[i].trim_end();
                let inside = norms[j].contains(stem);
                if c >= MIN_TEASER_CONTAINMENT || inside {
                    let score = c.max(if inside { 1.0 } else { 0.0 });
                    let prefix = norms[j].starts_with(stem) || c < 1.0;
                    let v = if blocks[i].kind == BlockKind::Quote || !prefix {
                        Verdict::PullQuote { of: j }
                    } else {
                        Verdict::Teaser { of: j }
                    };
                    if best.is_none_or(|(s, _)| score > s) {
                        best = Some((score, v));
                    }
                }
            }
        }
        if let Some((_, v)) = best {
            verdicts[i] = v;
        }
    }

    // Copies of a repeated story come in runs. A lone near-copy, or a short exact copy whose run
    // holds no long copy, is more likely a paragraph that resembles another on purpose.
    let is_long_copy = |k: usize, v: &Verdict| match v {
        Verdict::Duplicate { exact: true, .. } => blocks[k].text.chars().count() >= MIN_LONE_DUPLICATE_CHARS,
        Verdict::Teaser { .. } | Verdict::PullQuote { .. } | Verdict::Title | Verdict::Byline => true,
        _ => false,
    };
    let mut start = 0;
    while start < n {
        if verdicts[start] == Verdict::Keep {
            start += 1;
            continue;
        }
        let end = (start..n).find(|&k| verdicts[k] == Verdict::Keep).unwrap_or(n);
        let run_len = end - start;
        let run_has_long = (start..end).any(|k| is_long_copy(k, &verdicts[k]));
        for k in start..end {
            let keep = match verdicts[k] {
                Verdict::Duplicate { exact: true, .. } => !run_has_long,
                Verdict::Duplicate { exact: false, .. } => run_len < 2,
                _ => false,
            };
            if keep {
                verdicts[k] = Verdict::Keep;
            }
        }
        start = end;
    }

    // Resolve chains so every removal points at a block that is kept.
    let resolve = |mut j: usize, verdicts: &[Verdict]| {
        for _ in 0..n {
            match verdicts[j] {
                Verdict::Duplicate { of, .. } | Verdict::Teaser { of } | Verdict::PullQuote { of } => j = of,
                _ => break,
            }
        }
        j
    };

    let mut blocks: Vec<Block> = blocks;
    // The most complete copy wins: a longer later near-copy replaces the kept text.
    for i in 0..n {
        if let Verdict::Duplicate { of, exact: false } = verdicts[i] {
            let k = resolve(of, &verdicts);
            if blocks[i].text.chars().count() as f64 > blocks[k].text.chars().count() as f64 * MORE_COMPLETE_RATIO {
                blocks.swap(i, k);
            }
        }
    }

    let mut out_index = vec![usize::MAX; n];
    let mut next = 0;
    for i in 0..n {
        if verdicts[i] == Verdict::Keep {
            out_index[i] = next;
            next += 1;
        }
    }
    let position_of = |i: usize| (i..n).find(|&k| verdicts[k] == Verdict::Keep).map(|k| out_index[k]).unwrap_or(next);

    let kept_target = |of: usize| Some(out_index[resolve(of, &verdicts)]).filter(|&k| k != usize::MAX);
    let describe = |what: &str, of: usize| match kept_target(of) {
        Some(k) => (format!("{what} block {}", k + 1), Some(k)),
        None => (format!("{what} a block that was itself removed"), None),
    };
    let mut kept = Vec::with_capacity(next);
    let mut removed = Vec::new();
    let mut kept_sets = Vec::new();
    let mut sets = sets;
    for (i, block) in blocks.into_iter().enumerate() {
        let (kind, (reason, of)) = match verdicts[i] {
            Verdict::Keep => {
                if is_prose(&block) && !sets[i].is_empty() {
                    kept_sets.push((kept.len(), std::mem::take(&mut sets[i]), chars[i]));
                }
                kept.push(block);
                continue;
            }
            Verdict::Title => (RemovalKind::Title, ("the article title, shown once above".to_string(), None)),
            Verdict::Byline => (RemovalKind::Duplicate, ("the byline, shown once above".to_string(), None)),
            Verdict::Duplicate { of, exact: true } => (RemovalKind::Duplicate, describe("duplicate of", of)),
            Verdict::Duplicate { of, exact: false } => (RemovalKind::Duplicate, describe("near-duplicate of", of)),
            Verdict::Teaser { of } => (RemovalKind::Teaser, describe("teaser of", of)),
            Verdict::PullQuote { of } => (RemovalKind::PullQuote, describe("pull-quote from", of)),
        };
        removed.push(Removal { kind, reason, text: block.text, kept_block: of, position: Some(position_of(i)) });
    }
    Collapsed { blocks: kept, removed, kept_sets }
}

/// The result of [`collapse`]: the kept blocks, the copies removed, and the kept prose blocks'
/// shingle sets (block index, set, normalised length) for [`relabel_copies`].
pub struct Collapsed {
    pub blocks: Vec<Block>,
    pub removed: Vec<Removal>,
    kept_sets: Vec<(usize, ShingleSet, usize)>,
}

/// Furniture removed before the blocks were assembled may itself be a copy of the story (a teaser
/// in a "next article" box, a repeated paragraph in a rail). Label those removals for what they
/// are, pointing at the kept block, so the account of removals says "teaser of block 7" rather
/// than only "boilerplate".
pub fn relabel_copies(removed: &mut [Removal], collapsed: &Collapsed) {
    let kept_sets = &collapsed.kept_sets;
    let postings = Postings::new(kept_sets.iter().map(|(_, set, _)| set));
    for r in removed.iter_mut().filter(|r| r.kind == RemovalKind::Boilerplate) {
        let norm = normalize(&r.text);
        if norm.split(' ').nth(MIN_TEASER_WORDS - 1).is_none() {
            continue;
        }
        let set = shingles(&norm);
        let mut candidates: Vec<usize> = set.iter().flat_map(|&h| postings.blocks_with(h)).collect();
        candidates.sort_unstable();
        candidates.dedup();
        let len = norm.chars().count();
        for k in candidates {
            let (block, kept_set, kept_len) = &kept_sets[k];
            if resemblance(&set, kept_set) >= NEAR_DUPLICATE_RESEMBLANCE {
                r.kind = RemovalKind::Duplicate;
                r.reason = format!("duplicate of block {}", block + 1);
                r.kept_block = Some(*block);
                // Where it stood on the page is outside the article; show it beside its copy.
                r.position = Some(*block);
                break;
            }
            if (*kept_len as f64) >= len as f64 * TEASER_LENGTH_RATIO
                && containment(&set, kept_set) >= MIN_TEASER_CONTAINMENT
            {
                r.kind = RemovalKind::Teaser;
                r.reason = format!("teaser of block {}", block + 1);
                r.kept_block = Some(*block);
                r.position = Some(*block);
                break;
            }
        }
    }
}
