//! Sanitized HTML by construction: only the tags written here, every text and attribute value
//! escaped, URLs already checked by the assembler. Quotations are wrapped in
//! `<mark class="lectern-quote">` with the speaker in `data-speaker`, leaving the text as it was.

use crate::model::{Article, Block, BlockKind, Inline, Quote};

pub fn render(article: &Article) -> String {
    let mut out = String::with_capacity(article.blocks.iter().map(|b| b.text.len() * 2).sum::<usize>() + 256);
    out.push_str("<article");
    attr(&mut out, "dir", &article.dir);
    if let Some(lang) = &article.lang {
        attr(&mut out, "lang", lang);
    }
    out.push('>');
    if !article.title.is_empty() {
        out.push_str("<h1>");
        escape_into(&mut out, &article.title);
        out.push_str("</h1>");
    }
    for (i, b) in article.blocks.iter().enumerate() {
        let quotes: Vec<&Quote> = article.quotes.iter().filter(|q| q.block == i).collect();
        block(&mut out, b, &quotes);
    }
    out.push_str("</article>");
    out
}

/// Render one block; `quotes` are the quotations inside it, by character offsets into its text.
pub fn block(out: &mut String, b: &Block, quotes: &[&Quote]) {
    let mut w = Writer { out, quotes, offset: 0, open: None };
    match b.kind {
        BlockKind::Heading => {
            let level = b.level.unwrap_or(2).clamp(2, 6);
            w.out.push_str(&format!("<h{level}>"));
            w.inlines(&b.content);
            w.close_mark();
            w.out.push_str(&format!("</h{level}>"));
        }
        BlockKind::Paragraph => {
            w.out.push_str("<p>");
            w.inlines(&b.content);
            w.close_mark();
            w.out.push_str("</p>");
        }
        BlockKind::Quote => {
            w.out.push_str("<blockquote><p>");
            w.inlines(&b.content);
            w.close_mark();
            w.out.push_str("</p></blockquote>");
        }
        BlockKind::Code => {
            w.out.push_str("<pre><code");
            if let Some(lang) = &b.language {
                attr(w.out, "class", &format!("language-{lang}"));
            }
            w.out.push('>');
            escape_into(w.out, &crate::model::inline_text_raw(&b.content));
            w.out.push_str("</code></pre>");
        }
        BlockKind::Figure => {
            w.out.push_str("<figure>");
            if let Some(img) = &b.image {
                w.out.push_str("<img");
                attr(w.out, "src", &img.src);
                attr(w.out, "alt", &img.alt);
                w.out.push_str(" loading=\"lazy\" referrerpolicy=\"no-referrer\">");
            }
            if !b.content.is_empty() {
                w.out.push_str("<figcaption>");
                w.inlines(&b.content);
                w.close_mark();
                w.out.push_str("</figcaption>");
            }
            w.out.push_str("</figure>");
        }
        BlockKind::List => {
            let tag = if b.ordered == Some(true) { "ol" } else { "ul" };
            let mut depth = 0u8;
            w.out.push_str(&format!("<{tag}>"));
            for (n, item) in b.items.iter().enumerate() {
                if n > 0 {
                    while depth > item.level {
                        w.out.push_str(&format!("</li></{tag}>"));
                        depth -= 1;
                    }
                    if item.level > depth {
                        while depth < item.level {
                            w.out.push_str(&format!("<{tag}>"));
                            depth += 1;
                        }
                    } else {
                        w.out.push_str("</li>");
                    }
                }
                w.out.push_str("<li>");
                w.inlines(&item.content);
                w.close_mark();
            }
            while depth > 0 {
                w.out.push_str(&format!("</li></{tag}>"));
                depth -= 1;
            }
            w.out.push_str(&format!("</li></{tag}>"));
        }
        BlockKind::Table => {
            w.out.push_str("<table>");
            if !b.content.is_empty() {
                w.out.push_str("<caption>");
                w.inlines(&b.content);
                w.out.push_str("</caption>");
            }
            w.out.push_str("<tbody>");
            for row in &b.rows {
                w.out.push_str("<tr>");
                for cell in row {
                    let tag = if cell.header { "th" } else { "td" };
                    w.out.push_str(&format!("<{tag}>"));
                    w.inlines(&cell.content);
                    w.out.push_str(&format!("</{tag}>"));
                }
                w.out.push_str("</tr>");
            }
            w.out.push_str("</tbody></table>");
        }
    }
}

struct Writer<'a, 'q> {
    out: &'a mut String,
    quotes: &'q [&'q Quote],
    /// Characters of block text written so far.
    offset: usize,
    /// The quote whose `<mark>` is open.
    open: Option<&'q Quote>,
}

impl<'q> Writer<'_, 'q> {
    fn inlines(&mut self, content: &[Inline]) {
        for i in content {
            match i {
                Inline::Text { text } => self.text(text),
                Inline::Code { text } => {
                    self.close_mark();
                    self.out.push_str("<code>");
                    self.text(text);
                    self.close_mark();
                    self.out.push_str("</code>");
                }
                Inline::Link { href, children } => {
                    self.close_mark();
                    self.out.push_str("<a");
                    attr(self.out, "href", href);
                    self.out.push_str(" rel=\"noopener noreferrer\">");
                    self.inlines(children);
                    self.close_mark();
                    self.out.push_str("</a>");
                }
                Inline::Emphasis { children } => self.wrapped("em", children),
                Inline::Strong { children } => self.wrapped("strong", children),
                Inline::Sub { children } => self.wrapped("sub", children),
                Inline::Sup { children } => self.wrapped("sup", children),
                Inline::Break => {
                    self.close_mark();
                    self.out.push_str("<br>");
                    self.offset += 1;
                }
                Inline::Image(img) => {
                    self.out.push_str("<img");
                    attr(self.out, "src", &img.src);
                    attr(self.out, "alt", &img.alt);
                    self.out.push_str(" loading=\"lazy\" referrerpolicy=\"no-referrer\">");
                }
            }
        }
    }

    fn wrapped(&mut self, tag: &str, children: &[Inline]) {
        self.close_mark();
        self.out.push_str(&format!("<{tag}>"));
        self.inlines(children);
        self.close_mark();
        self.out.push_str(&format!("</{tag}>"));
    }

    fn quote_at(&self, offset: usize) -> Option<&'q Quote> {
        self.quotes.iter().copied().find(|q| q.start <= offset && offset < q.end)
    }

    fn close_mark(&mut self) {
        if self.open.take().is_some() {
            self.out.push_str("</mark>");
        }
    }

    /// Write text, opening and closing quote marks at the quotes' character offsets.
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            let q = if self.quotes.is_empty() { None } else { self.quote_at(self.offset) };
            if q.map(|q| q.id) != self.open.map(|q| q.id) {
                self.close_mark();
                if let Some(q) = q {
                    self.out.push_str("<mark class=\"lectern-quote\"");
                    attr(self.out, "data-quote", &q.id.to_string());
                    attr(self.out, "data-kind", &format!("{:?}", q.kind).to_lowercase());
                    if let Some(s) = &q.speaker {
                        attr(self.out, "data-speaker", s);
                    }
                    self.out.push('>');
                    self.open = Some(q);
                }
            }
            escape_char(self.out, c);
            self.offset += 1;
        }
    }
}

fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

fn escape_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        escape_char(out, c);
    }
}
