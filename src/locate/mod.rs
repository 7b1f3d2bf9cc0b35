//! Stage 3 — find the article: a parsed [`Document`] in, the nodes that hold the story out, pruned
//! of the furniture inside them, with every removal recorded.
//!
//! An attempt runs four passes: [`prepare`] takes out what is never the article (hidden elements,
//! controls, bylines, ad slots, furniture by class and role) and turns text-only `<div>`s into
//! paragraphs; [`score`] scores every paragraph and credits its ancestors, then picks the
//! best-scoring container and the siblings that belong with it; [`prune`] takes the furniture out
//! of what was picked. When the result is too short the attempt is repeated on a fresh copy of the
//! page with the most aggressive heuristic switched off, as Readability.js does. Once an attempt
//! is taken, [`standfirst`] finds the lead-in the page set apart above the story. Word lists and
//! class weights are in [`signals`]; text measures in [`measure`].

mod measure;
mod prepare;
mod prune;
mod score;
mod signals;
mod standfirst;

pub use signals::embed_address;
pub use standfirst::standfirst;

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
    /// Whether the page itself names the article's container furniture (see
    /// [`in_named_furniture`]): what a relaxed attempt finds in a sidebar or an author box.
    in_furniture: bool,
}

impl Located {
    /// Whether this attempt's result should replace `best`, an earlier one. Text that the page
    /// names furniture loses to text it does not, however long (a retry that stops weighing class
    /// names finds the sidebar's "about this blog" longer than a two-paragraph post); otherwise the
    /// longer wins, as more of the story is the point of a retry.
    fn beats(&self, best: &Located) -> bool {
        if self.in_furniture != best.in_furniture && self.text_chars > 0 && best.text_chars > 0 {
            return !self.in_furniture;
        }
        self.text_chars > best.text_chars
    }
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
        if best.as_ref().is_none_or(|b| found.beats(b)) {
            if found.text_chars >= MIN_ARTICLE_CHARS {
                return Some(found);
            }
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
    let in_furniture = !nodes.is_empty() && nodes.iter().all(|&n| in_named_furniture(&doc, n));
    Some(Located { doc, nodes, byline: prepared.byline, removed, text_chars, in_furniture })
}

/// Whether `id` or a container around it is named furniture by the page: an `<aside>` or a
/// complementary region (a sidebar's widgets), or a box whose class names what themes put beside
/// a story (an author box, a newsletter box; [`signals::in_article_furniture`]).
fn in_named_furniture(doc: &Document, id: NodeId) -> bool {
    std::iter::once(id).chain(doc.ancestors(id)).take_while(|&a| doc.tag(a).is_some_and(|t| &**t != "body")).any(|a| {
        doc.is_tag(a, "aside")
            || doc.attr(a, "role") == Some("complementary")
            || signals::in_article_furniture(&signals::class_and_id(doc, a)).is_some()
    })
}

/// Record the text of `id`, about to be taken out for `reason` (nothing when it holds no text:
/// there is nothing to show back).
fn record_removal(doc: &Document, id: NodeId, reason: Reason, removed: &mut Vec<Removal>) {
    let text = doc.collapsed_text(id);
    if !text.is_empty() {
        removed.push(Removal { reason, text, position: None });
    }
}

#[cfg(test)]
mod tests {
    /// The article's text as the library finds it in `html`.
    fn article_text(html: &str) -> String {
        let article = crate::extract(html, None).expect("an article");
        article.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn a_short_post_beats_the_longer_sidebar_text_a_relaxed_attempt_finds() {
        // Too short for the first attempt, whose retries stop weighing class names and so find
        // the sidebar's "about this blog" widget longer than the post.
        let about = "This is the personal blog of a photographer in Hamburg, with notes, pictures, \
                     travel stories, and the odd rant about software, cameras, cities and trains.";
        let html = format!(
            "<body><main class=site-main><article class=post><h1>Charging stations</h1>\
             <div class=entry-content><p>I would invest in smart, cheap charging stations for electric cars.</p>\
             <p>I wonder why nobody sells them with service around them yet.</p></div></article></main>\
             <aside class=widget-area><div class=widget><div class=textwidget><p>{about}</p><p>{about}</p></div></div></aside></body>"
        );
        let text = article_text(&html);
        assert!(text.contains("smart, cheap charging stations"), "{text}");
        assert!(!text.contains("personal blog"), "{text}");
    }

    #[test]
    fn a_wire_dateline_that_opens_the_first_sentence_stays_in_it() {
        let rest = "<p>The hospital reported the loss to the police on Monday, and a spokesman said the boxes had been stored in a corridor, unlocked, since the end of January.</p>";
        let html = format!(
            "<body><article><p><span class=dateline>KOBE –</span> A total of 6,000 surgical masks have been lost at a hospital in Kobe, it was learned Tuesday, as the country runs short of them.</p>{}</article></body>",
            rest.repeat(3)
        );
        let article = crate::extract(&html, None).expect("an article");
        assert!(article.blocks[0].text.starts_with("KOBE – A total of 6,000"), "{}", article.blocks[0].text);
        assert_eq!(article.byline, None);
    }

    #[test]
    fn a_relaxed_attempt_still_rescues_a_story_the_first_one_removed() {
        // The story sits in a container whose class reads like furniture ("comment"); the first
        // attempt strips it and finds only the menu, and the retry's longer story wins.
        let para = "<p>The council voted on Tuesday, after a long and heated debate, to close the road by the river, which flooded twice last year.</p>";
        let html = format!(
            "<body><div class=menu-links><a href=/a>Home</a> <a href=/b>News</a></div>\
             <div class=comment-free-story>{}</div></body>",
            para.repeat(5)
        );
        assert!(article_text(&html).contains("close the road by the river"));
    }

    #[test]
    fn a_wrapper_named_for_its_place_on_the_page_that_holds_most_paragraphs_is_the_story() {
        // The story sits in `above-footer`; what the first attempt would keep without it, a
        // disclosure over 500 characters long, is enough for that attempt to stop there.
        let disclosure = "<p>Many of the offers that appear on this website are from companies from which we receive compensation, which may affect how and where products appear on this site, including the order in which they appear.</p>";
        let para = "<p>The airline has set a new date for joining the alliance, after the pandemic pushed back the plans it announced two years ago at its main base on the west coast.</p>";
        let html = format!(
            "<body><div class=disclosure>{}</div><div class=above-footer><article>{}</article></div></body>",
            disclosure.repeat(3),
            para.repeat(8)
        );
        assert!(article_text(&html).contains("a new date for joining the alliance"));
    }

    #[test]
    fn a_cookie_dialog_that_outweighs_the_story_is_still_furniture() {
        let para = "<p>The council voted on Tuesday, after a long and heated debate, to close the road by the river, which flooded twice last year.</p>";
        let tracker = "<p>Analytics service: anonymous evaluation for troubleshooting and further development, provided by a company in Ireland and the USA.</p>";
        let html = format!(
            "<body><article>{}</article><div class=cookie-footer>{}</div></body>",
            para.repeat(5),
            tracker.repeat(12)
        );
        let text = article_text(&html);
        assert!(text.contains("close the road by the river"), "{text}");
        assert!(!text.contains("Analytics service"), "{text}");
    }
}
