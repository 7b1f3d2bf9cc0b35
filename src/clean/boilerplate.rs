//! Boilerplate inside the article: the located nodes in, the same nodes with furniture detached
//! out, each removal recorded as a [`Removal`].

use crate::clean::similarity::{normalize, normalized_title_similarity};
use crate::locate::signals::*;
use crate::locate::{
    collapsed_chars_within, collapsed_text, furniture_reason, record_boilerplate, Flags, Metrics, TextMeasures,
};
use crate::model::{Block, BlockKind, Removal, RemovalKind};
use crate::parse::{Document, NodeId};

/// Share and follow bars longer than this are more likely prose that mentions sharing.
const MAX_SHARE_BAR_CHARS: u32 = 500;

/// A heading this similar to the title is the title again.
const TITLE_HEADING_SIMILARITY: f64 = 0.75;

/// A block with this many commas is prose, whatever else it looks like.
const PROSE_COMMAS: u32 = 10;

/// Link density above which a block without positive class words is a link cluster ...
const MAX_LINK_DENSITY: f64 = 0.2;
/// ... and above which even a block with positive class words is.
const MAX_LINK_DENSITY_POSITIVE: f64 = 0.5;

/// Text shorter than this, with any links in it and no heading, is a link stub.
const MIN_LINKED_BLOCK_CHARS: u32 = 25;

/// A block whose text is at least this share heading text is a section heading, not a stub.
const HEADING_BLOCK_DENSITY: f64 = 0.9;

/// Tags always removed inside the article: page furniture by definition.
const FURNITURE_TAGS: &[&str] = &["aside", "footer", "form", "fieldset"];

/// Tags checked against the conditional-cleaning rules, in this order.
const CONDITIONAL_TAGS: &[&str] = &["table", "ul", "ol", "div", "section", "dl"];

/// Whole-block texts (normalised) that are page furniture wherever they stand: ad labels, skip
/// links, "read next" and share prompts, image placeholders. Only blocks of at most
/// [`MAX_FURNITURE_PHRASE_WORDS`] words are compared, so prose that uses these words stays.
const FURNITURE_PHRASES: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "promoted",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "read next",
    "read more",
    "next article",
    "previous article",
    "next story",
    "continue reading",
    "share this post",
    "share this article",
    "share this story",
    "share",
    "share on facebook",
    "share on twitter",
    "related",
    "related articles",
    "related stories",
    "related news",
    "more stories",
    "most read",
    "most popular",
    "most viewed",
    "latest news",
    "latest",
    "you may also like",
    "recommended",
    "recommended for you",
    "subscribe",
    "subscribe now",
    "sign up",
    "follow us",
    "comments",
    "leave a comment",
    "thumbnail",
    "loading",
    "watch live",
    "listen to this article",
    "print",
    "email",
    "back to top",
    "tags",
    "topics",
    "publicité",
    "publicidad",
    "anzeige",
    "werbung",
    "lire aussi",
    "à lire aussi",
    "leer más",
    "lee también",
    "weiterlesen",
    "lesen sie auch",
    "تبلیغات",
    "إعلان",
];

/// Blocks longer than this many words are never furniture phrases.
const MAX_FURNITURE_PHRASE_WORDS: usize = 6;

/// Drop blocks whose whole text is a furniture phrase.
pub fn remove_furniture_blocks(blocks: Vec<Block>) -> (Vec<Block>, Vec<Removal>) {
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
                kind: RemovalKind::Boilerplate,
                reason: "boilerplate: page furniture label".into(),
                text: b.text,
                kept_block: None,
                position: Some(kept.len()),
            });
        } else {
            kept.push(b);
        }
    }
    (kept, removed)
}

/// `norm_title` is the article title, [`normalize`]d. `metrics` were measured before anything was
/// removed; furniture removal only needs sizes, and conditional cleaning measures again once the
/// furniture is gone.
pub fn clean_article(
    doc: &mut Document,
    nodes: &[NodeId],
    flags: Flags,
    norm_title: &str,
    metrics: &Metrics,
    texts: &mut TextMeasures,
    removed: &mut Vec<Removal>,
) {
    for &top in nodes {
        remove_furniture(doc, top, norm_title, metrics, removed);
    }
    if flags.clean_conditionally {
        // Measured again without the furniture just removed; only the article's nodes are judged.
        let metrics = Metrics::compute(doc, nodes, texts);
        for &top in nodes {
            clean_conditionally(doc, top, &metrics, flags, removed);
        }
    }
}

fn remove_furniture(doc: &mut Document, top: NodeId, norm_title: &str, metrics: &Metrics, removed: &mut Vec<Removal>) {
    let mut victims: Vec<(NodeId, Option<(RemovalKind, String)>)> = Vec::new();
    let mut walk = doc.descendants(top);
    while let Some(id) = walk.next() {
        let Some(tag) = doc.tag(id) else { continue };
        let tag: &str = tag;
        let class_id = class_and_id(doc, id);
        let reason = if FURNITURE_TAGS.contains(&tag) {
            Some((RemovalKind::Boilerplate, furniture_reason(&class_id, tag)))
        } else if id != top && SHARE_WORDS.found_in(&class_id) && metrics.chars[id.index()] < MAX_SHARE_BAR_CHARS {
            Some((RemovalKind::Boilerplate, "boilerplate: share bar".to_string()))
        } else if matches!(tag, "h1" | "h2" | "h3") && !norm_title.is_empty() && {
            let heading = normalize(&doc.text_content(id));
            normalized_title_similarity(norm_title, &heading).min(normalized_title_similarity(&heading, norm_title))
                > TITLE_HEADING_SIMILARITY
        } {
            Some((RemovalKind::Title, "the article title, shown once above".to_string()))
        } else if matches!(tag, "h1" | "h2") && class_weight(doc, id) < 0.0 {
            Some((RemovalKind::Boilerplate, furniture_reason(&class_id, tag)))
        } else {
            None
        };
        if let Some(r) = reason {
            victims.push((id, Some(r)));
            walk.skip_children_of(id);
        }
    }
    for (id, reason) in victims {
        if let Some((kind, reason)) = reason {
            let text = collapsed_text(doc, id);
            if !text.is_empty() {
                removed.push(Removal { kind, reason, text, kept_block: None, position: None });
            }
        }
        doc.detach(id);
    }
    remove_datelines(doc, top, removed);
}

/// A block around a `<time>` with no more text than this is a dateline ("World · 14 June 2021",
/// "18:05 Hanna Kowal"), not prose that mentions a date.
const MAX_DATELINE_CHARS: usize = 80;

/// Remove datelines: the nearest block around each `<time>`, when that block is short.
fn remove_datelines(doc: &mut Document, top: NodeId, removed: &mut Vec<Removal>) {
    let times: Vec<NodeId> = doc.descendants(top).filter(|&d| doc.is_tag(d, "time")).collect();
    for time in times {
        if !doc.ancestors(time).any(|a| a == top) {
            continue; // already gone with an earlier dateline
        }
        let block =
            doc.ancestors(time).take_while(|&a| a != top).find(|&a| doc.tag(a).is_some_and(|t| is_block_tag(t)));
        let Some(block) = block else { continue };
        if collapsed_chars_within(doc, block, MAX_DATELINE_CHARS).is_some() {
            let text = collapsed_text(doc, block);
            removed.push(Removal {
                kind: RemovalKind::Boilerplate,
                reason: "boilerplate: dateline".into(),
                text,
                kept_block: None,
                position: None,
            });
            doc.detach(block);
        }
    }
}

fn is_data_table(doc: &Document, table: NodeId) -> bool {
    if doc.attr(table, "role") == Some("presentation") || doc.attr(table, "datatable") == Some("0") {
        return false;
    }
    if doc.attr(table, "summary").is_some() {
        return true;
    }
    let mut rows = 0usize;
    let mut max_cols = 0usize;
    for d in doc.descendants(table).skip(1) {
        match doc.tag(d).map(|t| &**t) {
            Some("caption") if !doc.text_content(d).trim().is_empty() => return true,
            Some("col" | "colgroup" | "tfoot" | "thead" | "th") => return true,
            Some("table") => return false,
            Some("tr") => {
                rows += 1;
                max_cols = max_cols
                    .max(doc.element_children(d).filter(|&c| doc.is_tag(c, "td") || doc.is_tag(c, "th")).count());
            }
            _ => {}
        }
    }
    rows >= 10 || max_cols > 4 || rows * max_cols > 10
}

/// What a block holds, gathered in one walk of its subtree (the block itself is never one of
/// these elements).
#[derive(Default)]
struct Contents {
    paragraphs: usize,
    images: usize,
    list_items: usize,
    inputs: usize,
    /// Characters inside list items and inside headings.
    list_chars: u32,
    heading_chars: u32,
}

impl Contents {
    fn of(doc: &Document, block: NodeId, metrics: &Metrics) -> Contents {
        let mut c = Contents::default();
        for d in doc.descendants(block).skip(1) {
            let Some(tag) = doc.tag(d) else { continue };
            match &**tag {
                "p" => c.paragraphs += 1,
                "img" => c.images += 1,
                "input" => c.inputs += 1,
                "li" => {
                    c.list_items += 1;
                    c.list_chars += metrics.chars[d.index()];
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => c.heading_chars += metrics.chars[d.index()],
                _ => {}
            }
        }
        c
    }
}

/// The reason to drop a block that looks like furniture rather than prose, or `None` to keep it.
fn conditional_reason(doc: &Document, id: NodeId, tag: &str, metrics: &Metrics, flags: Flags) -> Option<&'static str> {
    if tag == "table" && is_data_table(doc, id) {
        return None;
    }
    if doc.ancestors(id).any(|a| doc.is_tag(a, "code") || doc.is_tag(a, "pre")) {
        return None;
    }
    let weight = if flags.weight_classes { class_weight(doc, id) } else { 0.0 };
    if weight < 0.0 {
        return Some("negative class words");
    }
    if metrics.commas[id.index()] >= PROSE_COMMAS {
        return None;
    }
    let chars = metrics.chars[id.index()];
    let contents = Contents::of(doc, id, metrics);
    let is_list = matches!(tag, "ul" | "ol") || (chars > 0 && contents.list_chars as f64 / chars as f64 > 0.9);
    let p = contents.paragraphs as f64;
    let img = contents.images as f64;
    let li = contents.list_items as f64 - 100.0;
    let input = contents.inputs as f64;
    let heading_density = if chars == 0 { 0.0 } else { contents.heading_chars as f64 / chars as f64 };
    let link_density = metrics.link_density(id);
    let in_figure = doc.ancestors(id).any(|a| doc.is_tag(a, "figure"));

    if img > 1.0 && p / img < 0.5 && !in_figure {
        return Some("more images than text");
    }
    if !is_list && li > p {
        return Some("list of links");
    }
    if input > (p / 3.0).floor() {
        return Some("form");
    }
    if !is_list
        && heading_density < HEADING_BLOCK_DENSITY
        && chars < MIN_LINKED_BLOCK_CHARS
        && (img == 0.0 || img > 2.0)
        && link_density > 0.0
        && !in_figure
    {
        return Some("link stub");
    }
    if !is_list && weight < crate::locate::signals::CLASS_WEIGHT && link_density > MAX_LINK_DENSITY {
        return Some("mostly links");
    }
    if weight >= crate::locate::signals::CLASS_WEIGHT && link_density > MAX_LINK_DENSITY_POSITIVE {
        return Some("mostly links");
    }
    if is_list && link_density > MAX_LINK_DENSITY_POSITIVE + 0.3 && chars < 1000 {
        return Some("list of links");
    }
    None
}

fn clean_conditionally(doc: &mut Document, top: NodeId, metrics: &Metrics, flags: Flags, removed: &mut Vec<Removal>) {
    // The candidates of every tag, gathered in one walk; judged tag by tag, each tag's last first.
    let mut by_tag: Vec<Vec<NodeId>> = vec![Vec::new(); CONDITIONAL_TAGS.len()];
    for d in doc.descendants(top) {
        if let Some(k) = doc.tag(d).and_then(|t| CONDITIONAL_TAGS.iter().position(|c| **c == **t)) {
            by_tag[k].push(d);
        }
    }
    for (tag, found) in CONDITIONAL_TAGS.iter().zip(by_tag) {
        for id in found.into_iter().rev() {
            // Skip nodes whose ancestor was already removed in this pass.
            if !doc.ancestors(id).any(|a| a == top) && id != top {
                continue;
            }
            if let Some(why) = conditional_reason(doc, id, tag, metrics, flags) {
                let class_id = class_and_id(doc, id);
                let named = furniture_reason(&class_id, tag);
                let reason = if named.ends_with("page furniture") {
                    format!("boilerplate: {why}")
                } else {
                    format!("{named} ({why})")
                };
                record_boilerplate(doc, id, &reason, removed);
                if id == top {
                    // Never empty the article itself; its children were judged already.
                    continue;
                }
                doc.detach(id);
            }
        }
    }
}
