//! Stage 3 — remove boilerplate and repeats.
//!
//! [`boilerplate`] works on the article's DOM nodes (share bars, link clusters, asides, title
//! headings); [`repeats`] works on the assembled blocks (duplicate, near-duplicate, teaser and
//! pull-quote copies). Both record every removal with its kind and reason.

pub mod boilerplate;
pub mod repeats;
pub mod similarity;
