//! Pages per second over a folder, timed the way `../shared/eval/peers.py` times the
//! peers: only the extraction calls, single thread, median of N runs, inputs already in
//! memory. So pith's pages/s can sit beside the peers' in one table without counting
//! process start or file reads for pith alone. It also times the reference (scraper's
//! parse plus one text walk) on the same pages in the same process, and prints both.
//!
//! usage: cargo run --release -p pith-benches --example pages_per_s -- DIR [--glued] [--repeat N]
//!
//! Prints one JSON line per measure: `pith` (bytes -> decoded -> cleaned -> segmented ->
//! JSON, as `end_to_end` in the criterion benches) and `parse` (the reference). With
//! `--glued`, pith reads every `*.glued.txt` as flattened text (the reference is skipped:
//! there is no markup to parse).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use pith_benches::{end_to_end, text_node_chars};
use pith_clean::{Cleaner, Options};
use pith_segment::Segmenter;

/// Command-line settings.
struct Args {
    dir: PathBuf,
    glued: bool,
    repeat: usize,
}

fn args() -> Result<Args, String> {
    let usage = "usage: pages_per_s DIR [--glued] [--repeat N]";
    let mut dir = None;
    let mut glued = false;
    let mut repeat = 3;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--glued" => glued = true,
            "--repeat" => {
                repeat = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n: &usize| n > 0)
                    .ok_or(usage)?
            }
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => return Err(usage.into()),
        }
    }
    Ok(Args {
        dir: dir.ok_or(usage)?,
        glued,
        repeat,
    })
}

/// Median of the total seconds of `repeat` runs of `f` over every page.
fn median_secs(pages: &[Vec<u8>], repeat: usize, mut f: impl FnMut(&[u8])) -> (f64, Vec<f64>) {
    let mut runs: Vec<f64> = (0..repeat)
        .map(|_| {
            let mut total = 0.0;
            for p in pages {
                let t = Instant::now();
                f(p);
                total += t.elapsed().as_secs_f64();
            }
            total
        })
        .collect();
    let all = runs.clone();
    runs.sort_by(f64::total_cmp);
    (runs[runs.len() / 2], all)
}

fn report(what: &str, pages: &[Vec<u8>], (secs, all): (f64, Vec<f64>), glued: bool) {
    let mb = pages.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let line = serde_json::json!({
        "extractor": what,
        "glued": glued,
        "pages": pages.len(),
        "MB": (mb * 100.0).round() / 100.0,
        "runs": all.len(),
        "secs_median": (secs * 1000.0).round() / 1000.0,
        "secs_all": all.iter().map(|s| (s * 1000.0).round() / 1000.0).collect::<Vec<_>>(),
        "pages_per_s": (pages.len() as f64 / secs * 10.0).round() / 10.0,
        "MB_per_s": (mb / secs * 100.0).round() / 100.0,
    });
    println!("{line}");
}

fn main() -> Result<(), String> {
    let a = args()?;
    let suffix = if a.glued { ".glued.txt" } else { ".html" };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&a.dir)
        .map_err(|e| format!("{}: {e}", a.dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    paths.sort();
    let pages: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display())))
        .collect::<Result<_, _>>()?;
    if pages.is_empty() {
        return Err(format!("no *{suffix} in {}", a.dir.display()));
    }
    let options = if a.glued {
        Options::default().with_format(pith_clean::FormatChoice::Text)
    } else {
        Options::default()
    };
    let cleaner = Cleaner::new(options);
    let segmenter = Segmenter::new(pith_segment::Options::default());
    // Lexicons and automata are built once per process, before the clock starts, as
    // the peers' imports are.
    black_box(end_to_end(&cleaner, &segmenter, b"<p>Warm up.</p>"));
    let pith = median_secs(&pages, a.repeat, |p| {
        black_box(end_to_end(&cleaner, &segmenter, p));
    });
    report("pith", &pages, pith, a.glued);
    if !a.glued {
        let parse = median_secs(&pages, a.repeat, |p| {
            black_box(text_node_chars(&String::from_utf8_lossy(p)));
        });
        report("parse (scraper + text walk)", &pages, parse, false);
    }
    Ok(())
}
