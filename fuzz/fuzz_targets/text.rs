//! Any bytes through the flattened-text path. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pith_clean::{Cleaner, FormatChoice, Options};

fuzz_target!(|data: &[u8]| {
    let cleaner = Cleaner::new(Options::default().with_format(FormatChoice::Text));
    let _ = cleaner.clean_bytes(data);
});
