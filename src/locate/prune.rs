//! Pruning inside the article, the last pass of each attempt: the chosen nodes in, the same nodes
//! with furniture detached out (asides, footers and forms, share bars, the title repeated as a
//! heading, datelines, and blocks shaped like furniture rather than prose), each removal recorded.
//! It runs inside the attempt, as Readability.js's `_prepArticle` does inside `_grabArticle`, so
//! an attempt that prunes too much is retried with gentler rules.

use super::measure::{Metrics, TextMeasures};
use super::record_removal;
use super::signals::*;
use super::Flags;
use crate::model::{Furniture, Reason, Removal, Shape};
use crate::parse::elements::is_block_tag;
use crate::parse::figures::within_captioned_image;
use crate::parse::{Document, NodeId};
use crate::text::normalize::{normalize, normalized_title_similarity};
use std::collections::HashMap;

/// Share and follow bars longer than this are more likely prose that mentions sharing.
const MAX_SHARE_BAR_CHARS: u32 = 500;

/// A heading this similar to the title (both ways round) is the title again.
const TITLE_HEADING_SIMILARITY: f64 = 0.75;

/// Tags always removed inside the article: page furniture by definition ...
const FURNITURE_TAGS: &[&str] = &["aside", "footer", "form", "fieldset"];

/// ... except a `<form>` holding more than this share of the article's text and at least
/// [`MIN_WRAPPER_FORM_CHARS`]: it wraps the article rather than sitting in it (ASP.NET WebForms
/// pages put one `<form>` around the whole page, and removing it removed the story with it).
const MAX_FURNITURE_FORM_SHARE: f64 = 0.5;
/// Forms that are furniture (search, login, comment, newsletter, cookie consent) carry a few
/// hundred characters of labels and notices; a form with this much text holds a page.
const MIN_WRAPPER_FORM_CHARS: u32 = 1000;

/// Furniture named by its class inside the article is taken only while it holds less than this
/// share of the article's text: a theme's `entry-footer` or `cta` that holds most of the page is
/// where the story is.
const MAX_IN_ARTICLE_FURNITURE_SHARE: f64 = 0.3;

/// A block around a `<time>` with no more text than this is a dateline ("World · 14 June 2021",
/// "18:05 Hanna Kowal"), not prose that mentions a date.
const MAX_DATELINE_CHARS: usize = 80;

/// Tags checked against the conditional-cleaning rules, in this order.
const CONDITIONAL_TAGS: &[&str] = &["table", "ul", "ol", "div", "section", "dl"];

/// A block with this many commas is prose, whatever else it looks like.
const PROSE_COMMAS: u32 = 10;

/// A block is a list when this share of its text is in list items.
const LIST_TEXT_SHARE: f64 = 0.9;

/// A block with more than one image and fewer paragraphs than this per image is a gallery or an
/// image rail (unless it is inside a `<figure>`).
const MIN_PARAGRAPHS_PER_IMAGE: f64 = 0.5;

/// A block that is not a list may hold this many list items more than paragraphs before it is a
/// list of links (menus are lists; a story may carry a long bulleted list).
const LIST_ITEM_ALLOWANCE: f64 = 100.0;

/// A block with more form inputs than one per this many paragraphs is a form.
const PARAGRAPHS_PER_INPUT: f64 = 3.0;

/// Text shorter than this, with any links in it and no heading, is a link stub ...
const MIN_LINKED_BLOCK_CHARS: u32 = 25;
/// ... unless at least this share of its text is heading text (a section heading) ...
const HEADING_BLOCK_DENSITY: f64 = 0.9;
/// ... or it holds one or two images (a linked figure).
const MAX_STUB_FIGURE_IMAGES: f64 = 2.0;

/// A block holding at least this many teaser cards (a headline and a link elsewhere: the headline
/// itself, or a picture or "more" link beside it in the card) and nothing but cards, ...
const MIN_TEASER_CARDS: usize = 2;
/// ... with no more than this many characters outside links per card (a teaser sentence or two
/// and a date; a listicle's sections run longer) ...
const MAX_TEASER_CHARS_PER_CARD: f64 = 300.0;
/// ... and under this share of the article's text, is a grid of teasers for other stories. A
/// short story's grid can hold a third of the text the finder took; a page that is all cards is
/// an index, not a story with a rail.
const MAX_TEASER_GRID_SHARE: f64 = 0.8;
/// A heading this much of whose text is link text is a linked headline.
const LINKED_HEADLINE_DENSITY: f64 = 0.9;

/// Link density above which a block without positive class words is a link cluster ...
const MAX_LINK_DENSITY: f64 = 0.2;
/// ... above which even a block with positive class words is ...
const MAX_LINK_DENSITY_POSITIVE: f64 = 0.5;
/// ... and above which a list shorter than [`MAX_LINK_LIST_CHARS`] is a list of links.
const MAX_LIST_LINK_DENSITY: f64 = 0.8;
const MAX_LINK_LIST_CHARS: u32 = 1000;

/// Prune furniture under each of `nodes`. `norm_title` is the article title, [`normalize`]d.
/// `metrics` were measured before anything was removed: furniture removal needs only sizes, and
/// the conditional cleaning measures again once the furniture is gone.
pub(super) fn prune(
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
        remove_datelines(doc, top, removed);
    }
    if flags.clean_conditionally {
        let metrics = Metrics::compute(doc, nodes, texts);
        for &top in nodes {
            clean_conditionally(doc, top, &metrics, flags, removed);
        }
    }
}

/// Why element `id` inside the article is furniture, if it is.
fn furniture_reason(doc: &Document, id: NodeId, top: NodeId, norm_title: &str, metrics: &Metrics) -> Option<Reason> {
    let tag: &str = doc.tag(id)?;
    let class_id = class_and_id(doc, id);
    if FURNITURE_TAGS.contains(&tag) && !(tag == "form" && wraps_article(id, top, metrics)) {
        return Some(Reason::Furniture(furniture_named(&class_id, tag)));
    }
    // A figure is the article's own picture: `fig--has-shares` names the buttons inside it, and the
    // share bar among them goes on its own.
    if id != top
        && tag != "figure"
        && SHARE_WORDS.found_in(&class_id)
        && metrics.chars[id.index()] < MAX_SHARE_BAR_CHARS
    {
        return Some(Reason::Furniture(Furniture::ShareBar));
    }
    let chars = metrics.chars[id.index()];
    if id != top
        && chars <= IN_ARTICLE_FURNITURE_MAX_CHARS
        && (chars as f64) < metrics.chars[top.index()] as f64 * MAX_IN_ARTICLE_FURNITURE_SHARE
    {
        // A credit inside a picture's caption stays with the picture it credits; standing alone
        // between paragraphs it is a line the reader has no picture for.
        let credit_of_picture = |f| f == Furniture::Credit && within_captioned_image(doc, id);
        if let Some(furniture) = in_article_furniture(&class_id).filter(|&f| !credit_of_picture(f)) {
            return Some(Reason::Furniture(furniture));
        }
    }
    if matches!(tag, "h1" | "h2" | "h3") && !norm_title.is_empty() && repeats_title(doc, id, norm_title) {
        return Some(Reason::Title);
    }
    if matches!(tag, "h1" | "h2") && class_weight(doc, id) < 0.0 {
        return Some(Reason::Furniture(furniture_named(&class_id, tag)));
    }
    None
}

/// Whether `id` holds most of the text of the article `top`, and enough text to be a page.
fn wraps_article(id: NodeId, top: NodeId, metrics: &Metrics) -> bool {
    let chars = metrics.chars[id.index()];
    chars >= MIN_WRAPPER_FORM_CHARS && chars as f64 > metrics.chars[top.index()] as f64 * MAX_FURNITURE_FORM_SHARE
}

fn repeats_title(doc: &Document, heading: NodeId, norm_title: &str) -> bool {
    let heading = normalize(&doc.text_content(heading));
    let similarity =
        normalized_title_similarity(norm_title, &heading).min(normalized_title_similarity(&heading, norm_title));
    similarity > TITLE_HEADING_SIMILARITY
}

fn remove_furniture(doc: &mut Document, top: NodeId, norm_title: &str, metrics: &Metrics, removed: &mut Vec<Removal>) {
    let mut victims: Vec<(NodeId, Reason)> = Vec::new();
    let mut walk = doc.descendants(top);
    while let Some(id) = walk.next() {
        if let Some(reason) = furniture_reason(doc, id, top, norm_title, metrics) {
            victims.push((id, reason));
            walk.skip_children_of(id);
        }
    }
    for (id, reason) in victims {
        record_removal(doc, id, reason, removed);
        doc.detach(id);
    }
}

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
        if doc.collapsed_chars_within(block, MAX_DATELINE_CHARS).is_some() {
            record_removal(doc, block, Reason::Furniture(Furniture::Dateline), removed);
            doc.detach(block);
        }
    }
}

/// Rows at least this many, or columns more than this many, make a table one of data.
const DATA_TABLE_MIN_ROWS: usize = 10;
const DATA_TABLE_MAX_LAYOUT_COLUMNS: usize = 4;
/// A table of more cells than this is one of data.
const DATA_TABLE_MAX_LAYOUT_CELLS: usize = 10;

/// Whether a table holds data (kept whatever its links) rather than laying out the page.
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
                let cells = doc.element_children(d).filter(|&c| doc.is_tag(c, "td") || doc.is_tag(c, "th")).count();
                max_cols = max_cols.max(cells);
            }
            _ => {}
        }
    }
    rows >= DATA_TABLE_MIN_ROWS
        || max_cols > DATA_TABLE_MAX_LAYOUT_COLUMNS
        || rows * max_cols > DATA_TABLE_MAX_LAYOUT_CELLS
}

/// What a block holds, gathered in one walk of its subtree (the block itself is never one of
/// these elements).
#[derive(Default)]
struct Contents {
    paragraphs: usize,
    images: usize,
    list_items: usize,
    inputs: usize,
    /// `<h2>`–`<h6>` headings.
    subheadings: usize,
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
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    c.heading_chars += metrics.chars[d.index()];
                    if &**tag != "h1" {
                        c.subheadings += 1;
                    }
                }
                _ => {}
            }
        }
        c
    }
}

/// Whether every heading in `block` (there are at least [`MIN_TEASER_CARDS`]) heads a teaser
/// card: the largest part of `block` holding that heading and no other also holds the card's link
/// to another page, which wraps the headline, wraps a picture, or is drawn over the card with no
/// text of its own. A section of a story has a heading and prose, and its links are words in that
/// prose or a "learn more" line, none of which makes a card.
fn all_teaser_cards(doc: &Document, block: NodeId, metrics: &Metrics) -> bool {
    let heads: Vec<NodeId> = doc.descendants(block).skip(1).filter(|&d| is_subheading(doc, d)).collect();
    // How many of the headings each element between them and `block` holds.
    let mut held: HashMap<NodeId, usize> = HashMap::new();
    for &h in &heads {
        for a in doc.ancestors(h).take_while(|&a| a != block) {
            *held.entry(a).or_default() += 1;
        }
    }
    heads.iter().all(|&h| {
        // The card: the outermost ancestor that holds this heading alone.
        let card = doc.ancestors(h).take_while(|a| held.get(a) == Some(&1)).last().unwrap_or(h);
        // A link around the heading inside the block; one around the block itself (a page's
        // stray unclosed <a> reopened around everything after it) links no headline.
        let in_link = doc.ancestors(h).take_while(|&a| a != block).any(|a| doc.is_tag(a, "a"));
        let linked_headline = in_link || metrics.link_density(h) >= LINKED_HEADLINE_DENSITY;
        linked_headline
            || doc.descendants(card).any(|d| {
                doc.is_tag(d, "a")
                    && doc.attr(d, "href").is_some_and(|href| !href.is_empty() && !href.starts_with('#'))
                    && (metrics.chars[d.index()] == 0 || doc.descendants(d).any(|x| doc.is_tag(x, "img")))
            })
    })
}

/// `<h2>`–`<h6>`: the headings a card or a section has (`<h1>` is the page's own).
fn is_subheading(doc: &Document, id: NodeId) -> bool {
    doc.tag(id).is_some_and(|t| matches!(&**t, "h2" | "h3" | "h4" | "h5" | "h6"))
}

/// The shape that makes a block look like furniture rather than prose, or `None` to keep it.
fn furniture_shape(
    doc: &Document,
    id: NodeId,
    tag: &str,
    metrics: &Metrics,
    flags: Flags,
    article_chars: u32,
) -> Option<Shape> {
    if tag == "table" && is_data_table(doc, id) {
        return None;
    }
    if doc.ancestors(id).any(|a| doc.is_tag(a, "code") || doc.is_tag(a, "pre")) {
        return None;
    }
    // A picture with its caption is the article's own, however many links the caption holds and
    // whatever its classes (`media`, `thumb`) say.
    if within_captioned_image(doc, id) {
        return None;
    }
    let weight = if flags.weight_classes { class_weight(doc, id) } else { 0.0 };
    if weight < 0.0 {
        return Some(Shape::NegativeClassWords);
    }
    if metrics.commas[id.index()] >= PROSE_COMMAS {
        return None;
    }
    let chars = metrics.chars[id.index()];
    let contents = Contents::of(doc, id, metrics);
    let share = |part: u32| if chars == 0 { 0.0 } else { part as f64 / chars as f64 };
    // A <ul> without items only indents what it holds (old pages, transcripts): judged as prose.
    let is_list =
        (matches!(tag, "ul" | "ol") && contents.list_items > 0) || share(contents.list_chars) > LIST_TEXT_SHARE;
    let paragraphs = contents.paragraphs as f64;
    let images = contents.images as f64;
    let link_density = metrics.link_density(id);
    let in_figure = doc.ancestors(id).any(|a| doc.is_tag(a, "figure"));

    if images > 1.0 && paragraphs / images < MIN_PARAGRAPHS_PER_IMAGE && !in_figure {
        return Some(Shape::MoreImagesThanText);
    }
    if contents.subheadings >= MIN_TEASER_CARDS && !in_figure {
        let unlinked = chars as f64 - metrics.link_chars[id.index()] as f64;
        if unlinked / contents.subheadings as f64 <= MAX_TEASER_CHARS_PER_CARD
            && (chars as f64) < article_chars as f64 * MAX_TEASER_GRID_SHARE
            && all_teaser_cards(doc, id, metrics)
        {
            return Some(Shape::TeaserGrid);
        }
    }
    if !is_list && contents.list_items as f64 - LIST_ITEM_ALLOWANCE > paragraphs {
        return Some(Shape::ListOfLinks);
    }
    if contents.inputs as f64 > (paragraphs / PARAGRAPHS_PER_INPUT).floor() {
        return Some(Shape::Form);
    }
    let stub_images = images == 0.0 || images > MAX_STUB_FIGURE_IMAGES;
    if !is_list
        && share(contents.heading_chars) < HEADING_BLOCK_DENSITY
        && chars < MIN_LINKED_BLOCK_CHARS
        && stub_images
        && link_density > 0.0
        && !in_figure
    {
        return Some(Shape::LinkStub);
    }
    if !is_list && weight < CLASS_WEIGHT && link_density > MAX_LINK_DENSITY {
        return Some(Shape::MostlyLinks);
    }
    if weight >= CLASS_WEIGHT && link_density > MAX_LINK_DENSITY_POSITIVE {
        return Some(Shape::MostlyLinks);
    }
    if is_list && link_density > MAX_LIST_LINK_DENSITY && chars < MAX_LINK_LIST_CHARS {
        return Some(Shape::ListOfLinks);
    }
    None
}

/// Remove the blocks under `top` that are shaped like furniture; `top` itself is judged (and
/// recorded) but never removed.
fn clean_conditionally(doc: &mut Document, top: NodeId, metrics: &Metrics, flags: Flags, removed: &mut Vec<Removal>) {
    // The candidates of every tag, gathered in one walk; judged tag by tag, each tag's last first.
    let mut by_tag: Vec<Vec<NodeId>> = vec![Vec::new(); CONDITIONAL_TAGS.len()];
    for d in doc.descendants(top) {
        if let Some(k) = doc.tag(d).and_then(|t| CONDITIONAL_TAGS.iter().position(|c| **c == **t)) {
            by_tag[k].push(d);
        }
    }
    let article_chars = metrics.chars[top.index()];
    for (tag, found) in CONDITIONAL_TAGS.iter().zip(by_tag) {
        for id in found.into_iter().rev() {
            // Skip nodes whose ancestor was already removed in this pass.
            if !doc.ancestors(id).any(|a| a == top) && id != top {
                continue;
            }
            let Some(shape) = furniture_shape(doc, id, tag, metrics, flags, article_chars) else { continue };
            let named = Some(furniture_named(&class_and_id(doc, id), tag)).filter(|&f| f != Furniture::Other);
            record_removal(doc, id, Reason::Shape { shape, named }, removed);
            if id != top {
                doc.detach(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The removals `prune` records on the article `<div id=a>` of `html`, and the text left.
    fn pruned(html: &str, title: &str) -> (Vec<Reason>, String) {
        let mut doc = crate::parse::parse_html(html);
        let top = doc.descendants(doc.root()).find(|&n| doc.attr(n, "id") == Some("a")).unwrap();
        let mut texts = TextMeasures::new(&doc);
        let metrics = Metrics::compute(&doc, &[top], &mut texts);
        let mut removed = Vec::new();
        prune(&mut doc, &[top], Flags::ALL, &normalize(title), &metrics, &mut texts, &mut removed);
        (removed.iter().map(|r| r.reason).collect(), doc.collapsed_text(top))
    }

    const PROSE: &str = "<p>The council met on Tuesday, and after a long debate, it voted, nine to four, to close the road, which had flooded twice, in March, and in May, last year.</p>";

    #[test]
    fn asides_share_bars_datelines_and_the_repeated_title_go_with_their_reasons() {
        let html = format!(
            "<div id=a><h1>Council Closes the Flooded Road</h1><p><time>3 May</time> World</p>{PROSE}<div class=share-bar><a href=/f>Facebook</a></div><aside>Read more</aside></div>"
        );
        let (reasons, text) = pruned(&html, "Council closes the flooded road");
        assert_eq!(
            reasons,
            [
                Reason::Title,
                Reason::Furniture(Furniture::ShareBar),
                Reason::Furniture(Furniture::Aside),
                Reason::Furniture(Furniture::Dateline)
            ]
        );
        assert!(text.starts_with("The council met"), "{text}");
        assert!(!text.contains("Facebook") && !text.contains("World"));
    }

    #[test]
    fn a_list_of_links_goes_and_a_list_of_prose_stays() {
        let links: String = (0..5).map(|i| format!("<li><a href=/{i}>Headline {i}</a></li>")).collect();
        let items: String = (0..5)
            .map(|i| format!("<li>Point {i}: the plan keeps the road open to buses, bikes and walkers.</li>"))
            .collect();
        let (reasons, text) = pruned(&format!("<div id=a>{PROSE}<ul>{links}</ul><ul>{items}</ul></div>"), "");
        assert_eq!(reasons, [Reason::Shape { shape: Shape::ListOfLinks, named: None }]);
        assert!(text.contains("Point 4") && !text.contains("Headline"));
    }

    #[test]
    fn negative_class_words_name_what_the_block_is_and_why_it_went() {
        let (reasons, _) = pruned(
            &format!("<div id=a>{PROSE}<div class=sidebar-promo><p>Subscribe today, it is cheap.</p></div></div>"),
            "",
        );
        assert_eq!(reasons, [Reason::Shape { shape: Shape::NegativeClassWords, named: Some(Furniture::Sidebar) }]);
    }

    #[test]
    fn a_gallery_a_form_and_a_link_stub_are_furniture_but_a_figure_and_a_data_table_are_not() {
        let gallery = "<div><img src=a.jpg><img src=b.jpg><img src=c.jpg>Photos: AP</div>";
        let form = "<div><input name=q><input name=r><p>Search</p></div>";
        let stub = "<div><a href=/more>More</a></div>";
        let figure = "<figure><div><img src=a.jpg><img src=b.jpg></div></figure>";
        let table = (0..10).map(|i| format!("<tr><td><a href=/{i}>{i}</a></td><td>x</td></tr>")).collect::<String>();
        let html = format!("<div id=a>{PROSE}{gallery}{form}{stub}{figure}<table>{table}</table></div>");
        let (reasons, text) = pruned(&html, "");
        let shapes: Vec<Shape> = reasons
            .iter()
            .map(|r| match r {
                Reason::Shape { shape, .. } => *shape,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(shapes, [Shape::LinkStub, Shape::Form, Shape::MoreImagesThanText]);
        assert!(text.contains('9'), "the data table stays: {text}");
    }

    #[test]
    fn a_grid_of_teaser_cards_goes_and_sections_with_a_learn_more_link_stay() {
        // Cards whose link wraps the picture, wraps the headline, or is drawn over the card.
        let cards = "<div class=grid>\
            <article><h3>The ferry that runs on batteries</h3><a href=/ferry><img src=f.jpg></a></article>\
            <article><h3><a href=/bridge>A bridge for bikes only</a></h3><p>Opened on Monday.</p></article>\
            <article><h3>Trams return to the old town</h3><p>After forty years.</p><a href=/trams></a></article></div>";
        let sections = "<div class=features>\
            <section><h3>Sync</h3><p>Your bookmarks, passwords and open tabs on every device you sign in on.</p><a href=/sync>Learn more</a></section>\
            <section><h3>Privacy</h3><p>Trackers blocked by default, in every window, with no setting to find.</p><a href=/privacy>Learn more</a></section></div>";
        let (reasons, text) = pruned(&format!("<div id=a>{PROSE}{PROSE}{sections}{cards}</div>"), "");
        assert_eq!(reasons, [Reason::Shape { shape: Shape::TeaserGrid, named: None }]);
        assert!(!text.contains("ferry") && !text.contains("bridge") && !text.contains("Trams"), "{text}");
        assert!(text.contains("Trackers blocked by default"), "{text}");
    }

    #[test]
    fn sections_inside_a_stray_link_around_the_whole_story_are_no_teaser_cards() {
        let sections =
            "<div class=notes><h3>Where</h3><p>At the old harbour.</p><h3>When</h3><p>Every Sunday.</p></div>";
        let html = format!("<a href=/promo><div id=a>{PROSE}{PROSE}{sections}</div></a>");
        let (reasons, text) = pruned(&html, "");
        assert!(!reasons.contains(&Reason::Shape { shape: Shape::TeaserGrid, named: None }), "{reasons:?}");
        assert!(text.contains("Every Sunday"), "{text}");
    }

    #[test]
    fn prose_with_many_commas_stays_whatever_its_links() {
        let linked = "<div><p><a href=/1>One</a>, <a href=/2>two</a>, <a href=/3>three</a>, <a href=/4>four</a>, <a href=/5>five</a>, <a href=/6>six</a>, <a href=/7>seven</a>, <a href=/8>eight</a>, <a href=/9>nine</a>, <a href=/10>ten</a>, and more.</p></div>";
        let (reasons, text) = pruned(&format!("<div id=a>{PROSE}{linked}</div>"), "");
        assert!(reasons.is_empty(), "{reasons:?}");
        assert!(text.contains("seven"));
    }
}
