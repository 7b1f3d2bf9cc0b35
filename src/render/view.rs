//! The reading view's layout: an [`Article`] in, written to a [`Sink`] out — the header (site,
//! title, byline, date, reading time), the article with its quotations marked and each removed
//! repeat in place but hidden, the quote list and the list of removals. The browser builds it as
//! DOM (`render::dom`); tests write it as HTML. The JavaScript around it only wires the toolbar:
//! what to show and how is decided here.

use super::html::{block, quotes_by_block, Sink};
use crate::model::{Article, Removal, RemovalKind};

/// Removed text in the list of removals is cut at this many characters.
const REMOVED_SNIPPET_CHARS: usize = 160;

/// Write the whole view.
pub fn write<S: Sink>(sink: &mut S, article: &Article) {
    header(sink, article);
    body(sink, article);
    quotes_panel(sink, article);
    removed_panel(sink, article);
}

/// The name of a kind of removal as the view shows it.
fn kind_label(kind: RemovalKind) -> &'static str {
    match kind {
        RemovalKind::Duplicate => "Duplicate",
        RemovalKind::Teaser => "Teaser",
        RemovalKind::PullQuote => "Pull-quote",
        RemovalKind::Boilerplate => "Boilerplate",
        RemovalKind::Title => "Title",
    }
}

/// Attributes giving the article's direction and language.
fn direction<'a>(class: &'static str, a: &'a Article) -> Vec<(&'static str, &'a str)> {
    let mut attrs = vec![("class", class), ("dir", a.dir.as_str())];
    if let Some(l) = &a.lang {
        attrs.push(("lang", l));
    }
    attrs
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
    let minutes = format!("{} min read", a.stats.reading_minutes);
    // Dates are shown as their day (ISO dates start with it).
    let day = a.published.as_deref().map(|d| d.get(..10).unwrap_or(d));
    let meta: Vec<&str> = [a.byline.as_deref(), day, Some(minutes.as_str())].into_iter().flatten().collect();
    sink.open("p", &[("class", "lectern-meta")]);
    sink.text(&meta.join(" · "));
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
            sink.text(&format!("{} — {}", kind_label(r.kind()), r.reason));
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

fn quotes_panel<S: Sink>(sink: &mut S, a: &Article) {
    // Scare quotes ("so-called") and titles (“Meet the Press”) are nobody's words.
    let speech: Vec<_> = a.quotes.iter().filter(|q| q.kind.is_speech()).collect();
    sink.open("aside", &[("class", "lectern-panel"), ("id", "lectern-quotes"), ("hidden", "")]);
    sink.open("h2", &[]);
    sink.text(&format!("Quotes ({})", speech.len()));
    sink.close("h2");
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
    sink.close("aside");
}

fn removed_panel<S: Sink>(sink: &mut S, a: &Article) {
    sink.open("aside", &[("class", "lectern-panel"), ("id", "lectern-removed"), ("hidden", "")]);
    sink.open("h2", &[]);
    sink.text(&format!("Removed ({})", a.removed.len()));
    sink.close("h2");
    sink.open("ol", &[]);
    for (k, r) in a.removed.iter().enumerate() {
        let id = k.to_string();
        sink.open("li", &[("data-kind", kind_label(r.kind()))]);
        sink.open("span", &[("class", "lectern-reason")]);
        sink.text(&format!("{}: {}", kind_label(r.kind()), r.reason));
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
    sink.close("aside");
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
        let quotes = view.find("<aside class=\"lectern-panel\" id=\"lectern-quotes\" hidden=\"\">").expect("quotes");
        let removed = view.find("<aside class=\"lectern-panel\" id=\"lectern-removed\" hidden=\"\">").expect("removed");
        assert!(header < article && article < quotes && quotes < removed);
        assert!(view
            .contains("<h1 class=\"lectern-title\">Khan Says Taliban Cannot Win Over the Whole of Afghanistan</h1>"));
        assert!(view.contains(" min read</p>"));
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
        assert!(view.contains("Teaser — teaser of block 7"));
    }

    #[test]
    fn the_quote_list_names_speakers_and_leaves_scare_quotes_and_titles_out() {
        let html = "<html><body><article><p>The minister said the so-called “reform” was dead on NBC’s “Meet the Press” show. “We will not give up,” said Ana Souza, the party leader. Then a long sentence follows here with more words, and more, to make a paragraph of prose that is long enough to count.</p><p>Another paragraph of prose that is long enough to count as part of the article, with a comma, and more words than that.</p></article></body></html>";
        let view = view_of(html);
        assert!(view.contains("<h2>Quotes (1)</h2>"), "{view}");
        assert!(view.contains("“We will not give up,”</a><span class=\"lectern-speaker\">Ana Souza</span>"), "{view}");
        // A title is not highlighted either: no mark holds it.
        assert!(view.contains("NBC’s “Meet the Press” show"), "{view}");
        assert!(!view.contains("data-kind=\"title\""), "{view}");
    }
}
