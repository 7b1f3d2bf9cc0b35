//! Scoring and selection: the prepared page and the paragraphs to score in, the article's
//! top-level nodes out. Each paragraph's score is credited to its ancestors; the best-scoring
//! container, moved up to a better ancestor where the page suggests one, is the article, with
//! those of its siblings that read like part of it.

use super::measure::Metrics;
use super::signals::class_weight;
use super::Flags;
use crate::parse::{Document, NodeId};

/// Paragraphs shorter than this many characters say too little to be scored.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// Every paragraph scored gets this much for being one ...
const PARAGRAPH_SCORE: f64 = 1.0;
/// ... a point for each comma (commas come with sentences, not with link lists) ...
const COMMA_SCORE: f64 = 1.0;
/// ... and a point per this many characters ...
const CHARS_PER_LENGTH_POINT: usize = 100;
/// ... up to this many, so that one long block cannot outweigh several paragraphs.
const MAX_LENGTH_POINTS: f64 = 3.0;

/// How many ancestor levels a paragraph's score is credited to.
const SCORE_ANCESTOR_LEVELS: usize = 5;

/// The parent gets a paragraph's whole score and the grandparent half of it; each level above
/// gets the score divided by this times its level, as the evidence grows weaker.
const DISTANT_ANCESTOR_DIVIDER: f64 = 3.0;

/// Candidates kept for the "several good candidates share an ancestor" check.
const TOP_CANDIDATES: usize = 5;

/// That check needs this many other candidates scoring within [`ALTERNATIVE_SCORE_RATIO`] of
/// the top one before it moves up to their common ancestor.
const MIN_ALTERNATIVE_CANDIDATES: usize = 3;
const ALTERNATIVE_SCORE_RATIO: f64 = 0.75;

/// Climbing from the top candidate stops at an ancestor scoring below its score divided by this:
/// the climb is for wrappers of the same story, not for the page around it.
const PARENT_SCORE_DIVISOR: f64 = 3.0;

/// A sibling joins the article when its score reaches this share of the top score
/// (but at least [`MIN_SIBLING_SCORE`]); a sibling with the top candidate's class gets this
/// share of the top score as a bonus.
const SIBLING_SCORE_RATIO: f64 = 0.2;
const MIN_SIBLING_SCORE: f64 = 10.0;

/// A paragraph sibling joins when it is long and not a list of links ...
const SIBLING_PARAGRAPH_MIN_CHARS: usize = 80;
const SIBLING_PARAGRAPH_MAX_LINK_DENSITY: f64 = 0.25;

/// Another container of the top candidate's tag and class joins the article as a part of the same
/// story when it holds at least this many characters of text.
const SPLIT_PART_MIN_CHARS: usize = 200;
/// ... and shares no ancestor with it within this many levels above the top candidate.
const SPLIT_PART_MIN_LEVELS_APART: usize = 4;

/// Content scores of the candidates, indexed by node; `NaN` for nodes that are not candidates.
pub(super) struct Scores {
    score: Vec<f64>,
    candidates: Vec<NodeId>,
}

impl Scores {
    /// The candidate's score weighted by how little of its text is links, or `None` when it is
    /// not a candidate.
    fn final_score(&self, metrics: &Metrics, id: NodeId) -> Option<f64> {
        let raw = self.score[id.index()];
        (!raw.is_nan()).then(|| raw * (1.0 - metrics.link_density(id)))
    }
}

/// What a container's tag says before its text is counted: `<div>` is the usual article wrapper,
/// quotations, preformatted text and table cells often hold prose, and lists, forms and headings
/// rarely wrap a whole article.
fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Score each paragraph of `to_score` and credit its ancestors.
pub(super) fn score(doc: &Document, to_score: &[NodeId], metrics: &Metrics, flags: Flags) -> Scores {
    let mut s = Scores { score: vec![f64::NAN; doc.len()], candidates: Vec::new() };
    for &p in to_score {
        // Taken out of the page since it was listed.
        if doc.parent(p).is_none() || !doc.ancestors(p).any(|a| a == doc.root()) {
            continue;
        }
        let chars = metrics.chars[p.index()] as usize;
        if chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let length_points = ((chars / CHARS_PER_LENGTH_POINT) as f64).min(MAX_LENGTH_POINTS);
        let content_score = PARAGRAPH_SCORE + metrics.commas[p.index()] as f64 * COMMA_SCORE + length_points;
        if doc.is_tag(p, "td") {
            // A table cell of loose text is a paragraph and the container that holds it at once:
            // on table-layout pages the story is such a cell, and crediting only the row would
            // make the row, sidebar cell and all, the article.
            let i = p.index();
            if s.score[i].is_nan() {
                let weight = if flags.weight_classes { class_weight(doc, p) } else { 0.0 };
                s.score[i] = tag_score("td") + weight;
                s.candidates.push(p);
            }
            s.score[i] += content_score;
        }
        for (level, anc) in doc.ancestors(p).take(SCORE_ANCESTOR_LEVELS).enumerate() {
            let Some(tag) = doc.tag(anc) else { break };
            if doc.parent(anc).is_none() {
                break;
            }
            let i = anc.index();
            if s.score[i].is_nan() {
                let weight = if flags.weight_classes { class_weight(doc, anc) } else { 0.0 };
                s.score[i] = tag_score(tag) + weight;
                s.candidates.push(anc);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * DISTANT_ANCESTOR_DIVIDER,
            };
            s.score[i] += content_score / divider;
        }
    }
    s
}

/// Pick the top candidate, maybe move up to a better ancestor, and gather its siblings.
pub(super) fn select(doc: &Document, body: NodeId, s: &Scores, metrics: &Metrics, flags: Flags) -> Vec<NodeId> {
    let ranked = rank(s, metrics);
    let Some(&(top_score, top)) = ranked.first() else {
        return vec![body];
    };
    if top == body {
        return vec![body];
    }
    let best = top;
    let top = ancestor_of_close_candidates(doc, body, &ranked, top_score).unwrap_or(top);
    let top = climb_to_better_parent(doc, body, s, metrics, top);
    let top = lift_out_of_only_child(doc, body, top);
    let nodes = with_siblings(doc, s, metrics, flags, top);
    if flags.weight_classes {
        with_split_parts(doc, body, s, metrics, best, nodes)
    } else {
        nodes
    }
}

/// `nodes` with the other parts of a story the page split into several containers of the top
/// candidate's tag and class (`<div class="story-text">` before and after an advertisement row,
/// each in its own layout section), in page order. A part holds at least
/// [`SPLIT_PART_MIN_CHARS`] of text and is not mostly links.
fn with_split_parts(
    doc: &Document,
    body: NodeId,
    s: &Scores,
    metrics: &Metrics,
    best: NodeId,
    nodes: Vec<NodeId>,
) -> Vec<NodeId> {
    let (Some(tag), Some(class)) = (doc.tag(best), doc.attr(best, "class").filter(|c| !c.trim().is_empty())) else {
        return nodes;
    };
    // Parts sit apart, each in its own section: containers of one class side by side are a
    // slider's slides or a list's cards, which the sibling rule already judges.
    let neighbourhood = doc.ancestors(best).nth(SPLIT_PART_MIN_LEVELS_APART - 1);
    // The cheap tests first: the walk up is for the few of the right tag and class.
    let is_part = |id: NodeId| {
        doc.tag(id) == Some(tag)
            && doc.attr(id, "class") == Some(class)
            && metrics.chars[id.index()] as usize >= SPLIT_PART_MIN_CHARS
            && metrics.link_density(id) < SIBLING_PARAGRAPH_MAX_LINK_DENSITY
            && !neighbourhood.is_some_and(|n| doc.ancestors(id).any(|a| a == n))
    };
    // A part holds paragraphs, so it is a candidate: only the few candidates are asked, and the
    // page is walked only when one is a part.
    let parts: Vec<NodeId> = s
        .candidates
        .iter()
        .copied()
        .filter(|&c| is_part(c) && !nodes.iter().any(|&n| n == c || doc.ancestors(n).any(|a| a == c)))
        .collect();
    if parts.is_empty() {
        return nodes;
    }
    // The nodes and the parts in page order (a part inside another comes with it).
    let mut out = Vec::with_capacity(nodes.len() + parts.len());
    let mut next = doc.node(body).first_child;
    while let Some(id) = next {
        if nodes.contains(&id) || parts.contains(&id) {
            out.push(id);
            next = doc.next_skipping_children(id, body);
        } else {
            next = doc.node(id).first_child.or_else(|| doc.next_skipping_children(id, body));
        }
    }
    out
}

/// The [`TOP_CANDIDATES`] best candidates by final score, best first.
fn rank(s: &Scores, metrics: &Metrics) -> Vec<(f64, NodeId)> {
    let mut ranked: Vec<(f64, NodeId)> =
        s.candidates.iter().filter_map(|&c| s.final_score(metrics, c).map(|score| (score, c))).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.truncate(TOP_CANDIDATES);
    ranked
}

/// When several candidates score close to the top one, the article is their nearest common
/// ancestor (above the top one) that holds enough of them: its parts were scored apart.
fn ancestor_of_close_candidates(
    doc: &Document,
    body: NodeId,
    ranked: &[(f64, NodeId)],
    top_score: f64,
) -> Option<NodeId> {
    let close: Vec<NodeId> =
        ranked[1..].iter().filter(|(sc, _)| *sc / top_score >= ALTERNATIVE_SCORE_RATIO).map(|&(_, n)| n).collect();
    if close.len() < MIN_ALTERNATIVE_CANDIDATES {
        return None;
    }
    let top = ranked[0].1;
    doc.ancestors(top)
        .take_while(|&a| a != body && doc.tag(a).is_some())
        .find(|&a| close.iter().filter(|&&c| doc.ancestors(c).any(|x| x == a)).count() >= MIN_ALTERNATIVE_CANDIDATES)
}

/// Climb from `top` while the ancestors keep most of its score, and move to the first one that
/// scores better than the level below it.
fn climb_to_better_parent(doc: &Document, body: NodeId, s: &Scores, metrics: &Metrics, top: NodeId) -> NodeId {
    let start = s.final_score(metrics, top).unwrap_or(0.0);
    let floor = start / PARENT_SCORE_DIVISOR;
    let mut last = start;
    for p in doc.ancestors(top).take_while(|&p| p != body && doc.tag(p).is_some()) {
        let Some(ps) = s.final_score(metrics, p) else { continue };
        if ps < floor {
            break;
        }
        if ps > last {
            return p;
        }
        last = ps;
    }
    top
}

/// An only child says nothing its parent does not: take the outermost such wrapper.
fn lift_out_of_only_child(doc: &Document, body: NodeId, mut top: NodeId) -> NodeId {
    while let Some(p) = doc.parent(top) {
        if p == body || doc.tag(p).is_none() || doc.element_children(p).count() != 1 {
            break;
        }
        top = p;
    }
    top
}

/// `top` and those of its siblings that belong to the article, in page order.
fn with_siblings(doc: &Document, s: &Scores, metrics: &Metrics, flags: Flags, top: NodeId) -> Vec<NodeId> {
    let top_score = s.final_score(metrics, top).unwrap_or(0.0);
    let Some(parent) = doc.parent(top) else { return vec![top] };
    let threshold = (top_score * SIBLING_SCORE_RATIO).max(MIN_SIBLING_SCORE);
    let top_class = doc.attr(top, "class").unwrap_or("");
    let belongs = |sib: NodeId| {
        if sib == top {
            return true;
        }
        if doc.element(sib).is_none() {
            return false;
        }
        let same_class = flags.weight_classes && !top_class.is_empty() && doc.attr(sib, "class") == Some(top_class);
        let bonus = if same_class { top_score * SIBLING_SCORE_RATIO } else { 0.0 };
        if s.final_score(metrics, sib).is_some_and(|score| score + bonus >= threshold) {
            return true;
        }
        doc.is_tag(sib, "p") && reads_like_prose(doc, metrics, sib)
    };
    doc.children(parent).filter(|&sib| belongs(sib)).collect()
}

/// A paragraph that reads like part of the story: long and not mostly links, or short, without
/// links, and made of sentences.
fn reads_like_prose(doc: &Document, metrics: &Metrics, p: NodeId) -> bool {
    let link_density = metrics.link_density(p);
    let chars = metrics.chars[p.index()] as usize;
    if chars > SIBLING_PARAGRAPH_MIN_CHARS {
        return link_density < SIBLING_PARAGRAPH_MAX_LINK_DENSITY;
    }
    let text = doc.text_content(p);
    let text = text.trim();
    chars > 0 && link_density == 0.0 && (text.contains(". ") || text.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::super::measure::TextMeasures;
    use super::*;

    /// The article nodes `select` picks on `html`, as the `id`s of the chosen elements.
    fn selected(html: &str) -> Vec<String> {
        let doc = crate::parse::parse_html(html);
        let body = doc.body().unwrap();
        let to_score: Vec<NodeId> = doc.descendants(body).filter(|&n| doc.is_tag(n, "p")).collect();
        let metrics = Metrics::compute(&doc, &[body], &mut TextMeasures::new(&doc));
        let scores = score(&doc, &to_score, &metrics, Flags::ALL);
        select(&doc, body, &scores, &metrics, Flags::ALL)
            .into_iter()
            .map(|n| doc.attr(n, "id").unwrap_or("?").to_string())
            .collect()
    }

    fn prose(n: usize) -> String {
        (0..n)
            .map(|i| format!("<p>Sentence {i} of the story, with a comma, and enough words to be prose here.</p>"))
            .collect()
    }

    #[test]
    fn the_container_with_the_most_prose_wins_over_a_link_rail() {
        let links: String =
            (0..20).map(|i| format!("<p><a href=/{i}>Another headline number {i}, here</a></p>")).collect();
        assert_eq!(
            selected(&format!("<body><div id=rail>{links}</div><div id=story>{}</div></body>", prose(6))),
            ["story"]
        );
    }

    #[test]
    fn a_story_split_into_parts_of_one_class_in_separate_sections_is_taken_whole() {
        let section = |id: &str, n: usize| {
            format!(
                "<section><div><div><div><div id={id} class=story-text>{}</div></div></div></div></section>",
                prose(n)
            )
        };
        let ad = "<section><div class=ad>Advertisement</div></section>";
        let html = format!("<body>{}{ad}{}<footer><p>About us</p></footer></body>", section("a", 3), section("b", 6));
        // The other part joins as it is, before the top one (taken with some of its wrappers).
        let got = selected(&html);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], "a");
        // Containers of one class side by side (a slider's slides) are left to the sibling rule.
        let slides = (0..3)
            .map(|i| {
                format!(
                    "<div class=slide><div class=box><div id=s{i} class=text>{}</div></div></div>",
                    prose(1 + 2 * i)
                )
            })
            .collect::<String>();
        assert_eq!(selected(&format!("<body><div class=slider>{slides}</div></body>")).len(), 1);
    }

    #[test]
    fn a_story_split_over_several_close_candidates_is_their_common_ancestor() {
        let part = prose(4);
        let html = format!(
            "<body><div id=all><div id=a>{part}</div><div id=b>{part}</div><div id=c>{part}</div><div id=d>{part}</div></div><div id=other><p>x</p></div></body>"
        );
        assert_eq!(selected(&html), ["all"]);
    }

    #[test]
    fn siblings_join_when_they_score_well_or_read_as_prose() {
        let html = format!(
            "<body><div id=wrap><div id=story>{}</div><p id=tail>The story ends here. Really.</p><p id=links><a href=/x>A link that is not part of it at all, no</a></p></div></body>",
            prose(8)
        );
        assert_eq!(selected(&html), ["story", "tail"]);
    }

    #[test]
    fn a_wrapper_with_one_child_is_taken_instead_of_the_child() {
        let html = format!("<body><div id=outer><div id=inner>{}</div></div><div id=x><p>x</p></div></body>", prose(6));
        assert_eq!(selected(&html), ["outer"]);
    }

    #[test]
    fn commas_and_length_score_and_distant_ancestors_get_less() {
        let doc = crate::parse::parse_html(
            "<body><div id=d1><div id=d2><div id=d3><p>One, two, three, four and a long enough sentence to be scored here.</p></div></div></div></body>",
        );
        let body = doc.body().unwrap();
        let p: Vec<NodeId> = doc.descendants(body).filter(|&n| doc.is_tag(n, "p")).collect();
        let metrics = Metrics::compute(&doc, &[body], &mut TextMeasures::new(&doc));
        let scores = score(&doc, &p, &metrics, Flags::ALL);
        let by_id = |v: &str| doc.descendants(doc.root()).find(|&n| doc.attr(n, "id") == Some(v)).unwrap();
        // 1 for the paragraph, 3 commas, 0 length points (under 100 characters).
        let content = 4.0;
        let div = tag_score("div");
        assert_eq!(scores.score[by_id("d3").index()], div + content);
        assert_eq!(scores.score[by_id("d2").index()], div + content / 2.0);
        assert_eq!(scores.score[by_id("d1").index()], div + content / 6.0);
    }
}
