//! CommonMark with a short front-matter header (title, source, byline, date), inert wherever it is
//! pasted: every character of the page's text that Markdown gives meaning is escaped, code is
//! fenced by more backticks than it holds, link and image addresses cannot end early or break a
//! line, and front-matter values carry no Markdown or HTML syntax. Rendered by a CommonMark
//! renderer that passes HTML through, it gives only the elements Markdown itself makes
//! (`tests/wasm/markdown.test.mjs` and the `markdown` fuzz target check this).

use crate::model::{Article, Block, BlockKind, Inline};

pub fn render(article: &Article) -> String {
    let mut out = String::from("---\n");
    let field = |out: &mut String, k: &str, v: &Option<String>| {
        if let Some(v) = v {
            out.push_str(&format!("{k}: {}\n", front_matter_value(v)));
        }
    };
    field(&mut out, "title", &Some(article.title.clone()));
    field(&mut out, "source", &article.url);
    field(&mut out, "byline", &article.byline);
    field(&mut out, "date", &article.published);
    out.push_str("---\n\n");
    if !article.title.is_empty() {
        out.push_str("# ");
        out.push_str(&escape_line_start(&escape(&article.title)));
        out.push_str("\n\n");
    }
    if let Some(standfirst) = article.standfirst.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        out.push('*');
        out.push_str(&escape(&standfirst.replace('\n', " ")));
        out.push_str("*\n\n");
    }
    for b in &article.blocks {
        let s = block(b);
        if !s.trim().is_empty() {
            out.push_str(&s);
            out.push_str("\n\n");
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn block(b: &Block) -> String {
    match b.kind {
        BlockKind::Heading => {
            format!("{} {}", "#".repeat(b.level.unwrap_or(2) as usize), inlines(&b.content).replace('\n', " "))
        }
        BlockKind::Paragraph => escape_line_start(&inlines(&b.content)),
        // A link, never the player: Markdown renderers that pass HTML through would run a frame.
        BlockKind::Embed => {
            b.embed.as_ref().map(|e| format!("[{}](<{}>)", escape(&e.label()), destination(&e.url))).unwrap_or_default()
        }
        BlockKind::Quote => inlines(&b.content)
            .lines()
            .map(|l| if l.is_empty() { ">".to_string() } else { format!("> {}", escape_line_start(l)) })
            .collect::<Vec<_>>()
            .join("\n"),
        BlockKind::List => {
            let mut n = 0;
            b.items
                .iter()
                .map(|i| {
                    let marker = if b.ordered == Some(true) && i.level == 0 {
                        n += 1;
                        format!("{n}.")
                    } else {
                        "-".to_string()
                    };
                    let item = escape_line_start(&inlines(&i.content).replace('\n', " "));
                    format!("{}{marker} {item}", "    ".repeat(i.level as usize))
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        BlockKind::Code => {
            let code = crate::model::inline_text_raw(&b.content);
            // Longer than any run of backticks in the code, so no line of it closes the fence.
            let fence = "`".repeat(longest_backtick_run(&code).max(2) + 1);
            let language = b.language.as_deref().filter(|l| l.chars().all(is_info_string_char)).unwrap_or("");
            format!("{fence}{language}\n{code}\n{fence}")
        }
        BlockKind::Figure => {
            let img = b
                .image
                .as_ref()
                .map(|i| format!("![{}](<{}>)", escape(&i.alt), destination(&i.src)))
                .unwrap_or_default();
            let caption = inlines(&b.content);
            if caption.is_empty() {
                img
            } else {
                format!("{img}\n\n*{}*", caption.replace('\n', " "))
            }
        }
        BlockKind::Table => {
            let mut lines = Vec::new();
            let width = b.rows.iter().map(Vec::len).max().unwrap_or(0);
            for (r, row) in b.rows.iter().enumerate() {
                // `|` is escaped with the rest of the text, so a cell cannot end early.
                // A table row is one line: a break in a cell (a hard break elsewhere) is a space.
                let cell = |c: &crate::model::TableCell| inlines(&c.content).replace("\\\n", " ").replace('\n', " ");
                let mut cells: Vec<String> = row.iter().map(cell).collect();
                cells.resize(width, String::new());
                lines.push(format!("| {} |", cells.join(" | ")));
                if r == 0 {
                    lines.push(format!("|{}|", vec![" --- "; width].join("|")));
                }
            }
            lines.join("\n")
        }
    }
}

fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for i in content {
        match i {
            Inline::Text { text } => out.push_str(&escape(text)),
            Inline::Link { href, children } => {
                out.push_str(&format!("[{}](<{}>)", inlines(children), destination(href)))
            }
            Inline::Emphasis { children } => wrap(&mut out, "*", children),
            Inline::Strong { children } => wrap(&mut out, "**", children),
            Inline::Sub { children } | Inline::Sup { children } => out.push_str(&inlines(children)),
            Inline::Code { text } => out.push_str(&code_span(text)),
            Inline::Break => out.push_str("\\\n"),
            Inline::Image(img) => out.push_str(&format!("![{}](<{}>)", escape(&img.alt), destination(&img.src))),
            // Markdown has no anchors of its own; links keep their addresses.
            Inline::Anchor { .. } => {}
            // TeX between dollar signs, as Markdown with mathematics writes it; other formulas as
            // their text. The TeX is the page's and goes in unescaped (escaping would change it),
            // so only TeX with nothing a renderer without mathematics acts on: no tag, link,
            // code span, table cell or dollar that would end the formula early.
            Inline::Math(math) if math.tex && !math.text.contains(MARKDOWN_ACTIVE_IN_TEX) => {
                let fence = if math.block { "$$" } else { "$" };
                out.push_str(&format!("{fence}{}{fence}", math.text));
            }
            Inline::Math(math) => out.push_str(&escape(&math.text)),
        }
    }
    out
}

/// A code span whose delimiter is one backtick longer than the longest run inside, so nothing in
/// the code can close it early. A space pads code that starts or ends with a backtick (which would
/// join the delimiter) or with a space on both sides (which CommonMark would strip).
fn code_span(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let ticks = "`".repeat(longest_backtick_run(&text) + 1);
    let pad = text.starts_with('`') || text.ends_with('`') || (text.starts_with(' ') && text.ends_with(' '));
    let pad = if pad { " " } else { "" };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Characters a code fence's language may hold: a fence whose info string holds a backtick opens
/// no code block, and the code would stand as Markdown (and HTML) of its own.
fn is_info_string_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '.' | '#')
}

/// A link or image address for `[…](<address>)`: the characters that would end the address or
/// the line (`<`, `>`, a backslash, line breaks and other controls) percent-encoded, so the rest
/// of the address cannot stand as Markdown or HTML.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' | '>' | '\\' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_ascii_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A front-matter value: a JSON string (valid YAML), with the characters that would make markup
/// or a link for renderers that show front matter as text (`<`, `>`, `[`, `]`) written as `\u`
/// escapes. (Entities such as `&lt;` render as the character they name, which is text.)
fn front_matter_value(value: &str) -> String {
    let json = serde_json::to_string(value).expect("a string serialises");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' | '>' | '[' | ']' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Emphasis markers must hug the text, so surrounding spaces move outside them.
fn wrap(out: &mut String, marker: &str, children: &[Inline]) {
    let inner = inlines(children);
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        out.push_str(&inner);
        return;
    }
    if inner.starts_with(' ') {
        out.push(' ');
    }
    out.push_str(marker);
    out.push_str(trimmed);
    out.push_str(marker);
    if inner.ends_with(' ') {
        out.push(' ');
    }
}

/// Backslash-escape the characters CommonMark gives inline meaning, and write line endings as
/// spaces: a line break inside text (the assembler collapses them, but the renderer does not rely
/// on it) could end a paragraph inside a link or code span and leave its rest as raw HTML. Line
/// breaks the article means are `Inline::Break`s, written apart.
/// Characters that, in TeX written between dollar signs, a CommonMark renderer would read as
/// markup: raw HTML, link brackets, code spans, table cells, the end of the formula, a new line.
const MARKDOWN_ACTIVE_IN_TEX: &[char] = &['<', '>', '[', ']', '`', '|', '$', '\n', '\r'];

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' => {
                out.push_str(&text[run..i]);
                out.push('\\');
                run = i;
            }
            b'\r' | b'\n' => {
                out.push_str(&text[run..i]);
                out.push(' ');
                run = i + 1;
            }
            _ => {}
        }
    }
    out.push_str(&text[run..]);
    out
}

/// Escape what would make a line start a block of its own: a heading, list, setext underline,
/// thematic break or a `~~~` code fence (which would swallow the lines after it and could close
/// on a line of a code block, leaving the rest as raw markup). Indentation before it is dropped:
/// CommonMark ignores up to three spaces, and more would make an indented code block.
fn escape_line_start(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let line = line.trim_start_matches([' ', '\t']);
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            if line.starts_with(['#', '-', '+', '=', '~']) {
                format!("\\{line}")
            } else if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
                format!("{}\\{}", &line[..digits], &line[digits..])
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_in_text_is_escaped() {
        assert_eq!(escape("a *b* [c]"), "a \\*b\\* \\[c\\]");
        assert_eq!(escape_line_start("1. not a list"), "1\\. not a list");
        assert_eq!(escape_line_start("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line_start("  ~~~ not a fence\n\t- nor a list"), "\\~~~ not a fence\n\\- nor a list");
    }
}
