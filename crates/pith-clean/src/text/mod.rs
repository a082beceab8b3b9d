//! Flattened text -> cleaned blocks. (Placeholder; being written.)

use crate::cleaned::Cleaned;
use crate::lexicon::Lexicons;

/// Clean flattened text.
pub fn clean(flat: &str, lexicons: &Lexicons) -> Cleaned {
    let _ = (flat, lexicons);
    Cleaned::default()
}
