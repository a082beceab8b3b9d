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
use std::time::{Duration, Instant};

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
/// time per byte is the same at all three.
const SCALING_SMALL: usize = 1 << 20;
/// The single-run probe between the two benchmarked sizes.
const SCALING_PROBE: usize = 4 << 20;
/// The large size.
const SCALING_BIG: usize = 16 << 20;

/// Most time the 16 MB point of one stage may take (10 samples), so a
/// superlinear stage cannot stall a full `cargo bench` for an hour.
const SCALING_BUDGET: Duration = Duration::from_secs(120);

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

/// One stage run on one page, as the scaling group calls it.
type StageFn<'a> = &'a dyn Fn(&str);

/// One run timed outside criterion, for the scaling probe.
fn time_once(f: StageFn<'_>, input: &str) -> Duration {
    let start = Instant::now();
    f(input);
    start.elapsed()
}

/// The scaling group: each stage at 1 MB, then (budget permitting) at 16 MB.
/// A single run at 4 MB first tells whether cost grows linearly and what the
/// 16 MB point would cost; a stage whose 10 samples at 16 MB would not fit in
/// [`SCALING_BUDGET`] is reported and skipped, so `cargo bench` always ends.
fn bench_scaling(c: &mut Criterion) {
    let cleaner = Cleaner::new(Options::default());
    let segmenter = Segmenter::new(pith_segment::Options::default());
    let parse = |p: &str| {
        black_box(text_node_chars(p));
    };
    let clean = |p: &str| {
        black_box(cleaner.clean_html(p));
    };
    let e2e = |p: &str| {
        black_box(pith_benches::end_to_end(&cleaner, &segmenter, p.as_bytes()));
    };
    let stages: [(&str, StageFn<'_>); 3] = [
        ("parse", &parse),
        ("clean_html", &clean),
        ("end_to_end", &e2e),
    ];
    let small = synthetic_page(SCALING_SMALL);
    let probe = synthetic_page(SCALING_PROBE);
    let big = synthetic_page(SCALING_BIG);
    let mut g = stage_group(c, "scaling");
    for (name, run) in stages {
        g.throughput(Throughput::Bytes(small.len() as u64));
        g.bench_with_input(BenchmarkId::new(name, "1MB"), small.as_str(), |b, p| {
            b.iter(|| run(p))
        });
        let t_small = time_once(run, &small);
        let t_probe = time_once(run, &probe);
        let per_byte = |t: Duration, n: usize| t.as_secs_f64() / n as f64;
        let growth = per_byte(t_probe, probe.len()) / per_byte(t_small, small.len());
        let projected = t_probe.mul_f64(big.len() as f64 / probe.len() as f64);
        println!(
            "scaling probe {name}: 1 MB {t_small:.2?}, 4 MB {t_probe:.2?}, \
             time/byte x{growth:.2} (1.00 = linear); 16 MB projected {projected:.1?} per run"
        );
        if projected * 10 > SCALING_BUDGET {
            println!(
                "scaling/{name}/16MB skipped: 10 runs would take over {:?}",
                SCALING_BUDGET
            );
            continue;
        }
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.bench_with_input(BenchmarkId::new(name, "16MB"), big.as_str(), |b, p| {
            b.iter(|| run(p))
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
