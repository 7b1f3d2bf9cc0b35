//! Fuzz `extract_snapshot`, the extension's route: any text after the snapshot header (records in
//! any order, unbalanced ends, stray NULs) must give an article or an error, never a panic, an
//! overflow or a hang, and the article must pass [`check`].
#![no_main]

#[path = "check.rs"]
mod check;

use lectern::parse::snapshot;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Bytes become records: every 0x00 starts one, so the fuzzer explores the format directly.
    let input = format!("{}{}", snapshot::MAGIC, String::from_utf8_lossy(data));
    if let Ok(article) = lectern::extract_snapshot(&input, Some("https://fuzz.example/a/b.html")) {
        check::article_is_safe(&article);
    }
});
