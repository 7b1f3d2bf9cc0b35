//! Text compared for what it says, not how it is written: lower-case letters and digits with
//! single spaces between words, and how much of one title-like text another repeats. Used by the
//! metadata reader, the article finder (headings that repeat the title) and the repeat detector.

use rustc_hash::FxHashSet;

/// What [`normalize`] does with each ASCII byte: drop it, take it as a word break, or keep it
/// lower-cased (the value is then the byte to write).
const DROP: u8 = 0;
const BREAK: u8 = 1;
const ASCII_ROLE: [u8; 128] = {
    let mut role = [DROP; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        role[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else if super::is_ascii_space(c) || c == b'-' || c == b'/' {
            BREAK
        } else {
            DROP
        };
        b += 1;
    }
    role
};

/// Lower-case letters and digits, words separated by single spaces. Punctuation, quote marks and
/// symbols vanish, so `“Khan”` and `"Khan"` compare equal.
pub fn normalize(text: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII, most of most pages, is classified and lower-cased by table, without decoding.
        if b.is_ascii() {
            i += 1;
            match ASCII_ROLE[b as usize] {
                DROP => {}
                BREAK => pending_space = true,
                lower => {
                    if pending_space && !out.is_empty() {
                        out.push(b' ');
                    }
                    pending_space = false;
                    out.push(lower);
                }
            }
            continue;
        }
        let (c, len) = super::char_at(text, i);
        i += len;
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(b' ');
            }
            pending_space = false;
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
        } else if c.is_whitespace() || c == '\u{2013}' || c == '\u{2014}' {
            pending_space = true;
        }
        // Other punctuation (apostrophes, quotes, commas) joins nothing and splits nothing.
    }
    String::from_utf8(out).expect("only whole characters are written")
}

/// How much of `b` is made of words found in `a`, by characters (1.0 = all of it). Used to decide
/// whether a heading repeats the title; asymmetric on purpose, as a heading may add a kicker.
pub fn title_similarity(a: &str, b: &str) -> f64 {
    normalized_title_similarity(&normalize(a), &normalize(b))
}

/// [`title_similarity`] of texts already [`normalize`]d, for callers comparing one title with
/// many headings.
pub fn normalized_title_similarity(na: &str, nb: &str) -> f64 {
    if na.is_empty() || nb.is_empty() {
        return 0.0;
    }
    let words_a: FxHashSet<&str> = na.split(' ').collect();
    // Characters of b's words missing from a, joined by single spaces.
    let (mut unique_chars, mut unique_words) = (0, 0);
    for w in nb.split(' ').filter(|w| !words_a.contains(w)) {
        unique_chars += w.chars().count();
        unique_words += 1;
    }
    let unique_len = (unique_chars + unique_words.max(1) - 1) as f64;
    1.0 - unique_len / nb.chars().count() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_ignores_quote_style_case_and_entities_left_as_punctuation() {
        assert_eq!(normalize("“Our countries,” Khan said."), normalize("\"our countries\", KHAN said"));
    }

    #[test]
    fn normalisation_lowercases_every_script_and_splits_at_dashes_and_slashes() {
        assert_eq!(normalize("Ünïcode—STRASSE/x-y  Straße, «Ça» 2021"), "ünïcode strasse x y straße ça 2021");
        assert_eq!(normalize("  ...  "), "");
    }

    #[test]
    fn title_similarity_counts_the_characters_of_the_words_the_heading_adds() {
        // "breaking" and "now" are new: "breaking now" is 12 of the heading's 24 characters.
        assert!(
            (normalized_title_similarity("khan speaks", "breaking khan now speaks") - (1.0 - 12.0 / 24.0)).abs() < 1e-9
        );
        assert_eq!(normalized_title_similarity("a b", "a b"), 1.0);
    }

    #[test]
    fn title_similarity_of_identical_and_unrelated_text() {
        assert!(title_similarity("Khan Says Taliban Cannot Win", "Khan says Taliban cannot win") > 0.99);
        assert!(title_similarity("Khan Says Taliban Cannot Win", "Weather tomorrow") < 0.1);
    }
}
