//! Stage 5 — clean the blocks: the assembled blocks in, without furniture labels ([`labels`]) and
//! with one copy of each repeated block ([`repeats`]) out, every removal recorded with its reason.
//! (The furniture found in the page's tree, before the blocks are assembled, is pruned by the
//! article finder.) Blocks are compared by the word shingles of [`shingles`].

pub mod labels;
pub mod repeats;
mod shingles;
