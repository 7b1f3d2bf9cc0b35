//! Stage 3 — find the article: a parsed [`Document`] in, the nodes that hold the story out, pruned
//! of the furniture inside them, with every removal recorded.
//!
//! An attempt runs four passes: [`prepare`] takes out what is never the article (hidden elements,
//! controls, bylines, ad slots, furniture by class and role) and turns text-only `<div>`s into
//! paragraphs; [`score`] scores every paragraph and credits its ancestors, then picks the
//! best-scoring container and the siblings that belong with it; [`prune`] takes the furniture out
//! of what was picked. When the result is too short the attempt is repeated on a fresh copy of the
//! page with the most aggressive heuristic switched off, as Readability.js does. Word lists and
//! class weights are in [`signals`]; text measures in [`measure`].

mod measure;
mod prepare;
mod prune;
mod score;
mod signals;

pub use signals::embed_address;

use crate::model::{Reason, Removal};
use crate::parse::{Document, NodeId};
use crate::text::normalize::normalize;
use measure::{Metrics, TextMeasures};

/// An article shorter than this many characters means the attempt threw away too much;
/// the next attempt relaxes a heuristic.
const MIN_ARTICLE_CHARS: usize = 500;

/// Which heuristics an attempt uses; each retry switches the first one still on off.
#[derive(Clone, Copy, Debug)]
struct Flags {
    /// Remove elements whose class, id or role names furniture before scoring.
    strip_unlikely: bool,
    /// Let class and id words raise or lower scores.
    weight_classes: bool,
    /// Remove blocks shaped like furniture from the picked article.
    clean_conditionally: bool,
}

impl Flags {
    const ALL: Flags = Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true };

    fn relax(self) -> Option<Flags> {
        if self.strip_unlikely {
            Some(Flags { strip_unlikely: false, ..self })
        } else if self.weight_classes {
            Some(Flags { weight_classes: false, ..self })
        } else if self.clean_conditionally {
            Some(Flags { clean_conditionally: false, ..self })
        } else {
            None
        }
    }
}

/// What the finder found.
#[derive(Debug)]
pub struct Located {
    /// The document the nodes live in (the parsed page, as the finder edited it).
    pub doc: Document,
    /// The article's top-level nodes, in page order.
    pub nodes: Vec<NodeId>,
    /// The page's first byline, taken out of the article.
    pub byline: Option<String>,
    pub removed: Vec<Removal>,
    /// Characters of article text, whitespace collapsed.
    pub text_chars: usize,
}

/// Find the article in `page`. Returns `None` when the page has no body text at all.
///
/// The first attempt edits `page` itself; a retry starts from `fresh()`, the page as parsed (a
/// copy kept aside, or the input parsed again, as costs the caller less). Most pages need one
/// attempt.
pub fn locate(page: Document, fresh: &dyn Fn() -> Document, title: &str) -> Option<Located> {
    let mut flags = Flags::ALL;
    let mut best: Option<Located> = None;
    let mut texts = TextMeasures::new(&page);
    // Headings are compared with the title in every attempt; normalise it once.
    let norm_title = normalize(title);
    let mut doc = page;
    loop {
        // Without a body no attempt finds anything.
        let found = attempt(doc, flags, &norm_title, &mut texts)?;
        if found.text_chars >= MIN_ARTICLE_CHARS {
            return Some(found);
        }
        if best.as_ref().is_none_or(|b| found.text_chars > b.text_chars) {
            best = Some(found);
        }
        match flags.relax() {
            Some(next) => {
                flags = next;
                doc = fresh();
            }
            None => return best.filter(|b| b.text_chars > 0),
        }
    }
}

/// One attempt with `flags`: prepare, score, select, prune.
fn attempt(mut doc: Document, flags: Flags, norm_title: &str, texts: &mut TextMeasures) -> Option<Located> {
    let body = doc.body()?;
    let mut removed = Vec::new();
    let prepared = prepare::prepare(&mut doc, body, flags, &mut removed);
    let metrics = Metrics::compute(&doc, &[body], texts);
    let scores = score::score(&doc, &prepared.to_score, &metrics, flags);
    let nodes = score::select(&doc, body, &scores, &metrics, flags);
    prune::prune(&mut doc, &nodes, flags, norm_title, &metrics, texts, &mut removed);
    let text_chars = nodes.iter().map(|&n| measure::subtree_chars(&doc, n, texts)).sum();
    Some(Located { doc, nodes, byline: prepared.byline, removed, text_chars })
}

/// Record the text of `id`, about to be taken out for `reason` (nothing when it holds no text:
/// there is nothing to show back).
fn record_removal(doc: &Document, id: NodeId, reason: Reason, removed: &mut Vec<Removal>) {
    let text = doc.collapsed_text(id);
    if !text.is_empty() {
        removed.push(Removal { reason, text, position: None });
    }
}
