//! Quotation marks: a block's characters in, the spans of its top-level quotations out.
//!
//! Each mark belongs to a family (double, single, guillemet, single guillemet, corner brackets,
//! white corner brackets); a stack pairs openers with closers of the same family, so nested
//! quotes of another family stay inside the outer quote. Whether `“` opens or closes depends on
//! the block's style (German „…“ versus English “…”), and `’` between letters is an apostrophe.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight `"`: opens or closes depending on what is open and what surrounds it.
    Either,
}

/// A top-level quotation found in one block, by character index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub family: Family,
    /// Index of the opening mark.
    pub open: usize,
    /// Index just past the closing mark, or the block's length when the quote runs on into the
    /// next block.
    pub end: usize,
    /// The quotation continues in the next block (no closing mark here).
    pub runs_on: bool,
    /// The span starts with its opening mark; false for a quotation carried over from the
    /// previous block without a repeated opening mark, which starts at the block's start.
    pub open_mark: bool,
}

/// Stack entry of a quotation carried in from the previous block (it has no opening mark here).
const CARRIED: usize = usize::MAX;

/// How the block writes its quotes: German and Danish styles reverse some marks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// `„…“`: the left double mark closes.
    pub low_opening: bool,
    /// `»…«`: the right-pointing guillemet opens.
    pub reversed_guillemets: bool,
}

impl Style {
    pub fn of(chars: &[char]) -> Style {
        let low_opening = chars.iter().any(|&c| c == '\u{201E}' || c == '\u{201A}');
        let first_guillemet = chars.iter().find(|&&c| c == '\u{AB}' || c == '\u{BB}');
        Style { low_opening, reversed_guillemets: first_guillemet == Some(&'\u{BB}') }
    }
}

fn classify(c: char, style: Style) -> Option<(Family, Role)> {
    use Family::*;
    use Role::*;
    Some(match c {
        '\u{201C}' => (Double, if style.low_opening { Close } else { Open }),
        '\u{201D}' => (Double, Close),
        '\u{201E}' => (Double, Open),
        '"' => (Double, Either),
        '\u{2018}' => (Single, if style.low_opening { Close } else { Open }),
        '\u{2019}' => (Single, Close),
        '\u{201A}' => (Single, Open),
        '\u{AB}' => (Guillemet, if style.reversed_guillemets { Close } else { Open }),
        '\u{BB}' => (Guillemet, if style.reversed_guillemets { Open } else { Close }),
        '\u{2039}' => (SingleGuillemet, if style.reversed_guillemets { Close } else { Open }),
        '\u{203A}' => (SingleGuillemet, if style.reversed_guillemets { Open } else { Close }),
        '\u{300C}' => (Corner, Open),
        '\u{300D}' => (Corner, Close),
        '\u{300E}' => (WhiteCorner, Open),
        '\u{300F}' => (WhiteCorner, Close),
        _ => return None,
    })
}

fn is_word_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Top-level quotation spans of a block. A quotation still open at the end is returned with
/// `runs_on` set; whether it continues in the next block is the caller's to decide.
pub fn spans(chars: &[char]) -> Vec<Span> {
    spans_with(chars, None)
}

/// Spans of a block that may go on with a quotation of family `carried` left open at the end of
/// the previous block (a paragraph break inside a quotation, the opening mark not repeated).
pub fn spans_with(chars: &[char], carried: Option<Family>) -> Vec<Span> {
    let style = Style::of(chars);
    let mut stack: Vec<(Family, usize)> = carried.map(|f| (f, CARRIED)).into_iter().collect();
    let mut found: Vec<Span> = Vec::new();
    // Markup that leaked into the text (`author="Ann" tweet_id="67"`): a straight quote right
    // after `=` opens an attribute's value, which the next straight quote closes. Neither is a
    // quotation mark; `attribute_end` is the index of the closing one.
    let mut attribute_end = None;
    for (i, &c) in chars.iter().enumerate() {
        if attribute_end.is_some_and(|end| i <= end) {
            continue;
        }
        if c == '"' && i > 0 && chars[i - 1] == '=' {
            attribute_end = chars[i + 1..].iter().position(|&c| c == '"').map(|p| i + 1 + p);
            if attribute_end.is_some() {
                continue;
            }
        }
        let Some((family, mut role)) = classify(c, style) else { continue };
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        let next = chars.get(i + 1);
        if family == Family::Single {
            // Apostrophes: ’ inside a word (don’t, Khan’s), or ‘/’ eliding the start of a word
            // (’90s, rock ’n’ roll) unless a single quote is open and this one can close it.
            let open_single = stack.iter().any(|(f, _)| *f == Family::Single);
            match role {
                Role::Close if is_word_char(prev) && is_word_char(next) => continue,
                Role::Close if !open_single => continue,
                Role::Close if is_word_char(next) => continue,
                // "the students’ choice,’": a plural possessive, when a later ’ can close.
                Role::Close
                    if prev.is_some_and(|p| *p == 's' || *p == 'S')
                        && next.is_some_and(|n| n.is_whitespace())
                        && chars[i + 1..]
                            .iter()
                            .enumerate()
                            .any(|(k, &c)| c == '\u{2019}' && !is_word_char(chars.get(i + 2 + k))) =>
                {
                    continue
                }
                Role::Open if is_word_char(prev) => continue,
                Role::Open if next.is_some_and(|n| n.is_ascii_digit()) => continue,
                _ => {}
            }
        }
        // A closing mark typed as an opening one (“expedited review“ of): an opener that ends a
        // word or sentence, followed by a space, punctuation or the block's end, while a
        // quotation of its family is open, closes it.
        if role == Role::Open
            && family == Family::Double
            && c == '\u{201C}'
            && stack.last().is_some_and(|(f, _)| *f == Family::Double)
            && prev.is_some_and(|p| p.is_alphanumeric() || ".,!?;…—-".contains(*p))
            && next.is_none_or(|n| n.is_whitespace() || ".,;:!?)".contains(*n))
        {
            role = Role::Close;
        }
        if role == Role::Either {
            // Straight double quote: after a digit it is an inch mark (a 27" screen).
            if prev.is_some_and(|p| p.is_ascii_digit()) && !stack.iter().any(|(f, _)| *f == Family::Double) {
                continue;
            }
            let open_double = stack.last().is_some_and(|(f, _)| *f == Family::Double);
            role = if open_double && !(prev.is_none_or(|p| p.is_whitespace()) && is_word_char(next)) {
                Role::Close
            } else if prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(*p))
                || classify(*prev.unwrap(), style).is_some()
            {
                Role::Open
            } else {
                Role::Close
            };
        }
        match role {
            Role::Open => {
                // A second opener of the same family at the top means the first was never closed,
                // unless two closers follow before any other opener: a quotation nested in the same
                // marks (“People wearing “Settle For Hillary” shirts,” she wrote), which keeps the
                // outer one.
                if stack.last().is_some_and(|(f, _)| *f == family)
                    && family == Family::Double
                    && !nested_in_same_marks(&chars[i + 1..], style)
                    && !stack.last().is_some_and(|&(_, open)| mixed_typography(chars, open, c))
                {
                    stack.pop();
                }
                stack.push((family, i));
            }
            Role::Close => {
                if let Some(pos) = stack.iter().rposition(|(f, _)| *f == family) {
                    let (_, open) = stack[pos];
                    stack.truncate(pos);
                    if stack.is_empty() {
                        let open_mark = open != CARRIED;
                        let open = if open_mark { open } else { 0 };
                        found.push(Span { family, open, end: i + 1, runs_on: false, open_mark });
                    }
                }
            }
            Role::Either => unreachable!("resolved above"),
        }
    }
    // An opener still open at the end may run on into the next block; the caller decides.
    if let Some(&(family, open)) = stack.first() {
        if family != Family::Single && open != CARRIED {
            found.push(Span { family, open, end: chars.len(), runs_on: true, open_mark: true });
        }
    }
    found
}

/// Whether the double mark `c` and the open one at `open` are typed differently, one straight and
/// one curly ("The department isn’t about “Equal Justice” anymore."): a quotation pasted
/// into another keeps its own marks, so a second opener typed differently is nested, not a
/// restart after a lost closer.
fn mixed_typography(chars: &[char], open: usize, c: char) -> bool {
    open != CARRIED && (chars[open] == '"') != (c == '"')
}

/// Whether, after a second double opener, two double closers come before any further double
/// opener: the second quotation is nested in the first, not a restart after a lost closer.
fn nested_in_same_marks(rest: &[char], style: Style) -> bool {
    let mut closers = 0;
    for &c in rest {
        match classify(c, style) {
            Some((Family::Double, Role::Close)) => {
                closers += 1;
                if closers == 2 {
                    return true;
                }
            }
            Some((Family::Double, Role::Open)) => return false,
            _ => {}
        }
    }
    false
}

/// Whether `text` holds any quotation mark of any family (whatever the style): a block without
/// one has no spans, and most blocks of most articles are such blocks.
pub fn has_mark(text: &str) -> bool {
    text.bytes().any(|b| b == b'"' || !b.is_ascii()) && text.chars().any(|c| classify(c, Style::default()).is_some())
}

/// The family of the quotation mark this block starts with, if it starts with an opener.
pub fn starts_with_opener(chars: &[char]) -> Option<Family> {
    let style = Style::of(chars);
    let c = chars.iter().find(|c| !c.is_whitespace())?;
    match classify(*c, style) {
        Some((f, Role::Open | Role::Either)) => Some(f),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_has_a_mark_when_any_family_s_mark_is_in_it_and_straight_apostrophes_are_none() {
        for with in ["he said \"no\"", "“yes”", "l’homme", "„ja“", "«oui»", "‹non›", "「はい」", "『本』", "‘so’"]
        {
            assert!(has_mark(with), "{with:?}");
        }
        for without in ["", "plain text, it's fine", "naïve café — 3 × 4", "مرحبا بالعالم"] {
            assert!(!has_mark(without), "{without:?}");
        }
    }

    fn texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        spans(&chars).iter().filter(|s| !s.runs_on).map(|s| chars[s.open + 1..s.end - 1].iter().collect()).collect()
    }

    #[test]
    fn attribute_values_of_leaked_markup_are_no_quotations() {
        assert_eq!(texts("<tweet author=\"AnnLee\" id=\"67\">We stand together, \"all of us\"</tweet>"), ["all of us"]);
    }

    #[test]
    fn curly_straight_and_nested_quotes_pair_up() {
        assert_eq!(texts("“Our countries,” Khan said."), ["Our countries,"]);
        assert_eq!(texts("He said \"yes\" and \"no\"."), ["yes", "no"]);
        assert_eq!(texts("“She told me ‘never’,” he said."), ["She told me ‘never’,"]);
        // Nested in the same marks: the outer quotation stays.
        assert_eq!(texts("She wrote: “Fans in “Vote Early” shirts left.” Then"), ["Fans in “Vote Early” shirts left."]);
        // A closing mark typed as an opening one still closes.
        assert_eq!(texts("an “expedited review“ of the pipes, “Soon.“"), ["expedited review", "Soon."]);
        // A lost closer: the second opener starts afresh.
        assert_eq!(texts("“Lost one. “Found one,” he said."), ["Found one,"]);
        // Straight marks around curly ones, or the other way round: nested.
        assert_eq!(texts("\"It isn’t about “Equal Justice” now.\" Then"), ["It isn’t about “Equal Justice” now."]);
        assert_eq!(texts("“He told me \"never\" again,” she said."), ["He told me \"never\" again,"]);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        assert!(texts("Khan’s party won’t back rock ’n’ roll from the ’90s.").is_empty());
        assert_eq!(texts("‘It’s the students’ choice,’ she said."), ["It’s the students’ choice,"]);
    }

    #[test]
    fn german_french_and_cjk_marks() {
        assert_eq!(texts("„Wir hatten keine Wahl“, sagte sie."), ["Wir hatten keine Wahl"]);
        assert_eq!(texts("« Nous partons », a-t-il dit."), [" Nous partons "]);
        assert_eq!(texts("他说：「我们『一定』会来」。"), ["我们『一定』会来"]);
    }

    #[test]
    fn a_quotation_carried_over_without_a_new_opening_mark_starts_at_the_block() {
        let chars: Vec<char> = "in caucuses and primaries.” Then “more” here.".chars().collect();
        let s = spans_with(&chars, Some(Family::Double));
        assert_eq!((s[0].open, s[0].end, s[0].open_mark), (0, 27, false));
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn an_unclosed_opener_runs_on_and_inch_marks_are_ignored() {
        let chars: Vec<char> = "He bought a 27\" screen. “Then it broke".chars().collect();
        let s = spans(&chars);
        assert_eq!(s.len(), 1);
        assert!(s[0].runs_on);
    }
}
