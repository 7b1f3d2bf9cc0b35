//! Inline content made tidy: inline runs as the assembler gathers them in, the same runs out with
//! whitespace collapsed across element boundaries, trimmed at the ends and around line breaks,
//! adjacent text merged and empty elements dropped.

use crate::model::{Image, Inline};
use crate::text::{collapse_whitespace, runs, Run};

/// Every image in `content`, in order, however deep.
pub(super) fn images_in(content: &[Inline]) -> Vec<Image> {
    let mut out = Vec::new();
    for i in content {
        match i {
            Inline::Image(img) => out.push(img.clone()),
            other => out.extend(other.children().map(images_in).unwrap_or_default()),
        }
    }
    out
}

/// Collapse whitespace across inline boundaries, trim around line breaks and at the ends, merge
/// adjacent text and drop empty elements.
pub(super) fn normalize_inlines(content: Vec<Inline>) -> Vec<Inline> {
    let mut space_before = true;
    let mut out = collapse(content, &mut space_before);
    trim_end(&mut out);
    drop_leading_breaks(&mut out);
    out
}

/// Characters that draw nothing and break words apart for anyone who copies or searches the text:
/// the soft hyphen (a hyphenation hint: "Mit\u{AD}tel\u{AD}al\u{AD}ter"), the zero-width space, the
/// word joiner and a stray byte-order mark. The zero-width (non-)joiners stay: Persian and Indic
/// scripts spell words with them.
const INVISIBLE_FORMAT_CHARS: &[char] = &['\u{AD}', '\u{200B}', '\u{2060}', '\u{FEFF}'];

/// Append `text` to `out` with each run of whitespace as one space, and none where `space_before`
/// says a space (or the start of the block) precedes.
fn push_collapsed(out: &mut String, text: &str, space_before: &mut bool) {
    for run in runs(text) {
        match run {
            Run::Space if !*space_before => {
                out.push(' ');
                *space_before = true;
            }
            Run::Space => {}
            Run::Words(words) => {
                if words.contains(INVISIBLE_FORMAT_CHARS) {
                    out.extend(words.chars().filter(|c| !INVISIBLE_FORMAT_CHARS.contains(c)));
                } else {
                    out.push_str(words);
                }
                *space_before = false;
            }
        }
    }
}

fn collapse(content: Vec<Inline>, space_before: &mut bool) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(content.len());
    for item in content {
        match item {
            Inline::Text { text } => {
                let mut s = String::with_capacity(text.len());
                push_collapsed(&mut s, &text, space_before);
                if s.is_empty() {
                    continue;
                }
                if let Some(Inline::Text { text: prev }) = out.last_mut() {
                    prev.push_str(&s);
                } else {
                    out.push(Inline::Text { text: s });
                }
            }
            Inline::Break => {
                // A break ends the line: the whitespace and breaks before it go.
                trim_end(&mut out);
                out.push(Inline::Break);
                *space_before = true;
            }
            Inline::Code { text } => {
                let text = collapse_whitespace(&text);
                if !text.is_empty() {
                    out.push(Inline::Code { text });
                    *space_before = false;
                }
            }
            Inline::Image(img) => out.push(Inline::Image(img)),
            math @ Inline::Math(_) => {
                out.push(math);
                *space_before = false;
            }
            anchor @ Inline::Anchor { .. } => out.push(anchor),
            Inline::Link { href, children } => {
                let children = collapse(children, space_before);
                if !children.is_empty() {
                    out.push(Inline::Link { href, children });
                }
            }
            mut styled => {
                let children = styled.children_mut().expect("the other inlines hold children");
                let collapsed = collapse(std::mem::take(children), space_before);
                push_styled(&mut out, collapsed, styled);
            }
        }
    }
    out
}

/// Push `styled` (emphasis, strong, sub- or superscript) holding `children`; styling only
/// whitespace would mark nothing, so whitespace is pushed bare.
fn push_styled(out: &mut Vec<Inline>, children: Vec<Inline>, mut styled: Inline) {
    if children.is_empty() {
        return;
    }
    if children.iter().all(|c| matches!(c, Inline::Text { text } if text.trim().is_empty())) {
        out.extend(children);
        return;
    }
    *styled.children_mut().expect("a styled inline") = children;
    out.push(styled);
}

/// Remove trailing spaces and breaks at the end of the content.
fn trim_end(content: &mut Vec<Inline>) {
    while let Some(last) = content.last_mut() {
        match last {
            Inline::Text { text } => {
                let t = text.trim_end().len();
                text.truncate(t);
                if !text.is_empty() {
                    return;
                }
            }
            Inline::Break => {}
            other => match other.children_mut() {
                Some(children) => {
                    trim_end(children);
                    if !children.is_empty() {
                        return;
                    }
                }
                None => return,
            },
        }
        content.pop();
    }
}

fn drop_leading_breaks(content: &mut Vec<Inline>) {
    let lead = content.iter().take_while(|i| matches!(i, Inline::Break)).count();
    content.drain(..lead);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.to_string() }
    }

    #[test]
    fn whitespace_collapses_across_element_boundaries_and_the_ends_are_trimmed() {
        let content = vec![
            text("  One "),
            Inline::Emphasis { children: vec![text(" two ")] },
            text("  three  "),
            Inline::Break,
            Inline::Break,
            Inline::Break,
        ];
        assert_eq!(
            normalize_inlines(content),
            [text("One "), Inline::Emphasis { children: vec![text("two ")] }, text("three")]
        );
    }

    #[test]
    fn breaks_in_a_row_are_one_and_none_lead() {
        let content =
            vec![Inline::Break, text("a "), Inline::Break, text(" "), Inline::Break, Inline::Break, text(" b")];
        assert_eq!(normalize_inlines(content), [text("a"), Inline::Break, text("b")]);
    }

    #[test]
    fn styling_of_only_whitespace_and_empty_links_go_and_adjacent_text_merges() {
        let content = vec![
            text("a"),
            Inline::Strong { children: vec![text("  ")] },
            text("b"),
            Inline::Link { href: "https://x.example/".into(), children: vec![text("")] },
            text(" c"),
        ];
        let tidy = normalize_inlines(content);
        assert_eq!(crate::model::inline_text(&tidy), "a b c");
        assert!(tidy.iter().all(|i| matches!(i, Inline::Text { .. })), "{tidy:?}");
    }

    #[test]
    fn images_are_found_inside_links_and_styling() {
        let img = Image { src: "https://x.example/a.jpg".into(), alt: String::new() };
        let content = vec![Inline::Link {
            href: "h".into(),
            children: vec![Inline::Emphasis { children: vec![Inline::Image(img.clone())] }],
        }];
        assert_eq!(images_in(&content), [img]);
    }
}
