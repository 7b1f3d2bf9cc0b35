//! Site patterns for "always clean this site": what the user types in the options page
//! ("tolonews.com", "*.example.org/news/*") in, the browser match patterns to register the content
//! script for and the host-permission origins to ask for out. Kept here so the rules are tested
//! without a browser.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SiteRule {
    /// The pattern as the user wrote it, normalised (lower-case, no scheme).
    pub pattern: String,
    /// Match patterns for `chrome.scripting.registerContentScripts`.
    pub matches: Vec<String>,
    /// Origins for `chrome.permissions.request`: the host, any path, over http and https. Each is
    /// covered by one pattern the manifest declares (`http://*/*`, `https://*/*`), as both
    /// browsers require; `*://host/*` is covered by neither alone and is refused.
    pub origins: Vec<String>,
}

/// Parse a site pattern. A bare host also covers its subdomains (`tolonews.com` covers
/// `www.tolonews.com`); a path limits the rule to pages under it.
pub fn parse(pattern: &str) -> Result<SiteRule, String> {
    let p = pattern.trim().to_ascii_lowercase();
    let p = p
        .strip_prefix("https://")
        .or_else(|| p.strip_prefix("http://"))
        .or_else(|| p.strip_prefix("*://"))
        .unwrap_or(&p);
    if p.is_empty() {
        return Err("the site pattern is empty; write a host like tolonews.com or *.example.org/news/*".into());
    }
    let (host, path) = match p.find('/') {
        Some(i) => (&p[..i], &p[i..]),
        None => (p, "/"),
    };
    let (wildcard, bare) = match host.strip_prefix("*.") {
        Some(rest) => (true, rest),
        None => (false, host),
    };
    let valid_label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if bare.is_empty() || !bare.split('.').all(valid_label) || (!bare.contains('.') && bare != "localhost") {
        return Err(format!("`{pattern}` is not a site: write a host like tolonews.com, optionally with *. before it or a path after it"));
    }
    if path.chars().any(|c| c.is_whitespace() || c == '#' || c == '?') {
        return Err(format!("`{pattern}`: the path may not contain spaces, # or ?"));
    }
    let path = if path.ends_with('*') { path.to_string() } else { format!("{path}*") };
    // An IP address or localhost has no subdomains to cover.
    let is_ip = bare.split('.').all(|l| l.parse::<u8>().is_ok());
    let hosts: Vec<String> = if wildcard || bare == "localhost" || is_ip {
        vec![host.to_string()]
    } else {
        vec![bare.to_string(), format!("*.{bare}")]
    };
    let normalised = format!("{host}{}", if path == "/*" { String::new() } else { path.clone() });
    Ok(SiteRule {
        pattern: normalised,
        matches: hosts.iter().map(|h| format!("*://{h}{path}")).collect(),
        origins: hosts.iter().flat_map(|h| ["http", "https"].map(|scheme| format!("{scheme}://{h}/*"))).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_host_covers_its_subdomains() {
        let r = parse("TOLOnews.com").unwrap();
        assert_eq!(r.pattern, "tolonews.com");
        assert_eq!(r.matches, ["*://tolonews.com/*", "*://*.tolonews.com/*"]);
        assert_eq!(
            r.origins,
            ["http://tolonews.com/*", "https://tolonews.com/*", "http://*.tolonews.com/*", "https://*.tolonews.com/*"]
        );
    }

    #[test]
    fn a_wildcard_host_with_a_path_limits_pages_not_permissions() {
        let r = parse("https://*.example.org/news/*").unwrap();
        assert_eq!(r.matches, ["*://*.example.org/news/*"]);
        assert_eq!(r.origins, ["http://*.example.org/*", "https://*.example.org/*"]);
        assert_eq!(parse("example.org/news").unwrap().matches[0], "*://example.org/news*");
    }

    #[test]
    fn every_origin_asked_for_is_covered_by_a_pattern_the_manifest_declares() {
        let manifest: serde_json::Value =
            serde_json::from_str(include_str!("../../extension/manifest.json")).expect("the manifest is JSON");
        let declared: Vec<&str> =
            manifest["optional_host_permissions"].as_array().unwrap().iter().filter_map(|p| p.as_str()).collect();
        for pattern in ["tolonews.com", "*.example.org/news/*", "127.0.0.1", "localhost", "news.test"] {
            for origin in parse(pattern).unwrap().origins {
                let scheme = origin.split("://").next().unwrap();
                assert!(
                    declared.contains(&format!("{scheme}://*/*").as_str()),
                    "{origin} is not covered by {declared:?}"
                );
            }
        }
    }

    #[test]
    fn an_ip_address_covers_only_itself() {
        assert_eq!(parse("127.0.0.1").unwrap().matches, ["*://127.0.0.1/*"]);
    }

    #[test]
    fn nonsense_is_refused_with_a_reason() {
        assert!(parse("").unwrap_err().contains("empty"));
        assert!(parse("not a host").is_err());
        assert!(parse("*").is_err());
        assert!(parse("exa_mple.com").is_err());
        assert!(parse("example.com/a?b").is_err());
    }
}
