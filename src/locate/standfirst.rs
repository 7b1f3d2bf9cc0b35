//! The standfirst: the found article and the page's own description in, the text of the element
//! that shows that description above the story out, when there is one.
//!
//! News and magazine themes set the standfirst (the dek, the lead-in under the headline) apart
//! from the story's body, in a header that holds the headline, the byline and the picture, so the
//! finder, which picks the container with the most prose, leaves it behind. The page's
//! description metadata is usually that very text: an element that shows the description, between
//! the headline and the story, is the standfirst, and belongs under the article's title. Where the
//! description says something else, or is missing, the element there whose class names it the
//! lead-in is taken instead.

use super::signals::{class_and_id, LEAD_IN_WORDS};
use crate::parse::{Document, NodeId};
use crate::text::credit::ends_with_credit;
use crate::text::normalize::{normalize, normalized_title_similarity};

/// A description this similar to the title (both ways round) is the title again, not a lead-in.
const TITLE_SIMILARITY: f64 = 0.75;

/// A description shorter than this many characters is a tagline or a label, not a standfirst.
const MIN_STANDFIRST_CHARS: usize = 40;

/// The element may hold a little more than the description (which sites cut short with "…"): up to
/// this share more ...
const MAX_EXTRA_SHARE: f64 = 0.3;
/// ... plus this many characters.
const MAX_EXTRA_CHARS: usize = 20;

/// At most this many characters of text (a byline, a date, a caption) stand between the
/// standfirst and the story; a description shown farther up is a teaser or the site's tagline.
const MAX_GAP_CHARS: usize = 1000;

/// The standfirst of the article whose top-level nodes are `nodes`: the text of the element shortly
/// before `nodes[0]` (and after the page's first `<h1>` if that still stands before it) that shows
/// the page's `description` (often cut short, or without its opening words); failing that, of the
/// element there whose class or id names it the lead-in ([`LEAD_IN_WORDS`]), for pages whose
/// description differs from the lead-in they show, or is missing. `None` when the page shows
/// neither, or only the title again. (No `<h1>` is needed before it: a theme's header, taken out
/// as furniture, often held the headline.) One walk of the page above the story serves both.
pub fn standfirst(doc: &Document, nodes: &[NodeId], description: Option<&str>, title: &str) -> Option<String> {
    let norm_title = normalize(title);
    let shown = description.and_then(|d| ShownDescription::new(d, &norm_title));
    let mut by_description = |id: NodeId| shown.as_ref().and_then(|d| d.text_of(doc, id));
    let mut by_class = |id: NodeId| lead_in_text(doc, id, &norm_title);
    last_before_story(doc, nodes, [&mut by_description, &mut by_class])
}

/// Whether `text` is the title again: this similar to it, both ways round.
fn is_title_again(norm_title: &str, text: &str) -> bool {
    let norm_text = normalize(text);
    normalized_title_similarity(norm_title, &norm_text).min(normalized_title_similarity(&norm_text, norm_title))
        > TITLE_SIMILARITY
}

/// The page's description, as an element showing it would hold it.
struct ShownDescription {
    /// The description without its closing dots or ellipsis, which the element may not repeat.
    core: String,
    core_chars: usize,
    /// The most characters an element showing it holds.
    longest: usize,
}

impl ShownDescription {
    /// `None` when the description is the title again or too short to be a standfirst.
    fn new(description: &str, norm_title: &str) -> Option<ShownDescription> {
        if is_title_again(norm_title, description) {
            return None;
        }
        let description = description.split_whitespace().collect::<Vec<_>>().join(" ");
        let core = description.trim_end_matches(['.', '…', ' ']);
        let core_chars = core.chars().count();
        let longest = (description.chars().count() as f64 * (1.0 + MAX_EXTRA_SHARE)) as usize + MAX_EXTRA_CHARS;
        (core_chars >= MIN_STANDFIRST_CHARS).then(|| ShownDescription { core: core.to_string(), core_chars, longest })
    }

    /// The text of element `id` when it shows the description. Of nested such elements the
    /// innermost is taken: it comes later in page order than its ancestors.
    fn text_of(&self, doc: &Document, id: NodeId) -> Option<String> {
        if doc.collapsed_chars_within(id, self.longest).is_none_or(|n| n < self.core_chars) {
            return None;
        }
        Some(doc.collapsed_text(id)).filter(|text| text.contains(&self.core))
    }
}

/// For each finder in turn, the text it gives for the last element it gives one for before the
/// article's first node `nodes[0]`, in page order, not holding the story, and after the page's
/// first `<h1>` if that stands before the story (what stands above the first headline is the site's
/// tagline or a kicker, not the lead-in): the first such text with at most [`MAX_GAP_CHARS`] of text
/// between its element and the story.
fn last_before_story<const N: usize>(
    doc: &Document,
    nodes: &[NodeId],
    mut finders: [&mut dyn FnMut(NodeId) -> Option<String>; N],
) -> Option<String> {
    let &first = nodes.first()?;
    let body = doc.body()?;
    let holds_story = |id: NodeId| nodes.iter().any(|&n| n == id || doc.ancestors(n).any(|a| a == id));
    let mut found: [Option<(NodeId, String)>; N] = std::array::from_fn(|_| None);
    let mut seen_h1 = false;
    for id in doc.descendants(body) {
        if id == first {
            break;
        }
        let Some(tag) = doc.tag(id) else { continue };
        if &**tag == "h1" {
            if !seen_h1 {
                found = std::array::from_fn(|_| None);
            }
            seen_h1 = true;
            continue;
        }
        for (finder, found) in finders.iter_mut().zip(&mut found) {
            if let Some(text) = finder(id).filter(|_| !holds_story(id)) {
                *found = Some((id, text));
            }
        }
    }
    found.into_iter().flatten().find(|&(element, _)| gap_is_short(doc, element, first, body)).map(|(_, text)| text)
}

/// A lead-in named by its class has at least this many characters (a sentence, not a label) ...
const MIN_LEAD_IN_CHARS: usize = 60;
/// ... and at most this many (more is the story's opening section, not its lead-in).
const MAX_LEAD_IN_CHARS: usize = 700;
/// ... and at most this share of it is link text (more is a teaser for another page).
const MAX_LEAD_IN_LINK_SHARE: f64 = 0.3;

/// A lead-in holds no picture and is not inside one.
const PICTURE_TAGS: &[&str] = &["figure", "figcaption", "img", "picture"];

/// The text of element `id` when its class or id names it the lead-in ([`LEAD_IN_WORDS`]) and it
/// reads as one: a sentence or a few, not cut short, not a picture's caption, not mostly links,
/// not the title again.
fn lead_in_text(doc: &Document, id: NodeId, norm_title: &str) -> Option<String> {
    if !LEAD_IN_WORDS.found_in(&class_and_id(doc, id)) {
        return None;
    }
    let chars = doc.collapsed_chars_within(id, MAX_LEAD_IN_CHARS)?;
    // A picture's caption is the picture's, whatever the theme calls it.
    let pictured = |n: NodeId| doc.tag(n).is_some_and(|t| PICTURE_TAGS.contains(&&**t));
    if chars < MIN_LEAD_IN_CHARS || doc.ancestors(id).any(pictured) || doc.descendants(id).any(pictured) {
        return None;
    }
    let linked: usize = doc
        .descendants(id)
        .filter(|&d| doc.is_tag(d, "a"))
        .map(|a| doc.collapsed_chars_within(a, MAX_LEAD_IN_CHARS).unwrap_or(MAX_LEAD_IN_CHARS))
        .sum();
    if linked as f64 > chars as f64 * MAX_LEAD_IN_LINK_SHARE {
        return None;
    }
    let text = doc.collapsed_text(id);
    // A lead-in cut short is a teaser for another page; one closed by a picture credit is the
    // picture's caption.
    let cut_short = text.ends_with(['…']) || text.ends_with("...");
    (!cut_short && !ends_with_credit(&text) && !is_title_again(norm_title, &text)).then_some(text)
}

/// Whether at most [`MAX_GAP_CHARS`] of text stand between the end of `from` and `to`.
fn gap_is_short(doc: &Document, from: NodeId, to: NodeId, body: NodeId) -> bool {
    let mut chars = 0;
    let mut next = doc.next_skipping_children(from, body);
    while let Some(id) = next.filter(|&n| n != to) {
        if let Some(text) = doc.text(id) {
            chars += text.split_whitespace().map(|w| w.chars().count()).sum::<usize>();
            if chars > MAX_GAP_CHARS {
                return false;
            }
        }
        // Into `to`'s ancestors too: the story's container opens before its first paragraph.
        next = doc.node(id).first_child.or_else(|| doc.next_skipping_children(id, body));
    }
    true
}

#[cfg(test)]
mod tests {
    /// Six distinct paragraphs of a story (identical ones would be collapsed as repeats).
    const STORY: &str = "<p>The council voted on Tuesday, after a long and heated debate, to close the road by the river, which flooded twice last year.</p>\
        <p>Residents of both villages, who had asked for the closure since spring, said the decision came late but was welcome.</p>\
        <p>The mayor, speaking after the vote, promised a temporary bridge for farmers, school buses and the post by the end of November.</p>\
        <p>Engineers from the regional office, who inspected the embankment in August, found it weakened in three places along the bend.</p>\
        <p>Repairs, which the council estimates at two million euros, will begin once the water level falls, probably in March or April.</p>\
        <p>Until then, drivers are asked to use the northern ring road, which adds about twenty minutes to the journey into town.</p>";
    const DEK: &str = "The road by the river closes for the winter after two floods cut off the villages on its banks.";

    fn article(html: &str) -> crate::model::Article {
        crate::extract(html, None).expect("an article")
    }

    #[test]
    fn the_description_shown_under_the_headline_opens_the_article() {
        let html = format!(
            "<head><meta name=description content='{DEK}'></head><body><header><h1>Road closes</h1>\
             <h2 class=subtitle>{DEK}</h2><p class=byline>Ann Lee</p></header>\
             <div class=story>{}</div></body>",
            STORY
        );
        let a = article(&html);
        assert_eq!(a.standfirst.as_deref(), Some(DEK));
        assert!(a.blocks[0].text.starts_with("The council voted"));
        let text = crate::to_text(&a);
        assert!(text.starts_with(&format!("Road closes\n\n{DEK}\n\nThe council voted")), "{text}");
        assert!(crate::to_markdown(&a).contains(&format!("# Road closes\n\n*{DEK}*\n\nThe council")));
        assert!(crate::to_html(&a).contains(&format!("<h1>Road closes</h1><p class=\"standfirst\"><em>{DEK}</em></p>")));
    }

    /// What [`super::standfirst`] finds for the article `<div class=story>` in `html`.
    fn standfirst_text(html: &str, description: &str) -> Option<String> {
        let doc = crate::parse::parse_html(html);
        let story = doc.descendants(doc.root()).find(|&n| doc.attr(n, "class") == Some("story")).unwrap();
        super::standfirst(&doc, &[story], Some(description), "Road closes")
    }

    #[test]
    fn a_tagline_above_the_headline_or_a_description_far_from_the_story_is_left_out() {
        let tagline = "The latest news and insights from the council on roads, rivers and the weather.";
        let html = format!("<body><p>{tagline}</p><h1>Road closes</h1><div class=story>{STORY}</div></body>");
        assert_eq!(standfirst_text(&html, tagline), None);
        let far = format!("<p>{}</p>", "The town hall keeps shorter hours during the holidays. ".repeat(30));
        let html = format!("<body><h1>Road closes</h1><p>{DEK}</p>{far}<div class=story>{STORY}</div></body>");
        assert_eq!(standfirst_text(&html, DEK), None);
        let html =
            format!("<body><h1>Road closes</h1><p>{DEK}</p><p>By Ann Lee</p><div class=story>{STORY}</div></body>");
        assert_eq!(standfirst_text(&html, DEK).as_deref(), Some(DEK));
    }

    #[test]
    fn a_description_that_is_the_title_again_is_no_standfirst() {
        let title = "Hating millennials, the prejudice you are allowed to boast about";
        let html = format!("<body><p>{title}</p><div class=story>{STORY}</div></body>");
        let doc = crate::parse::parse_html(&html);
        let story = doc.descendants(doc.root()).find(|&n| doc.attr(n, "class") == Some("story")).unwrap();
        assert_eq!(super::standfirst(&doc, &[story], Some(title), title), None);
        assert_eq!(super::standfirst(&doc, &[story], Some(title), "Road closes").as_deref(), Some(title));
    }

    #[test]
    fn a_description_cut_short_still_finds_its_standfirst() {
        let html = format!(
            "<body><h1>Road closes</h1><p class=lead><span>{DEK}</span></p><div class=story>{STORY}</div></body>"
        );
        assert_eq!(standfirst_text(&html, &format!("{}…", &DEK[..60])).as_deref(), Some(DEK));
        let opened = format!("Winter comes early: {DEK}");
        let html = format!("<body><h1>Road closes</h1><p class=lead>{opened}</p><div class=story>{STORY}</div></body>");
        assert_eq!(standfirst_text(&html, DEK), Some(opened));
    }

    /// What [`super::standfirst`] finds by class alone for the article `<div class=story>` in `html`.
    fn lead_in_text(html: &str) -> Option<String> {
        let doc = crate::parse::parse_html(html);
        let story = doc.descendants(doc.root()).find(|&n| doc.attr(n, "class") == Some("story")).unwrap();
        super::standfirst(&doc, &[story], None, "Road closes")
    }

    #[test]
    fn a_lead_in_named_by_its_class_opens_the_article_without_a_matching_description() {
        let page = |lead: &str| {
            format!(
                "<head><meta name=description content='Everything about our roads.'></head><body>\
                 <h1>Road closes</h1><p class=date>3 March</p>{lead}<div class=story>{STORY}</div></body>"
            )
        };
        let html = page(&format!("<div class=article-intro>{DEK}</div>"));
        assert_eq!(lead_in_text(&html).as_deref(), Some(DEK));
        let a = article(&format!(
            "<body><header><h1>Road closes</h1><div class=article-intro>{DEK}</div></header>\
             <div class=story>{STORY}</div></body>"
        ));
        assert_eq!(a.standfirst.as_deref(), Some(DEK));
        assert!(crate::to_text(&a).starts_with(&format!("Road closes\n\n{DEK}\n\n")));
        // A teaser cut short, a picture's caption and a mostly linked line are not the lead-in.
        assert_eq!(lead_in_text(&page(&format!("<div class=intro>{}…</div>", &DEK[..70]))), None);
        assert_eq!(
            lead_in_text(&page(&format!("<figure><img src=a.jpg><figcaption class=intro>{DEK}</figcaption></figure>"))),
            None
        );
        assert_eq!(lead_in_text(&page(&format!("<p class=intro>{DEK} © Ann Lee</p>"))), None);
        assert_eq!(lead_in_text(&page(&format!("<p class=intro><a href=/x>{DEK}</a></p>"))), None);
        // Nor is an element whose class names no lead-in, or a short label.
        assert_eq!(lead_in_text(&page(&format!("<div class=note>{DEK}</div>"))), None);
        assert_eq!(lead_in_text(&page("<div class=intro>Roads</div>")), None);
    }

    #[test]
    fn a_site_tagline_above_the_headline_is_no_lead_in() {
        let html =
            format!("<body><p class=site-intro>{DEK}</p><h1>Road closes</h1><div class=story>{STORY}</div></body>");
        assert_eq!(lead_in_text(&html), None);
    }
}
