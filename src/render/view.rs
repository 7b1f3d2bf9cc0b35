//! The reading view's layout: an [`Article`] in, written to a [`Sink`] out — the header (site,
//! title, byline, date, reading time), the article with its quotations marked and each removed
//! repeat in place but hidden, the quote list and the list of removals (each a dialog the toolbar
//! opens), every removal said in a reader's words, written to a [`Sink`] (HTML text, see
//! [`super::to_view_html`]). The JavaScript around it only wires the toolbar: what to show and
//! how is decided here.

use super::html::{block, quotes_by_block, Sink};
use crate::model::{Article, BlockKind, Furniture, Reason, Removal, RemovalKind, Repeat, Shape};

/// Removed text in the list of removals is cut at this many characters.
const REMOVED_SNIPPET_CHARS: usize = 160;

/// A repeat names the block it repeats by that block's opening words, this many at most ...
const OPENING_WORDS: usize = 8;
/// ... or this many characters, for scripts written without spaces.
const OPENING_CHARS: usize = 60;
/// Quotation marks a block may open with, in the languages Lectern reads.
const OPENING_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '‘', '\'', '‚', '「', '『', '‹'];

/// Write the whole view (as the tests read it; the view shows it in two steps).
#[cfg(test)]
pub fn write<S: Sink>(sink: &mut S, article: &Article) {
    write_reading(sink, article);
    write_panels(sink, article);
}

/// Write what the view shows first: the header and the article.
pub fn write_reading<S: Sink>(sink: &mut S, article: &Article) {
    header(sink, article);
    body(sink, article);
}

/// Write the quote list and the list of removals, hidden until the toolbar opens them: the
/// view puts them in once the article is on screen, after what [`write_reading`] wrote.
pub fn write_panels<S: Sink>(sink: &mut S, article: &Article) {
    quotes_panel(sink, article);
    removed_panel(sink, article);
}

/// What a piece of furniture was, as a reader would call it.
fn furniture_words(f: Furniture) -> &'static str {
    match f {
        Furniture::Hidden => "Hidden on the page",
        Furniture::Navigation => "Navigation menu",
        Furniture::Byline => "Byline",
        Furniture::Advertisement => "Advertisement",
        Furniture::ShareBar => "Share buttons",
        Furniture::Comments => "Comments",
        Furniture::RelatedStories => "Related stories",
        Furniture::LatestNews => "Latest news list",
        Furniture::TrendingStories => "Trending stories",
        Furniture::MostRead => "Most-read list",
        Furniture::NewsletterBox => "Newsletter sign-up",
        Furniture::CookieNotice => "Cookie notice",
        Furniture::Footer => "Page footer",
        Furniture::Header => "Page header",
        Furniture::Sidebar => "Sidebar",
        Furniture::PopUp => "Pop-up",
        Furniture::Aside => "Box beside the story",
        Furniture::Dateline => "Date line",
        Furniture::AuthorBio => "About the author",
        Furniture::Credit => "Picture credit",
        Furniture::Signature => "Agency and editor initials",
        Furniture::Disclaimer => "Site disclaimer",
        Furniture::Rating => "Rate this article",
        Furniture::PostDetails => "Post details (date, category, tags)",
        Furniture::CallToAction => "Subscribe or follow prompt",
        Furniture::Embed => "Video or embed with no address to link to",
        Furniture::Label => "Page label",
        Furniture::Other => "Page furniture",
    }
}

/// What a block shaped like furniture looked like, when nothing on the page named it.
fn shape_words(shape: Shape) -> &'static str {
    match shape {
        Shape::NegativeClassWords => "Marked by the page as not part of the story",
        Shape::MoreImagesThanText => "Strip of pictures",
        Shape::ListOfLinks => "List of links",
        Shape::Form => "Form",
        Shape::LinkStub => "Lone link",
        Shape::MostlyLinks => "Block of links",
        Shape::TeaserGrid => "Teasers for other stories",
        Shape::Recurring => "Link repeated across the page",
        Shape::EmptySection => "Heading with nothing under it",
    }
}

/// What kind of block a repeat copies, as a noun.
fn block_noun(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::List => "list",
        BlockKind::Quote => "quotation",
        BlockKind::Figure => "picture",
        BlockKind::Table => "table",
        BlockKind::Code => "code",
        BlockKind::Embed => "video or embed",
    }
}

/// The opening words of `text`, with an ellipsis when there is more. Opening quotation marks are
/// left out: the words are shown inside quotation marks of their own.
fn opening(text: &str) -> String {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || OPENING_MARKS.contains(&c));
    let words: Vec<&str> = text.split_whitespace().take(OPENING_WORDS + 1).collect();
    let mut start = words[..words.len().min(OPENING_WORDS)].join(" ");
    let mut cut = words.len() > OPENING_WORDS;
    if start.chars().count() > OPENING_CHARS {
        start = start.chars().take(OPENING_CHARS).collect();
        cut = true;
    }
    if cut {
        start.push('…');
    }
    start
}

/// Why something was removed, as the view says it: what it was, or which kept block it repeats
/// ("Repeats the paragraph that starts “Taliban has intensified…”"). The JSON keeps the terser
/// [`Reason`] words.
fn reader_words(r: &Removal, a: &Article) -> String {
    match r.reason {
        Reason::Furniture(f) | Reason::Shape { named: Some(f), .. } => furniture_words(f).to_string(),
        Reason::Shape { shape, named: None } => shape_words(shape).to_string(),
        Reason::Title => "The title again (shown once, above)".to_string(),
        Reason::Byline => "The byline again (shown once, above)".to_string(),
        Reason::Repeat { how, of } => {
            let what = match how {
                Repeat::Duplicate => "Repeats",
                Repeat::NearDuplicate => "Repeats, slightly changed,",
                Repeat::Teaser => "Shortened copy of",
                Repeat::PullQuote => "Pull-quote: words from",
            };
            match of.and_then(|i| a.blocks.get(i)) {
                Some(kept) => format!("{what} the {} that starts “{}”", block_noun(kept.kind), opening(&kept.text)),
                None => format!("{what} a passage that was itself removed"),
            }
        }
    }
}

/// Attributes giving the article's direction and language.
fn direction<'a>(class: &'static str, a: &'a Article) -> Vec<(&'static str, &'a str)> {
    // An empty lang says "unknown": without it the article would take the view's English.
    vec![("class", class), ("dir", a.dir.as_str()), ("lang", a.lang.as_deref().unwrap_or(""))]
}

fn header<S: Sink>(sink: &mut S, a: &Article) {
    sink.open("header", &direction("lectern-header", a));
    if let Some(site) = &a.site_name {
        sink.open("p", &[("class", "lectern-site")]);
        sink.text(site);
        sink.close("p");
    }
    sink.open("h1", &[("class", "lectern-title")]);
    sink.text(&a.title);
    sink.close("h1");
    if let Some(standfirst) = &a.standfirst {
        sink.open("p", &[("class", "lectern-standfirst")]);
        sink.text(standfirst);
        sink.close("p");
    }
    // Each item isolated (<bdi>), so a left-to-right date or an English reading time keeps its
    // order inside a right-to-left line; the reading time is in the view's language.
    let minutes = format!("{} min read", a.stats.reading_minutes);
    // Dates are shown as their day (ISO dates start with it).
    let day = a.published.as_deref().map(|d| d.get(..10).unwrap_or(d));
    sink.open("p", &[("class", "lectern-meta")]);
    let mut items = 0;
    let mut separate = |sink: &mut S| {
        if items > 0 {
            sink.text(" · ");
        }
        items += 1;
    };
    if let Some(byline) = a.byline.as_deref() {
        separate(sink);
        sink.open("bdi", &[]);
        sink.text(byline);
        sink.close("bdi");
    }
    if let Some(day) = day {
        separate(sink);
        sink.open("bdi", &[]);
        sink.open("time", &[("datetime", day)]);
        sink.text(day);
        sink.close("time");
        sink.close("bdi");
    }
    separate(sink);
    sink.open("bdi", &[("lang", "en"), ("dir", "ltr")]);
    sink.text(&minutes);
    sink.close("bdi");
    sink.close("p");
    sink.close("header");
}

/// Removals that can be shown back in place: repeats, not furniture.
fn shown_in_place(r: &Removal) -> bool {
    r.kind() != RemovalKind::Boilerplate && r.position.is_some()
}

fn body<S: Sink>(sink: &mut S, a: &Article) {
    sink.open("article", &direction("lectern-article", a));
    let quotes = quotes_by_block(a);
    let mut removed_at: Vec<Vec<usize>> = vec![Vec::new(); a.blocks.len() + 1];
    for (k, r) in a.removed.iter().enumerate().filter(|(_, r)| shown_in_place(r)) {
        let pos = r.position.expect("shown in place").min(a.blocks.len());
        removed_at[pos].push(k);
    }
    for (i, removals) in removed_at.iter().enumerate() {
        for &k in removals {
            let r = &a.removed[k];
            let id = k.to_string();
            sink.open("div", &[("class", "lectern-removed"), ("data-removal", &id), ("hidden", "")]);
            sink.open("p", &[("class", "lectern-removed-reason")]);
            sink.text(&reader_words(r, a));
            sink.close("p");
            sink.open("p", &[]);
            sink.text(&r.text);
            sink.close("p");
            sink.close("div");
        }
        if let Some(b) = a.blocks.get(i) {
            block(sink, b, &quotes[i]);
        }
    }
    sink.close("article");
}

/// The kind of a removal as a data attribute (for styling and tests), as the JSON names it.
fn kind_name(kind: RemovalKind) -> &'static str {
    match kind {
        RemovalKind::Duplicate => "duplicate",
        RemovalKind::Teaser => "teaser",
        RemovalKind::PullQuote => "pull_quote",
        RemovalKind::Boilerplate => "boilerplate",
        RemovalKind::Title => "title",
    }
}

/// A panel opens as a non-modal dialog beside the article (the article keeps its place behind
/// it): `id` for the toolbar button's aria-controls, its heading as its name, a close button.
fn panel_head<S: Sink>(sink: &mut S, id: &'static str, heading: &str) {
    let title_id = format!("{id}-title");
    let title_id = title_id.as_str();
    // A <div>: an <aside> may not be a dialog.
    sink.open(
        "div",
        &[
            ("class", "lectern-panel"),
            ("id", id),
            ("role", "dialog"),
            ("aria-labelledby", title_id),
            ("tabindex", "-1"),
            ("hidden", ""),
        ],
    );
    sink.open("div", &[("class", "lectern-panel-head")]);
    sink.open("h2", &[("id", title_id)]);
    sink.text(heading);
    sink.close("h2");
    sink.open(
        "button",
        &[("type", "button"), ("class", "lectern-close"), ("data-close-panel", id), ("title", "Close")],
    );
    sink.text("Close");
    sink.close("button");
    sink.close("div");
}

fn quotes_panel<S: Sink>(sink: &mut S, a: &Article) {
    // Scare quotes ("so-called") and titles (“Meet the Press”) are nobody's words.
    let speech: Vec<_> = a.speech().collect();
    panel_head(sink, "lectern-quotes", &format!("Quotes ({})", speech.len()));
    sink.open("ol", &[]);
    for q in speech {
        let id = q.id.to_string();
        sink.open("li", &[]);
        sink.open("a", &[("href", "#"), ("data-quote", &id)]);
        sink.text(&format!("“{}”", q.text));
        sink.close("a");
        sink.open("span", &[("class", "lectern-speaker")]);
        let who = match (&q.speaker, &q.speaker_role) {
            (Some(s), Some(r)) => format!("{s}, {r}"),
            (Some(s), None) => s.clone(),
            _ => "speaker not named".to_string(),
        };
        sink.text(&who);
        sink.close("span");
        sink.close("li");
    }
    sink.close("ol");
    sink.close("div");
}

fn removed_panel<S: Sink>(sink: &mut S, a: &Article) {
    panel_head(sink, "lectern-removed", &format!("Removed ({})", a.removed.len()));
    sink.open("ol", &[]);
    for (k, r) in a.removed.iter().enumerate() {
        let id = k.to_string();
        sink.open("li", &[("data-kind", kind_name(r.kind()))]);
        sink.open("span", &[("class", "lectern-reason")]);
        sink.text(&reader_words(r, a));
        sink.close("span");
        sink.open("span", &[("class", "lectern-removed-text")]);
        let snippet: String = r.text.chars().take(REMOVED_SNIPPET_CHARS).collect();
        let cut = r.text.chars().nth(REMOVED_SNIPPET_CHARS).is_some();
        sink.text(&if cut { format!("{snippet}…") } else { snippet });
        sink.close("span");
        if shown_in_place(r) {
            sink.open("button", &[("type", "button"), ("data-show-removal", &id)]);
            sink.text("Show in place");
            sink.close("button");
        }
        sink.close("li");
    }
    sink.close("ol");
    sink.close("div");
}

#[cfg(test)]
mod tests {
    use super::super::html::StringSink;
    use super::*;

    fn view_of(html: &str) -> String {
        let article = crate::extract(html, Some("https://news.example/story.html")).unwrap();
        let mut sink = StringSink::default();
        write(&mut sink, &article);
        sink.out
    }

    fn seed() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/news/tolonews_seed.html")).unwrap()
    }

    #[test]
    fn the_view_has_the_header_the_article_and_both_panels_hidden() {
        let view = view_of(&seed());
        let header = view.find("<header class=\"lectern-header\" dir=\"ltr\" lang=\"en\">").expect("header");
        let article = view.find("<article class=\"lectern-article\"").expect("article");
        let dialog = |id: &str| {
            format!("<div class=\"lectern-panel\" id=\"{id}\" role=\"dialog\" aria-labelledby=\"{id}-title\" tabindex=\"-1\" hidden=\"\">")
        };
        let quotes = view.find(&dialog("lectern-quotes")).expect("quotes");
        let removed = view.find(&dialog("lectern-removed")).expect("removed");
        assert!(header < article && article < quotes && quotes < removed);
        assert!(view
            .contains("<h1 class=\"lectern-title\">Khan Says Taliban Cannot Win Over the Whole of Afghanistan</h1>"));
        assert!(view.contains("<bdi lang=\"en\" dir=\"ltr\">"), "{view}");
        assert!(view.contains(" min read</bdi></p>"));
    }

    #[test]
    fn each_repeat_stands_hidden_in_place_with_a_button_to_show_it_and_furniture_does_not() {
        let view = view_of(&seed());
        let article = crate::extract(&seed(), Some("https://news.example/story.html")).unwrap();
        let repeats = article.removed.iter().filter(|r| shown_in_place(r)).count();
        assert!(repeats >= 11, "ten duplicates and the teaser");
        assert_eq!(view.matches("<div class=\"lectern-removed\"").count(), repeats);
        assert_eq!(view.matches("data-show-removal=").count(), repeats);
        assert_eq!(view.matches("<li data-kind=").count(), article.removed.len());
        assert!(view.contains("<p class=\"lectern-removed-reason\">Shortened copy of the paragraph that starts “In the past, Pakistan made a mistake by…”</p>"), "{view}");
    }

    #[test]
    fn the_quote_list_names_speakers_and_leaves_scare_quotes_and_titles_out() {
        let html = "<html><body><article><p>The minister said the so-called “reform” was dead on NBC’s “Meet the Press” show. “We will not give up,” said Ana Souza, the party leader. Then a long sentence follows here with more words, and more, to make a paragraph of prose that is long enough to count.</p><p>Another paragraph of prose that is long enough to count as part of the article, with a comma, and more words than that.</p></article></body></html>";
        let view = view_of(html);
        assert!(view.contains("<h2 id=\"lectern-quotes-title\">Quotes (1)</h2>"), "{view}");
        assert!(view.contains("“We will not give up,”</a><span class=\"lectern-speaker\">Ana Souza</span>"), "{view}");
        // A title is not highlighted either: no mark holds it.
        assert!(view.contains("NBC’s “Meet the Press” show"), "{view}");
        assert!(!view.contains("data-kind=\"title\""), "{view}");
    }

    #[test]
    fn removals_are_said_in_a_readers_words_naming_the_block_a_repeat_copies() {
        let view = view_of(&seed());
        assert!(view.contains("<span class=\"lectern-reason\">Share buttons</span>"), "{view}");
        assert!(view.contains("<span class=\"lectern-reason\">Repeats the paragraph that starts “"), "{view}");
        for log_words in
            [">boilerplate", "boilerplate:", "duplicate of block", "teaser of block", "negative class words"]
        {
            assert!(!view.to_lowercase().contains(log_words), "no \"{log_words}\" in the view");
        }
    }

    #[test]
    fn a_repeat_names_its_block_by_at_most_eight_opening_words() {
        assert_eq!(opening("one two three"), "one two three");
        assert_eq!(opening("“Our countries have"), "Our countries have");
        assert_eq!(opening("a b c d e f g h i j"), "a b c d e f g h…");
        assert_eq!(opening(&"字".repeat(80)).chars().count(), OPENING_CHARS + 1);
    }

    #[test]
    fn the_meta_line_isolates_each_item_and_an_unknown_language_stays_unknown() {
        let html = "<html><body><article><p class=\"byline\">By Sara Ahmadi</p><p>Prose long enough to be the article, with a comma, and more words than that to count, and more, and more again here.</p><p>Another paragraph of prose that is long enough to count as part of the article, with a comma, and more.</p></article></body></html>";
        let view = view_of(html);
        assert!(view.contains("<header class=\"lectern-header\" dir=\"ltr\" lang=\"\">"), "{view}");
        assert!(view.contains("<p class=\"lectern-meta\"><bdi>"), "{view}");
    }

    #[test]
    fn the_standfirst_stands_under_the_title_in_the_header() {
        let dek = "The road by the river closes for the winter after two floods cut off the villages.";
        let story = "<p>The council voted on Tuesday, after a long and heated debate, to close the road by the river.</p>\
            <p>Residents of both villages, who had asked for the closure since spring, said the decision came late.</p>\
            <p>The mayor, speaking after the vote, promised a temporary bridge for farmers, buses and the post.</p>\
            <p>Engineers, who inspected the embankment in August, found it weakened in three places along the bend.</p>";
        let html = format!(
            "<html><head><meta name=description content=\"{dek}\"></head><body><div class=top><h1>Road closes</h1>\
             <p class=dek>{dek}</p></div><main><div class=story>{story}</div></main></body></html>"
        );
        let view = view_of(&html);
        let title = view.find("lectern-title").expect("a title");
        let standfirst = view.find(&format!("<p class=\"lectern-standfirst\">{dek}</p>")).expect("a standfirst");
        let meta = view.find("lectern-meta").expect("a meta line");
        assert!(title < standfirst && standfirst < meta, "{view}");
    }
}
