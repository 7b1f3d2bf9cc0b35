//! Link and image addresses resolve exactly as the WHATWG URL parser (the `url` crate, as
//! natively) would resolve them, including the plain cases `lectern::urls::resolve` answers
//! without calling the parser: checked on every `href` and `src` of the corpus and on cases
//! chosen to be near the edge of "plain".

mod common;

const BASES: &[&str] = &[
    "http://fakehost/test/page.html",
    "https://www.example.com/news/2021/story.html?id=3#top",
    "https://a-b.example.org",
];

/// What `resolve` answered before it had a fast path: the parser for everything.
fn by_the_parser(base: Option<&str>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if href.len() >= 5 && href[..5].eq_ignore_ascii_case("data:") {
        return Some(href.to_string());
    }
    let parsed = match base {
        Some(b) => url::Url::parse(b).ok().and_then(|b| b.join(href).ok()),
        None => url::Url::parse(href).ok(),
    };
    parsed.map(String::from).or_else(|| {
        let before_path = href.split(['/', '?', '#']).next().unwrap_or("");
        let relative =
            !before_path.contains(':') && !href.starts_with("//") && !href.chars().any(|c| c.is_control() || c == '\\');
        (base.is_none() && relative).then(|| href.to_string())
    })
}

fn check(hrefs: &[String]) -> Vec<String> {
    let mut differ = Vec::new();
    for href in hrefs {
        if lectern::urls::is_absolute(href) != url::Url::parse(href.trim()).is_ok() {
            differ.push(format!("{href:?}: is_absolute says {}", lectern::urls::is_absolute(href)));
        }
        for base in BASES.iter().map(|b| Some(*b)).chain([None]) {
            let ours = lectern::urls::resolve(base, href);
            let parser = by_the_parser(base, href);
            if ours != parser {
                differ.push(format!("{href:?} against {base:?}: {ours:?}, the parser says {parser:?}"));
            }
            // Links: refusing unsafe schemes before resolving keeps exactly the safe results.
            let link = lectern::urls::resolve_link(base, href);
            let safe = parser.filter(|u| lectern::urls::is_safe_link(u));
            if link != safe {
                differ.push(format!(
                    "link {href:?} against {base:?}: {link:?}, the parser and the safety check say {safe:?}"
                ));
            }
        }
    }
    differ
}

#[test]
fn addresses_near_the_edge_of_plain_resolve_as_the_parser_resolves_them() {
    let cases = [
        "https://example.com",
        "https://example.com?q=1",
        "https://example.com#top",
        "http://example.com/",
        "https://EXAMPLE.com/a",
        "HTTPS://example.com/",
        "https://example.com:443/a",
        "https://example.com:8080/a",
        "https://user@example.com/",
        "https://127.0.0.1/a",
        "https://0x7f.1/",
        "https://example.123/",
        "https://xn--nxasmq6b.com/",
        "https://xn--invalid-.com/",
        "https://exa_mple.com/",
        "https://example..com/",
        "https://.example.com/",
        "https://example.com./",
        "https://example.com/a/./b",
        "https://example.com/a/../b",
        "https://example.com/a/%2e%2E/b",
        "https://example.com/.well-known/x",
        "https://example.com/a b",
        "https://example.com/a\"b",
        "https://example.com/a'b?c'd",
        "https://example.com/a<b>",
        "https://example.com/a^b",
        "https://example.com/a`b",
        "https://example.com/{a}|b",
        "https://example.com/a\\b",
        "https://example.com/é",
        "https://example.com/a%zz%41",
        "https://example.com/a?b=/./c#d/../e",
        "https://example.com//double//slash",
        "https://example.com/a?",
        "https://example.com/a#",
        "http://a-.b-/x",
        "https://localhost/x",
        "https://example.com/\ta",
        "/",
        "/a/b?c#d",
        "//cdn.example.com/x.png",
        "/a/./b",
        "/a b",
        "#",
        "#frag",
        "#a b",
        "?q=1",
        "a/b",
        "../up",
        "./here",
        "javascript:alert(1)",
        "mailto:a@b.c",
        "data:image/png;base64,AAAA",
        "  https://example.com/padded  ",
        "",
        "ftp://example.com/a",
        "https:example.com",
        "http:/example.com",
        "javascript:void(0);",
        " JavaScript:alert(1) ",
        "java\tscript:alert(1)",
        "\u{a0}javascript:x",
        "jav ascript:x",
        "MAILTO:a@b.c",
        "HTTP://example.com/",
        "http:relative",
        "1http:x",
        "+x:y",
        "x+y-z.w:thing",
        ":nothing",
        "\u{1}javascript:x",
    ];
    let differ = check(&cases.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn every_link_and_image_of_the_corpus_resolves_as_the_parser_resolves_it() {
    let mut hrefs = Vec::new();
    for (_, dir) in common::corpus_pages() {
        let bytes = std::fs::read(dir.join("source.html")).unwrap();
        let doc = lectern::parse::parse_html(&lectern::parse::decode(&bytes));
        for id in doc.descendants(doc.root()) {
            for name in ["href", "src"] {
                if let Some(v) = doc.attr(id, name) {
                    hrefs.push(v.to_string());
                }
            }
        }
    }
    assert!(hrefs.len() > 5000, "only {} addresses found", hrefs.len());
    let differ = check(&hrefs);
    assert!(
        differ.is_empty(),
        "{} of {} differ:\n{}",
        differ.len(),
        hrefs.len(),
        differ.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
