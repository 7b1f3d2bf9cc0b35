//! Fuzz `extract_bytes`: any bytes, with and without a page URL, must give an article or an
//! error — never a panic, an overflow or a hang — and the article must pass [`check`].
#![no_main]

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let url = if data.first().is_some_and(|b| b & 1 == 1) { Some("https://fuzz.example/a/b.html") } else { None };
    if let Ok(article) = lectern::extract_bytes(data, url) {
        check::article_is_safe(&article);
    }
});
