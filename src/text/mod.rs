//! Text scanning shared by every stage: whitespace read from the bytes (runs, collapsing,
//! blank checks), characters at byte offsets, and which characters belong to scripts written
//! without spaces between words. Takes `&str`, gives counts, slices and collapsed copies; knows
//! nothing of pages or articles.

pub mod credit;
pub mod normalize;

/// Collapse runs of whitespace (including non-breaking spaces) to one space and trim.
pub fn collapse_whitespace(s: &str) -> String {
    let mut c = Collapser::with_capacity(s.len());
    c.push(s);
    c.finish()
}

/// [`collapse_whitespace`] of text that comes in pieces (the text nodes of a subtree), without
/// joining the pieces first: the result is that of collapsing their concatenation.
pub struct Collapser {
    out: String,
    pending_space: bool,
}

impl Collapser {
    pub fn with_capacity(bytes: usize) -> Collapser {
        Collapser { out: String::with_capacity(bytes), pending_space: false }
    }

    pub fn push(&mut self, s: &str) {
        for run in runs(s) {
            match run {
                Run::Space => self.pending_space = true,
                Run::Words(words) => {
                    if self.pending_space && !self.out.is_empty() {
                        self.out.push(' ');
                    }
                    self.pending_space = false;
                    self.out.push_str(words);
                }
            }
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// A stretch of text as whitespace collapsing reads it.
pub enum Run<'a> {
    /// Whitespace (as `char::is_whitespace`, so no-break spaces too) that collapsing turns into
    /// one space: any run of it except a single ASCII space between two words.
    Space,
    /// Words with single ASCII spaces between them: text that collapsing leaves as it is, so it
    /// is copied in one piece rather than word by word (most of a page's prose is one such run).
    Words(&'a str),
}

/// `s` as alternating [`Run`]s: the one reading of whitespace that collapsing, measuring and
/// assembling text share.
pub fn runs(s: &str) -> impl Iterator<Item = Run<'_>> {
    let bytes = s.as_bytes();
    // Whitespace only (the indentation between tags, most of the texts a page is made of) is one
    // run, found by `is_blank`'s whole-chunk check rather than character by character.
    let mut all_space = !s.is_empty() && is_blank(s);
    let mut i = 0;
    std::iter::from_fn(move || {
        if all_space {
            all_space = false;
            i = bytes.len();
            return Some(Run::Space);
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        if space_len_at(s, i) > 0 {
            while i < bytes.len() {
                match space_len_at(s, i) {
                    0 => break,
                    len => i += len,
                }
            }
            return Some(Run::Space);
        }
        loop {
            // Bytes that never start whitespace are stepped over without a closer look.
            while i < bytes.len() && BYTE_CLASS[bytes[i] as usize] == NEVER_SPACE {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            // A lone space with a word after it stays in the run.
            let lone_space = bytes[i] == b' ' && i + 1 < bytes.len() && space_len_at(s, i + 1) == 0;
            if lone_space {
                i += 2;
            } else if space_len_at(s, i) == 0 {
                i += 1;
            } else {
                break;
            }
        }
        Some(Run::Words(&s[start..i]))
    })
}

/// [`BYTE_CLASS`] of a byte that never starts a whitespace character: other ASCII, the other
/// lead bytes and every continuation byte.
const NEVER_SPACE: u8 = 0;
/// [`BYTE_CLASS`] of ASCII whitespace.
const ASCII_SPACE: u8 = 1;
/// [`BYTE_CLASS`] of a lead byte that some whitespace characters start with.
const MAYBE_SPACE: u8 = 2;
/// For each byte, whether a whitespace character starts with it (see [`space_len_at`]).
static BYTE_CLASS: [u8; 256] = {
    let mut class = [NEVER_SPACE; 256];
    let mut b = 0;
    while b < 256 {
        if is_ascii_space(b as u8) {
            class[b] = ASCII_SPACE;
        } else if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            class[b] = MAYBE_SPACE;
        }
        b += 1;
    }
    class
};

/// The length in bytes of the whitespace character (as `char::is_whitespace`) starting at byte
/// `i` of `s`, or 0 when there is none there: another character, or the inside of one.
#[inline(always)]
pub fn space_len_at(s: &str, i: usize) -> usize {
    match BYTE_CLASS[s.as_bytes()[i] as usize] {
        NEVER_SPACE => 0,
        ASCII_SPACE => 1,
        _ => non_ascii_space_len(&s.as_bytes()[i..]),
    }
}

/// Non-ASCII whitespace by its UTF-8 bytes: U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
/// U+2029, U+202F, U+205F and U+3000 (a test holds this to `char::is_whitespace`).
#[inline(never)]
fn non_ascii_space_len(bytes: &[u8]) -> usize {
    match bytes {
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// The character at byte `i` of `s` (a character boundary) and its length in bytes. ASCII, most
/// of the text of most pages, is read without decoding.
#[inline]
pub fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().expect("i is at a character boundary");
        (c, c.len_utf8())
    }
}

/// Whether `needle` occurs in `haystack`, by a plain scan: for the short strings the pipeline asks
/// about on every element or link (class tokens, URL paths), setting up `str::contains`'s
/// substring search costs more than the scan.
pub fn contains_bytes(haystack: &str, needle: &[u8]) -> bool {
    needle.is_empty() || haystack.as_bytes().windows(needle.len()).any(|w| w == needle)
}

/// The ASCII characters `char::is_whitespace` accepts: tab to carriage return, and space.
pub const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether `s` is empty or only whitespace (as `s.trim().is_empty()`, without decoding ASCII).
pub fn is_blank(s: &str) -> bool {
    // The indentation between tags is most of a page's text nodes and often dozens of bytes
    // long: whole 16-byte chunks of ASCII whitespace are checked without a branch per byte (the
    // fold vectorises), and the first chunk holding anything else is read byte by byte.
    const CHUNK: usize = 16;
    let bytes = s.as_bytes();
    let mut start = 0;
    for chunk in bytes.chunks_exact(CHUNK) {
        if !chunk.iter().fold(true, |all, &b| all & is_ascii_space(b)) {
            break;
        }
        start += CHUNK;
    }
    for (i, &b) in bytes[start..].iter().enumerate() {
        if !b.is_ascii() {
            return s[start + i..].chars().all(char::is_whitespace);
        }
        if !is_ascii_space(b) {
            return false;
        }
    }
    true
}

/// The characters of `s` that are not whitespace (as `s.chars().filter(|c| !c.is_whitespace())
/// .count()`), counted over the bytes: ASCII text, most of most pages, in a loop that vectorises.
pub fn count_non_space_chars(s: &str) -> usize {
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
        return bytes.iter().filter(|&&b| !is_ascii_space(b)).count();
    }
    // A character starts at every byte that is not a continuation byte (0b10xx_xxxx).
    (0..bytes.len()).filter(|&i| bytes[i] & 0xC0 != 0x80 && space_len_at(s, i) == 0).count()
}

/// Whether `c` is Chinese or Japanese (Han ideographs, hiragana, katakana): scripts written without
/// spaces between words. Korean is written with spaces, so Hangul is not among them.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Whether `c` is hiragana, the Japanese syllabary of grammatical endings and particles (names
/// are written in Han or katakana).
pub fn is_hiragana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x309F)
}

/// Words in `text`: whitespace-separated tokens, except that each Chinese or Japanese character
/// counts as a word (a reader takes in about one a word's time, and it is what word counts in
/// those languages count). The one word count of the pipeline: reading time, the repeat
/// detector's length thresholds and the quote finder's scare-quote length all use it.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut i) = (0, 0);
    // The token being read: whether there is one, and its Chinese and Japanese characters.
    let (mut in_token, mut cjk) = (false, 0);
    while i < bytes.len() {
        let space = space_len_at(text, i);
        if space > 0 {
            words += if in_token { cjk.max(1) } else { 0 };
            (in_token, cjk) = (false, 0);
            i += space;
            continue;
        }
        in_token = true;
        // ASCII, most of most text, is stepped over without decoding.
        if bytes[i].is_ascii() {
            i += 1;
        } else {
            let (c, len) = char_at(text, i);
            cjk += usize::from(is_cjk(c));
            i += len;
        }
    }
    words + if in_token { cjk.max(1) } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_of_any_script_collapse_to_one_space_and_the_ends_go() {
        assert_eq!(collapse_whitespace(""), "");
        assert_eq!(collapse_whitespace(" \t\n "), "");
        assert_eq!(collapse_whitespace("  one \n\t two  "), "one two");
        assert_eq!(collapse_whitespace("a\u{00A0}\u{2003}b\u{000B}c\u{3000}"), "a b c");
        assert_eq!(collapse_whitespace("گفت  \u{200C}می‌گوید"), "گفت \u{200C}می‌گوید");
        assert_eq!(collapse_whitespace("«Oui»\u{202F}!"), "«Oui» !");
    }

    #[test]
    fn whitespace_is_found_from_the_bytes_exactly_as_char_is_whitespace_finds_it() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let expected = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(space_len_at(&s, 1), expected, "U+{:04X}", c as u32);
            // No byte inside the character reads as the start of whitespace.
            for inner in 2..1 + c.len_utf8() {
                assert_eq!(space_len_at(&s, inner), 0, "U+{:04X} byte {inner}", c as u32);
            }
        }
    }

    #[test]
    fn non_space_characters_are_counted_as_char_is_whitespace_counts_them() {
        let every: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        for s in ["", "  \t\n ", "plain ascii text, two  spaces", "Caf\u{e9}\u{a0}au\u{3000}lait \u{2009}!", &every] {
            assert_eq!(
                count_non_space_chars(s),
                s.chars().filter(|c| !c.is_whitespace()).count(),
                "{:?}",
                &s[..s.len().min(40)]
            );
        }
    }

    #[test]
    fn runs_keep_single_spaces_between_words_and_collapse_everything_else() {
        let words = |s: &str| {
            runs(s)
                .map(|r| match r {
                    Run::Space => "_".to_string(),
                    Run::Words(w) => format!("[{w}]"),
                })
                .collect::<String>()
        };
        assert_eq!(words(""), "");
        assert_eq!(words("one two three"), "[one two three]");
        assert_eq!(words(" one two "), "_[one two]_");
        assert_eq!(words("one  two\tthree\u{00A0}four é"), "[one]_[two]_[three]_[four é]");
        assert_eq!(words("a \n b"), "[a]_[b]");
        // Collapsing by runs equals collapsing word by word, on text of every kind of spacing.
        let pieces = ["a", "é", "گفت", " ", "  ", "\n", "\u{00A0}", "\u{3000}", "\u{200B}", "x y", "。"];
        for i in 0..pieces.len().pow(4) {
            let s: String = (0..4).map(|k| pieces[i / pieces.len().pow(k) % pieces.len()]).collect();
            assert_eq!(collapse_whitespace(&s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
    }

    #[test]
    fn words_are_tokens_between_whitespace_and_each_chinese_or_japanese_character() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  one two\u{00A0}three "), 3);
        assert_eq!(count_words("他说 hello"), 3);
        assert_eq!(count_words("東京は晴れ"), 5);
        assert_eq!(count_words("서울은 맑음"), 2, "Korean is written with spaces");
        assert_eq!(count_words("Ünïcode—STRASSE x-y"), 2);
        // The same as counting the tokens `split_whitespace` gives, on text of every kind of spacing.
        let naive =
            |s: &str| -> usize { s.split_whitespace().map(|t| t.chars().filter(|&c| is_cjk(c)).count().max(1)).sum() };
        let pieces = ["a", "é", "東京", " ", "\u{00A0}", "\u{3000}", "\n\t", "x y", "。"];
        for i in 0..pieces.len().pow(4) {
            let s: String = (0..4).map(|k| pieces[i / pieces.len().pow(k) % pieces.len()]).collect();
            assert_eq!(count_words(&s), naive(&s), "{s:?}");
        }
    }

    #[test]
    fn blank_means_only_whitespace_as_trim_sees_it() {
        for s in ["", " ", "\t\r\n\u{000B}\u{000C}", "\u{00A0}", " \u{3000} \u{2028}"] {
            assert!(is_blank(s), "{s:?}");
            assert_eq!(is_blank(s), s.trim().is_empty());
        }
        for s in ["x", "  .", "\u{00A0}é", "\u{200B}", " \u{200C} "] {
            assert!(!is_blank(s), "{s:?}");
            assert_eq!(is_blank(s), s.trim().is_empty());
        }
        // Long runs, read in whole chunks: the odd character anywhere, ASCII or not, counts.
        let indent = "\n\t\t  ".repeat(9);
        assert!(is_blank(&indent));
        for at in [0, 15, 16, 17, 40] {
            for odd in ["x", "\u{00A0}", "\u{200B}"] {
                let s = format!("{}{odd}{}", &indent[..at], &indent[at..]);
                assert_eq!(is_blank(&s), s.trim().is_empty(), "{s:?}");
            }
        }
    }
}
