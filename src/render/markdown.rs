//! CommonMark with a short front-matter header (title, source, byline, date).

use crate::model::{Article, Block, BlockKind, Inline};

pub fn render(article: &Article) -> String {
    let mut out = String::from("---\n");
    let field = |out: &mut String, k: &str, v: &Option<String>| {
        if let Some(v) = v {
            out.push_str(&format!("{k}: {}\n", serde_json::to_string(v).unwrap_or_default()));
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
                    format!("{}{marker} {}", "    ".repeat(i.level as usize), inlines(&i.content).replace('\n', " "))
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        BlockKind::Code => {
            let code = crate::model::inline_text_raw(&b.content);
            let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat(longest.max(2) + 1);
            format!("{fence}{}\n{code}\n{fence}", b.language.clone().unwrap_or_default())
        }
        BlockKind::Figure => {
            let img = b
                .image
                .as_ref()
                .map(|i| format!("![{}](<{}>)", escape(&i.alt), i.src.replace('>', "%3E")))
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
                let mut cells: Vec<String> =
                    row.iter().map(|c| inlines(&c.content).replace('\n', " ").replace('|', "\\|")).collect();
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
                out.push_str(&format!("[{}](<{}>)", inlines(children), href.replace('>', "%3E")))
            }
            Inline::Emphasis { children } => wrap(&mut out, "*", children),
            Inline::Strong { children } => wrap(&mut out, "**", children),
            Inline::Sub { children } | Inline::Sup { children } => out.push_str(&inlines(children)),
            Inline::Code { text } => {
                let ticks = if text.contains('`') { "``" } else { "`" };
                let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
                out.push_str(&format!("{ticks}{pad}{}{pad}{ticks}", text.replace('\n', " ")));
            }
            Inline::Break => out.push_str("\\\n"),
            Inline::Image(img) => out.push_str(&format!("![{}](<{}>)", escape(&img.alt), img.src.replace('>', "%3E"))),
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

/// Backslash-escape the characters CommonMark gives inline meaning.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        if matches!(b, b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|') {
            out.push_str(&text[run..i]);
            out.push('\\');
            run = i;
        }
    }
    out.push_str(&text[run..]);
    out
}

/// Escape what would make a line start a heading, list, quote or thematic break.
fn escape_line_start(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            if line.starts_with(['#', '-', '+', '=']) {
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
    }
}
