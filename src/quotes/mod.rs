//! Stage 5 — find quotations: the article's blocks in, [`Quote`]s out.

use crate::model::{Block, Quote};

/// Quotations in `blocks`.
pub fn find(_blocks: &[Block], _lang: Option<&str>) -> Vec<Quote> {
    Vec::new()
}
