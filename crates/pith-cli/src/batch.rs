//! The batch: inputs -> rayon workers -> records written in input order.
//!
//! Jobs are produced lazily and at most [`WINDOW_PER_WORKER`] × workers of them are in flight
//! (submitted but not yet written), so memory stays flat however many pages there are; results
//! that arrive early wait in a small reorder buffer until their turn. One record is written per
//! input, in input order, whatever `-j` is.
//!
//! Timeouts: the library cannot be interrupted safely (a parse in progress has no cancellation
//! point), so with `--timeout-ms` each page runs on its own thread and the worker stops waiting
//! after the budget: the page gets a `timeout` error record and the run goes on. The abandoned
//! thread finishes (or not) in the background and its result is dropped; it does not hold a
//! worker, and the process exits without waiting for it. At most [`WINDOW_PER_WORKER`] ×
//! workers page threads live at once (see `Throttle`), so abandoned pages cannot pile up.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use pith_clean::{Cleaned, Cleaner, FormatChoice, InputFormat};
use pith_segment::Segmenter;

use crate::args::Args;
use crate::inputs::{self, Input, Job, Payload};
use crate::output::Output;
use crate::record::{ErrorBody, Outcome, Page, Record, Source, SCHEMA_VERSION};

/// Jobs in flight per worker: enough to keep every worker busy while the writer waits on a
/// slow page, few enough that memory does not grow with the batch.
const WINDOW_PER_WORKER: usize = 4;

/// What a run did, for the summary line and the exit status.
#[derive(Debug, Default)]
pub struct Summary {
    /// Records written.
    pub pages: usize,
    /// Error records by kind.
    pub errors: BTreeMap<String, usize>,
    /// Wall time.
    pub elapsed: Duration,
}

impl Summary {
    /// Number of error records.
    pub fn error_count(&self) -> usize {
        self.errors.values().sum()
    }

    fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            self.pages as f64 / secs
        } else {
            0.0
        };
        let mut errors = format!("{} errors", self.error_count());
        if !self.errors.is_empty() {
            let kinds: Vec<String> = self
                .errors
                .iter()
                .map(|(k, n)| format!("{k}: {n}"))
                .collect();
            errors.push_str(&format!(" ({})", kinds.join(", ")));
        }
        format!(
            "pith: {} pages, {errors}, {secs:.2} s, {rate:.1} pages/s",
            self.pages
        )
    }
}

/// Everything a worker needs to turn a job into a record. Built once, shared by all workers.
pub struct Engine {
    /// For files and stdin: the format as `--input-format` says.
    pages: Cleaner,
    /// For records with `html`.
    html: Cleaner,
    /// For records with `text`.
    text: Cleaner,
    segmenter: Segmenter,
    max_bytes: usize,
    /// Bounds the page threads alive under `--timeout-ms`, abandoned ones included.
    page_threads: Arc<Throttle>,
}

/// A counting semaphore: pages abandoned after their budget still run, and without a bound
/// a batch of pathological pages would pile up threads until the machine stalls. When the
/// bound is reached, the next page waits for one of them to end before it starts (and its
/// budget starts with it).
struct Throttle {
    live: Mutex<usize>,
    freed: Condvar,
    max: usize,
}

/// A held place in a [`Throttle`], given back when dropped.
struct Slot(Arc<Throttle>);

impl Throttle {
    fn new(max: usize) -> Arc<Throttle> {
        Arc::new(Throttle {
            live: Mutex::new(0),
            freed: Condvar::new(),
            max: max.max(1),
        })
    }

    /// Wait for a place, and hold it.
    fn acquire(self: &Arc<Self>) -> Slot {
        let mut live = self.live.lock().unwrap_or_else(|e| e.into_inner());
        while *live >= self.max {
            live = self.freed.wait(live).unwrap_or_else(|e| e.into_inner());
        }
        *live += 1;
        Slot(Arc::clone(self))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut live = self.0.live.lock().unwrap_or_else(|e| e.into_inner());
        *live = live.saturating_sub(1);
        self.0.freed.notify_one();
    }
}

impl Engine {
    /// An engine for these arguments.
    pub fn new(args: &Args) -> Engine {
        let options = pith_clean::Options::from(args);
        Engine {
            html: Cleaner::new(options.clone().with_format(FormatChoice::Html)),
            text: Cleaner::new(options.clone().with_format(FormatChoice::Text)),
            pages: Cleaner::new(options),
            segmenter: Segmenter::new(pith_segment::Options::default()),
            max_bytes: args.max_bytes,
            page_threads: Throttle::new(args.jobs() * WINDOW_PER_WORKER),
        }
    }

    /// Clean and segment one job into its record. Never panics: a panic in the library
    /// becomes a `panic` error record.
    pub fn process(&self, job: Job) -> Record {
        let Job {
            mut source,
            payload,
        } = job;
        let outcome = match self.bytes_of(payload) {
            Err(error) => Outcome::Error { error },
            Ok((bytes, cleaner)) => {
                source.bytes = Some(bytes.len());
                self.clean(bytes, cleaner, &mut source)
            }
        };
        Record {
            schema_version: SCHEMA_VERSION,
            source,
            outcome,
        }
    }

    fn bytes_of(&self, payload: Payload) -> Result<(Vec<u8>, &Cleaner), ErrorBody> {
        match payload {
            Payload::File(path) => Ok((read_file(&path, self.max_bytes)?, &self.pages)),
            Payload::Bytes(read) => match read {
                Ok(bytes) => Ok((bytes, &self.pages)),
                Err(e) => Err(ErrorBody::new("io", e.to_string())),
            },
            Payload::Record { content, is_html } => Ok((
                content.into_bytes(),
                if is_html { &self.html } else { &self.text },
            )),
            Payload::Failed(error) => Err(error),
        }
    }

    fn clean(&self, bytes: Vec<u8>, cleaner: &Cleaner, source: &mut Source) -> Outcome {
        let run = catch_unwind(AssertUnwindSafe(
            || -> Result<(Cleaned, Page), pith_clean::Error> {
                // Owned: the input is freed once parsed, before the page is cleaned.
                let cleaned = cleaner.clean_owned(bytes)?;
                let article = self.segmenter.segment(&cleaned);
                let page = Page::new(&cleaned, article);
                Ok((cleaned, page))
            },
        ));
        match run {
            Ok(Ok((cleaned, page))) => {
                source.format = Some(match cleaned.source.format {
                    InputFormat::Html => "html",
                    InputFormat::Text => "text",
                });
                source.encoding = Some(cleaned.source.encoding);
                Outcome::Page(Box::new(page))
            }
            Ok(Err(e)) => Outcome::Error {
                error: ErrorBody::new(e.kind(), e.to_string()),
            },
            Err(panic) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "the cleaner panicked".into());
                Outcome::Error {
                    error: ErrorBody::new("panic", message),
                }
            }
        }
    }
}

/// Read a page file (inflating `.gz`), refusing more than `max_bytes` without reading it all.
fn read_file(path: &Path, max_bytes: usize) -> Result<Vec<u8>, ErrorBody> {
    let too_large = |bytes: String| {
        ErrorBody::new(
            "too_large",
            format!("the input is {bytes} bytes, over the limit of {max_bytes} bytes"),
        )
    };
    let gz = inputs::is_gz(path);
    // The file's size, to read it into a buffer of the right size (not one grown by doubling).
    let mut size_hint = 0;
    if !gz {
        let len = std::fs::metadata(path)
            .map_err(|e| ErrorBody::new("io", e.to_string()))?
            .len();
        if len > max_bytes as u64 {
            return Err(too_large(len.to_string()));
        }
        size_hint = len as usize;
    }
    let reader = inputs::open(path).map_err(|e| ErrorBody::new("io", e.to_string()))?;
    let bytes = inputs::read_limited_sized(reader, max_bytes, size_hint).map_err(|e| {
        let kind = if gz && !matches!(e.kind(), io::ErrorKind::PermissionDenied) {
            "decompress"
        } else {
            "io"
        };
        ErrorBody::new(kind, e.to_string())
    })?;
    if bytes.len() > max_bytes {
        return Err(too_large(format!("more than {max_bytes}")));
    }
    Ok(bytes)
}

/// Run a job on the current worker, or on its own thread with a time budget.
fn run_job(engine: &Arc<Engine>, job: Job, budget: Option<Duration>) -> Record {
    let Some(budget) = budget else {
        return engine.process(job);
    };
    let source = job.source.clone();
    let (tx, rx) = mpsc::sync_channel(1);
    let worker = Arc::clone(engine);
    let slot = engine.page_threads.acquire();
    let spawned = std::thread::Builder::new()
        .name("pith-page".into())
        .spawn(move || {
            let _slot = slot;
            let _ = tx.send(worker.process(job));
        });
    let error = match spawned {
        Err(e) => ErrorBody::new("io", format!("could not start a page thread: {e}")),
        Ok(_) => match rx.recv_timeout(budget) {
            Ok(record) => return record,
            Err(mpsc::RecvTimeoutError::Timeout) => ErrorBody::new(
                "timeout",
                format!("no result within {} ms", budget.as_millis()),
            ),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                ErrorBody::new("panic", "the page thread died")
            }
        },
    };
    Record {
        schema_version: SCHEMA_VERSION,
        source,
        outcome: Outcome::Error { error },
    }
}

/// Clean every input and write one record per input, in order.
pub fn run(args: &Args, inputs: Vec<Input>) -> anyhow::Result<Summary> {
    let start = Instant::now();
    // One page named on the command line; a directory means a batch, however many it holds.
    let single = args.inputs.len() == 1
        && !args.inputs[0].is_dir()
        && matches!(inputs[..], [Input::File(_) | Input::Stdin]);
    let total = if inputs.iter().any(|i| matches!(i, Input::Records(_))) {
        None
    } else {
        Some(inputs.len())
    };
    let mut output = Output::open(
        args.output.as_deref(),
        args.output_format(),
        single,
        args.quiet,
    )?;
    let progress = progress_bar(total, args.quiet);
    let workers = args.jobs();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .thread_name(|i| format!("pith-worker-{i}"))
        .build()
        .context("starting worker threads")?;
    let engine = Arc::new(Engine::new(args));
    let budget = args.timeout_ms.map(Duration::from_millis);
    let window = workers * WINDOW_PER_WORKER;

    let (tx, rx) = mpsc::channel::<(usize, Record)>();
    let mut writer = Writer {
        pending: BTreeMap::new(),
        next: 0,
        summary: Summary::default(),
        progress,
    };
    let mut submitted = 0;
    for job in inputs::jobs(inputs, args.max_bytes) {
        while submitted - writer.next >= window {
            writer.receive(&rx, &mut output)?;
        }
        let (tx, engine) = (tx.clone(), Arc::clone(&engine));
        let index = submitted;
        pool.spawn(move || {
            let _ = tx.send((index, run_job(&engine, job, budget)));
        });
        submitted += 1;
    }
    drop(tx);
    while writer.next < submitted {
        writer.receive(&rx, &mut output)?;
    }
    output.finish()?;
    writer.progress.finish_and_clear();
    let mut summary = writer.summary;
    summary.elapsed = start.elapsed();
    if !args.quiet {
        eprintln!("{}", summary.line());
    }
    Ok(summary)
}

/// The ordered end of the pipeline: a reorder buffer in front of the output.
struct Writer {
    pending: BTreeMap<usize, Record>,
    next: usize,
    summary: Summary,
    progress: ProgressBar,
}

impl Writer {
    /// Wait for one result, then write every record whose turn has come.
    fn receive(
        &mut self,
        rx: &mpsc::Receiver<(usize, Record)>,
        output: &mut Output,
    ) -> anyhow::Result<()> {
        let (index, record) = rx.recv().context("a worker stopped without a result")?;
        self.pending.insert(index, record);
        while let Some(record) = self.pending.remove(&self.next) {
            output.write(&record)?;
            self.summary.pages += 1;
            if let Outcome::Error { error } = &record.outcome {
                *self.summary.errors.entry(error.kind.clone()).or_insert(0) += 1;
                self.progress
                    .set_message(format!("{} errors", self.summary.error_count()));
            }
            self.progress.inc(1);
            self.next += 1;
        }
        Ok(())
    }
}

/// A progress bar on stderr when it is a terminal and the run is not quiet; hidden otherwise.
fn progress_bar(total: Option<usize>, quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(n) => (
            ProgressBar::new(n as u64),
            "{bar:30} {pos}/{len} pages, {rate} pages/s, {msg}, ETA {eta}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {pos} pages, {rate} pages/s, {msg}",
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        let rate = |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}", state.per_sec());
        };
        bar.set_style(style.with_key("rate", rate));
    }
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.set_message("0 errors");
    bar
}
