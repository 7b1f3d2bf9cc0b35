//! Quote highlights land on the quotation in every kind of block: on every Readability corpus page,
//! each quotation's marks in the rendered HTML (what the view highlights) hold exactly the block
//! text at the quotation's offsets, that text is the quotation (marks around it, whitespace
//! collapsed), and no highlight starts or ends inside a word; titles (“Meet the Press”) have no
//! highlight at all. The seed story keeps its four
//! Imran Khan quotations.

mod common;

use std::collections::BTreeMap;

/// The text of each `<mark class="lectern-quote" data-quote="N">` in `html`, joined per quote id
/// (a quotation's highlight is split where a link or emphasis starts, and over paragraphs).
fn marked(html: &str) -> BTreeMap<usize, String> {
    let mut out: BTreeMap<usize, String> = BTreeMap::new();
    let open = "<mark class=\"lectern-quote\" data-quote=\"";
    let mut rest = html;
    while let Some(p) = rest.find(open) {
        rest = &rest[p + open.len()..];
        let id: usize = rest[..rest.find('"').unwrap()].parse().unwrap();
        let body_start = rest.find('>').unwrap() + 1;
        let body_end = rest.find("</mark>").unwrap();
        let body = &rest[body_start..body_end];
        out.entry(id).or_default().push_str(&unescape(&strip_tags(body)));
        rest = &rest[body_end..];
    }
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Whether a quotation's text is the highlighted text without its outer marks.
fn same_quotation(highlight: &str, text: &str) -> bool {
    let inner: String = highlight.trim().chars().collect();
    let trimmed = inner.trim_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
    let want = text.trim_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
    lectern::collapse_whitespace(trimmed).trim() == lectern::collapse_whitespace(want).trim()
}

#[test]
fn every_highlight_is_its_quotation_and_cuts_no_word() {
    let mut problems = Vec::new();
    let mut quotes = 0;
    for (name, dir) in common::corpus_pages() {
        let html = std::fs::read_to_string(dir.join("source.html")).unwrap();
        let Ok(article) = lectern::extract(&html, Some(common::CORPUS_URL)) else { continue };
        let rendered = lectern::to_html(&article);
        let marks = marked(&rendered);
        let mut by_id: BTreeMap<usize, String> = BTreeMap::new();
        for q in &article.quotes {
            if q.kind == lectern::QuoteKind::Title {
                // Titles are not highlighted: no mark may hold one.
                if marks.contains_key(&q.id) {
                    problems.push(format!("{name}: title {} {:?} is highlighted as speech", q.id, q.text));
                }
                continue;
            }
            quotes += 1;
            let block: Vec<char> = article.blocks[q.block].text.chars().collect();
            if q.end > block.len() || q.start >= q.end {
                problems.push(format!("{name}: quote {} offsets {}..{} outside its block", q.id, q.start, q.end));
                continue;
            }
            let span: String = block[q.start..q.end].iter().collect();
            by_id.entry(q.id).or_default().push_str(&span);
            if !same_quotation(&span, &q.text) {
                problems.push(format!("{name}: quote {} is {:?} but its offsets hold {span:?}", q.id, q.text));
            }
            let cuts_start = q.start > 0 && block[q.start - 1].is_alphanumeric() && block[q.start].is_alphanumeric();
            let cuts_end = q.end < block.len() && block[q.end - 1].is_alphanumeric() && block[q.end].is_alphanumeric();
            if cuts_start || cuts_end {
                problems.push(format!("{name}: quote {} highlight {span:?} starts or ends inside a word", q.id));
            }
        }
        for (id, text) in &by_id {
            let shown = marks.get(id).map(String::as_str).unwrap_or_default();
            // Line breaks are `<br>` in the HTML, so whitespace is left out of the comparison.
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            if squeeze(shown) != squeeze(text) {
                problems.push(format!("{name}: quote {id} highlights {shown:?}, its offsets hold {text:?}"));
            }
        }
    }
    println!("{quotes} quotations checked");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_seed_story_still_gives_its_four_imran_khan_quotes() {
    let html = std::fs::read_to_string(common::fixtures_dir("news").join("tolonews_seed.html")).unwrap();
    let article = lectern::extract(&html, Some("https://tolonews.com/afghanistan-173116")).unwrap();
    assert_eq!(article.quotes.len(), 4, "{:?}", article.quotes);
    assert!(article.quotes.iter().all(|q| q.speaker.as_deref() == Some("Imran Khan")), "{:?}", article.quotes);
}
