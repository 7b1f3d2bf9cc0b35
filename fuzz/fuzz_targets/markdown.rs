//! Fuzz the Markdown renderer's inertness: the fuzzer's text becomes every value an article can
//! carry — title, byline, date, source, text, inline code, link text and addresses, image
//! addresses and alt text, headings, code blocks and their language, captions, list items,
//! quotations, table cells — and the Markdown, rendered with HTML passed through, must hold only
//! what Markdown makes. Addresses are kept only where the assembler would keep them (safe links
//! and images), as the renderer is promised.
#![no_main]

#[path = "check.rs"]
mod check;

use lectern::{Article, Block, BlockKind, Image, Inline, ListItem, TableCell};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    // Fields are separated by U+0001, so the fuzzer controls each value and their number.
    let fields: Vec<&str> = input.split('\u{1}').collect();
    let field = |i: usize| fields[i % fields.len()].to_string();
    let text = |i: usize| Inline::Text { text: field(i) };
    let link = lectern::urls::is_safe_link(&field(6)).then(|| Inline::Link { href: field(6), children: vec![text(7)] });
    let image = lectern::urls::is_safe_image(&field(8)).then(|| Image { src: field(8), alt: field(9) });
    let mut inlines = vec![text(4), Inline::Code { text: field(5) }, Inline::Emphasis { children: vec![text(10)] }, Inline::Break];
    inlines.extend(link);
    inlines.extend(image.clone().map(Inline::Image));
    inlines.push(Inline::Strong { children: vec![text(11)] });
    let mut heading = Block::new(BlockKind::Heading, vec![text(12)]);
    heading.level = Some(2);
    let mut code = Block::new(BlockKind::Code, vec![Inline::Code { text: field(13) }]);
    code.language = Some(field(14));
    let mut figure = Block::new(BlockKind::Figure, vec![text(17)]);
    figure.image = image;
    let mut list = Block::new(BlockKind::List, Vec::new());
    list.ordered = Some(fields.len() % 2 == 0);
    list.items = vec![ListItem { level: 0, content: vec![text(18)] }, ListItem { level: 1, content: vec![text(19)] }];
    let mut table = Block::new(BlockKind::Table, vec![text(23)]);
    table.rows = vec![vec![TableCell { header: true, content: vec![text(21)] }, TableCell { header: false, content: vec![text(22)] }]];
    let article = Article {
        title: field(0),
        byline: Some(field(1)),
        published: Some(field(2)),
        url: Some(field(3)),
        blocks: vec![Block::new(BlockKind::Paragraph, inlines), heading, code, figure, list, Block::new(BlockKind::Quote, vec![text(20)]), table],
        ..Article::default()
    };
    check::markdown_is_inert(&article);
});
