//! Stage 5: signals -> verdicts. Each block is kept or removed with a kind and evidence.
//! (Placeholder; being written.)

pub mod evidence;
pub mod kind;

use crate::cleaned::Cleaned;
use crate::lexicon::Lexicons;

/// Clean a parsed document.
pub fn clean_document(document: &scraper::Html, lexicons: &Lexicons) -> Cleaned {
    let _ = (document, lexicons);
    Cleaned::default()
}
