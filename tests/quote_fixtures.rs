//! Quotation finding on the annotated set under tests/fixtures/quotes/: each `NAME.quotes.json`
//! lists every quotation of its page (text without the marks, speaker, kind) with a `pins` line
//! saying what the page is for. Each page is a test of its own: every annotated quotation is
//! found and nothing else is. Speakers and kinds are scored over the whole set against floors at
//! the measured values, with every miss printed. Plus the seed story's four quotes, exactly.

mod common;

use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

/// The set is this large at least: a fixture lost from the folder is a failure, not a skip.
const MIN_FIXTURES: usize = 179;

/// Share of found quotations whose speaker is the annotated one (measured: 514 of 524).
const MIN_SPEAKER_ACCURACY: f64 = 0.980;

/// Share of found quotations whose kind (direct, partial, block, scare, title) is the annotated
/// one (measured: 512 of 524).
const MIN_KIND_ACCURACY: f64 = 0.977;

#[derive(Debug)]
struct Expected {
    text: String,
    speaker: Option<String>,
    kind: String,
}

/// A found quotation matched to its annotation.
struct Matched {
    found_speaker: Option<String>,
    found_kind: String,
    expected: Expected,
}

/// A page's quotations against its annotations.
struct Comparison {
    matched: Vec<Matched>,
    /// Annotations not found.
    missed: Vec<Expected>,
    /// Quotations found that are not annotated.
    unexpected: Vec<String>,
}

fn compare(html: &std::path::Path, side: &std::path::Path) -> Result<Comparison, Failed> {
    let html = std::fs::read_to_string(html)?;
    let v: Value = serde_json::from_str(&std::fs::read_to_string(side)?)?;
    let mut unmatched: Vec<Expected> = v["quotes"]
        .as_array()
        .ok_or("no \"quotes\" list")?
        .iter()
        .map(|q| Expected {
            text: q["text"].as_str().unwrap_or_default().to_string(),
            speaker: q["speaker"].as_str().map(str::to_string),
            kind: q["kind"].as_str().unwrap_or_default().to_string(),
        })
        .collect();
    let article = lectern::extract(&html, Some("https://news.example/story.html"))?;
    let (mut matched, mut unexpected) = (Vec::new(), Vec::new());
    for q in &article.quotes {
        let text = lectern::collapse_whitespace(&q.text);
        match unmatched.iter().position(|e| e.text == text) {
            Some(i) => matched.push(Matched {
                found_speaker: q.speaker.clone(),
                found_kind: format!("{:?}", q.kind).to_lowercase(),
                expected: unmatched.remove(i),
            }),
            None => unexpected.push(text),
        }
    }
    Ok(Comparison { matched, missed: unmatched, unexpected })
}

fn short(s: &str) -> String {
    s.chars().take(50).collect()
}

/// Every annotated quotation of one page is found, and nothing else.
fn spans_of(name: &str) -> Result<(), Failed> {
    let dir = common::fixtures_dir("quotes");
    let Comparison { missed, unexpected, .. } =
        compare(&dir.join(format!("{name}.html")), &dir.join(format!("{name}.quotes.json")))?;
    let mut failures: Vec<String> = missed.iter().map(|e| format!("missed {:?}", short(&e.text))).collect();
    failures.extend(unexpected.iter().map(|t| format!("unexpected quote {:?}", short(t))));
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

/// Speakers and kinds over the whole set.
fn speakers_and_kinds() -> Result<(), Failed> {
    let (mut total, mut speaker_right, mut kind_right) = (0usize, 0usize, 0usize);
    for (name, html, side) in common::fixture_pairs("quotes", "quotes.json") {
        for m in compare(&html, &side)?.matched {
            total += 1;
            if m.found_speaker == m.expected.speaker {
                speaker_right += 1;
            } else {
                let (got, want) = (&m.found_speaker, &m.expected.speaker);
                println!("  {name}: speaker {got:?} for {:?}, want {want:?}", short(&m.expected.text));
            }
            if m.found_kind == m.expected.kind {
                kind_right += 1;
            } else {
                let (got, want) = (&m.found_kind, &m.expected.kind);
                println!("  {name}: kind {got} for {:?}, want {want}", short(&m.expected.text));
            }
        }
    }
    let speaker_accuracy = speaker_right as f64 / total.max(1) as f64;
    let kind_accuracy = kind_right as f64 / total.max(1) as f64;
    println!("quotes: {total} matched; speaker accuracy {speaker_accuracy:.3} ({speaker_right}), kind accuracy {kind_accuracy:.3} ({kind_right})");
    if speaker_accuracy < MIN_SPEAKER_ACCURACY {
        return Err(format!("speaker accuracy {speaker_accuracy:.3} is below {MIN_SPEAKER_ACCURACY}").into());
    }
    if kind_accuracy < MIN_KIND_ACCURACY {
        return Err(format!("kind accuracy {kind_accuracy:.3} is below {MIN_KIND_ACCURACY}").into());
    }
    Ok(())
}

fn seed_story_has_four_quotes_by_imran_khan_once_each() -> Result<(), Failed> {
    let html = std::fs::read_to_string(common::fixtures_dir("news").join("tolonews_seed.html"))?;
    let article = lectern::extract(&html, Some("https://tolonews.com/afghanistan-173116"))?;
    let texts: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "the Taliban cannot win over the whole of the country, and yet must be included in any government for it to succeed.",
            "we will avoid risking further conflict.",
            "Our countries have the same interest in that long-suffering country,",
            "In the past, Pakistan made a mistake by choosing between warring Afghan parties, but we have learned from that experience,",
        ]
    );
    for q in &article.quotes {
        assert_eq!(q.speaker.as_deref(), Some("Imran Khan"), "{q:?}");
        // Offsets point at the quotation, marks included, in the block's text.
        let block: Vec<char> = article.blocks[q.block].text.chars().collect();
        let span: String = block[q.start..q.end].iter().collect();
        assert!(span.starts_with('“') && span.ends_with('”') && span.contains(&q.text), "{span}");
    }
    assert_eq!(article.quotes[0].speaker_role.as_deref(), Some("Pakistan Prime Minister"));
    // The HTML marks each quotation for highlighting, text unchanged.
    let html = lectern::to_html(&article);
    assert_eq!(html.matches("<mark class=\"lectern-quote\"").count(), 4);
    assert!(html.contains("data-speaker=\"Imran Khan\""));
    let text = lectern::to_text(&article);
    assert!(text.contains("“Our countries have the same interest in that long-suffering country,” Khan said."));
    Ok(())
}

fn main() {
    let pairs = common::fixture_pairs("quotes", "quotes.json");
    let count = pairs.len();
    let mut trials = vec![
        Trial::test("quote_fixtures_are_all_there", move || {
            if count < MIN_FIXTURES {
                return Err(format!("{count} annotated fixtures found, {MIN_FIXTURES} expected").into());
            }
            Ok(())
        }),
        Trial::test("speakers_and_kinds_over_the_set", speakers_and_kinds),
        Trial::test(
            "seed_story_has_four_quotes_by_imran_khan_once_each",
            seed_story_has_four_quotes_by_imran_khan_once_each,
        ),
    ];
    for (name, _, _) in pairs {
        trials.push(Trial::test(format!("quotes::{name}"), move || spans_of(&name)));
    }
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}
