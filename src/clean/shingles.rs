//! Word shingles of normalised text: the fingerprints the repeat detector compares blocks by,
//! as resemblance (Jaccard) and containment.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Words per shingle. Three words are specific enough that distinct stories rarely share many,
/// and short enough that one edited word disturbs only three shingles.
pub const SHINGLE_WORDS: usize = 3;

/// Characters per shingle for scripts written without spaces (Chinese, Japanese, Thai).
pub const SHINGLE_CHARS: usize = 4;

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
pub type ShingleMap<V> = std::collections::HashMap<u64, V, BuildHasherDefault<ShingleKeyHasher>>;

/// FNV-1a over a word. Not for untrusted keys in a security sense: a page can at worst make its
/// own copies look alike.
#[cfg(test)]
fn hash_word(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    h
}

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

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
    // A space is one byte and no byte of a longer character, so counting bytes counts spaces.
    let spaces = norm.bytes().filter(|&b| b == b' ').count();
    chars > 20 && spaces * 20 < chars
}

/// The [`hash_word`] of each word of normalised text, in order.
fn word_hashes(norm: &str) -> Vec<u64> {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    let mut hashes = Vec::with_capacity(norm.len() / 4 + 1);
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    for &b in norm.as_bytes() {
        if b == b' ' {
            if in_word {
                hashes.push(h);
            }
            h = FNV_OFFSET;
            in_word = false;
        } else {
            h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
            in_word = true;
        }
    }
    if in_word {
        hashes.push(h);
    }
    hashes
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
        let words = word_hashes(norm);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    #[test]
    fn one_edited_word_keeps_resemblance_high() {
        let a = normalize("The ministry said there is a need for sincere cooperation and the implementation of its commitments to achieve peace in the country.");
        let b = normalize("The ministry said there is a need for genuine cooperation and the implementation of its commitments to achieve peace in the country.");
        assert!(resemblance(&shingles(&a), &shingles(&b)) > 0.7);
    }

    #[test]
    fn word_hashes_agree_with_splitting_at_spaces() {
        for text in
            ["", " ", "one", "one two  three ", "  ünïcode strasse x y straße ça 2021", "image http://a/b c.jpg"]
        {
            let split: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
            assert_eq!(word_hashes(text), split.iter().map(|w| hash_word(w)).collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn shingles_depend_on_word_order() {
        assert_ne!(shingles("one two three"), shingles("three two one"));
        assert_eq!(shingles("one two three four").len(), 2);
        assert_eq!(shingles("one two").len(), 1);
    }
}
