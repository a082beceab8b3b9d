//! Run one pipeline stage once over an input set, for instruction counting:
//! `valgrind --tool=callgrind` counts instructions, which stay the same however
//! busy the machine is, so stage ratios measured this way are repeatable where
//! wall-clock ratios on a shared machine drift. `benches/instructions.sh` runs
//! every stage this way and prints the ratios to `parse`.
//!
//! usage: cargo run --release -p pith-benches --example stage -- STAGE [corpus|fixtures]
//! STAGE: none | parse | clean_html | clean_text | segment | end_to_end
//! (`none` loads the inputs and does nothing: its count is subtracted from the others.)

use std::hint::black_box;

use pith_benches::{corpus_pages, end_to_end, fixture_pages, text_node_chars};
use pith_clean::{Cleaner, Options};
use pith_segment::Segmenter;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let stage = args.next().ok_or("usage: stage STAGE [corpus|fixtures]")?;
    let set = match args.next().as_deref() {
        Some("fixtures") => fixture_pages(),
        _ => corpus_pages().ok_or("../shared/corpus/readability is absent")?,
    };
    let pages: Vec<String> = set
        .pages
        .iter()
        .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
        .collect();
    let cleaner = Cleaner::new(Options::default());
    let segmenter = Segmenter::new(pith_segment::Options::default());
    // Build the lexicons and automata before the stage runs: they are built once
    // per process and are not per-page work.
    black_box(cleaner.clean_text("Warm up.Build the automata."));
    black_box(cleaner.clean_html("<p>Warm up.</p>"));
    match stage.as_str() {
        "none" => {}
        "parse" => {
            black_box(pages.iter().map(|p| text_node_chars(p)).sum::<usize>());
        }
        "clean_html" => pages.iter().for_each(|p| {
            black_box(cleaner.clean_html(p));
        }),
        "clean_text" => set.pages.iter().for_each(|p| {
            black_box(cleaner.clean_text(&p.flat));
        }),
        "segment" => {
            let cleaned: Vec<_> = pages.iter().map(|p| cleaner.clean_html(p)).collect();
            // Counted separately: run with `clean_html` and subtract.
            cleaned.iter().for_each(|c| {
                black_box(segmenter.segment(c));
            });
        }
        "end_to_end" => set.pages.iter().for_each(|p| {
            black_box(end_to_end(&cleaner, &segmenter, &p.bytes));
        }),
        other => return Err(format!("unknown stage {other}")),
    }
    Ok(())
}
