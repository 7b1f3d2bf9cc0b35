//! Named heuristics of the article finder and its pruning passes: which class and id
//! words mark content or furniture, which tags hold paragraphs, and the weights they carry.
//!
//! Matching is by substring of the lower-cased `class` + `id` string, because CMS class names are
//! compounds (`td-post-content`, `article__body-text`, `share-bar--top`).

use crate::model::Furniture;
use crate::parse::{Document, NodeId};
use crate::text::contains_bytes;

/// A list of class/id words matched as substrings.
///
/// Class strings are short (a few dozen bytes) and there are thousands per page, so the list is
/// indexed by first byte: one pass over the haystack, comparing only the words that start with
/// the byte at hand. Built at compile time. (aho-corasick does this and more, but its
/// automaton tables would take the wasm module over its size budget; per-word `memmem`
/// searchers cost a call per word per element.)
pub struct WordList {
    pub words: &'static [&'static str],
    /// For each byte, the range of `by_first` holding the words that start with it.
    ranges: [(u8, u8); 256],
    /// Indexes into `words`, grouped by first byte.
    by_first: [u8; MAX_WORDS],
}

/// The longest list has fewer words than this.
const MAX_WORDS: usize = 64;

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> Self {
        assert!(words.len() <= MAX_WORDS, "raise MAX_WORDS");
        let mut ranges = [(0u8, 0u8); 256];
        let mut by_first = [0u8; MAX_WORDS];
        let mut filled = 0;
        let mut byte = 0;
        while byte < 256 {
            let start = filled;
            let mut w = 0;
            while w < words.len() {
                let word = words[w].as_bytes();
                assert!(!word.is_empty(), "empty word in a word list");
                if word[0] as usize == byte {
                    by_first[filled] = w as u8;
                    filled += 1;
                }
                w += 1;
            }
            ranges[byte] = (start as u8, filled as u8);
            byte += 1;
        }
        WordList { words, ranges, by_first }
    }

    /// Whether any of the words occurs in `haystack`.
    pub fn found_in(&self, haystack: &str) -> bool {
        let hay = haystack.as_bytes();
        for i in 0..hay.len() {
            let (start, end) = self.ranges[hay[i] as usize];
            for &w in &self.by_first[start as usize..end as usize] {
                if hay[i..].starts_with(self.words[w as usize].as_bytes()) {
                    return true;
                }
            }
        }
        false
    }
}

/// Class/id words of page furniture: an element carrying one (and none of
/// [`MAYBE_CONTENT_WORDS`]) is dropped before scoring.
pub static UNLIKELY_WORDS: WordList = WordList::new(&[
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote", "cookie", "newsletter", "skip-link", "latest-news", "most-read", "trending",
]);

/// Class/id words that rescue an element matching [`UNLIKELY_WORDS`]: `article-header`,
/// `main-sidebar-content` and the like often wrap the story itself.
pub static MAYBE_CONTENT_WORDS: WordList =
    WordList::new(&["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]);

/// ARIA roles that are never the article.
pub const UNLIKELY_ROLES: &[&str] =
    &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Class/id words that raise an element's score by [`CLASS_WEIGHT`].
pub static POSITIVE_WORDS: WordList = WordList::new(&[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
    "story",
]);

/// Class/id words that lower an element's score by [`CLASS_WEIGHT`].
pub static NEGATIVE_WORDS: WordList = WordList::new(&[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
    "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
    "tags", "widget",
]);

/// Class/id words of share and follow bars, removed inside the article when short.
pub static SHARE_WORDS: WordList = WordList::new(&["share", "sharedaddy", "social", "sharing", "follow-us"]);

/// Class/id words of the lead-in a theme sets between the headline and the story
/// (`article-intro`, `c-page-intro__copy`, `standfirst`, `chapo`). Not "teaser", which as often
/// names the cards for other stories, nor "description", which names the site's tagline and the
/// pictures' captions as often as the lead-in.
pub static LEAD_IN_WORDS: WordList = WordList::new(&[
    "intro", "lede", "lead-text", "leadtext", "article-lead", "standfirst", "dek", "summary", "subtitle", "sub-title",
    "subheadline", "excerpt", "abstract", "chapo", "chapeau", "sapo", "deck",
]);

/// Class/id words and `rel`/`itemprop` values that mark a byline.
pub static BYLINE_WORDS: WordList = WordList::new(&["byline", "author", "dateline", "writtenby", "p-author"]);

/// Score added or removed per positive or negative class and id (each counted once).
pub const CLASS_WEIGHT: f64 = 25.0;

/// Tags whose text is scored as a paragraph.
pub const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Children that make a `<div>` a container rather than a paragraph in disguise.
pub const DIV_BLOCK_CHILDREN: &[&str] =
    &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "figure", "section", "article"];

/// Elements removed with their content before anything else looks at the page.
pub const NEVER_CONTENT_TAGS: &[&str] = &[
    "script", "style", "link", "meta", "template", "object", "svg", "canvas", "input", "textarea", "select", "button",
    "label", "option", "nav", "dialog", "source", "track", "map", "area", "frame", "frameset",
];

/// The address of player or frame `id`, as the page wrote it: its `src` (or lazy `data-src`), or
/// for `<video>` and `<audio>` the first `<source>`'s. Only web addresses and relative ones: a
/// card never links to `javascript:`, `data:` or `about:blank`.
pub fn embed_address(doc: &Document, id: NodeId) -> Option<&str> {
    let own = ["src", "data-src"].into_iter().filter_map(|a| doc.attr(id, a));
    let sources = doc.element_children(id).filter(|&c| doc.is_tag(c, "source")).filter_map(|c| doc.attr(c, "src"));
    own.chain(sources).map(str::trim).find(|a| {
        let scheme = a.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        let relative = scheme.as_ref().is_none_or(|s| s.contains(['/', '?', '#']));
        !a.is_empty() && (relative || matches!(scheme.as_deref(), Some("http" | "https")))
    })
}

/// Class tokens of screen-reader-only text ("Skip to content", "Opens in a new window"): hidden
/// from sighted readers by the page's CSS, so not part of what they read.
pub const SCREEN_READER_CLASSES: &[&str] = &[
    "screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "screenreader-only", "a11y-hidden",
    "assistive-text",
];

/// Whether a class or id names an advertisement slot. Token-based, because "ad" inside words
/// ("header", "download", "shadow") means nothing: `ad`, `ads`, `advert…`, `ad-slot`, `ad_unit`,
/// `td-a-rec`, `adspot` do.
pub fn is_ad_slot(class_id: &str) -> bool {
    class_id.split(|c: char| c.is_whitespace()).any(|token| {
        token == "ad"
            || token == "ads"
            || token.starts_with("ad-")
            || token.starts_with("ad_")
            || token.starts_with("ads-")
            || token.starts_with("advert")
            || token.starts_with("adslot")
            || token.starts_with("adsbygoogle")
            || contains_bytes(token, b"-ad-")
            || contains_bytes(token, b"adspot")
            || token.starts_with("td-a-rec")
            || token.starts_with("dfp-")
            || token.starts_with("gpt-ad")
    })
}

/// Class/id words that name a kind of furniture, in the order they are tried.
const FURNITURE_NAMES: &[(&str, Furniture)] = &[
    ("share", Furniture::ShareBar),
    ("social", Furniture::ShareBar),
    ("comment", Furniture::Comments),
    ("disqus", Furniture::Comments),
    ("related", Furniture::RelatedStories),
    ("latest", Furniture::LatestNews),
    ("trending", Furniture::TrendingStories),
    ("most-read", Furniture::MostRead),
    ("newsletter", Furniture::NewsletterBox),
    ("cookie", Furniture::CookieNotice),
    ("gdpr", Furniture::CookieNotice),
    ("menu", Furniture::Navigation),
    ("breadcrumb", Furniture::Navigation),
    ("skip", Furniture::Navigation),
    ("pagination", Furniture::Navigation),
    ("pager", Furniture::Navigation),
    ("footer", Furniture::Footer),
    ("header", Furniture::Header),
    ("sidebar", Furniture::Sidebar),
    ("banner", Furniture::Advertisement),
    ("sponsor", Furniture::Advertisement),
    ("-ad-", Furniture::Advertisement),
    ("popup", Furniture::PopUp),
];

/// Class/id words of furniture that sits inside the story's own container, where the words that
/// usually rescue an element (`content`, `entry`, `post`) are no help: `author-box--content`,
/// `entry-meta`, `c-letters-cta`. Matched as whole parts of a class token (between `-`, `_` or
/// digits, see [`in_article_furniture`]), because they also occur inside ordinary words
/// (`creditshelf`, `metadata-rich`, `octave`); `_` and `--` count as `-` (`entry__meta`). Only
/// short elements are taken ([`IN_ARTICLE_FURNITURE_MAX_CHARS`]): a `post-meta` that wraps the
/// story is its container.
const IN_ARTICLE_FURNITURE: &[(&str, Furniture)] = &[
    ("author-box", Furniture::AuthorBio),
    ("authorbox", Furniture::AuthorBio),
    ("author-bio", Furniture::AuthorBio),
    ("authorbio", Furniture::AuthorBio),
    ("author-info", Furniture::AuthorBio),
    ("author-description", Furniture::AuthorBio),
    ("about-author", Furniture::AuthorBio),
    ("about-the-author", Furniture::AuthorBio),
    ("author-card", Furniture::AuthorBio),
    ("author-profile", Furniture::AuthorBio),
    ("credit", Furniture::Credit),
    ("credits", Furniture::Credit),
    ("copyright", Furniture::Credit),
    ("disclaimer", Furniture::Disclaimer),
    ("rating", Furniture::Rating),
    ("ratings", Furniture::Rating),
    ("postmetadata", Furniture::PostDetails),
    ("post-meta", Furniture::PostDetails),
    ("postmeta", Furniture::PostDetails),
    ("entry-meta", Furniture::PostDetails),
    ("entry-footer", Furniture::PostDetails),
    ("entryfooter", Furniture::PostDetails),
    ("post-footer", Furniture::PostDetails),
    ("newsletter", Furniture::NewsletterBox),
    ("subscribe", Furniture::NewsletterBox),
    ("subscription", Furniture::NewsletterBox),
    ("cta", Furniture::CallToAction),
    ("affiliate", Furniture::Advertisement),
    ("linkbox", Furniture::RelatedStories),
    ("recommended", Furniture::RelatedStories),
    ("recommendations", Furniture::RelatedStories),
];

/// An element of the story's container named by [`IN_ARTICLE_FURNITURE`] holds at most this many
/// characters: author boxes, credits and prompts are a few sentences; more is a section of the
/// story that a theme happened to name so.
pub const IN_ARTICLE_FURNITURE_MAX_CHARS: u32 = 1500;

/// A stem of every word in [`IN_ARTICLE_FURNITURE`]: a class string holding none of them names no
/// such furniture, which one pass of [`WordList::found_in`] tells for the many elements that have
/// classes (scoring weighs every candidate by them).
static IN_ARTICLE_FURNITURE_STEMS: WordList = WordList::new(&[
    "author", "credit", "copyright", "disclaimer", "rating", "meta", "footer", "newsletter", "subscri", "cta",
    "affiliate", "linkbox", "recommend",
]);

/// What furniture an element inside the article is, by its class and id alone (lower-cased, as
/// [`class_and_id`] gives them), when a part of one of its tokens is in [`IN_ARTICLE_FURNITURE`].
pub fn in_article_furniture(class_id: &str) -> Option<Furniture> {
    if !IN_ARTICLE_FURNITURE_STEMS.found_in(class_id) {
        return None;
    }
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase());
    class_id.split_whitespace().find_map(|token| {
        // BEM and other conventions join the parts with `__`, `--` or `_`: `entry__meta`.
        let token: std::borrow::Cow<str> =
            if token.contains('_') || token.contains("--") { dashed(token).into() } else { token.into() };
        IN_ARTICLE_FURNITURE.iter().find_map(|&(word, furniture)| {
            token
                .match_indices(word)
                .any(|(at, _)| {
                    !letter(token[..at].chars().next_back()) && !letter(token[at + word.len()..].chars().next())
                })
                .then_some(furniture)
        })
    })
}

/// `token` with each run of `-` and `_` written as one `-`.
fn dashed(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        if matches!(c, '-' | '_') {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// What furniture an element is, by the first class/id word that names it, else by its tag.
pub(crate) fn furniture_named(class_id: &str, tag: &str) -> Furniture {
    if let Some(&(_, furniture)) = FURNITURE_NAMES.iter().find(|(word, _)| class_id.contains(word)) {
        return furniture;
    }
    match tag {
        "nav" => Furniture::Navigation,
        "footer" => Furniture::Footer,
        "aside" => Furniture::Aside,
        _ => Furniture::Other,
    }
}

/// Lower-cased `class id` of an element, the string the word lists are matched against.
pub fn class_and_id(doc: &Document, id: NodeId) -> std::borrow::Cow<'static, str> {
    let class = doc.attr(id, "class").unwrap_or("");
    let ident = doc.attr(id, "id").unwrap_or("");
    // Most elements have neither, and every element of the page is asked: no copy for those.
    if class.is_empty() && ident.is_empty() {
        return std::borrow::Cow::Borrowed(" ");
    }
    let mut s = String::with_capacity(class.len() + 1 + ident.len());
    s.push_str(class);
    s.push(' ');
    s.push_str(ident);
    s.make_ascii_lowercase();
    std::borrow::Cow::Owned(s)
}

/// Whether `s` (lower-cased class or id) contains the word `hid` as a whole token.
fn has_hid_token(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| t == "hid")
}

fn weight_of(s: &str) -> f64 {
    let mut w = 0.0;
    if s.is_empty() {
        return w;
    }
    // The furniture a theme puts inside the story (an author box, a newsletter box) is never the
    // story, though its class often carries "content" or "entry" too.
    if NEGATIVE_WORDS.found_in(s) || has_hid_token(s) || in_article_furniture(s).is_some() {
        w -= CLASS_WEIGHT;
    }
    if POSITIVE_WORDS.found_in(s) {
        w += CLASS_WEIGHT;
    }
    w
}

/// The class weight: ±[`CLASS_WEIGHT`] for the class and again for the id.
pub fn class_weight(doc: &Document, id: NodeId) -> f64 {
    let class = doc.attr(id, "class").map(str::to_ascii_lowercase).unwrap_or_default();
    let ident = doc.attr(id, "id").map(str::to_ascii_lowercase).unwrap_or_default();
    weight_of(&class) + weight_of(&ident)
}

/// Whether the element is hidden from readers by the page itself.
pub fn is_hidden(doc: &Document, id: NodeId) -> bool {
    let Some(el) = doc.element(id) else { return false };
    if el.attr("hidden").is_some() {
        return true;
    }
    if el.attr("class").is_some_and(|c| {
        c.split_whitespace().any(|t| SCREEN_READER_CLASSES.iter().any(|sr| sr.eq_ignore_ascii_case(t)))
    }) {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    // Some sites mark the real image aria-hidden while a fallback is shown; keep those.
    el.attr("aria-hidden") == Some("true") && !el.attr("class").is_some_and(|c| c.contains("fallback-image"))
}

#[cfg(test)]
mod tests {
    use super::*;

    static WORDS: WordList = WordList::new(&["share", "sharing", "social", "-ad-", "x"]);

    #[test]
    fn ad_slots_are_named_by_whole_tokens_or_their_ad_parts_not_by_ad_inside_words() {
        for slot in [
            "ad", "box ads", "ad-slot", "ad_unit", "ads-top", "advertisement", "adslot1", "adsbygoogle", "page-ad-top",
            "myadspot", "td-a-rec-id", "dfp-leader", "gpt-ad-1",
        ] {
            assert!(is_ad_slot(slot), "{slot:?} is an ad slot");
        }
        for not_slot in ["header", "download shadow", "bad-ad", "loaded", "read-more", "adjacent", " "] {
            assert!(!is_ad_slot(not_slot), "{not_slot:?} is not an ad slot");
        }
    }

    #[test]
    fn word_list_finds_words_anywhere_in_the_class_string() {
        assert!(WORDS.found_in("share"));
        assert!(WORDS.found_in("post__sharing-bar"));
        assert!(WORDS.found_in("top-ad-slot"));
        assert!(WORDS.found_in("box social"));
        assert!(WORDS.found_in("ax"));
    }

    #[test]
    fn word_list_needs_the_whole_word() {
        assert!(!WORDS.found_in(""));
        assert!(!WORDS.found_in("shar"));
        assert!(!WORDS.found_in("soci al"));
        assert!(!WORDS.found_in("-ad"));
        assert!(!WORDS.found_in("article-body"));
    }

    #[test]
    fn word_list_reads_non_ascii_class_strings() {
        assert!(WORDS.found_in("é-share-é"));
        assert!(!WORDS.found_in("مقاله"));
    }

    #[test]
    fn in_article_furniture_is_named_by_whole_parts_of_a_class_token() {
        assert_eq!(in_article_furniture("author-box--content"), Some(Furniture::AuthorBio));
        assert_eq!(in_article_furniture("entry__meta post"), Some(Furniture::PostDetails));
        assert_eq!(in_article_furniture("c-letters-cta"), Some(Furniture::CallToAction));
        assert_eq!(in_article_furniture("vc_cta3-container"), Some(Furniture::CallToAction));
        assert_eq!(in_article_furniture("img__credit"), Some(Furniture::Credit));
        assert_eq!(in_article_furniture("post-ratings"), Some(Furniture::Rating));
    }

    #[test]
    fn in_article_furniture_words_inside_other_words_name_nothing() {
        for class in ["creditshelf", "octave", "metadata", "entry-metadata-rich", "authoring", "ratingen-news", " "] {
            assert_eq!(in_article_furniture(class), None, "{class:?} names no furniture");
        }
    }

    #[test]
    fn every_in_article_furniture_word_holds_a_stem_of_the_prefilter() {
        for (word, _) in IN_ARTICLE_FURNITURE {
            assert!(IN_ARTICLE_FURNITURE_STEMS.found_in(word), "{word:?} holds none of the stems");
        }
    }
}
