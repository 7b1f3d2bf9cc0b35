//! The preparation pass of an attempt: the page's body in, the same body with what is never the
//! article taken out (hidden elements, scripts and controls, bylines, ad slots, furniture by class
//! and role, empty containers) and text-only `<div>`s renamed to paragraphs out, with the byline
//! and the elements to score.

use super::signals::*;
use super::{record_removal, Flags};
use crate::model::{Furniture, Removal};
use crate::parse::elements::{is_block_tag, EMBED_TAGS};
use crate::parse::{Document, NodeData, NodeId};
use crate::text::{count_non_space_chars, is_blank};

/// An ad slot holds a label ("- Advertisement -") and an empty frame; an element with an ad-like
/// name and more text than this wraps content (some sites put `id="ad-portal"` on the whole page).
const MAX_AD_SLOT_CHARS: usize = 200;

/// A `<noscript>` fallback is a line ("Please enable JavaScript to see the comments"), an image
/// or a tracking pixel; one with more text than this that runs to the end of the page holds the
/// page itself.
const MAX_NOSCRIPT_FALLBACK_CHARS: usize = 200;

/// A `<noscript>` with this many characters in paragraphs holds the page's story for readers
/// without scripts (the story itself is in a script template); a notice is a sentence or two.
const MIN_NOSCRIPT_STORY_CHARS: u32 = 500;

/// Bylines longer than this are prose that happens to sit in an "author" box.
const MAX_BYLINE_CHARS: usize = 100;

/// A paragraph with more text than this around an inline dateline is prose that the dateline
/// opens (a dateline paragraph, "KOBE, May 3", is a line).
const MIN_PROSE_AROUND_DATELINE_CHARS: usize = 80;

/// Furniture words on an element this close inside a table or code are the table's or the
/// code's own (a data table's `comment` column, a `menu` identifier in a code sample).
const FURNITURE_IN_TABLE_OR_CODE_DEPTH: usize = 3;

/// A standfirst is a sentence or two: a paragraph this long in a header is prose, not a tagline.
const MIN_STANDFIRST_CHARS: usize = 80;
/// ... and less than this share of it is link text.
const MAX_STANDFIRST_LINK_SHARE: f64 = 0.5;

/// A <div> around one paragraph is unwrapped only when less than this share of the paragraph is
/// links (Readability.js's figure for the same step).
const MAX_LONE_PARAGRAPH_LINK_SHARE: f64 = 0.25;

/// An element named like page furniture (`above-footer`, `header-wrap`) that holds more than this
/// share of the page's paragraph text ...
const WRAPPER_PARAGRAPH_SHARE: f64 = 0.5;
/// ... and at least this many characters of it wraps the story, when the name says only where it
/// sits ([`POSITION_WORDS`]): themes name wrappers after their place on the page. A name that
/// says what the element is (comments, a cookie dialog) stands whatever its size: a short story's
/// comments, or a consent dialog listing every tracker, often outweigh it.
const WRAPPER_MIN_PARAGRAPH_CHARS: u32 = 1000;

/// The words of [`UNLIKELY_WORDS`] that name a place on the page rather than a kind of furniture.
const POSITION_WORDS: &[&str] = &["header", "footer", "sidebar", "extra", "supplemental"];

/// Whether the only furniture words in `class_id` are [`POSITION_WORDS`].
fn named_only_for_position(class_id: &str) -> bool {
    let mut rest = class_id.to_owned();
    for word in POSITION_WORDS {
        rest = rest.replace(word, " ");
    }
    !UNLIKELY_WORDS.found_in(&rest)
}

/// What the pass found.
pub(super) struct Prepared {
    /// The first byline on the page, for the article's metadata.
    pub byline: Option<String>,
    /// Paragraph-like elements to score, in no particular order.
    pub to_score: Vec<NodeId>,
}

/// What becomes of one element.
enum Fate {
    Keep,
    /// Taken out without an account: it holds nothing a reader would miss (an empty container, a
    /// `<script>`, the byline that goes to the metadata).
    Drop,
    /// Taken out and recorded as furniture.
    Remove(Furniture),
    /// Taken out with no text to show, and recorded as an embed saying what it was.
    Account(String),
    /// Kept without its children: a player or frame, whose sources and fallback text are no
    /// article (the assembler reads its address first).
    KeepAlone,
}

/// Walk `body` in document order, taking out what is never the article.
pub(super) fn prepare(doc: &mut Document, body: NodeId, flags: Flags, removed: &mut Vec<Removal>) -> Prepared {
    let facts = Facts::compute(doc, body);
    let mut found = Prepared { byline: None, to_score: Vec::new() };
    let mut next = Some(body);
    while let Some(id) = next {
        // An atom clone, not a String: this runs for every element of the page.
        let Some(tag) = doc.tag(id).cloned() else {
            next = next_in_order(doc, id, body);
            continue;
        };
        let fate = if id == body { Fate::Keep } else { fate(doc, id, &tag, flags, &facts, &mut found.byline) };
        if let Fate::Remove(furniture) = fate {
            record_removal(doc, id, crate::model::Reason::Furniture(furniture), removed);
        }
        if let Fate::Account(what) = &fate {
            let reason = crate::model::Reason::Furniture(Furniture::Embed);
            removed.push(Removal { reason, text: what.clone(), position: None });
        }
        if let Fate::KeepAlone = fate {
            next = doc.next_skipping_children(id, body);
            continue;
        }
        if !matches!(fate, Fate::Keep) {
            next = doc.next_skipping_children(id, body);
            doc.detach(id);
            continue;
        }
        if TAGS_TO_SCORE.contains(&&*tag) {
            found.to_score.push(id);
        }
        if &*tag == "div" {
            if let Some(p) = lone_paragraph(doc, id) {
                // A <div> around one paragraph and nothing else is that paragraph: its parent is
                // the container the paragraph's score belongs to (as Readability.js has it).
                doc.insert_before(id, p);
                doc.detach(id);
                next = Some(p);
                continue;
            }
            if !facts.has_block_descendant(id) {
                // A <div> holding only text is a paragraph: name it so, for scoring, for the
                // sibling check and for the assembler.
                doc.rename(id, html5ever::local_name!("p"));
                found.to_score.push(id);
            } else {
                wrap_phrasing_runs(doc, id);
            }
        }
        next = next_in_order(doc, id, body);
    }
    // Wrapped runs are new <p> elements; find them for scoring.
    for d in doc.descendants(body) {
        if doc.is_tag(d, "p") && doc.attr(d, crate::parse::tree::WRAPPER_MARK).is_some() {
            found.to_score.push(d);
        }
    }
    found
}

/// The fate of element `id`, named `tag` (not the body). The first byline is taken into `byline`.
fn fate(doc: &mut Document, id: NodeId, tag: &str, flags: Flags, facts: &Facts, byline: &mut Option<String>) -> Fate {
    let class_id = class_and_id(doc, id);
    if is_hidden(doc, id) {
        return Fate::Remove(Furniture::Hidden);
    }
    if EMBED_TAGS.contains(&tag) {
        if embed_address(doc, id).is_some() {
            return Fate::KeepAlone;
        }
        // Nothing to link to, but the reader should know a player stood here.
        let what = doc.attr(id, "title").map_or_else(|| format!("<{tag}>"), |t| format!("<{tag}> {t}"));
        return Fate::Account(what);
    }
    if NEVER_CONTENT_TAGS.contains(&tag) {
        return if tag == "nav" { Fate::Remove(Furniture::Navigation) } else { Fate::Drop };
    }
    if tag == "noscript" {
        if doc.collapsed_chars_within(id, MAX_NOSCRIPT_FALLBACK_CHARS).is_none() && ends_the_page(doc, id) {
            // Parsed as markup (scripting off), a `<noscript>` that a stray open tag kept from
            // closing swallows the rest of the page; a browser running scripts ends it at
            // `</noscript>`. Its content is the page.
            return Fate::Keep;
        }
        if facts.paragraph_chars(id) >= MIN_NOSCRIPT_STORY_CHARS {
            // Pages that render the story from a script template put it in a `<noscript>` for
            // readers without scripts, which is what Lectern reads as.
            return Fate::Keep;
        }
        unwrap_noscript_image(doc, id);
        return Fate::Drop;
    }
    if is_byline(doc, id, &class_id)
        && doc.collapsed_chars_within(id, MAX_BYLINE_CHARS - 1).is_some_and(|n| n > 0)
        && !opens_a_paragraph_of_prose(doc, id, tag, &class_id)
    {
        // The first byline goes to the article's metadata; later ones are copies of it.
        return match byline {
            None => {
                *byline = Some(doc.collapsed_text(id));
                Fate::Drop
            }
            Some(_) => Fate::Remove(Furniture::Byline),
        };
    }
    if is_ad_slot(&class_id) && tag != "body" && doc.collapsed_chars_within(id, MAX_AD_SLOT_CHARS).is_some() {
        return Fate::Remove(Furniture::Advertisement);
    }
    // A table named for a position names its own parts (`table-header`: it has a header row),
    // not its place on the page.
    let unlikely = (UNLIKELY_WORDS.found_in(&class_id)
        && !MAYBE_CONTENT_WORDS.found_in(&class_id)
        && !((facts.holds_most_paragraphs(id) || tag == "table") && named_only_for_position(&class_id)))
        || doc.attr(id, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r));
    if flags.strip_unlikely
        && tag != "a"
        && unlikely
        && !has_ancestor_tag(doc, id, "table", FURNITURE_IN_TABLE_OR_CODE_DEPTH)
        && !has_ancestor_tag(doc, id, "code", FURNITURE_IN_TABLE_OR_CODE_DEPTH)
        && !is_story_header(doc, id, &class_id)
    {
        return Fate::Remove(furniture_named(&class_id, tag));
    }
    let container = matches!(tag, "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    if container && !facts.has_content(id) {
        return Fate::Drop;
    }
    Fate::Keep
}

/// Whether `id`, unlikely only for the word "header" in its class or id, is the story's own header
/// rather than the page's: a headline with a paragraph of prose, the standfirst that themes put
/// beside it (`entry-header`, `intro-header`), or the whole recipe or product page a theme named
/// `recipe-header`. A page's header holds a logo, a menu and a search box: no paragraph; a
/// chart's header holds its lead-in and no headline.
fn is_story_header(doc: &Document, id: NodeId, class_id: &str) -> bool {
    if !class_id.contains("header")
        || UNLIKELY_WORDS.found_in(&class_id.replace("header", " "))
        || doc.attr(id, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r))
    {
        return false;
    }
    let headline = doc.descendants(id).any(|d| doc.tag(d).is_some_and(|t| matches!(&**t, "h1" | "h2" | "h3")));
    headline && doc.descendants(id).any(|d| doc.is_tag(d, "p") && is_prose(doc, d))
}

/// Whether paragraph `p` reads as prose: at least [`MIN_STANDFIRST_CHARS`] of text, most of it
/// outside links (a menu's entries and a teaser's headline are links).
fn is_prose(doc: &Document, p: NodeId) -> bool {
    let (chars, linked) = text_and_link_chars(doc, p);
    chars >= MIN_STANDFIRST_CHARS && (linked as f64) < chars as f64 * MAX_STANDFIRST_LINK_SHARE
}

/// The one `<p>` that `div` holds, when it holds nothing else (no other element, no text) and
/// little of it is links: a wrapper a theme put around a paragraph. A teaser's linked headline
/// in a <div> of its own stays a <div>, and so does a wrapper whose class or id says something
/// later passes read (an author box, a share bar, a class that weighs for or against it).
fn lone_paragraph(doc: &Document, div: NodeId) -> Option<NodeId> {
    // Every <div> of the page is asked: the shape first, which costs no copy of its class.
    let mut children = doc.children(div).filter(|&c| !is_whitespace_node(doc, c));
    let (Some(p), None) = (children.next(), children.next()) else { return None };
    if !doc.is_tag(p, "p") {
        return None;
    }
    let class_id = class_and_id(doc, div);
    if class_weight(doc, div) != 0.0 || in_article_furniture(&class_id).is_some() || SHARE_WORDS.found_in(&class_id) {
        return None;
    }
    let (chars, linked) = text_and_link_chars(doc, p);
    ((linked as f64) < chars as f64 * MAX_LONE_PARAGRAPH_LINK_SHARE).then_some(p)
}

/// Characters of `id`'s text, and of the text inside its links, whitespace collapsed.
fn text_and_link_chars(doc: &Document, id: NodeId) -> (usize, usize) {
    let chars = doc.collapsed_text(id).chars().count();
    let linked =
        doc.descendants(id).filter(|&a| doc.is_tag(a, "a")).map(|a| doc.collapsed_text(a).chars().count()).sum();
    (chars, linked)
}

/// Whether nothing a reader sees follows `id` up to the end of the body (whitespace, comments,
/// scripts and other [`NEVER_CONTENT_TAGS`], other `<noscript>`s): where an element left open by
/// a parse error ends.
fn ends_the_page(doc: &Document, id: NodeId) -> bool {
    let unseen = |n: NodeId| match &doc.node(n).data {
        NodeData::Text(t) => is_blank(t),
        NodeData::Element(e) => &*e.name.local == "noscript" || NEVER_CONTENT_TAGS.contains(&&*e.name.local),
        _ => true,
    };
    let mut cur = id;
    loop {
        let mut next = doc.node(cur).next_sibling;
        while let Some(n) = next {
            if !unseen(n) {
                return false;
            }
            next = doc.node(n).next_sibling;
        }
        match doc.parent(cur) {
            Some(p) if doc.tag(p).is_some_and(|t| &**t != "body") => cur = p,
            _ => return true,
        }
    }
}

fn is_byline(doc: &Document, id: NodeId, class_id: &str) -> bool {
    let rel_author = doc.attr(id, "rel") == Some("author");
    let itemprop_author = doc.attr(id, "itemprop").is_some_and(|p| p.contains("author"));
    rel_author || itemprop_author || BYLINE_WORDS.found_in(class_id)
}

/// Whether `id`, an inline element named a dateline, stands inside a paragraph of prose: the
/// wire-story dateline that opens the first sentence ("KOBE – A total of …") is the story's
/// words, not a line above it.
fn opens_a_paragraph_of_prose(doc: &Document, id: NodeId, tag: &str, class_id: &str) -> bool {
    // A byline inside a standfirst ("<em class=byline>ANN LEE</em> How is it …") is still the
    // byline; only a dateline reads as the sentence's first words.
    if is_block_tag(tag) || !class_id.contains("dateline") {
        return false;
    }
    let Some(paragraph) = doc.ancestors(id).find(|&a| doc.tag(a).is_some_and(|t| is_block_tag(t))) else {
        return false;
    };
    doc.is_tag(paragraph, "p") && doc.collapsed_chars_within(paragraph, MIN_PROSE_AROUND_DATELINE_CHARS).is_none()
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
    /// Characters (whitespace left out) of text inside `<p>` elements somewhere below.
    paragraph_chars: Vec<u32>,
    /// Characters in all the paragraphs of the page below the root the facts were taken from.
    page_paragraph_chars: u32,
}

impl Facts {
    fn compute(doc: &Document, root: NodeId) -> Facts {
        let n = doc.len();
        let mut f = Facts {
            has_content: vec![false; n],
            has_block_descendant: vec![false; n],
            paragraph_chars: vec![0; n],
            page_paragraph_chars: 0,
        };
        // Characters of all text below each node, to credit a `<p>` with its own.
        let mut text_chars = vec![0u32; n];
        let order: Vec<NodeId> = doc.descendants(root).collect();
        for &id in order.iter().rev() {
            let i = id.index();
            match &doc.node(id).data {
                NodeData::Text(t) => {
                    f.has_content[i] = !is_blank(t);
                    text_chars[i] = count_non_space_chars(t) as u32;
                }
                NodeData::Element(e) if &*e.name.local == "p" => f.paragraph_chars[i] = text_chars[i],
                NodeData::Element(e)
                    if matches!(&*e.name.local, "img" | "picture" | "figure" | "table" | "pre" | "hr")
                        || EMBED_TAGS.contains(&&*e.name.local) =>
                {
                    f.has_content[i] = true;
                }
                _ => {}
            }
            if let Some(p) = doc.parent(id) {
                let p = p.index();
                f.has_content[p] |= f.has_content[i];
                text_chars[p] += text_chars[i];
                f.paragraph_chars[p] += f.paragraph_chars[i];
                let is_block = doc.tag(id).is_some_and(|t| DIV_BLOCK_CHILDREN.contains(&&**t));
                f.has_block_descendant[p] |= f.has_block_descendant[i] || is_block;
            }
        }
        f.page_paragraph_chars = f.paragraph_chars[root.index()];
        f
    }

    /// Whether `id` holds content; nodes made after the facts were taken are assumed to.
    fn has_content(&self, id: NodeId) -> bool {
        self.has_content.get(id.index()).copied().unwrap_or(true)
    }

    fn has_block_descendant(&self, id: NodeId) -> bool {
        self.has_block_descendant.get(id.index()).copied().unwrap_or(true)
    }

    /// Characters in paragraphs below `id`; nodes made after the facts were taken have none.
    fn paragraph_chars(&self, id: NodeId) -> u32 {
        self.paragraph_chars.get(id.index()).copied().unwrap_or(0)
    }

    /// Whether `id` holds most of the paragraph text of the page, and enough of it to be a story
    /// ([`WRAPPER_MIN_PARAGRAPH_CHARS`], [`WRAPPER_PARAGRAPH_SHARE`]).
    fn holds_most_paragraphs(&self, id: NodeId) -> bool {
        let own = self.paragraph_chars(id);
        own >= WRAPPER_MIN_PARAGRAPH_CHARS && own as f64 > self.page_paragraph_chars as f64 * WRAPPER_PARAGRAPH_SHARE
    }
}

fn next_in_order(doc: &Document, id: NodeId, root: NodeId) -> Option<NodeId> {
    doc.node(id).first_child.or_else(|| doc.next_skipping_children(id, root))
}

/// Move each run of phrasing children of a mixed `<div>` into a new `<p>`, so the text that sits
/// directly in containers is scored and kept like any paragraph.
/// A drop cap (the story's first letter set apart, `<span>T</span><p>urkey, Poland …`) goes back
/// into the paragraph it opens.
fn wrap_phrasing_runs(doc: &mut Document, div: NodeId) {
    let children: Vec<NodeId> = doc.children(div).collect();
    let mut run: Vec<NodeId> = Vec::new();
    let flush = |doc: &mut Document, run: &mut Vec<NodeId>, next: Option<NodeId>| {
        if let Some(p) = next.filter(|&p| is_drop_cap(doc, run, p)) {
            // Before the paragraph's first child, in order.
            for &n in run.iter().rev() {
                doc.detach(n);
                match doc.node(p).first_child {
                    Some(first) => doc.insert_before(first, n),
                    None => doc.append(p, n),
                }
            }
        } else if !run.iter().all(|&n| is_whitespace_node(doc, n)) {
            let p = doc.create_wrapper_paragraph();
            doc.insert_before(run[0], p);
            for &n in run.iter() {
                doc.detach(n);
                doc.append(p, n);
            }
        }
        run.clear();
    };
    for c in children {
        if is_phrasing(doc, c) {
            run.push(c);
        } else if !run.is_empty() {
            flush(doc, &mut run, Some(c));
        }
    }
    if !run.is_empty() {
        flush(doc, &mut run, None);
    }
}

/// A drop cap has at most this many letters ("T", or "A" and a quotation mark).
const MAX_DROP_CAP_CHARS: usize = 2;

/// Whether `run`, phrasing right before paragraph `p`, is a drop cap: one or two letters (marks
/// aside) with no space before the paragraph, whose text goes on mid-word in lower case.
fn is_drop_cap(doc: &Document, run: &[NodeId], p: NodeId) -> bool {
    if !doc.is_tag(p, "p") {
        return false;
    }
    // Measured before it is read: a run of phrasing can be a paragraph's worth of text.
    if run.iter().any(|&n| doc.collapsed_chars_within(n, MAX_DROP_CAP_CHARS + 2).is_none()) {
        return false;
    }
    let text: String = run.iter().map(|&n| doc.text_content(n)).collect();
    if text.ends_with(char::is_whitespace) {
        return false;
    }
    let letters = text.trim().chars().filter(|c| c.is_alphabetic()).count();
    // The paragraph's first character, from its first text that is not blank.
    let first = doc.descendants(p).filter_map(|n| doc.text(n)).find_map(|t| t.trim_start().chars().next());
    (1..=MAX_DROP_CAP_CHARS).contains(&letters)
        && text.trim().chars().all(|c| c.is_alphabetic() || !c.is_alphanumeric())
        && first.is_some_and(char::is_lowercase)
}

/// Lazy-loading pages put a placeholder `<img>` before a `<noscript>` holding the real one:
/// replace the placeholder with the real image.
fn unwrap_noscript_image(doc: &mut Document, noscript: NodeId) {
    let imgs: Vec<NodeId> = doc.descendants(noscript).filter(|&d| doc.is_tag(d, "img")).collect();
    let [real] = imgs[..] else { return };
    let mut prev = doc.node(noscript).prev_sibling;
    while let Some(p) = prev.filter(|&p| doc.text(p).is_some_and(is_blank)) {
        prev = doc.node(p).prev_sibling;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reason;

    fn prepared(html: &str) -> (Document, Prepared, Vec<Removal>) {
        let mut doc = crate::parse::parse_html(html);
        let body = doc.body().unwrap();
        let mut removed = Vec::new();
        let found = prepare(&mut doc, body, Flags::ALL, &mut removed);
        (doc, found, removed)
    }

    #[test]
    fn the_first_byline_goes_to_the_metadata_and_later_copies_are_furniture() {
        let (doc, found, removed) = prepared(
            "<body><p class=byline>By Ana Souza</p><p>Story text long enough.</p><div class=author-box>By Ana Souza</div></body>",
        );
        assert_eq!(found.byline.as_deref(), Some("By Ana Souza"));
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].reason, Reason::Furniture(Furniture::Byline));
        assert_eq!(doc.collapsed_text(doc.body().unwrap()), "Story text long enough.");
    }

    #[test]
    fn hidden_and_unlikely_elements_are_recorded_by_name_and_empty_containers_dropped_silently() {
        let (doc, _, removed) = prepared(
            "<body><div style='display: NONE'>hidden</div><div class=social-tools>Share</div><div class='article-sidebar-content'>kept</div><div> </div><nav>Home</nav><script>x()</script></body>",
        );
        let reasons: Vec<Reason> = removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            [
                Reason::Furniture(Furniture::Hidden),
                Reason::Furniture(Furniture::ShareBar),
                Reason::Furniture(Furniture::Navigation)
            ]
        );
        assert_eq!(doc.collapsed_text(doc.body().unwrap()), "kept");
    }

    #[test]
    fn a_noscript_holding_the_story_is_kept_and_a_notice_or_pixel_is_not() {
        let para = "<p>Over the past few years we have seen threats on the web become more and more sophisticated, and campaigns target people at risk directly.</p>";
        let html = format!(
            "<body><div class=post-body><script type=text/template>{para}</script><noscript>{}</noscript></div>\
             <noscript><p>Please enable JavaScript to see the comments.</p><img src=pixel.gif></noscript></body>",
            para.repeat(4)
        );
        let (doc, _, _) = prepared(&html);
        let text = doc.collapsed_text(doc.body().unwrap());
        assert!(text.contains("Over the past few years"), "{text}");
        assert!(!text.contains("enable JavaScript"), "{text}");
    }

    #[test]
    fn a_drop_cap_set_apart_goes_back_into_its_paragraph_and_a_lone_word_stays_apart() {
        let (doc, _, _) = prepared(
            "<body><div><span class=drop>T</span><p><a href=/t>urkey</a>, Poland and Saba were removed from the list.</p><p>Second.</p></div>\
             <div><b>Note</b><p>the list changes weekly.</p></div></body>",
        );
        let paragraphs: Vec<String> =
            doc.descendants(doc.root()).filter(|&n| doc.is_tag(n, "p")).map(|p| doc.collapsed_text(p)).collect();
        assert_eq!(
            paragraphs,
            ["Turkey, Poland and Saba were removed from the list.", "Second.", "Note", "the list changes weekly."]
        );
    }

    #[test]
    fn furniture_words_inside_a_data_table_are_the_table_s_own() {
        let (doc, _, removed) =
            prepared("<body><table><tr><td class=comment>Cell text</td></tr></table><div class=comment>x</div></body>");
        assert_eq!(removed.len(), 1, "only the div outside the table");
        assert!(doc.collapsed_text(doc.body().unwrap()).contains("Cell text"));
    }

    #[test]
    fn a_table_named_for_its_header_row_stays_and_one_named_for_comments_goes() {
        let (doc, _, removed) = prepared(
            "<body><table class='ingredients table-header'><tr><th>Für den Teig:</th></tr><tr><td>125 g Mehl</td></tr></table>\
             <table class=comments><tr><td>Great recipe!</td></tr></table></body>",
        );
        let text = doc.collapsed_text(doc.body().unwrap());
        assert!(text.contains("125 g Mehl"), "{text}");
        assert!(!text.contains("Great recipe"), "{text}");
        assert_eq!(removed.len(), 1);
    }

    #[test]
    fn text_only_divs_become_paragraphs_and_loose_text_in_containers_is_wrapped() {
        let (doc, found, _) =
            prepared("<body><div id=a>Just text</div><div id=b>Loose <b>text</b><p>para</p></div></body>");
        let a = doc.descendants(doc.root()).find(|&n| doc.attr(n, "id") == Some("a")).unwrap();
        assert!(doc.is_tag(a, "p"));
        let wrapped: Vec<String> = doc
            .descendants(doc.root())
            .filter(|&n| doc.attr(n, crate::parse::tree::WRAPPER_MARK).is_some())
            .map(|n| doc.collapsed_text(n))
            .collect();
        assert_eq!(wrapped, ["Loose text"]);
        assert!(found.to_score.contains(&a));
    }

    #[test]
    fn a_div_around_one_paragraph_is_that_paragraph_and_a_linked_one_stays_wrapped() {
        let (doc, found, _) = prepared(
            "<body><article id=a><div id=w> <p id=p>A paragraph of the story, long enough.</p> </div><div id=t><p><a href=/x>A teaser headline</a></p></div><div id=b class=c-letters-cta><p>Write to us about rivers.</p></div></article></body>",
        );
        let by_id = |v: &str| doc.descendants(doc.root()).find(|&n| doc.attr(n, "id") == Some(v));
        let p = by_id("p").unwrap();
        assert_eq!(doc.parent(p), by_id("a"), "the paragraph stands in the article");
        assert!(by_id("w").is_none(), "its wrapper is gone");
        assert!(by_id("t").is_some(), "the teaser's wrapper stays");
        assert!(by_id("b").is_some(), "so does a wrapper whose class names it");
        assert!(found.to_score.contains(&p));
    }

    #[test]
    fn a_noscript_image_replaces_its_placeholder() {
        let (doc, _, _) = prepared("<body><p>x</p><img src=blank.gif> <noscript><img src=real.jpg></noscript></body>");
        let srcs: Vec<&str> = doc.descendants(doc.root()).filter_map(|n| doc.attr(n, "src")).collect();
        assert_eq!(srcs, ["real.jpg"]);
    }
}
