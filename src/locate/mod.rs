//! Stage 2 — find the article: a parsed [`Document`] in, the nodes that hold the story out.
//!
//! One pass prepares the page (drops hidden and never-content elements, page furniture by
//! class and role, takes the byline, turns text-only `<div>`s into paragraphs), one pass scores
//! every paragraph and credits its ancestors, and one pass picks the best-scoring container and
//! the siblings that belong with it. When the result is too short the attempt is repeated with
//! the most aggressive heuristic switched off, as Readability.js does.

pub mod signals;

use crate::clean::boilerplate;
use crate::model::{char_at, is_ascii_space, is_blank, runs, Collapser, Removal, RemovalKind, Run};
use crate::parse::{Document, NodeData, NodeId};
use signals::*;

/// An article shorter than this many characters means the attempt threw away too much;
/// the next attempt relaxes a heuristic.
const MIN_ARTICLE_CHARS: usize = 500;

/// Paragraphs shorter than this many characters say too little to be scored.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// How many ancestor levels a paragraph's score is credited to.
const SCORE_ANCESTOR_LEVELS: usize = 5;

/// Candidates kept for the "several good candidates share an ancestor" check.
const TOP_CANDIDATES: usize = 5;

/// That check needs this many other candidates scoring within [`ALTERNATIVE_SCORE_RATIO`] of
/// the top one before it moves up to their common ancestor.
const MIN_ALTERNATIVE_CANDIDATES: usize = 3;
const ALTERNATIVE_SCORE_RATIO: f64 = 0.75;

/// A sibling joins the article when its score reaches this share of the top score
/// (but at least [`MIN_SIBLING_SCORE`]).
const SIBLING_SCORE_RATIO: f64 = 0.2;
const MIN_SIBLING_SCORE: f64 = 10.0;

/// A paragraph sibling joins when it is long and not a list of links ...
const SIBLING_PARAGRAPH_MIN_CHARS: usize = 80;
const SIBLING_PARAGRAPH_MAX_LINK_DENSITY: f64 = 0.25;

/// An ad slot holds a label ("- Advertisement -") and an empty frame; an element with an ad-like
/// name and more text than this wraps content (some sites put `id="ad-portal"` on the whole page).
const MAX_AD_SLOT_CHARS: usize = 200;

/// Bylines longer than this are prose that happens to sit in an "author" box.
const MAX_BYLINE_CHARS: usize = 100;

/// Which heuristics an attempt uses; each retry switches the first one still on off.
#[derive(Clone, Copy, Debug)]
pub struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
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
    pub byline: Option<String>,
    pub removed: Vec<Removal>,
    /// Characters of article text, whitespace collapsed.
    pub text_chars: usize,
}

/// Per-node text measures, computed in one bottom-up pass.
pub struct Metrics {
    /// Characters of text with whitespace runs counted once.
    pub chars: Vec<u32>,
    /// Characters of that text inside links (in-page `#` links count 30%).
    pub link_chars: Vec<f32>,
    pub commas: Vec<u32>,
}

/// Links to places on the same page (tables of contents, footnotes) weigh less in link density.
const HASH_LINK_WEIGHT: f32 = 0.3;

impl Metrics {
    /// Measures for every node under each of `roots` (which must not contain one another).
    pub fn compute(doc: &Document, roots: &[NodeId], texts: &mut TextMeasures) -> Metrics {
        let n = doc.len();
        let mut m = Metrics { chars: vec![0; n], link_chars: vec![0.0; n], commas: vec![0; n] };
        let mut order: Vec<NodeId> = Vec::new();
        for &root in roots {
            order.clear();
            order.extend(doc.descendants(root));
            for &id in order.iter().rev() {
                let i = id.index();
                if let NodeData::Text(t) = &doc.node(id).data {
                    let (chars, commas) = texts.measure(id, t);
                    m.chars[i] = chars;
                    m.commas[i] = commas;
                } else if doc.is_tag(id, "a") {
                    let weight =
                        if doc.attr(id, "href").is_some_and(|h| h.starts_with('#')) { HASH_LINK_WEIGHT } else { 1.0 };
                    m.link_chars[i] = m.chars[i] as f32 * weight;
                }
                if id == root {
                    continue;
                }
                if let Some(p) = doc.parent(id) {
                    let (c, l, k) = (m.chars[i], m.link_chars[i], m.commas[i]);
                    let p = p.index();
                    m.chars[p] += c;
                    m.link_chars[p] += l;
                    m.commas[p] += k;
                }
            }
        }
        m
    }

    pub fn link_density(&self, id: NodeId) -> f64 {
        let c = self.chars[id.index()];
        if c == 0 {
            0.0
        } else {
            (self.link_chars[id.index()] / c as f32).min(1.0) as f64
        }
    }
}

/// Each text node's measure (characters, commas), taken on first use and kept for the page: the
/// finder's attempts work on parses of one page (same node ids, same text), and each
/// attempt measures the same text in several passes.
pub struct TextMeasures {
    /// Characters and commas by node id; `NOT_MEASURED` characters until measured.
    measured: Vec<(u32, u32)>,
}

const NOT_MEASURED: u32 = u32::MAX;

impl TextMeasures {
    pub fn new(page: &Document) -> TextMeasures {
        TextMeasures { measured: vec![(NOT_MEASURED, 0); page.len()] }
    }

    /// The measure of text node `id`, whose text is `text`.
    pub fn measure(&mut self, id: NodeId, text: &str) -> (u32, u32) {
        match self.measured.get_mut(id.index()) {
            Some(slot) if slot.0 != NOT_MEASURED => *slot,
            Some(slot) => {
                *slot = measure_text(text);
                *slot
            }
            // A node made after the page was parsed; the finder makes elements, not text.
            None => measure_text(text),
        }
    }
}

/// Characters with whitespace runs counted once, and commas of any script.
///
/// Runs over every text node several times per page, so ASCII bytes (most of the text on most
/// pages) are classified without decoding characters.
fn measure_text(t: &str) -> (u32, u32) {
    // Whole chunks of ASCII at a time, without a branch per byte (the sums vectorise); a chunk
    // holding anything else is read character by character.
    const CHUNK: usize = 16;
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut in_space = true;
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + CHUNK).filter(|c| c.iter().fold(true, |all, &b| all & b.is_ascii())) {
            // Every character counts except whitespace after whitespace.
            let space: [bool; CHUNK] = std::array::from_fn(|k| is_ascii_space(chunk[k]));
            chars += u32::from(!space[0] | !in_space)
                + (1..CHUNK).map(|k| u32::from(!space[k] | !space[k - 1])).sum::<u32>();
            commas += chunk.iter().map(|&b| u32::from(b == b',')).sum::<u32>();
            in_space = space[CHUNK - 1];
            i += CHUNK;
            continue;
        }
        let end = (i + CHUNK).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let (space, comma) = if b.is_ascii() {
                i += 1;
                (is_ascii_space(b), b == b',')
            } else {
                let (c, len) = char_at(t, i);
                i += len;
                (
                    c.is_whitespace(),
                    matches!(
                        c,
                        '\u{060C}'
                            | '\u{FE50}'
                            | '\u{FE10}'
                            | '\u{FE11}'
                            | '\u{2E41}'
                            | '\u{2E34}'
                            | '\u{2E32}'
                            | '\u{FF0C}'
                            | '\u{3001}'
                    ),
                )
            };
            chars += u32::from(!space | !in_space);
            commas += u32::from(comma);
            in_space = space;
        }
    }
    (chars, commas)
}

/// Find the article in `page`. Returns `None` when the page has no body text at all.
///
/// The first attempt edits `page` itself; a retry starts from `fresh()`, the page as parsed (a
/// copy kept aside, or the input parsed again, as costs the caller less). Most pages need one
/// attempt (168 of the 184 corpus pages and fixtures).
pub fn locate(page: Document, fresh: &dyn Fn() -> Document, title: &str) -> Option<Located> {
    let mut flags = Flags::ALL;
    let mut best: Option<Located> = None;
    let mut texts = TextMeasures::new(&page);
    // Headings are compared with the title in every attempt; normalise it once.
    let norm_title = crate::clean::similarity::normalize(title);
    let mut doc = page;
    loop {
        // Without a body no attempt finds anything.
        let (nodes, byline, removed, text_chars) = attempt(&mut doc, flags, &norm_title, &mut texts)?;
        let found = Located { doc, nodes, byline, removed, text_chars };
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

type Attempt = (Vec<NodeId>, Option<String>, Vec<Removal>, usize);

fn attempt(doc: &mut Document, flags: Flags, norm_title: &str, texts: &mut TextMeasures) -> Option<Attempt> {
    let body = doc.body()?;
    let mut removed = Vec::new();
    let (byline, to_score) = prepare(doc, body, flags, &mut removed);
    let metrics = Metrics::compute(doc, &[body], texts);
    let scores = score(doc, &to_score, &metrics, flags);
    let nodes = select(doc, body, &scores, &metrics, flags);
    boilerplate::clean_article(doc, &nodes, flags, norm_title, &metrics, texts, &mut removed);
    let text_chars = nodes.iter().map(|&n| subtree_chars(doc, n, texts)).sum();
    Some((nodes, byline, removed, text_chars))
}

/// Characters of text under `root`, whitespace runs counted once.
fn subtree_chars(doc: &Document, root: NodeId, texts: &mut TextMeasures) -> usize {
    doc.descendants(root).filter_map(|n| doc.text(n).map(|t| texts.measure(n, t).0 as usize)).sum()
}

/// Record an element removed as page furniture, with the first matching word as the reason.
pub(crate) fn record_boilerplate(doc: &Document, id: NodeId, reason: &str, removed: &mut Vec<Removal>) {
    let text = collapsed_text(doc, id);
    if text.is_empty() {
        return;
    }
    removed.push(Removal {
        kind: RemovalKind::Boilerplate,
        reason: reason.to_string(),
        text,
        kept_block: None,
        position: None,
    });
}

/// `collapse_whitespace(&doc.text_content(id))`, collapsed as it is gathered instead of gathered
/// and then copied again: the text of every container removed as furniture is kept for the
/// account of removals, and containers can hold most of a page.
pub(crate) fn collapsed_text(doc: &Document, id: NodeId) -> String {
    let mut text = Collapser::with_capacity(0);
    for n in doc.descendants(id) {
        if let Some(t) = doc.text(n) {
            text.push(t);
        }
    }
    text.finish()
}

/// Characters of `collapse_whitespace(&doc.text_content(id))`, counted without building the
/// text and given up as soon as they pass `limit` (`None`): the length checks on bylines, ad
/// slots and datelines would otherwise copy the text of every large container they ask about.
pub(crate) fn collapsed_chars_within(doc: &Document, id: NodeId, limit: usize) -> Option<usize> {
    let mut chars = 0;
    let mut pending_space = false;
    for n in doc.descendants(id) {
        let Some(text) = doc.text(n) else { continue };
        for run in runs(text) {
            match run {
                Run::Space => pending_space = true,
                Run::Words(words) => {
                    // A run of whitespace counts once, and only between words (the text is trimmed).
                    chars += words.chars().count() + usize::from(pending_space && chars > 0);
                    pending_space = false;
                    if chars > limit {
                        return None;
                    }
                }
            }
        }
    }
    Some(chars)
}

/// A human reason for removing furniture matched by class/id words.
pub(crate) fn furniture_reason(class_id: &str, tag: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("share", "share bar"),
        ("social", "share bar"),
        ("comment", "comments"),
        ("disqus", "comments"),
        ("related", "related stories"),
        ("latest", "latest news"),
        ("trending", "trending stories"),
        ("most-read", "most read"),
        ("newsletter", "newsletter box"),
        ("cookie", "cookie notice"),
        ("gdpr", "cookie notice"),
        ("menu", "navigation"),
        ("breadcrumb", "navigation"),
        ("skip", "navigation"),
        ("pagination", "navigation"),
        ("pager", "navigation"),
        ("footer", "footer"),
        ("header", "header"),
        ("sidebar", "sidebar"),
        ("banner", "advertisement"),
        ("sponsor", "advertisement"),
        ("-ad-", "advertisement"),
        ("popup", "pop-up"),
    ];
    for (word, name) in NAMES {
        if class_id.contains(word) {
            return format!("boilerplate: {name}");
        }
    }
    match tag {
        "nav" => "boilerplate: navigation".into(),
        "footer" => "boilerplate: footer".into(),
        "aside" => "boilerplate: aside".into(),
        _ => "boilerplate: page furniture".into(),
    }
}

fn is_byline(doc: &Document, id: NodeId, class_id: &str) -> bool {
    let rel_author = doc.attr(id, "rel") == Some("author");
    let itemprop_author = doc.attr(id, "itemprop").is_some_and(|p| p.contains("author"));
    rel_author || itemprop_author || BYLINE_WORDS.found_in(class_id)
}

fn has_ancestor_tag(doc: &Document, id: NodeId, tag: &str, max_depth: usize) -> bool {
    doc.ancestors(id).take(max_depth).any(|a| doc.is_tag(a, tag))
}

fn is_phrasing(doc: &Document, id: NodeId) -> bool {
    match &doc.node(id).data {
        NodeData::Text(_) => true,
        NodeData::Element(e) => {
            let t = &*e.name.local;
            if is_block_tag(t) {
                return false;
            }
            // a, del, ins are phrasing only when everything inside them is.
            if matches!(t, "a" | "del" | "ins") {
                return doc.children(id).all(|c| is_phrasing(doc, c));
            }
            true
        }
        _ => true,
    }
}

fn is_whitespace_node(doc: &Document, id: NodeId) -> bool {
    match &doc.node(id).data {
        NodeData::Text(t) => is_blank(t),
        NodeData::Element(_) => doc.is_tag(id, "br"),
        _ => true,
    }
}

/// Per-node facts the preparation pass asks of every container, computed bottom-up once instead
/// of by walking each container's subtree (which would cost depth × size).
struct Facts {
    /// Text that is not whitespace, or an image, figure, table, pre or rule, somewhere below.
    has_content: Vec<bool>,
    /// An element that makes a `<div>` a container ([`DIV_BLOCK_CHILDREN`]) somewhere below.
    has_block_descendant: Vec<bool>,
}

impl Facts {
    fn compute(doc: &Document, root: NodeId) -> Facts {
        let n = doc.len();
        let mut f = Facts { has_content: vec![false; n], has_block_descendant: vec![false; n] };
        let order: Vec<NodeId> = doc.descendants(root).collect();
        for &id in order.iter().rev() {
            let i = id.index();
            match &doc.node(id).data {
                NodeData::Text(t) => f.has_content[i] = !is_blank(t),
                NodeData::Element(e) => {
                    if matches!(&*e.name.local, "img" | "picture" | "figure" | "table" | "pre" | "hr") {
                        f.has_content[i] = true;
                    }
                }
                _ => {}
            }
            if let Some(p) = doc.parent(id) {
                let p = p.index();
                f.has_content[p] |= f.has_content[i];
                let is_block = doc.tag(id).is_some_and(|t| DIV_BLOCK_CHILDREN.contains(&&**t));
                f.has_block_descendant[p] |= f.has_block_descendant[i] || is_block;
            }
        }
        f
    }
}

/// The preparation pass. Returns the byline and the elements to score.
fn prepare(
    doc: &mut Document,
    body: NodeId,
    flags: Flags,
    removed: &mut Vec<Removal>,
) -> (Option<String>, Vec<NodeId>) {
    let facts = Facts::compute(doc, body);
    let mut byline: Option<String> = None;
    let mut to_score = Vec::new();
    let mut next = Some(body);
    while let Some(id) = next {
        let NodeData::Element(el) = &doc.node(id).data else {
            next = next_in_order(doc, id, body);
            continue;
        };
        // An atom clone, not a String: this runs for every element of the page.
        let tag_name = el.name.local.clone();
        let tag: &str = &tag_name;
        let class_id = class_and_id(doc, id);

        let remove_reason: Option<Option<String>> = if id == body {
            None
        } else if is_hidden(doc, id) {
            Some(Some("boilerplate: hidden on the page".to_string()))
        } else if NEVER_CONTENT_TAGS.contains(&tag) {
            Some((tag == "nav").then(|| "boilerplate: navigation".to_string()))
        } else if tag == "noscript" {
            unwrap_noscript_image(doc, id);
            Some(None)
        } else if is_byline(doc, id, &class_id)
            && collapsed_chars_within(doc, id, MAX_BYLINE_CHARS - 1).is_some_and(|n| n > 0)
        {
            // The first byline goes to the article's metadata; later ones are copies of it.
            match &byline {
                None => {
                    byline = Some(collapsed_text(doc, id));
                    Some(None)
                }
                Some(_) => Some(Some("boilerplate: byline".to_string())),
            }
        } else if is_ad_slot(&class_id) && tag != "body" && collapsed_chars_within(doc, id, MAX_AD_SLOT_CHARS).is_some()
        {
            Some(Some("boilerplate: advertisement".to_string()))
        } else if flags.strip_unlikely
            && tag != "a"
            && ((UNLIKELY_WORDS.found_in(&class_id) && !MAYBE_CONTENT_WORDS.found_in(&class_id))
                || doc.attr(id, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r)))
            && !has_ancestor_tag(doc, id, "table", 3)
            && !has_ancestor_tag(doc, id, "code", 3)
        {
            Some(Some(furniture_reason(&class_id, tag)))
        } else if matches!(tag, "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            && !facts.has_content.get(id.index()).copied().unwrap_or(true)
        {
            Some(None)
        } else {
            None
        };

        if let Some(reason) = remove_reason {
            if let Some(reason) = reason {
                record_boilerplate(doc, id, &reason, removed);
            }
            next = doc.next_skipping_children(id, body);
            doc.detach(id);
            continue;
        }

        if TAGS_TO_SCORE.contains(&tag) {
            to_score.push(id);
        }
        if tag == "div" {
            if !facts.has_block_descendant.get(id.index()).copied().unwrap_or(true) {
                // A <div> holding only text is a paragraph: name it so, for scoring, for the
                // sibling check and for the assembler.
                if let NodeData::Element(e) = &mut doc.node_mut(id).data {
                    e.name = html5ever::QualName::new(None, html5ever::ns!(html), html5ever::local_name!("p"));
                }
                to_score.push(id);
            } else {
                wrap_phrasing_runs(doc, id);
            }
        }
        next = next_in_order(doc, id, body);
    }
    // Wrapped runs are new <p> elements; find them for scoring.
    for d in doc.descendants(body) {
        if doc.is_tag(d, "p") && doc.attr(d, crate::parse::tree::WRAPPER_MARK).is_some() {
            to_score.push(d);
        }
    }
    (byline, to_score)
}

fn next_in_order(doc: &Document, id: NodeId, root: NodeId) -> Option<NodeId> {
    doc.node(id).first_child.or_else(|| doc.next_skipping_children(id, root))
}

/// Move each run of phrasing children of a mixed `<div>` into a new `<p>`, so the text that sits
/// directly in containers is scored and kept like any paragraph.
fn wrap_phrasing_runs(doc: &mut Document, div: NodeId) {
    let children: Vec<NodeId> = doc.children(div).collect();
    let mut run: Vec<NodeId> = Vec::new();
    let flush = |doc: &mut Document, run: &mut Vec<NodeId>| {
        if run.iter().all(|&n| is_whitespace_node(doc, n)) {
            run.clear();
            return;
        }
        let p = doc.create(NodeData::Element(crate::parse::Element {
            name: html5ever::QualName::new(None, html5ever::ns!(html), html5ever::local_name!("p")),
            attrs: std::rc::Rc::new(vec![crate::parse::Attr {
                name: html5ever::LocalName::from(crate::parse::tree::WRAPPER_MARK),
                value: Default::default(),
            }]),
        }));
        doc.insert_before(run[0], p);
        for &n in run.iter() {
            doc.detach(n);
            doc.append(p, n);
        }
        run.clear();
    };
    for c in children {
        if is_phrasing(doc, c) {
            run.push(c);
        } else {
            if !run.is_empty() {
                flush(doc, &mut run);
            }
        }
    }
    if !run.is_empty() {
        flush(doc, &mut run);
    }
}

/// Lazy-loading pages put a placeholder `<img>` before a `<noscript>` holding the real one:
/// replace the placeholder with the real image.
fn unwrap_noscript_image(doc: &mut Document, noscript: NodeId) {
    let imgs: Vec<NodeId> = doc.descendants(noscript).filter(|&d| doc.is_tag(d, "img")).collect();
    if imgs.len() != 1 {
        return;
    }
    let real = imgs[0];
    let mut prev = doc.node(noscript).prev_sibling;
    while let Some(p) = prev {
        if doc.text(p).is_some_and(is_blank) {
            prev = doc.node(p).prev_sibling;
        } else {
            break;
        }
    }
    doc.detach(real);
    match prev {
        Some(p) if doc.is_tag(p, "img") => {
            doc.insert_before(p, real);
            doc.detach(p);
        }
        _ => doc.insert_before(noscript, real),
    }
}

/// Content scores of the candidates, indexed by node.
pub(crate) struct Scores {
    pub score: Vec<f64>,
    pub candidates: Vec<NodeId>,
}

fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn score(doc: &Document, to_score: &[NodeId], metrics: &Metrics, flags: Flags) -> Scores {
    let mut s = Scores { score: vec![f64::NAN; doc.len()], candidates: Vec::new() };
    for &p in to_score {
        if doc.parent(p).is_none() || !doc.ancestors(p).any(|a| a == crate::parse::tree::DOCUMENT_NODE) {
            continue;
        }
        let chars = metrics.chars[p.index()] as usize;
        if chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let content_score = 1.0 + metrics.commas[p.index()] as f64 + ((chars / 100) as f64).min(3.0);
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
                l => l as f64 * 3.0,
            };
            s.score[i] += content_score / divider;
        }
    }
    s
}

fn final_score(s: &Scores, metrics: &Metrics, id: NodeId) -> f64 {
    let raw = s.score[id.index()];
    if raw.is_nan() {
        f64::NAN
    } else {
        raw * (1.0 - metrics.link_density(id))
    }
}

/// Pick the top candidate, maybe move up to a better ancestor, and gather its siblings.
fn select(doc: &Document, body: NodeId, s: &Scores, metrics: &Metrics, flags: Flags) -> Vec<NodeId> {
    let mut ranked: Vec<(f64, NodeId)> =
        s.candidates.iter().map(|&c| (final_score(s, metrics, c), c)).filter(|(sc, _)| !sc.is_nan()).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.truncate(TOP_CANDIDATES);

    let Some(&(top_score, mut top)) = ranked.first() else {
        return vec![body];
    };
    if top == body {
        return vec![body];
    }

    // Several strong candidates under one ancestor: the article is that ancestor.
    let close: Vec<NodeId> =
        ranked[1..].iter().filter(|(sc, _)| *sc / top_score >= ALTERNATIVE_SCORE_RATIO).map(|&(_, n)| n).collect();
    if close.len() >= MIN_ALTERNATIVE_CANDIDATES {
        let mut anc = doc.parent(top);
        while let Some(a) = anc {
            if a == body || doc.tag(a).is_none() {
                break;
            }
            let containing = close.iter().filter(|&&c| doc.ancestors(c).any(|x| x == a)).count();
            if containing >= MIN_ALTERNATIVE_CANDIDATES {
                top = a;
                break;
            }
            anc = doc.parent(a);
        }
    }

    // Climb while the parent scores better than the current candidate.
    let mut current_score = final_score(s, metrics, top);
    if current_score.is_nan() {
        current_score = 0.0;
    }
    let threshold = current_score / 3.0;
    let mut last = current_score;
    let mut parent = doc.parent(top);
    while let Some(p) = parent {
        if p == body || doc.tag(p).is_none() {
            break;
        }
        let ps = final_score(s, metrics, p);
        if ps.is_nan() {
            parent = doc.parent(p);
            continue;
        }
        if ps < threshold {
            break;
        }
        if ps > last {
            top = p;
            break;
        }
        last = ps;
        parent = doc.parent(p);
    }

    // An only child says nothing its parent does not.
    while let Some(p) = doc.parent(top) {
        if p == body || doc.tag(p).is_none() || doc.element_children(p).count() != 1 {
            break;
        }
        top = p;
    }

    let top_score = {
        let t = final_score(s, metrics, top);
        if t.is_nan() {
            0.0
        } else {
            t
        }
    };
    let Some(parent) = doc.parent(top) else { return vec![top] };
    let threshold = (top_score * SIBLING_SCORE_RATIO).max(MIN_SIBLING_SCORE);
    let top_class = doc.attr(top, "class").unwrap_or("");
    let mut nodes = Vec::new();
    for sib in doc.children(parent) {
        if sib == top {
            nodes.push(sib);
            continue;
        }
        if doc.element(sib).is_none() {
            continue;
        }
        let mut bonus = 0.0;
        if flags.weight_classes && !top_class.is_empty() && doc.attr(sib, "class") == Some(top_class) {
            bonus = top_score * SIBLING_SCORE_RATIO;
        }
        let sib_score = final_score(s, metrics, sib);
        let append = if !sib_score.is_nan() && sib_score + bonus >= threshold {
            true
        } else if doc.is_tag(sib, "p") {
            let ld = metrics.link_density(sib);
            let chars = metrics.chars[sib.index()] as usize;
            let text = doc.text_content(sib);
            let text = text.trim();
            if chars > SIBLING_PARAGRAPH_MIN_CHARS {
                ld < SIBLING_PARAGRAPH_MAX_LINK_DENSITY
            } else {
                chars > 0 && ld == 0.0 && (text.contains(". ") || text.ends_with('.'))
            }
        } else {
            false
        };
        if append {
            nodes.push(sib);
        }
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::{collapsed_chars_within, collapsed_text, measure_text};
    use crate::model::collapse_whitespace;

    #[test]
    fn subtree_text_and_its_bounded_length_equal_collapsing_the_joined_text() {
        let doc = crate::parse::parse_html(
            "<body><div id=a>  <p> One\u{00A0}\u{00A0}two </p>\n\t<span>three</span><b>four</b>  </div><div id=b> \n </div><div id=c></div></body>",
        );
        let by_id = |v: &str| doc.descendants(doc.root()).find(|&n| doc.attr(n, "id") == Some(v)).unwrap();
        for id in ["a", "b", "c"].map(by_id) {
            assert_eq!(collapsed_text(&doc, id), collapse_whitespace(&doc.text_content(id)));
            let expected = collapse_whitespace(&doc.text_content(id)).chars().count();
            assert_eq!(collapsed_chars_within(&doc, id, 1000), Some(expected));
            assert_eq!(collapsed_chars_within(&doc, id, expected), Some(expected));
            if expected > 0 {
                assert_eq!(collapsed_chars_within(&doc, id, expected - 1), None);
            }
        }
        assert_eq!(collapsed_chars_within(&doc, by_id("a"), 1000), Some("One two threefour".len()));
    }

    #[test]
    fn text_measure_counts_whitespace_runs_once_and_commas_of_every_script() {
        assert_eq!(measure_text(""), (0, 0));
        assert_eq!(measure_text("  a,  b\t\n"), (5, 1));
        // No-break space, next line and ideographic space are whitespace; Arabic, ideographic and
        // fullwidth commas are commas.
        assert_eq!(measure_text("a\u{00A0}\u{0085}b\u{3000}c"), (5, 0));
        assert_eq!(measure_text("نعم، لا"), (7, 1));
        assert_eq!(measure_text("一、二，三"), (5, 2));
        assert_eq!(measure_text("\u{000B}x\u{000C}"), (2, 0));
        // Long text is read in chunks of ASCII: the same measure whatever falls at their edges.
        let naive = |t: &str| {
            let (mut chars, mut in_space) = (0, true);
            for c in t.chars() {
                chars += u32::from(!c.is_whitespace() || !in_space);
                in_space = c.is_whitespace();
            }
            (chars, t.chars().filter(|c| matches!(c, ',' | '،' | '，' | '、')).count() as u32)
        };
        for piece in ["word, ", "  \t\n", "é", "一、二", "،", "\u{00A0}", "x"] {
            for n in [1, 7, 15, 16, 17, 33] {
                let t = format!("{}{piece}{}", "ab cd ".repeat(n), " e,f  ".repeat(n));
                assert_eq!(measure_text(&t), naive(&t), "{t:?}");
            }
        }
    }
}
