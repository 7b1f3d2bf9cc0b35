//! Stage 5 — clean the blocks: the assembled blocks in, without furniture labels ([`labels`]),
//! without the short links a page repeats beside every item ([`recurring`]), without headings
//! left heading nothing ([`sections`]) and with one copy of each repeated block ([`repeats`])
//! out, every removal recorded with its reason.
//! (The furniture found in the page's tree, before the blocks are assembled, is pruned by the
//! article finder.) Blocks are compared by the word shingles of [`shingles`].

pub mod labels;
pub mod recurring;
pub mod repeats;
pub mod sections;
mod shingles;

use crate::model::Removal;

/// Removals recorded by an earlier step stand before a block of that step's output; once a later
/// step drops blocks (`kept` says which of its input it kept), they stand before the same block
/// counted among the later step's output.
pub fn shift_positions(removals: &mut [Removal], kept: &[bool]) {
    // before[p]: how many kept blocks precede input block p.
    let mut before = Vec::with_capacity(kept.len() + 1);
    let mut count = 0;
    for &k in kept {
        before.push(count);
        count += usize::from(k);
    }
    before.push(count);
    for r in removals {
        if let Some(p) = r.position.as_mut() {
            *p = before[(*p).min(kept.len())];
        }
    }
}
