//! Criterion benches, one group per pipeline stage, each over the same input
//! sets so its time can be read as a multiple of `parse` (scraper alone plus one
//! walk over text nodes: the floor any HTML extractor pays).
//!
//! Groups: `parse`, `decode`, `clean_html`, `clean_text`, `segment`, `end_to_end`, each
//! with ids `fixtures` and `corpus` (when `../shared/corpus/readability` is
//! present), and `scaling` with a synthetic article page at 1 MB and 16 MB.
//! `benches/ratios.py` prints every stage as a ratio to `parse`.

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode,
    Throughput,
};
use pith_benches::{
    corpus_dir, corpus_pages, fixture_pages, synthetic_page, text_node_chars, InputSet,
};
use pith_clean::{Cleaner, Options};
use pith_segment::Segmenter;

/// Sizes of the synthetic page for the scaling group: if cost is linear,
/// time per byte is the same at both.
const SCALING_SIZES: [(usize, &str); 2] = [(1 << 20, "1MB"), (16 << 20, "16MB")];

/// Modest settings so a full `cargo bench` takes minutes: 10 samples (the
/// minimum criterion allows), short warm-up and measurement.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .without_plots()
}

/// The fixture pages, and the corpus when present (with a note when not);
/// loaded once for all groups.
fn input_sets() -> &'static [InputSet] {
    static SETS: OnceLock<Vec<InputSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut sets = vec![fixture_pages()];
        match corpus_pages() {
            Some(corpus) => sets.push(corpus),
            None => println!(
                "note: no dev corpus at {}; benching fixtures only",
                corpus_dir().display()
            ),
        }
        sets.retain(|s| !s.pages.is_empty());
        sets
    })
}

/// A group for one stage: flat sampling, because one iteration processes a
/// whole input set and takes milliseconds to seconds.
fn stage_group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sampling_mode(SamplingMode::Flat);
    g
}

/// The pages of a set as decoded strings (what the HTML stages take).
fn html_strings(set: &InputSet) -> Vec<String> {
    set.pages
        .iter()
        .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
        .collect()
}

fn bench_parse(c: &mut Criterion) {
    let mut g = stage_group(c, "parse");
    for set in input_sets() {
        let pages = html_strings(set);
        g.throughput(Throughput::Bytes(set.html_bytes()));
        g.bench_function(set.name, |b| {
            b.iter(|| pages.iter().map(|p| text_node_chars(p)).sum::<usize>())
        });
    }
    g.finish();
}

fn bench_decode(c: &mut Criterion) {
    let options = Options::default();
    let mut g = stage_group(c, "decode");
    for set in input_sets() {
        g.throughput(Throughput::Bytes(set.html_bytes()));
        g.bench_function(set.name, |b| {
            b.iter(|| {
                for p in &set.pages {
                    let _ = black_box(pith_clean::decode::decode(&p.bytes, &options));
                }
            })
        });
    }
    g.finish();
}

fn bench_clean_html(c: &mut Criterion) {
    let cleaner = Cleaner::new(Options::default());
    let mut g = stage_group(c, "clean_html");
    for set in input_sets() {
        let pages = html_strings(set);
        g.throughput(Throughput::Bytes(set.html_bytes()));
        g.bench_function(set.name, |b| {
            b.iter(|| {
                for p in &pages {
                    black_box(cleaner.clean_html(p));
                }
            })
        });
    }
    g.finish();
}

fn bench_clean_text(c: &mut Criterion) {
    let cleaner = Cleaner::new(Options::default());
    let mut g = stage_group(c, "clean_text");
    for set in input_sets() {
        g.throughput(Throughput::Bytes(set.flat_bytes()));
        g.bench_function(set.name, |b| {
            b.iter(|| {
                for p in &set.pages {
                    black_box(cleaner.clean_text(&p.flat));
                }
            })
        });
    }
    g.finish();
}

fn bench_segment(c: &mut Criterion) {
    let cleaner = Cleaner::new(Options::default());
    let segmenter = Segmenter::new(pith_segment::Options::default());
    let mut g = stage_group(c, "segment");
    for set in input_sets() {
        let cleaned: Vec<_> = set
            .pages
            .iter()
            .filter_map(|p| cleaner.clean_bytes(&p.bytes).ok())
            .collect();
        g.throughput(Throughput::Bytes(set.html_bytes()));
        g.bench_function(set.name, |b| {
            b.iter(|| {
                for c in &cleaned {
                    black_box(segmenter.segment(c));
                }
            })
        });
    }
    g.finish();
}

fn bench_end_to_end(c: &mut Criterion) {
    let cleaner = Cleaner::new(Options::default());
    let segmenter = Segmenter::new(pith_segment::Options::default());
    let mut g = stage_group(c, "end_to_end");
    for set in input_sets() {
        g.throughput(Throughput::Bytes(set.html_bytes()));
        g.bench_function(set.name, |b| {
            b.iter(|| {
                for p in &set.pages {
                    black_box(pith_benches::end_to_end(&cleaner, &segmenter, &p.bytes));
                }
            })
        });
    }
    g.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let cleaner = Cleaner::new(Options::default());
    let segmenter = Segmenter::new(pith_segment::Options::default());
    let mut g = stage_group(c, "scaling");
    for (size, label) in SCALING_SIZES {
        let page = synthetic_page(size);
        g.throughput(Throughput::Bytes(page.len() as u64));
        g.bench_with_input(BenchmarkId::new("parse", label), &page, |b, p| {
            b.iter(|| text_node_chars(p))
        });
        g.bench_with_input(BenchmarkId::new("clean_html", label), &page, |b, p| {
            b.iter(|| black_box(cleaner.clean_html(p)))
        });
        g.bench_with_input(BenchmarkId::new("end_to_end", label), &page, |b, p| {
            b.iter(|| black_box(pith_benches::end_to_end(&cleaner, &segmenter, p.as_bytes())))
        });
    }
    g.finish();
}

criterion_group! {
    name = stages;
    config = config();
    targets = bench_parse, bench_decode, bench_clean_html, bench_clean_text,
        bench_segment, bench_end_to_end, bench_scaling
}
criterion_main!(stages);
