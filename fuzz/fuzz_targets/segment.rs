//! Any bytes, cleaned (format by content) and then segmented. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pith_clean::{Cleaner, Options};
use pith_segment::Segmenter;

fuzz_target!(|data: &[u8]| {
    let cleaner = Cleaner::new(Options::default());
    if let Ok(cleaned) = cleaner.clean_bytes(data) {
        let _ = Segmenter::new(pith_segment::Options::default()).segment(&cleaned);
    }
});
