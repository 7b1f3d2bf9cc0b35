//! Sanitized HTML by construction: only the tags written here, every text and attribute value
//! escaped, URLs already checked by the assembler. Quotations are wrapped in
//! `<mark class="lectern-quote">` with the speaker in `data-speaker`, leaving the text as it was.
//!
//! The walk over blocks is written once against [`Sink`]; [`StringSink`] makes HTML text, and
//! the browser's reading view supplies a sink that builds DOM nodes directly.

use crate::model::{Article, Block, BlockKind, Image, Inline, MathNode, Quote};

/// Receives the renderer's elements and text. Tags and attribute names are the renderer's own
/// constants; values and text are untrusted and must be escaped or set as data.
pub trait Sink {
    fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]);
    fn close(&mut self, tag: &'static str);
    /// An element without content (`img`, `br`).
    fn void(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]);
    fn text(&mut self, text: &str);
    /// A MathML element (closed with [`Sink::close`]). HTML text needs nothing else: the parser
    /// puts what is inside `<math>` in the MathML namespace.
    fn open_math(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.open(tag, attrs);
    }
}

/// HTML text.
#[derive(Default)]
pub struct StringSink {
    pub out: String,
}

impl Sink for StringSink {
    fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.void(tag, attrs);
    }
    fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }
    fn void(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
    }
    fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }
}

pub fn render(article: &Article) -> String {
    let mut sink =
        StringSink { out: String::with_capacity(article.blocks.iter().map(|b| b.text.len() * 2).sum::<usize>() + 256) };
    let mut attrs: Vec<(&'static str, &str)> = vec![("dir", &article.dir)];
    if let Some(lang) = &article.lang {
        attrs.push(("lang", lang));
    }
    sink.open("article", &attrs);
    if !article.title.is_empty() {
        sink.open("h1", &[]);
        sink.text(&article.title);
        sink.close("h1");
    }
    if let Some(standfirst) = &article.standfirst {
        sink.open("p", &[("class", "standfirst")]);
        sink.open("em", &[]);
        sink.text(standfirst);
        sink.close("em");
        sink.close("p");
    }
    let by_block = quotes_by_block(article);
    for (i, b) in article.blocks.iter().enumerate() {
        block(&mut sink, b, &by_block[i]);
    }
    sink.close("article");
    sink.out
}

/// The quotations of each block to mark, indexed by block (one pass, so rendering stays
/// linear). Titles (“Meet the Press”) are not marked: the view would highlight them as speech.
pub fn quotes_by_block(article: &Article) -> Vec<Vec<&Quote>> {
    let mut by_block: Vec<Vec<&Quote>> = vec![Vec::new(); article.blocks.len()];
    for q in article.quotes.iter().filter(|q| q.kind != crate::model::QuoteKind::Title) {
        if let Some(v) = by_block.get_mut(q.block) {
            v.push(q);
        }
    }
    by_block
}

/// Render one block; `quotes` are the quotations inside it, by character offsets into its text.
pub fn block<S: Sink>(sink: &mut S, b: &Block, quotes: &[&Quote]) {
    let mut w = Writer { sink, quotes, offset: 0, open: None };
    match b.kind {
        BlockKind::Heading => w.element(heading_tag(b.level), &b.content),
        BlockKind::Paragraph => w.element("p", &b.content),
        BlockKind::Quote => {
            w.sink.open("blockquote", &[]);
            w.element("p", &b.content);
            w.sink.close("blockquote");
        }
        BlockKind::Code => code(w.sink, b),
        BlockKind::Figure => {
            w.sink.open("figure", &[]);
            if let Some(img) = &b.image {
                w.sink.void("img", &image_attrs(img));
            }
            if !b.content.is_empty() {
                w.element("figcaption", &b.content);
            }
            w.sink.close("figure");
        }
        BlockKind::List => w.list(b),
        BlockKind::Table => w.table(b),
        // A card linking to the player or frame; the page's frame is never written.
        BlockKind::Embed => {
            if let Some(e) = &b.embed {
                w.sink.open("p", &[("class", "lectern-embed")]);
                w.sink.open("a", &[("href", &e.url), ("rel", "noopener noreferrer")]);
                w.sink.text(&e.label());
                w.sink.close("a");
                w.sink.close("p");
            }
        }
    }
}

/// Headings of the body are `h2` to `h6`: the title is the page's one `h1`.
fn heading_tag(level: Option<u8>) -> &'static str {
    match level.unwrap_or(2) {
        0..=2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}

fn image_attrs(img: &Image) -> [(&'static str, &str); 4] {
    [("src", &img.src), ("alt", &img.alt), ("loading", "lazy"), ("referrerpolicy", "no-referrer")]
}

/// A code block: its text as it stands, with its language as a `language-` class.
fn code<S: Sink>(sink: &mut S, b: &Block) {
    sink.open("pre", &[]);
    let class = b.language.as_ref().map(|l| format!("language-{l}"));
    match &class {
        Some(c) => sink.open("code", &[("class", c)]),
        None => sink.open("code", &[]),
    }
    sink.text(&crate::model::inline_text_raw(&b.content));
    sink.close("code");
    sink.close("pre");
}

struct Writer<'s, 'q, S: Sink> {
    sink: &'s mut S,
    quotes: &'q [&'q Quote],
    /// Characters of block text written so far.
    offset: usize,
    /// The quote whose `<mark>` is open.
    open: Option<&'q Quote>,
}

impl<'q, S: Sink> Writer<'_, 'q, S> {
    /// `<tag>`, the content with its quotations marked, `</tag>`.
    fn element(&mut self, tag: &'static str, content: &[Inline]) {
        self.sink.open(tag, &[]);
        self.inlines(content);
        self.close_mark();
        self.sink.close(tag);
    }

    /// A list; items nest by their level.
    fn list(&mut self, b: &Block) {
        let tag = if b.ordered == Some(true) { "ol" } else { "ul" };
        let mut depth = 0u8;
        self.sink.open(tag, &[]);
        for (n, item) in b.items.iter().enumerate() {
            if n > 0 {
                while depth > item.level {
                    self.sink.close("li");
                    self.sink.close(tag);
                    depth -= 1;
                }
                if item.level > depth {
                    while depth < item.level {
                        self.sink.open(tag, &[]);
                        depth += 1;
                    }
                } else {
                    self.sink.close("li");
                }
            }
            self.sink.open("li", &[]);
            // The block's text writes each item as its indent and "- ", then its text, then a
            // newline (`Block::plain_text`): quote offsets count those characters too.
            if n > 0 {
                self.offset += 1;
            }
            self.offset += 2 * item.level as usize + 2;
            self.inlines(&item.content);
            self.close_mark();
        }
        while depth > 0 {
            self.sink.close("li");
            self.sink.close(tag);
            depth -= 1;
        }
        self.sink.close("li");
        self.sink.close(tag);
    }

    fn table(&mut self, b: &Block) {
        self.sink.open("table", &[]);
        if !b.content.is_empty() {
            // The caption is not part of the block's text, so no quote offset counts it.
            let (quotes, offset) = (std::mem::take(&mut self.quotes), self.offset);
            self.element("caption", &b.content);
            (self.quotes, self.offset) = (quotes, offset);
        }
        self.sink.open("tbody", &[]);
        for (r, row) in b.rows.iter().enumerate() {
            self.sink.open("tr", &[]);
            // Rows are lines of the block's text and cells are joined by " | " there.
            if r > 0 {
                self.offset += 1;
            }
            for (c, cell) in row.iter().enumerate() {
                if c > 0 {
                    self.offset += 3;
                }
                self.element(if cell.header { "th" } else { "td" }, &cell.content);
            }
            self.sink.close("tr");
        }
        self.sink.close("tbody");
        self.sink.close("table");
    }

    fn inlines(&mut self, content: &[Inline]) {
        for i in content {
            match i {
                Inline::Text { text } => self.text(text),
                Inline::Code { text } => self.wrapped("code", |w| w.text(text)),
                Inline::Link { href, children } => {
                    self.close_mark();
                    self.sink.open("a", &[("href", href), ("rel", "noopener noreferrer")]);
                    self.inlines(children);
                    self.close_mark();
                    self.sink.close("a");
                }
                Inline::Emphasis { children } => self.wrapped("em", |w| w.inlines(children)),
                Inline::Strong { children } => self.wrapped("strong", |w| w.inlines(children)),
                Inline::Sub { children } => self.wrapped("sub", |w| w.inlines(children)),
                Inline::Sup { children } => self.wrapped("sup", |w| w.inlines(children)),
                Inline::Break => {
                    self.close_mark();
                    self.sink.void("br", &[]);
                    self.offset += 1;
                }
                Inline::Image(img) => self.sink.void("img", &image_attrs(img)),
                Inline::Math(math) => {
                    self.close_mark();
                    self.math(&math.root);
                    self.offset += math.text.chars().count();
                }
                // An empty marker, not an id: the page's ids could clash with the view's own.
                Inline::Anchor { id } => {
                    self.sink.open("span", &[("data-anchor", id)]);
                    self.sink.close("span");
                }
            }
        }
    }

    /// A formula's MathML; its text counts toward the quotes' offsets once, as a whole.
    fn math(&mut self, node: &MathNode) {
        match node {
            MathNode::Text(text) => self.sink.text(text),
            MathNode::Element { name, attrs, children } => {
                let attrs: Vec<(&'static str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
                self.sink.open_math(name, &attrs);
                for child in children {
                    self.math(child);
                }
                self.sink.close(name);
            }
        }
    }

    fn wrapped(&mut self, tag: &'static str, body: impl FnOnce(&mut Self)) {
        self.close_mark();
        self.sink.open(tag, &[]);
        body(self);
        self.close_mark();
        self.sink.close(tag);
    }

    fn quote_at(&self, offset: usize) -> Option<&'q Quote> {
        self.quotes.iter().copied().find(|q| q.start <= offset && offset < q.end)
    }

    fn close_mark(&mut self) {
        if self.open.take().is_some() {
            self.sink.close("mark");
        }
    }

    fn open_mark(&mut self, q: &'q Quote) {
        let id = q.id.to_string();
        let kind = match q.kind {
            crate::model::QuoteKind::Direct => "direct",
            crate::model::QuoteKind::Partial => "partial",
            crate::model::QuoteKind::Block => "block",
            crate::model::QuoteKind::Scare => "scare",
            crate::model::QuoteKind::Title => "title",
        };
        let mut attrs: Vec<(&'static str, &str)> =
            vec![("class", "lectern-quote"), ("data-quote", &id), ("data-kind", kind)];
        if let Some(s) = &q.speaker {
            attrs.push(("data-speaker", s));
        }
        self.sink.open("mark", &attrs);
        self.open = Some(q);
    }

    /// Write text in runs, opening and closing quote marks at the quotes' character offsets.
    fn text(&mut self, text: &str) {
        if self.quotes.is_empty() {
            self.sink.text(text);
            self.offset += text.chars().count();
            return;
        }
        let mut run_start = 0;
        // Which quotation covers the text can change only where one starts or ends.
        let mut next_change = self.offset;
        for (byte, _) in text.char_indices() {
            if self.offset >= next_change {
                next_change = self.next_boundary(self.offset);
                let q = self.quote_at(self.offset);
                if q.map(|q| q.id) != self.open.map(|q| q.id) {
                    if byte > run_start {
                        self.sink.text(&text[run_start..byte]);
                    }
                    run_start = byte;
                    self.close_mark();
                    if let Some(q) = q {
                        self.open_mark(q);
                    }
                }
            }
            self.offset += 1;
        }
        if run_start < text.len() {
            self.sink.text(&text[run_start..]);
        }
    }

    /// The first quotation start or end after `offset`.
    fn next_boundary(&self, offset: usize) -> usize {
        self.quotes.iter().flat_map(|q| [q.start, q.end]).filter(|&b| b > offset).min().unwrap_or(usize::MAX)
    }
}

/// Append `s` with the five HTML-significant characters escaped, copying the runs between them
/// whole. The next special character of each kind is found with memchr, and each search starts
/// after the last match of its kind, so the work stays linear (long `data:` URLs have none).
pub fn escape_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let end = bytes.len();
    let markup = |from: usize| memchr::memchr3(b'&', b'<', b'>', &bytes[from..]).map_or(end, |p| from + p);
    let quotes = |from: usize| memchr::memchr2(b'"', b'\'', &bytes[from..]).map_or(end, |p| from + p);
    let (mut next_markup, mut next_quote) = (markup(0), quotes(0));
    let mut run = 0;
    loop {
        let i = next_markup.min(next_quote);
        if i == end {
            break;
        }
        // The special characters are ASCII, so `i` and `i + 1` are character boundaries.
        out.push_str(&s[run..i]);
        out.push_str(match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        run = i + 1;
        if i == next_markup {
            next_markup = markup(run);
        } else {
            next_quote = quotes(run);
        }
    }
    out.push_str(&s[run..]);
}

#[cfg(test)]
mod tests {
    use super::escape_into;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s);
        out
    }

    #[test]
    fn the_five_html_characters_are_escaped_and_everything_else_is_copied() {
        assert_eq!(escaped(""), "");
        assert_eq!(escaped("plain «текст»"), "plain «текст»");
        assert_eq!(escaped(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(escaped("\"\"''<<>>&&"), "&quot;&quot;&#39;&#39;&lt;&lt;&gt;&gt;&amp;&amp;");
        assert_eq!(escaped("é\"é<é"), "é&quot;é&lt;é");
    }
}
