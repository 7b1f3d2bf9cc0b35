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
    imp::resolve(base, href).or_else(|| (base.is_none() && is_relative_reference(href)).then(|| href.to_string()))
}

/// Whether `url` is an absolute URL (a page address).
pub fn is_absolute(url: &str) -> bool {
    imp::resolve(None, url.trim()).is_some()
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

/// A link target the reading view may carry: http(s), mailto, an in-page anchor, or a relative
/// reference left unresolved for want of a base.
pub fn is_safe_link(url: &str) -> bool {
    let lower: String = url.trim_start().chars().take(16).collect::<String>().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:") || is_relative_reference(url)
}

/// An image source the reading view may load: http(s), or an inline raster `data:` image
/// (never SVG, which can carry script).
pub fn is_safe_image(url: &str) -> bool {
    // Only the scheme and media type matter; do not copy a long data: URL to lower-case it.
    let head: String = url.trim_start().chars().take(24).collect::<String>().to_ascii_lowercase();
    let lower = head;
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || ["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp", "data:image/avif"].iter().any(|p| lower.starts_with(p))
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn resolve(base: Option<&str>, href: &str) -> Option<String> {
        match base.and_then(|b| url::Url::parse(b).ok()) {
            Some(b) => b.join(href).ok().map(String::from),
            None => url::Url::parse(href).ok().map(String::from),
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_resolve_against_the_page() {
        assert_eq!(resolve(Some("https://news.example.com/world/story.html"), "../img/a.jpg").as_deref(), Some("https://news.example.com/img/a.jpg"));
        assert_eq!(resolve(Some("https://a.example/x/"), "//cdn.example/b.png").as_deref(), Some("https://cdn.example/b.png"));
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
