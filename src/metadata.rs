//! Stage 2 — page metadata: the parsed [`Document`] in, [`Metadata`] out — title, byline, site name,
//! publish date, language, direction, canonical URL, excerpt and lead image, from JSON-LD,
//! OpenGraph, Twitter cards, `<meta>` tags, `<time>` and `<title>`, in that order of trust.

use serde_json::Value;

use crate::text::collapse_whitespace;
use crate::text::normalize::title_similarity;

use crate::parse::{Document, NodeId};
use crate::urls;

#[derive(Clone, Debug, Default)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub canonical: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image: Option<String>,
    /// The `<base href>` if the page has one, resolved.
    pub base: Option<String>,
}

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "Report",
    "SocialMediaPosting", "WebPage",
];

/// Separators sites put between the headline and their name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " / ", " » ", " · "];

/// A `<title>` segment shorter than this many words is more likely the site name than the headline.
const MIN_TITLE_WORDS: usize = 4;

pub fn extract(doc: &Document, page_url: Option<&str>) -> Metadata {
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut json_ld: Vec<Value> = Vec::new();
    let mut html_title = None;
    let mut canonical = None;
    let mut base = None;
    let mut first_time = None;
    for id in doc.descendants(doc.root()) {
        let Some(tag) = doc.tag(id) else { continue };
        match &**tag {
            "meta" => {
                let key = doc
                    .attr(id, "property")
                    .or_else(|| doc.attr(id, "name"))
                    .or_else(|| doc.attr(id, "itemprop"))
                    .or_else(|| doc.attr(id, "http-equiv"));
                if let (Some(k), Some(v)) = (key, doc.attr(id, "content")) {
                    let v = collapse_whitespace(v);
                    if !v.is_empty() {
                        for k in k.split_whitespace() {
                            metas.push((k.to_ascii_lowercase(), v.clone()));
                        }
                    }
                }
            }
            "script" if doc.attr(id, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                let raw = doc.text_content(id);
                let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
                if let Ok(v) = serde_json::from_str::<Value>(raw) {
                    json_ld.push(v);
                }
            }
            "title" if html_title.is_none() => html_title = Some(collapse_whitespace(&doc.text_content(id))),
            "link"
                if doc
                    .attr(id, "rel")
                    .is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("canonical"))) =>
            {
                canonical = canonical.or(doc.attr(id, "href").map(str::to_string));
            }
            "base" => base = base.or(doc.attr(id, "href").map(str::to_string)),
            "time" if first_time.is_none() => first_time = doc.attr(id, "datetime").map(str::to_string),
            _ => {}
        }
    }
    let meta = |keys: &[&str]| keys.iter().find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()));
    let ld = article_object(&json_ld);

    // A <base> that is not http(s) (`javascript:`, `data:`) would poison every relative URL.
    let page_base = match (&base, page_url) {
        (Some(b), p) => urls::resolve(p, b)
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            .or(p.map(str::to_string)),
        (None, p) => p.map(str::to_string),
    };
    let resolve = |u: String| urls::resolve(page_base.as_deref(), &u);

    let ld_str = |key: &str| ld.and_then(|o| o.get(key)).and_then(value_text);
    let title = ld_str("headline")
        .or_else(|| meta(&["og:title", "twitter:title", "dc:title", "dcterm:title", "title", "sailthru.title"]))
        .or_else(|| html_title.as_deref().map(headline_from_title_tag))
        .filter(|t| !t.is_empty());
    // A JSON-LD headline far from the <title> is often a site-wide template value.
    let title = match (&title, &html_title) {
        (Some(t), Some(h)) if title_similarity(h, t) < 0.5 && ld_str("headline").as_deref() == Some(t.as_str()) => {
            meta(&["og:title", "twitter:title"]).or_else(|| Some(headline_from_title_tag(h)))
        }
        _ => title,
    };

    let byline = ld.and_then(|o| o.get("author")).and_then(author_names).or_else(|| {
        meta(&["author", "dc:creator", "article:author", "parsely-author", "sailthru.author"])
            .filter(|a| !a.starts_with("http"))
    });
    let site_name = meta(&["og:site_name", "application-name"])
        .or_else(|| ld.and_then(|o| o.get("publisher")).and_then(|p| p.get("name")).and_then(value_text));
    let published = ld_str("datePublished")
        .or_else(|| {
            meta(&[
                "article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dcterms.date",
                "parsely-pub-date", "pubdate", "publish-date", "sailthru.date",
            ])
        })
        .or(first_time);
    let excerpt =
        meta(&["description", "og:description", "twitter:description", "dc:description", "dcterm:description"])
            .or_else(|| ld_str("description"));
    let lead_image = ld
        .and_then(|o| o.get("image"))
        .and_then(image_url)
        .or_else(|| meta(&["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]))
        .and_then(&resolve)
        .filter(|u| urls::is_safe_image(u));

    let html = doc.find_first(doc.root(), "html");
    let lang = html
        .and_then(|h| doc.attr(h, "lang").or_else(|| doc.attr(h, "xml:lang")))
        .map(str::to_string)
        .or_else(|| meta(&["content-language", "og:locale", "dc.language", "language"]))
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| is_language_tag(l));
    let dir = html
        .and_then(|h| doc.attr(h, "dir"))
        .or_else(|| doc.body().and_then(|b| doc.attr(b, "dir")))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr");
    let canonical = canonical.or_else(|| meta(&["og:url"])).and_then(&resolve).filter(|u| u.starts_with("http"));

    Metadata { title, byline, site_name, published, lang, dir, canonical, excerpt, lead_image, base: page_base }
}

/// The first JSON-LD object whose `@type` is an article type, looking through arrays and `@graph`.
fn article_object(values: &[Value]) -> Option<&serde_json::Map<String, Value>> {
    let mut stack: Vec<&Value> = values.iter().rev().collect();
    let mut fallback = None;
    let mut budget = 10_000;
    while let Some(v) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(o) => {
                let is_type = |t: &Value| t.as_str().is_some_and(|s| ARTICLE_TYPES.contains(&s));
                let matches = match o.get("@type") {
                    Some(Value::Array(ts)) => ts.iter().any(is_type),
                    Some(t) => is_type(t),
                    None => false,
                };
                if matches {
                    if o.get("@type").and_then(Value::as_str) == Some("WebPage") {
                        fallback = fallback.or(Some(o));
                    } else {
                        return Some(o);
                    }
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    fallback.filter(|o| o.contains_key("headline"))
}

fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse_whitespace(&decode_entities(s))).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(value_text),
        _ => None,
    }
}

/// JSON-LD strings sometimes carry HTML entities; parse them as HTML text to decode them.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let doc = crate::parse::parse_html(&format!("<p>{}", s.replace('<', "&lt;")));
    doc.text_content(doc.root())
}

fn author_names(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::Array(a) => a.iter().filter_map(author_names).collect(),
        Value::Object(o) => o.get("name").and_then(value_text).into_iter().collect(),
        Value::String(s) => Some(collapse_whitespace(s)).into_iter().collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty() && !n.starts_with("http")).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn image_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(image_url),
        Value::Object(o) => o.get("url").or_else(|| o.get("contentUrl")).and_then(image_url),
        _ => None,
    }
}

/// A language tag's shape (BCP 47: letters, digits and hyphens, subtags of at most eight): a
/// page's `lang` that is anything else names no language, and is not passed on.
fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.split('-').all(|sub| (1..=8).contains(&sub.len()) && sub.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Words after which a byline holds a date, not a name: "Updated Jul 24, 2018", "Published …".
const BYLINE_DATE_WORDS: &[&str] = &["updated", "published", "posted", "modified", "last", "atualizado", "publié"];

/// Month and weekday names (English, the language of most bylines that run a date on): a byline
/// that ends with one before its date loses it with the date.
const DATE_NAMES: &[&str] = &[
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
    "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// The names in a byline as the page wrote it, without what runs on after them: social handles
/// (`@ahiza_garcia`, also glued on: `Wilkinson@alissamarie`), e-mail addresses, and the date and
/// time ("February 1, 2016: 12:41 PM ET", "Updated Jul 24, 2018"). `None` when no name is left
/// (a byline box holding only "21.dez.2018 às 10h55").
pub fn clean_byline(raw: &str) -> Option<String> {
    // A token as a word: no punctuation around it, lower-case.
    let bare = |token: &str| token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let mut kept: Vec<&str> = Vec::new();
    for token in raw.split_whitespace() {
        if BYLINE_DATE_WORDS.contains(&bare(token).as_str()) {
            break;
        }
        if let Some(digit) = token.find(|c: char| c.is_ascii_digit()) {
            // The date begins here; a name it is glued to ("Nolan22 Dec") stays.
            kept.push(&token[..digit]);
            break;
        }
        // A handle or an address: the name before a glued-on `@` stays.
        let before_at = token.split('@').next().unwrap_or_default();
        if token.contains('@') && (before_at.is_empty() || token.contains('.')) {
            continue;
        }
        kept.push(before_at);
    }
    while kept.last().is_some_and(|t| {
        let word = bare(t);
        word.is_empty() || DATE_NAMES.contains(&word.as_str()) || matches!(word.as_str(), "on" | "at" | "em" | "le")
    }) {
        kept.pop();
    }
    let name = kept.join(" ");
    let name = name.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '-' | '–' | '—' | ':'));
    name.chars().any(char::is_alphabetic).then(|| name.to_string())
}

/// The headline part of a `<title>` such as "Headline | Site": the longest side of a separator,
/// unless it is too short to be a headline.
pub fn headline_from_title_tag(title: &str) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (title[..pos].trim(), title[pos + sep.len()..].trim());
            let head_words = head.split_whitespace().count();
            if head_words >= MIN_TITLE_WORDS || head_words >= tail.split_whitespace().count() {
                // A headline may itself contain the separator; only cut the site-name suffix.
                return head.to_string();
            }
            return title.to_string();
        }
    }
    if let Some(pos) = title.find(": ") {
        let tail = title[pos + 2..].trim();
        if tail.split_whitespace().count() > MIN_TITLE_WORDS {
            return title.to_string();
        }
    }
    title.trim().to_string()
}

/// Text direction of the article from its own letters when the page does not say: right-to-left
/// when most letters with a strong direction are Hebrew, Arabic, Syriac, Thaana or N'Ko.
pub fn infer_direction(text: &str) -> &'static str {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        match c as u32 {
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF => rtl += 1,
            _ if c.is_alphabetic() => ltr += 1,
            _ => {}
        }
    }
    if rtl > ltr {
        "rtl"
    } else {
        "ltr"
    }
}

/// The element's `dir` when an ancestor of the article says it.
pub fn direction_of(doc: &Document, node: NodeId) -> Option<String> {
    std::iter::once(node)
        .chain(doc.ancestors(node))
        .find_map(|a| doc.attr(a, "dir"))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_keeps_the_names_and_drops_handles_addresses_and_dates() {
        let cases = [
            ("by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET", Some("by Ahiza Garcia")),
            ("By Alissa Wilkinson@alissamarie Updated Jul 24, 2018, 2:15pm EDT", Some("By Alissa Wilkinson")),
            ("21.dez.2018 às 10h55", None),
            ("Ana Souza ana.souza@news.example", Some("Ana Souza")),
            ("By Ana Souza and Li Wei", Some("By Ana Souza and Li Wei")),
            ("Pippin Lee", Some("Pippin Lee")),
            ("by Lucas Nolan22 Dec 2016651", Some("by Lucas Nolan")),
        ];
        for (raw, want) in cases {
            assert_eq!(clean_byline(raw).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn site_name_suffix_is_cut_from_the_title_tag() {
        assert_eq!(headline_from_title_tag("Khan Says Taliban Cannot Win | TOLOnews"), "Khan Says Taliban Cannot Win");
    }

    #[test]
    fn persian_text_reads_right_to_left() {
        assert_eq!(infer_direction("خان می‌گوید طالبان نمی‌توانند"), "rtl");
        assert_eq!(infer_direction("Khan says"), "ltr");
    }
}
