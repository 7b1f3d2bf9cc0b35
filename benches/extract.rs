//! Native benchmarks of `extract` with the article's HTML and text rendered (what dom_smoothie,
//! the baseline, gives).
//!
//! - `corpus/<page>/lectern` and `corpus/<page>/dom_smoothie`: every page of the Readability.js
//!   test corpus, Lectern and a Rust port of Readability.js side by side in one run;
//!   `bench/summarize.mjs` turns criterion's estimates into per-page ratios and MB/s.
//! - `scaling/<size>`: synthetic article pages from 10 KB to 20 MB, to show time grows linearly.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../tests/common/mod.rs"]
mod common;

/// The article's HTML and text, as dom_smoothie gives its content and text.
fn extract_and_render(html: &str) -> Option<(String, String)> {
    let article = lectern::extract(html, Some(common::CORPUS_URL)).ok()?;
    Some((lectern::to_html(&article), lectern::to_text(&article)))
}

fn corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10).warm_up_time(Duration::from_millis(200)).measurement_time(Duration::from_millis(600));
    for (name, dir) in common::corpus_pages() {
        let bytes = std::fs::read(dir.join("source.html")).unwrap();
        let html = lectern::parse::decode(&bytes);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group
            .bench_with_input(BenchmarkId::new(&name, "lectern"), &html, |b, html| b.iter(|| extract_and_render(html)));
        group.bench_with_input(BenchmarkId::new(&name, "dom_smoothie"), &html, |b, html| {
            b.iter(|| {
                dom_smoothie::Readability::new(html.as_str(), Some(common::CORPUS_URL), None)
                    .and_then(|mut r| r.parse())
            })
        });
    }
    group.finish();
}

/// A news-like page of about `bytes`: navigation, then paragraphs, each distinct.
fn synthetic_page(bytes: usize) -> String {
    let mut html = String::with_capacity(bytes + 4096);
    html.push_str("<!DOCTYPE html><html><head><title>Scaling test</title></head><body><nav>");
    for i in 0..20 {
        html.push_str(&format!("<a href='/s{i}'>Section {i}</a> "));
    }
    html.push_str("</nav><article><h1>Scaling test</h1>");
    let mut i = 0u64;
    while html.len() < bytes {
        html.push_str(&format!(
            "<p>Paragraph {i} of the scaling test reports that the council met on day {i}, and that “item {i} was approved,” the clerk said, with {} votes in favour.</p>",
            i * 7 % 13
        ));
        i += 1;
    }
    html.push_str("</article><footer>Footer</footer></body></html>");
    html
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(2));
    for size in [10_000usize, 100_000, 1_000_000, 5_000_000, 20_000_000] {
        let page = synthetic_page(size);
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &page, |b, page| b.iter(|| extract_and_render(page)));
    }
    group.finish();
}

criterion_group!(benches, corpus, scaling);
criterion_main!(benches);
