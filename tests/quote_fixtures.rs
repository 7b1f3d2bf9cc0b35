//! Quotation finding on the annotated set under tests/fixtures/quotes/: each `NAME.quotes.json`
//! lists every quotation of its page (text without the marks, speaker, kind). Prints span
//! precision, recall and F1, speaker accuracy and kind accuracy over the set, and fails below
//! F1 0.95 or speaker accuracy 0.90. Plus the seed story's four quotes, exactly.

mod common;

use serde_json::Value;

const MIN_F1: f64 = 0.95;
const MIN_SPEAKER_ACCURACY: f64 = 0.90;

#[derive(Debug)]
struct Expected {
    text: String,
    speaker: Option<String>,
    kind: String,
}

#[test]
fn annotated_quotes_are_found_and_attributed() {
    let pairs = common::fixture_pairs("quotes", "quotes.json");
    assert!(pairs.len() >= 30, "expected at least 30 annotated fixtures, found {}", pairs.len());
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let (mut speaker_right, mut kind_right, mut matched) = (0usize, 0usize, 0usize);
    let mut notes = Vec::new();
    for (name, html, side) in &pairs {
        let html = std::fs::read_to_string(html).unwrap();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(side).unwrap()).unwrap();
        let expected: Vec<Expected> = v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| Expected {
                text: q["text"].as_str().unwrap().to_string(),
                speaker: q["speaker"].as_str().map(str::to_string),
                kind: q["kind"].as_str().unwrap().to_string(),
            })
            .collect();
        let article = match lectern::extract(&html, Some("https://news.example/story.html")) {
            Ok(a) => a,
            Err(e) => {
                notes.push(format!("{name}: {e}"));
                fn_ += expected.len();
                continue;
            }
        };
        let mut unmatched: Vec<&Expected> = expected.iter().collect();
        for q in &article.quotes {
            let text = lectern::model::collapse_whitespace(&q.text);
            match unmatched.iter().position(|e| e.text == text) {
                Some(i) => {
                    let e = unmatched.remove(i);
                    tp += 1;
                    matched += 1;
                    if e.speaker == q.speaker {
                        speaker_right += 1;
                    } else {
                        notes.push(format!(
                            "{name}: speaker {:?} for {:?}, want {:?}",
                            q.speaker,
                            short(&text),
                            e.speaker
                        ));
                    }
                    let kind = format!("{:?}", q.kind).to_lowercase();
                    if kind == e.kind {
                        kind_right += 1;
                    } else {
                        notes.push(format!("{name}: kind {kind} for {:?}, want {}", short(&text), e.kind));
                    }
                }
                None => {
                    fp += 1;
                    notes.push(format!("{name}: unexpected quote {:?}", short(&text)));
                }
            }
        }
        for e in unmatched {
            fn_ += 1;
            notes.push(format!("{name}: missed {:?}", short(&e.text)));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    let speaker_acc = speaker_right as f64 / matched.max(1) as f64;
    let kind_acc = kind_right as f64 / matched.max(1) as f64;
    for n in &notes {
        println!("  {n}");
    }
    println!(
        "quotes: {} fixtures, {} expected quotes; precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}; speaker accuracy {speaker_acc:.3}; kind accuracy {kind_acc:.3}",
        pairs.len(),
        tp + fn_
    );
    assert!(f1 >= MIN_F1, "quote span F1 {f1:.3} is below {MIN_F1}");
    assert!(speaker_acc >= MIN_SPEAKER_ACCURACY, "speaker accuracy {speaker_acc:.3} is below {MIN_SPEAKER_ACCURACY}");
}

fn short(s: &str) -> String {
    s.chars().take(50).collect()
}

#[test]
fn the_seed_story_has_four_quotes_by_imran_khan_once_each() {
    let html = std::fs::read_to_string(common::fixtures_dir("news").join("tolonews_seed.html")).unwrap();
    let article = lectern::extract(&html, Some("https://tolonews.com/afghanistan-173116")).unwrap();
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
    assert_eq!(article.html.matches("<mark class=\"lectern-quote\"").count(), 4);
    assert!(article.html.contains("data-speaker=\"Imran Khan\""));
    assert!(article.text.contains("“Our countries have the same interest in that long-suffering country,” Khan said."));
}
