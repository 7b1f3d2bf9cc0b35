//! Text comparison for the repeat detector and the title check: normalisation that ignores
//! case, punctuation, quote style and entities, and word-shingle sets for resemblance and
//! containment.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Words per shingle. Three words are specific enough that distinct stories rarely share many,
/// and short enough that one edited word disturbs only three shingles.
pub const SHINGLE_WORDS: usize = 3;

/// Characters per shingle for scripts written without spaces (Chinese, Japanese, Thai).
pub const SHINGLE_CHARS: usize = 4;

/// Lower-case letters and digits, words separated by single spaces. Punctuation, quote marks and
/// symbols vanish, so `“Khan”` and `"Khan"` compare equal.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII, most of most pages, is classified and lower-cased without decoding characters.
        let (keep, space) = if b.is_ascii() {
            i += 1;
            (b.is_ascii_alphanumeric(), crate::model::is_ascii_space(b) || b == b'-' || b == b'/')
        } else {
            let c = text[i..].chars().next().expect("i is at a character boundary");
            i += c.len_utf8();
            if c.is_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.extend(c.to_lowercase());
                continue;
            }
            (false, c.is_whitespace() || c == '\u{2013}' || c == '\u{2014}')
        };
        if keep {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(b.to_ascii_lowercase() as char);
        } else if space {
            pending_space = true;
        }
        // Other punctuation (apostrophes, quotes, commas) joins nothing and splits nothing.
    }
    out
}

/// Shingle hashes are already well mixed, so sets and maps keyed by them need no second hash:
/// this hasher passes a `u64` key through (with one multiply, for the table's low bits).
#[derive(Default)]
pub struct ShingleKeyHasher(u64);

impl Hasher for ShingleKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

pub type ShingleSet = HashSet<u64, BuildHasherDefault<ShingleKeyHasher>>;

/// FNV-1a over a word. Not for untrusted keys in a security sense: a page can at worst make its
/// own copies look alike.
fn hash_word(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// One hash for a sequence of word hashes; the order matters, so "a b c" and "c b a" differ.
fn combine(word_hashes: &[u64]) -> u64 {
    word_hashes.iter().fold(0x9E37_79B9_7F4A_7C15, |h, &w| (h.rotate_left(23) ^ w).wrapping_mul(0x0000_0100_0000_01b3))
}

fn hash_chars(chars: &[char]) -> u64 {
    let mut buf = [0u8; 4];
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    (h ^ 0xff).wrapping_mul(0x0000_0100_0000_01b3)
}

/// Whether the normalised text is written without spaces between words.
pub fn is_unspaced(norm: &str) -> bool {
    let chars = norm.chars().count();
    let spaces = norm.chars().filter(|&c| c == ' ').count();
    chars > 20 && spaces * 20 < chars
}

/// Hashes of the word (or, for unspaced scripts, character) shingles of normalised text.
pub fn shingles(norm: &str) -> ShingleSet {
    let mut set = ShingleSet::default();
    if is_unspaced(norm) {
        let chars: Vec<char> = norm.chars().filter(|&c| c != ' ').collect();
        for w in chars.windows(SHINGLE_CHARS) {
            set.insert(hash_chars(w));
        }
        if chars.len() < SHINGLE_CHARS && !chars.is_empty() {
            set.insert(hash_chars(&chars));
        }
    } else {
        // Each word is hashed once; a shingle's hash combines its words' hashes in order.
        let words: Vec<u64> = norm.split(' ').filter(|w| !w.is_empty()).map(hash_word).collect();
        set.reserve(words.len());
        for w in words.windows(SHINGLE_WORDS) {
            set.insert(combine(w));
        }
        if words.len() < SHINGLE_WORDS && !words.is_empty() {
            set.insert(combine(&words));
        }
    }
    set
}

/// Jaccard resemblance of two shingle sets.
pub fn resemblance(a: &ShingleSet, b: &ShingleSet) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// Share of `part`'s shingles that also occur in `whole`.
pub fn containment(part: &ShingleSet, whole: &ShingleSet) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    part.intersection(whole).count() as f64 / part.len() as f64
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
    let words_a: HashSet<&str> = na.split(' ').collect();
    let unique_b: Vec<&str> = nb.split(' ').filter(|w| !words_a.contains(w)).collect();
    let unique_len = unique_b.join(" ").chars().count() as f64;
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
    fn one_edited_word_keeps_resemblance_high() {
        let a = normalize("The ministry said there is a need for sincere cooperation and the implementation of its commitments to achieve peace in the country.");
        let b = normalize("The ministry said there is a need for genuine cooperation and the implementation of its commitments to achieve peace in the country.");
        assert!(resemblance(&shingles(&a), &shingles(&b)) > 0.7);
    }

    #[test]
    fn normalisation_lowercases_every_script_and_splits_at_dashes_and_slashes() {
        assert_eq!(normalize("Ünïcode—STRASSE/x-y  Straße, «Ça» 2021"), "ünïcode strasse x y straße ça 2021");
        assert_eq!(normalize("  ...  "), "");
    }

    #[test]
    fn shingles_depend_on_word_order() {
        assert_ne!(shingles("one two three"), shingles("three two one"));
        assert_eq!(shingles("one two three four").len(), 2);
        assert_eq!(shingles("one two").len(), 1);
    }

    #[test]
    fn title_similarity_of_identical_and_unrelated_text() {
        assert!(title_similarity("Khan Says Taliban Cannot Win", "Khan says Taliban cannot win") > 0.99);
        assert!(title_similarity("Khan Says Taliban Cannot Win", "Weather tomorrow") < 0.1);
    }
}
