//! Any bytes through the HTML path: decode, guard, parse, clean. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pith_clean::{Cleaner, FormatChoice, Options};

fuzz_target!(|data: &[u8]| {
    let cleaner = Cleaner::new(Options::default().with_format(FormatChoice::Html));
    let _ = cleaner.clean_bytes(data);
});
