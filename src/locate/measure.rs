//! Text measures for scoring and cleaning: a document and the roots to measure in, per node the
//! characters of text (whitespace runs counted once), the characters inside links and the commas
//! below it out.

use crate::parse::{Document, NodeData, NodeId};
use crate::text::{char_at, is_ascii_space};

/// Per-node text measures, computed in one bottom-up pass.
pub(crate) struct Metrics {
    /// Characters of text with whitespace runs counted once.
    pub(crate) chars: Vec<u32>,
    /// Characters of that text inside links (in-page `#` links count 30%).
    pub(crate) link_chars: Vec<f32>,
    pub(crate) commas: Vec<u32>,
}

/// Links to places on the same page (tables of contents, footnotes) weigh less in link density.
const HASH_LINK_WEIGHT: f32 = 0.3;

impl Metrics {
    /// Measures for every node under each of `roots` (which must not contain one another).
    pub(crate) fn compute(doc: &Document, roots: &[NodeId], texts: &mut TextMeasures) -> Metrics {
        let n = doc.len();
        let mut m = Metrics { chars: vec![0; n], link_chars: vec![0.0; n], commas: vec![0; n] };
        let mut order: Vec<NodeId> = Vec::new();
        for &root in roots {
            order.clear();
            order.extend(doc.descendants(root));
            for &id in order.iter().rev() {
                let i = id.index();
                if let NodeData::Text(t) = &doc.node(id).data {
                    let (chars, commas) = texts.measure(id, t);
                    m.chars[i] = chars;
                    m.commas[i] = commas;
                } else if doc.is_tag(id, "a") {
                    let weight =
                        if doc.attr(id, "href").is_some_and(|h| h.starts_with('#')) { HASH_LINK_WEIGHT } else { 1.0 };
                    m.link_chars[i] = m.chars[i] as f32 * weight;
                }
                if id == root {
                    continue;
                }
                if let Some(p) = doc.parent(id) {
                    let (c, l, k) = (m.chars[i], m.link_chars[i], m.commas[i]);
                    let p = p.index();
                    m.chars[p] += c;
                    m.link_chars[p] += l;
                    m.commas[p] += k;
                }
            }
        }
        m
    }

    pub(crate) fn link_density(&self, id: NodeId) -> f64 {
        let c = self.chars[id.index()];
        if c == 0 {
            0.0
        } else {
            (self.link_chars[id.index()] / c as f32).min(1.0) as f64
        }
    }
}

/// Each text node's measure (characters, commas), taken on first use and kept for the page: the
/// finder's attempts work on parses of one page (same node ids, same text), and each
/// attempt measures the same text in several passes.
pub(crate) struct TextMeasures {
    /// Characters and commas by node id; `NOT_MEASURED` characters until measured.
    measured: Vec<(u32, u32)>,
}

const NOT_MEASURED: u32 = u32::MAX;

impl TextMeasures {
    pub(crate) fn new(page: &Document) -> TextMeasures {
        TextMeasures { measured: vec![(NOT_MEASURED, 0); page.len()] }
    }

    /// The measure of text node `id`, whose text is `text`.
    pub(crate) fn measure(&mut self, id: NodeId, text: &str) -> (u32, u32) {
        match self.measured.get_mut(id.index()) {
            Some(slot) if slot.0 != NOT_MEASURED => *slot,
            Some(slot) => {
                *slot = measure_text(text);
                *slot
            }
            // A node made after the page was parsed; the finder makes elements, not text.
            None => measure_text(text),
        }
    }
}

/// Characters with whitespace runs counted once, and commas of any script.
///
/// Runs over every text node several times per page, so ASCII bytes (most of the text on most
/// pages) are classified without decoding characters.
fn measure_text(t: &str) -> (u32, u32) {
    // Whole chunks of ASCII at a time, without a branch per byte (the sums vectorise); a chunk
    // holding anything else is read character by character.
    const CHUNK: usize = 16;
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut in_space = true;
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + CHUNK).filter(|c| c.iter().fold(true, |all, &b| all & b.is_ascii())) {
            // Every character counts except whitespace after whitespace.
            let space: [bool; CHUNK] = std::array::from_fn(|k| is_ascii_space(chunk[k]));
            chars += u32::from(!space[0] | !in_space)
                + (1..CHUNK).map(|k| u32::from(!space[k] | !space[k - 1])).sum::<u32>();
            commas += chunk.iter().map(|&b| u32::from(b == b',')).sum::<u32>();
            in_space = space[CHUNK - 1];
            i += CHUNK;
            continue;
        }
        let end = (i + CHUNK).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let (space, comma) = if b.is_ascii() {
                i += 1;
                (is_ascii_space(b), b == b',')
            } else {
                let (c, len) = char_at(t, i);
                i += len;
                (c.is_whitespace(), is_comma(c))
            };
            chars += u32::from(!space | !in_space);
            commas += u32::from(comma);
            in_space = space;
        }
    }
    (chars, commas)
}

/// Commas of the scripts that write them differently: Arabic, ideographic, fullwidth, small and
/// vertical forms, and the reversed and low commas.
fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{060C}'
            | '\u{FE50}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{2E41}'
            | '\u{2E34}'
            | '\u{2E32}'
            | '\u{FF0C}'
            | '\u{3001}'
    )
}

/// Characters of text under `root`, whitespace runs counted once.
pub(crate) fn subtree_chars(doc: &Document, root: NodeId, texts: &mut TextMeasures) -> usize {
    doc.descendants(root).filter_map(|n| doc.text(n).map(|t| texts.measure(n, t).0 as usize)).sum()
}

#[cfg(test)]
mod tests {
    use super::measure_text;

    #[test]
    fn text_measure_counts_whitespace_runs_once_and_commas_of_every_script() {
        assert_eq!(measure_text(""), (0, 0));
        assert_eq!(measure_text("  a,  b\t\n"), (5, 1));
        // No-break space, next line and ideographic space are whitespace; Arabic, ideographic and
        // fullwidth commas are commas.
        assert_eq!(measure_text("a\u{00A0}\u{0085}b\u{3000}c"), (5, 0));
        assert_eq!(measure_text("نعم، لا"), (7, 1));
        assert_eq!(measure_text("一、二，三"), (5, 2));
        assert_eq!(measure_text("\u{000B}x\u{000C}"), (2, 0));
        // Long text is read in chunks of ASCII: the same measure whatever falls at their edges.
        let naive = |t: &str| {
            let (mut chars, mut in_space) = (0, true);
            for c in t.chars() {
                chars += u32::from(!c.is_whitespace() || !in_space);
                in_space = c.is_whitespace();
            }
            (chars, t.chars().filter(|c| matches!(c, ',' | '،' | '，' | '、')).count() as u32)
        };
        for piece in ["word, ", "  \t\n", "é", "一、二", "،", "\u{00A0}", "x"] {
            for n in [1, 7, 15, 16, 17, 33] {
                let t = format!("{}{piece}{}", "ab cd ".repeat(n), " e,f  ".repeat(n));
                assert_eq!(measure_text(&t), naive(&t), "{t:?}");
            }
        }
    }
}
