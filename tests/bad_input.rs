//! Bad input gets a clear error or an empty result with a reason: never a panic, a stack
//! overflow or a hang. (No timings here: the benchmarks show time grows linearly with size.)

use lectern::ExtractError;

fn paragraphs(n: usize) -> String {
    (0..n).map(|i| format!("<p>Paragraph {i} of a very long page, with enough words in it to count as prose for the scorer, and a comma.</p>")).collect()
}

#[test]
fn empty_and_whitespace_input_is_an_empty_input_error() {
    assert_eq!(lectern::extract("", None).unwrap_err(), ExtractError::EmptyInput);
    assert_eq!(lectern::extract_bytes(b"  \n\t ", None).unwrap_err(), ExtractError::EmptyInput);
}

#[test]
fn binary_bytes_are_rejected_as_not_html() {
    let junk: Vec<u8> = (0..10_000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    match lectern::extract_bytes(&junk, None) {
        Err(ExtractError::NotHtml { .. }) => {}
        other => panic!("expected NotHtml, got {:?}", other.map(|a| a.title)),
    }
    let err = lectern::extract_bytes(&junk, None).unwrap_err().to_string();
    assert!(err.contains("not HTML"), "{err}");
}

#[test]
fn invalid_utf8_is_decoded_lossily_not_rejected() {
    let mut page = b"<html><body><article>".to_vec();
    for _ in 0..10 {
        page.extend_from_slice(b"<p>Caf\xe9 owners in the old town say the winter was the hardest they remember, and that rents rose again.</p>");
    }
    page.extend_from_slice(b"</article></body></html>");
    let article = lectern::extract_bytes(&page, None).unwrap();
    assert!(lectern::to_text(&article).contains("Café owners"));
}

#[test]
fn plain_text_input_becomes_an_article_or_a_reason() {
    let text = "Just some plain text without any markup at all. ".repeat(40);
    match lectern::extract(&text, None) {
        Ok(a) => assert!(lectern::to_text(&a).contains("plain text without any markup")),
        Err(ExtractError::NoArticle { reason }) => assert!(!reason.is_empty()),
        Err(e) => panic!("unexpected {e}"),
    }
}

#[test]
fn nesting_100000_deep_does_not_overflow_the_stack() {
    let depth = 100_000;
    let html =
        format!("<html><body>{}{}{}</body></html>", "<div>".repeat(depth), paragraphs(20), "</div>".repeat(depth));
    let article = lectern::extract(&html, None).unwrap();
    assert!(lectern::to_text(&article).contains("Paragraph 19 of a very long page"));
}

#[test]
fn nested_inline_elements_100000_deep_do_not_overflow_the_stack() {
    let depth = 100_000;
    let html = format!(
        "<html><body><article>{}<p>{}</p>{}</article></body></html>",
        "<span><em>".repeat(depth),
        "deep words ".repeat(100),
        "</em></span>".repeat(depth)
    );
    match lectern::extract(&html, None) {
        Ok(a) => assert!(lectern::to_text(&a).contains("deep words")),
        Err(ExtractError::NoArticle { .. }) => {}
        Err(e) => panic!("unexpected {e}"),
    }
}

#[test]
fn fifty_thousand_sibling_paragraphs_are_all_kept() {
    let html = format!("<html><body><article>{}</article></body></html>", paragraphs(50_000));
    let article = lectern::extract(&html, None).unwrap();
    assert_eq!(article.blocks.len(), 50_000);
}

#[test]
fn a_twenty_megabyte_page_is_extracted() {
    let mut html = String::from("<html><body><nav>");
    html.push_str(&"<a href='/x'>link</a>".repeat(1000));
    html.push_str("</nav><article>");
    let para = paragraphs(1);
    while html.len() < 20 * 1024 * 1024 {
        html.push_str(&para);
    }
    html.push_str("</article></body></html>");
    let article = lectern::extract(&html, Some("https://example.org/big.html")).unwrap();
    // Every paragraph is the same text: one copy survives, the rest are recorded as duplicates.
    assert_eq!(article.blocks.len(), 1);
    assert!(article.stats.duplicates_removed > 100_000);
}

#[test]
fn thousands_of_unclosed_tags_and_stray_markup_are_survived() {
    let html = format!(
        "<html><body>{}<p>{}</p>{}",
        "<table><tr><td>".repeat(5_000),
        "words ".repeat(500),
        "<b><i><u>".repeat(5_000)
    );
    // The text survives the broken markup around it, whatever the article finder makes of it.
    match lectern::extract(&html, None) {
        Ok(a) => assert!(lectern::to_text(&a).contains(&"words ".repeat(100).trim_end().to_string())),
        Err(ExtractError::NoArticle { reason }) => assert!(!reason.is_empty()),
        Err(e) => panic!("unexpected {e}"),
    }
}

#[test]
fn a_page_without_an_article_says_why() {
    let html = format!(
        "<html><body>{}</body></html>",
        (0..30)
            .map(|i| format!("<h3><a href='/s/{i}'>Headline number {i} about the news</a></h3><p>Teaser {i}.</p>"))
            .collect::<String>()
    );
    match lectern::extract(&html, Some("https://example.org/")) {
        Err(ExtractError::NoArticle { reason }) => assert!(reason.contains("headlines"), "{reason}"),
        other => panic!("expected NoArticle, got {:?}", other.map(|a| a.title)),
    }
}

#[test]
fn thousands_of_unbalanced_quote_marks_give_bounded_quotes_and_no_panic() {
    let marks = "“ ” \" ‘ ’ « » „ 「 』 ".repeat(2_000);
    let para = format!("<p>The spokesman said {marks} and then “an unclosed remark that never ends</p>");
    let code = "<p>Run <code>echo \"unterminated</code> or visit <a href=\"https://x.example/?q=%22a%22\">the “page</a> now, he said.</p>";
    let html = format!(
        "<html><body><article>{}{para}{code}</article></body></html>",
        "<p>An ordinary paragraph of the story, long enough to be prose, with a comma, and more words.</p>".repeat(8)
    );
    let article = lectern::extract(&html, None).unwrap();
    for q in &article.quotes {
        let len = article.blocks[q.block].text.chars().count();
        assert!(q.start < q.end && q.end <= len, "{q:?}");
        // No quotation may swallow the rest of the article: it ends inside its block.
        assert!(q.text.chars().count() < len);
    }
    assert!(!article.quotes.iter().any(|q| q.text.contains("echo")), "quote marks inside code are program text");
}
