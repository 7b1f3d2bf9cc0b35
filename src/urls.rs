//! URL resolution and the safety rules for what the clean document may link to or load.
//!
//! Natively the `url` crate resolves; in the browser the platform's own `URL` does (through
//! web-sys), which keeps the WHATWG URL parser and its Unicode tables out of the wasm module.

/// Resolve `href` against `base` (absolute URL). Returns `None` when it cannot be resolved.
/// Without a base, a relative reference is kept as it is: it names no scheme, so it cannot be a
/// `javascript:` URL.
pub fn resolve(base: Option<&str>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    // An inline image is absolute already; parsing a 100 KB data: URL would only copy it.
    if starts_with_ignore_case(href, "data:") {
        return Some(href.to_string());
    }
    if let Some(done) = resolve_plain(base, href) {
        return Some(done);
    }
    imp::resolve(base, href).or_else(|| (base.is_none() && is_relative_reference(href)).then(|| href.to_string()))
}

/// Resolution without the URL parser for the common, plain cases: an absolute `http(s)` URL,
/// or a root-relative or fragment reference against such a base, when the parser would give
/// the text back unchanged (apart from the `/` of an empty path). In the browser the parser is
/// a call out to JavaScript per link, which costs more than all the rest of resolving. `None` sends
/// anything less plain to the parser; a test holds both ways equal on every link of the corpus.
fn resolve_plain(base: Option<&str>, href: &str) -> Option<String> {
    if let Some(url) = plain_absolute(href) {
        return Some(url);
    }
    let base = plain_absolute(base?)?;
    if href.starts_with('/') && !href.starts_with("//") && plain_rest(href) {
        let path_start = base.find("://").map(|i| i + 3).and_then(|h| base[h..].find('/').map(|p| h + p))?;
        return Some(format!("{}{href}", &base[..path_start]));
    }
    if href.starts_with('#') && plain_rest(href) {
        let without_fragment = base.split('#').next().unwrap_or(&base);
        return Some(format!("{without_fragment}{href}"));
    }
    None
}

/// `url` as the URL parser would write it, if it is a plain absolute `http(s)` URL: lower-case
/// scheme, a host of lower-case letters, digits, dots and hyphens whose last label starts with
/// a letter (so not an IPv4 address) and which is not punycode, no port or user, and a path,
/// query and fragment the parser copies as they are.
fn plain_absolute(url: &str) -> Option<String> {
    let after_scheme = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host_end = after_scheme.find(['/', '?', '#']).unwrap_or(after_scheme.len());
    let (host, rest) = after_scheme.split_at(host_end);
    let labels_ok = host
        .split('.')
        .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    let last_label_is_a_name = host.rsplit('.').next().is_some_and(|l| l.starts_with(|c: char| c.is_ascii_lowercase()));
    if !labels_ok || !last_label_is_a_name || host.contains("xn--") || !plain_rest(rest) {
        return None;
    }
    // An empty path is written as "/".
    if rest.starts_with('/') {
        Some(url.to_string())
    } else {
        Some(format!("{}/{}", &url[..url.len() - rest.len()], rest))
    }
}

/// Whether the parser would copy this path, query and fragment unchanged: printable ASCII it
/// never percent-encodes, and no dot segment for it to resolve (`/.` is refused outright, which
/// also refuses the rare `/.well-known`; they go to the parser).
fn plain_rest(rest: &str) -> bool {
    // No lower-cased copy for the `%2e` check: this runs for every link and image.
    rest.bytes().all(|b| {
        b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}')
    }) && !crate::text::contains_bytes(rest, b"/.")
        && !rest.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"%2e"))
}

/// A link for the reading view: `href` resolved against `base`, if the result is a safe link
/// ([`is_safe_link`]). An address whose scheme is plainly unsafe (`javascript:`, pages put
/// hundreds of `javascript:void(0)` on their buttons) is refused before it is resolved.
pub fn resolve_link(base: Option<&str>, href: &str) -> Option<String> {
    let href = href.trim();
    if explicit_scheme(href).is_some_and(|s| !matches!(s.as_str(), "http" | "https" | "mailto")) {
        return None;
    }
    resolve(base, href).filter(|h| is_safe_link(h))
}

/// The scheme of `href` as the URL parser reads it (C0 controls and spaces trimmed, tabs and
/// newlines ignored, lower-cased), or `None` when it has none and is a relative reference.
fn explicit_scheme(href: &str) -> Option<String> {
    let mut chars = href.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    let first = chars.next().filter(char::is_ascii_alphabetic)?;
    let mut scheme = String::from(first.to_ascii_lowercase());
    for c in chars {
        match c {
            ':' => return Some(scheme),
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => scheme.push(c.to_ascii_lowercase()),
            _ => return None,
        }
    }
    None
}

/// Whether `url` is an absolute URL (a page address).
pub fn is_absolute(url: &str) -> bool {
    let url = url.trim();
    plain_absolute(url).is_some() || imp::resolve(None, url).is_some()
}

/// A reference with no scheme: `page.html`, `/a/b`, `../x`, `?q`, `#frag` (not `//host`, which
/// needs a base to mean anything).
fn is_relative_reference(href: &str) -> bool {
    let before_path = href.split(['/', '?', '#']).next().unwrap_or("");
    !before_path.contains(':') && !href.starts_with("//") && !href.chars().any(|c| c.is_control() || c == '\\')
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The host of absolute `url`, lower-case, without a port or credentials (`player.vimeo.com`).
pub fn host(url: &str) -> Option<String> {
    imp::host(url.trim()).filter(|h| !h.is_empty())
}

/// The extension of the file `url` names, lower-case, without query or fragment (`pdf` for
/// `/files/report.PDF?v=2`), or `None` when its last path segment has none.
pub fn file_extension(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default();
    file.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase())
}

/// A link target the reading view may carry: http(s), mailto, an in-page anchor, or a relative
/// reference left unresolved for want of a base.
pub fn is_safe_link(url: &str) -> bool {
    let lower: String = url.trim_start().chars().take(16).collect::<String>().to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || is_relative_reference(url)
}

/// An image source the reading view may load: http(s), or an inline raster `data:` image
/// (never SVG, which can carry script).
pub fn is_safe_image(url: &str) -> bool {
    // Only the scheme and media type matter; do not copy a long data: URL to lower-case it.
    let head: String = url.trim_start().chars().take(24).collect::<String>().to_ascii_lowercase();
    let lower = head;
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || [
            "data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp",
            "data:image/avif",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn resolve(base: Option<&str>, href: &str) -> Option<String> {
        match base.and_then(|b| url::Url::parse(b).ok()) {
            Some(b) => b.join(href).ok().map(String::from),
            None => url::Url::parse(href).ok().map(String::from),
        }
    }

    pub fn host(url: &str) -> Option<String> {
        url::Url::parse(url).ok()?.host_str().map(str::to_ascii_lowercase)
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn resolve(base: Option<&str>, href: &str) -> Option<String> {
        let url = match base {
            Some(b) => web_sys::Url::new_with_base(href, b).ok(),
            None => web_sys::Url::new(href).ok(),
        }?;
        Some(url.href())
    }

    pub fn host(url: &str) -> Option<String> {
        Some(web_sys::Url::new(url).ok()?.hostname().to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_extension_is_the_last_segment_s_lower_cased_without_query_or_fragment() {
        assert_eq!(file_extension("https://x.example/files/Report.PDF?v=2#p3").as_deref(), Some("pdf"));
        assert_eq!(file_extension("/icons/tip.svg").as_deref(), Some("svg"));
        assert_eq!(file_extension("https://x.example/2024.05/story").as_deref(), None);
        assert_eq!(file_extension("https://x.example/").as_deref(), None);
    }

    #[test]
    fn a_host_comes_without_port_credentials_or_case() {
        assert_eq!(host("https://user:pw@Player.Vimeo.com:8443/video/1").as_deref(), Some("player.vimeo.com"));
        assert_eq!(host("page.html"), None);
    }

    #[test]
    fn relative_urls_resolve_against_the_page() {
        assert_eq!(
            resolve(Some("https://news.example.com/world/story.html"), "../img/a.jpg").as_deref(),
            Some("https://news.example.com/img/a.jpg")
        );
        assert_eq!(
            resolve(Some("https://a.example/x/"), "//cdn.example/b.png").as_deref(),
            Some("https://cdn.example/b.png")
        );
    }

    #[test]
    fn relative_references_survive_without_a_base_but_schemes_do_not() {
        assert_eq!(resolve(None, "/world/story").as_deref(), Some("/world/story"));
        assert_eq!(resolve(None, "javascript:alert(1)").as_deref().filter(|u| is_safe_link(u)), None);
        assert!(!is_safe_link("java\tscript:alert(1)"));
        assert!(is_safe_link("#section-2"));
    }

    #[test]
    fn script_urls_are_never_safe() {
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link(" JaVaScRiPt:alert(1)"));
        assert!(!is_safe_image("data:image/svg+xml,<svg onload=alert(1)>"));
        assert!(is_safe_image("data:image/png;base64,AAAA"));
    }
}
