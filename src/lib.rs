//! Lectern: the article of a web page, once, clean, with its quotations found.
//!
//! The pipeline is the architecture, one module per stage, each taking what the one before gives:
//!
//! 1. `parse` — bytes to text, text to a [`parse::Document`] (html5ever); in the extension, a
//!    snapshot of the browser's DOM to the same `Document` ([`parse::snapshot`]).
//! 2. `metadata` — title, byline, dates, language from JSON-LD, OpenGraph and meta tags.
//! 3. `locate` — score paragraphs, pick the nodes that hold the story and prune the furniture
//!    inside them (share bars, asides, datelines, link clusters), retrying with gentler rules when
//!    too little is left.
//! 4. `assemble` — turn those nodes into structured [`Block`]s.
//! 5. `clean` — drop furniture labels and collapse duplicate, near-duplicate, teaser and
//!    pull-quote blocks, recording each removal.
//! 6. `quotes` — find quotations and their speakers.
//! 7. `render` — plain text, Markdown, HTML and JSON of the [`Article`]; in the browser, the
//!    reading view.
//!
//! Imports point down this list: a stage uses the stages before it and the shared modules below
//! them (`model`, the article's types; `text`, text scanning; [`urls`]), never a later stage.
//! [`extract`] (and [`extract_bytes`], [`extract_snapshot`]) run the stages; the `lectern` binary
//! and the browser extension's wasm entry points (`extension`) are thin shells over them.

mod assemble;
mod clean;
mod error;
mod extension;
mod locate;
mod metadata;
mod model;
pub mod parse;
mod quotes;
mod render;
mod text;
pub mod urls;

pub use error::ExtractError;
pub use model::{
    inline_text, Article, Block, BlockKind, Embed, EmbedMedia, Furniture, Image, Inline, ListItem, Quote, QuoteKind,
    Reason, Removal, RemovalKind, Repeat, Shape, Stats, TableCell,
};
pub use render::{to_html, to_json, to_markdown, to_text, to_view_html, Rendered, ViewHtml};
pub use text::collapse_whitespace;

/// Share of control bytes (other than whitespace) above which input is binary, not HTML.
const MAX_CONTROL_PERCENT: u32 = 10;

/// How many leading bytes are checked for binary content.
const BINARY_SNIFF_BYTES: usize = 4096;

/// A paragraph counts towards "this page has an article" for the characters it has beyond this
/// many; shorter paragraphs are teasers, captions and link lists.
const READERABLE_PARAGRAPH_CHARS: usize = 140;

/// The page is an article when the square roots of those excess lengths add up to this much:
/// one 540-character paragraph, or several shorter ones ...
const MIN_READERABLE_SCORE: f64 = 20.0;

/// ... or when it has fewer teaser cards (a linked headline with a paragraph under it) than this:
/// a page of short teasers under several linked headlines is a section front or a list of search
/// results. A short post under its own linked title, followed by a few linked headlines of other
/// posts, has one card at most.
const MIN_LISTING_CARDS: usize = 4;

/// ... or fewer linked headlines than this in all: an archive of bare headlines is a listing,
/// while a page whose content is a handful of linked items (downloads, chapters) is the content.
const MIN_LISTING_HEADLINES: usize = 10;

/// Silent reading speed of adults in English prose, in words per minute.
const WORDS_PER_MINUTE: usize = 230;

/// A standfirst that one of the story's first this many blocks starts with is the story's own
/// opening, already shown.
const STANDFIRST_REPEAT_BLOCKS: usize = 3;

/// Excerpts taken from the first paragraph are cut at this many characters.
const EXCERPT_CHARS: usize = 200;

/// Extract the article from page bytes (any charset the page declares).
pub fn extract_bytes(bytes: &[u8], url: Option<&str>) -> Result<Article, ExtractError> {
    check_not_binary(bytes)?;
    extract(&parse::decode(bytes), url)
}

/// Extract the article from page HTML. `url` is the page's address, used to resolve relative
/// links and images.
pub fn extract(html: &str, url: Option<&str>) -> Result<Article, ExtractError> {
    let started = clock_ms();
    if html.trim().is_empty() {
        return Err(ExtractError::EmptyInput);
    }
    check_not_binary(html.as_bytes())?;
    check_url(url)?;

    let page = parse::parse_html(html);
    // A retry starts from a copy: copying the tree costs far less than tokenizing the HTML again.
    let pristine = page.clone();
    extract_document(page, &|| pristine.clone(), url, started)
}

/// Extract the article from a snapshot of a live DOM (see [`parse::snapshot`]), as the browser
/// extension sends it: the browser has parsed the page already.
pub fn extract_snapshot(snapshot: &str, url: Option<&str>) -> Result<Article, ExtractError> {
    let started = clock_ms();
    check_url(url)?;
    let doc = parse::snapshot::decode(snapshot).ok_or(ExtractError::EmptyInput)?;
    // A retry decodes the snapshot again, which costs less than copying every page for the few
    // that retry. What decoded once decodes again.
    let fresh = || parse::snapshot::decode(snapshot).expect("the snapshot decoded before");
    extract_document(doc, &fresh, url, started)
}

fn check_not_binary(bytes: &[u8]) -> Result<(), ExtractError> {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if head.is_empty() {
        return Ok(());
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    let percent = (control * 100 / head.len()) as u32;
    // Text never contains NUL; every binary format soon does (the test git uses too).
    if percent > MAX_CONTROL_PERCENT || head.contains(&0) {
        return Err(ExtractError::NotHtml { control_percent: percent });
    }
    Ok(())
}

fn check_url(url: Option<&str>) -> Result<(), ExtractError> {
    match url {
        Some(u) if !urls::is_absolute(u) => Err(ExtractError::InvalidUrl { url: u.to_string() }),
        _ => Ok(()),
    }
}

/// Stages 2 to 6 over a parsed document (stage 7, rendering, is the caller's to ask for).
fn extract_document(
    doc: parse::Document,
    fresh: &dyn Fn() -> parse::Document,
    url: Option<&str>,
    started: f64,
) -> Result<Article, ExtractError> {
    let meta = metadata::extract(&doc, url);
    let title_guess = meta.title.clone().unwrap_or_default();
    // Read before the finder edits the page.
    let title = if title_guess.is_empty() { first_heading(&doc).unwrap_or_default() } else { title_guess.clone() };

    let located = locate::locate(doc, fresh, &title_guess)
        .ok_or_else(|| ExtractError::NoArticle { reason: "the page has no text in its body".into() })?;
    let standfirst = locate::standfirst(&located.doc, &located.nodes, meta.excerpt.as_deref(), &title);
    let base = meta.base.as_deref().or(url);
    let blocks = assemble::assemble(&located.doc, &located.nodes, base);

    // The byline box of the page often runs a handle and the date on after the names; a box
    // holding no name at all gives way to the metadata's author.
    let byline = located.byline.iter().chain(&meta.byline).find_map(|b| metadata::clean_byline(b));
    let (blocks, mut labels) = clean::labels::remove_labels(blocks);
    let (blocks, recurring) = clean::recurring::remove_recurring(blocks, &located.removed, &mut labels);
    let mut cleaned: Vec<Removal> = labels.into_iter().chain(recurring).collect();
    let (blocks, empty_sections) = clean::sections::remove_empty_sections(blocks, &mut cleaned);
    cleaned.extend(empty_sections);
    let collapsed = clean::repeats::collapse(blocks, &title, byline.as_deref());
    check_readerable(&collapsed.blocks)?;

    let mut removed = located.removed;
    // Where labels, recurring links and empty headings stood, counted among the blocks that are left.
    clean::shift_positions(&mut cleaned, &collapsed.kept);
    removed.extend(cleaned);
    clean::repeats::relabel_copies(&mut removed, &collapsed);
    let blocks = collapsed.blocks;
    removed.extend(collapsed.removed);

    let dir = meta
        .dir
        .or_else(|| located.nodes.first().and_then(|&n| metadata::direction_of(&located.doc, n)))
        .unwrap_or_else(|| {
            let body_text: String = blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n");
            metadata::infer_direction(&body_text).to_string()
        });
    let excerpt = meta.excerpt.or_else(|| {
        blocks.iter().find(|b| b.kind == BlockKind::Paragraph).map(|b| truncate_chars(&b.text, EXCERPT_CHARS))
    });
    // A standfirst the story repeats as its first paragraph is shown once, in the story.
    let standfirst =
        standfirst.filter(|s| !blocks.iter().take(STANDFIRST_REPEAT_BLOCKS).any(|b| b.text.starts_with(s.as_str())));
    let quotes = quotes::find(&blocks);
    let stats = stats(&blocks, &removed, clock_ms() - started);
    Ok(Article {
        title,
        byline,
        site_name: meta.site_name,
        published: meta.published,
        lang: meta.lang,
        dir,
        url: meta.canonical.or_else(|| url.map(str::to_string)),
        excerpt,
        standfirst,
        lead_image: meta.lead_image,
        blocks,
        quotes,
        removed,
        stats,
    })
}

/// `Err` with the reason when the cleaned blocks are no article: nothing is left, or the page is
/// a list of linked headlines without a run of prose.
fn check_readerable(blocks: &[Block]) -> Result<(), ExtractError> {
    if blocks.is_empty() {
        return Err(ExtractError::NoArticle {
            reason: "the part of the page that holds the most text is empty once page furniture is removed".into(),
        });
    }
    let readerable: f64 = blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::Quote | BlockKind::Code | BlockKind::List | BlockKind::Table
            )
        })
        .map(|b| b.text.chars().count())
        .filter(|&n| n > READERABLE_PARAGRAPH_CHARS)
        .map(|n| ((n - READERABLE_PARAGRAPH_CHARS) as f64).sqrt())
        .sum();
    let is_linked_headline =
        |b: &Block| b.kind == BlockKind::Heading && b.content.iter().all(|i| matches!(i, Inline::Link { .. }));
    let linked_headlines = blocks.iter().filter(|b| is_linked_headline(b)).count();
    let cards =
        blocks.windows(2).filter(|pair| is_linked_headline(&pair[0]) && pair[1].kind == BlockKind::Paragraph).count();
    let listing = cards >= MIN_LISTING_CARDS || linked_headlines >= MIN_LISTING_HEADLINES;
    if readerable < MIN_READERABLE_SCORE && listing {
        let longest =
            blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.text.chars().count()).max().unwrap_or(0);
        return Err(ExtractError::NoArticle {
            reason: format!(
                "the page is a list of {linked_headlines} linked headlines with no run of prose (its longest paragraph has {longest} characters); it looks like a home page, a section front or search results"
            ),
        });
    }
    Ok(())
}

fn stats(blocks: &[Block], removed: &[Removal], elapsed_ms: f64) -> Stats {
    // Block by block: no word runs across the line between two blocks.
    let words: usize = blocks.iter().map(|b| text::count_words(&b.text)).sum();
    let count = |kinds: &[RemovalKind]| removed.iter().filter(|r| kinds.contains(&r.kind())).count();
    Stats {
        words,
        reading_minutes: words.div_ceil(WORDS_PER_MINUTE).max(1) as u32,
        duplicates_removed: count(&[
            RemovalKind::Duplicate,
            RemovalKind::Teaser,
            RemovalKind::PullQuote,
            RemovalKind::Title,
        ]),
        boilerplate_removed: count(&[RemovalKind::Boilerplate]),
        elapsed_ms,
    }
}

fn first_heading(doc: &parse::Document) -> Option<String> {
    let h1 = doc.find_first(doc.root(), "h1")?;
    Some(doc.collapsed_text(h1)).filter(|t| !t.is_empty())
}

fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn clock_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

#[cfg(target_arch = "wasm32")]
fn clock_ms() -> f64 {
    js_sys::Date::now()
}
