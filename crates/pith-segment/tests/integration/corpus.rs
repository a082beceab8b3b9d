//! Every dev-corpus HTML page segments without panicking, and
//! every quote's offsets point at its text in its body paragraph. Skips with a
//! note when the shared data directory is absent.

use std::path::Path;

use pith_clean::{Cleaner, Options as CleanOptions};
use pith_segment::{Options, Segmenter};

#[test]
fn corpus_pages_segment_with_consistent_offsets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/readability");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("note: {} absent, corpus test skipped", dir.display());
        return;
    };
    let cleaner = Cleaner::new(CleanOptions::default());
    let segmenter = Segmenter::new(Options::default());
    let mut pages = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.to_string_lossy().to_string();
        if !name.ends_with(".html") {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(cleaned) = cleaner.clean_bytes(&bytes) else {
            continue;
        };
        let article = segmenter.segment(&cleaned);
        for q in &article.quotes {
            let para: Vec<char> = article.body[q.paragraph].text.chars().collect();
            let span: String = para[q.start..q.end].iter().collect();
            assert_eq!(span, q.text, "{name}: quote offsets");
        }
        if let Some(d) = &article.dateline {
            assert!(!d.text.is_empty(), "{name}: empty dateline");
        }
        pages += 1;
    }
    assert!(pages > 0, "no corpus pages read from {}", dir.display());
}
