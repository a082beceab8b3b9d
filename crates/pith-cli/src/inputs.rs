//! Inputs: command-line paths become a lazy, ordered stream of jobs, one per page.
//!
//! Directories are walked iteratively, sorted by name, so the order is the same on every run.
//! In a directory, files are taken by extension (.html .htm .xhtml .txt, each optionally .gz);
//! a file without an extension is taken when its first bytes look like HTML. Files named on the
//! command line are always taken. Record files (.jsonl, .jsonl.gz, or `--records`) give one job
//! per non-blank line, read as the batch goes: a million-line file is never held in memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde_json::{Map, Value};

use crate::record::{ErrorBody, Source};

/// Extensions of page files taken from directories (also under `.gz`).
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "txt"];

/// How many leading bytes of an extensionless file are sniffed.
const SNIFF_BYTES: usize = 1024;

/// One thing named on the command line (or found in a directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A page file (maybe gzipped).
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// A JSON Lines file of records (maybe gzipped).
    Records(PathBuf),
}

/// What a job carries to the worker.
#[derive(Debug)]
pub enum Payload {
    /// A file to read on the worker.
    File(PathBuf),
    /// Bytes already read (standard input).
    Bytes(io::Result<Vec<u8>>),
    /// A record's page, as HTML or flattened text.
    Record {
        /// The page.
        content: String,
        /// Whether the record gave `html` (else `text`).
        is_html: bool,
    },
    /// The input failed before it reached a worker (a malformed record line).
    Failed(ErrorBody),
}

/// One page to clean.
#[derive(Debug)]
pub struct Job {
    /// Where it came from (completed by the worker with format, encoding, size).
    pub source: Source,
    /// What to clean.
    pub payload: Payload,
}

/// Expand the command line into inputs: directories walked, record files recognised.
pub fn expand(paths: &[PathBuf], records: &[PathBuf]) -> anyhow::Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut inputs).with_context(|| format!("reading {}", path.display()))?;
        } else if is_records_path(path) {
            inputs.push(Input::Records(path.clone()));
        } else {
            // Missing or unreadable files become error records when read.
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs.extend(records.iter().cloned().map(Input::Records));
    Ok(inputs)
}

/// Walk a directory tree without recursion, pushing page files in sorted order.
fn walk(root: &Path, inputs: &mut Vec<Input>) -> io::Result<()> {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<io::Result<_>>()?;
        entries.sort_by_key(|e| e.file_name());
        let mut subdirs = Vec::new();
        for entry in entries {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            // Symlinked directories are not followed: they can loop.
            let file_type = entry.file_type()?;
            if file_type.is_dir() {
                subdirs.push(path);
            } else if path.is_file() && is_page_file(&path) {
                inputs.push(Input::File(path));
            }
        }
        // Reverse so the stack pops subdirectories in name order.
        stack.extend(subdirs.into_iter().rev());
    }
    Ok(())
}

/// The path's extensions, lowercased, with a trailing `.gz` removed: (`html`, true) for
/// `a.HTML.gz`.
fn extension(path: &Path) -> (Option<String>, bool) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase());
    let Some(name) = name else {
        return (None, false);
    };
    let (name, gz) = match name.strip_suffix(".gz") {
        Some(stem) => (stem.to_owned(), true),
        None => (name, false),
    };
    let ext = Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().into_owned());
    (ext, gz)
}

fn is_records_path(path: &Path) -> bool {
    extension(path).0.as_deref() == Some("jsonl")
}

fn is_page_file(path: &Path) -> bool {
    match extension(path) {
        (Some(ext), _) => PAGE_EXTENSIONS.contains(&ext.as_str()),
        (None, true) => false,
        (None, false) => looks_like_html(path),
    }
}

fn looks_like_html(path: &Path) -> bool {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let read = File::open(path).and_then(|f| f.take(SNIFF_BYTES as u64).read_to_end(&mut head));
    read.is_ok()
        && pith_clean::decode::sniff_format(&String::from_utf8_lossy(&head))
            == pith_clean::InputFormat::Html
}

/// The id of a page file: its name without `.gz` and without the last extension
/// (`001.glued` for `001.glued.txt`, `a` for `a.html.gz`).
pub fn file_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[..dot].to_owned(),
        _ => name.to_owned(),
    }
}

/// Whether a path names a gzip file.
pub fn is_gz(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Open a file for reading, through a gzip decoder for `.gz`.
pub fn open(path: &Path) -> io::Result<Box<dyn Read + Send>> {
    let file = File::open(path)?;
    Ok(if is_gz(path) {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
    } else {
        Box::new(file)
    })
}

/// The jobs of all inputs, in order, produced lazily.
pub fn jobs(inputs: Vec<Input>, max_bytes: usize) -> impl Iterator<Item = Job> {
    inputs
        .into_iter()
        .flat_map(move |input| -> Box<dyn Iterator<Item = Job>> {
            match input {
                Input::File(path) => Box::new(std::iter::once(Job {
                    source: Source {
                        path: path.display().to_string(),
                        id: Value::String(file_id(&path)),
                        ..Source::default()
                    },
                    payload: Payload::File(path),
                })),
                Input::Stdin => Box::new(std::iter::once(Job {
                    source: Source {
                        path: "-".into(),
                        id: Value::String("stdin".into()),
                        ..Source::default()
                    },
                    payload: Payload::Bytes(read_limited(io::stdin().lock(), max_bytes)),
                })),
                Input::Records(path) => Box::new(RecordJobs::new(path, max_bytes)),
            }
        })
}

/// Read at most `max_bytes + 1` bytes: enough to tell that an input is too large without
/// reading all of it (or inflating all of a gzip bomb).
pub fn read_limited(reader: impl Read, max_bytes: usize) -> io::Result<Vec<u8>> {
    read_limited_sized(reader, max_bytes, 0)
}

/// [`read_limited`] into a buffer sized for `size_hint` bytes up front (a file's length), so
/// a large page is not read into a buffer grown by doubling.
pub fn read_limited_sized(
    reader: impl Read,
    max_bytes: usize,
    size_hint: usize,
) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(size_hint.min(max_bytes.saturating_add(1)));
    reader.take(max_bytes as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The jobs of one JSON Lines record file, one per non-blank line.
struct RecordJobs {
    path: PathBuf,
    reader: Option<Box<dyn BufRead + Send>>,
    line: usize,
    max_bytes: usize,
    /// An error opening the file, reported as one error record.
    open_error: Option<io::Error>,
}

impl RecordJobs {
    fn new(path: PathBuf, max_bytes: usize) -> RecordJobs {
        let (reader, open_error) = match open(&path) {
            Ok(r) => (
                Some(Box::new(BufReader::new(r)) as Box<dyn BufRead + Send>),
                None,
            ),
            Err(e) => (None, Some(e)),
        };
        RecordJobs {
            path,
            reader,
            line: 0,
            max_bytes,
            open_error,
        }
    }

    fn source(&self) -> Source {
        Source {
            path: self.path.display().to_string(),
            id: Value::Null,
            line: Some(self.line),
            ..Source::default()
        }
    }

    fn failed(&self, kind: &str, message: String) -> Job {
        Job {
            source: self.source(),
            payload: Payload::Failed(ErrorBody::new(kind, message)),
        }
    }
}

impl Iterator for RecordJobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        if let Some(e) = self.open_error.take() {
            return Some(self.failed("io", e.to_string()));
        }
        loop {
            let reader = self.reader.as_mut()?;
            let mut buf = Vec::new();
            // A line may hold a whole page, JSON-escaped: allow twice the page limit.
            let limit = (self.max_bytes as u64).saturating_mul(2).saturating_add(1);
            let read = reader.by_ref().take(limit).read_until(b'\n', &mut buf);
            self.line += 1;
            match read {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(n) if n as u64 == limit && buf.last() != Some(&b'\n') => {
                    // Too long: skip the rest of the line, report it, go on.
                    skip_line(reader);
                    return Some(self.failed(
                        "too_large",
                        format!("line {} is over {limit} bytes", self.line),
                    ));
                }
                Ok(_) => return Some(parse_record(&buf, self.source())),
                Err(e) => {
                    // A truncated gzip or an unreadable file: report once, stop this input.
                    self.reader = None;
                    let kind = if is_gz(&self.path) {
                        "decompress"
                    } else {
                        "io"
                    };
                    return Some(self.failed(kind, e.to_string()));
                }
            }
        }
    }
}

/// Skip the rest of an over-long line, a bounded chunk at a time.
fn skip_line(reader: &mut Box<dyn BufRead + Send>) {
    loop {
        let mut junk = Vec::new();
        match reader.by_ref().take(1 << 20).read_until(b'\n', &mut junk) {
            Ok(0) | Err(_) => return,
            Ok(_) if junk.last() == Some(&b'\n') => return,
            Ok(_) => {}
        }
    }
}

/// Parse one record line into a job: `id` (string or number), `html` or `text` (string),
/// optional `url`; other fields go to `source.extra`.
fn parse_record(line: &[u8], mut source: Source) -> Job {
    let failed = |source: Source, message: String| Job {
        source,
        payload: Payload::Failed(ErrorBody::new("bad_record", message)),
    };
    let mut fields: Map<String, Value> = match serde_json::from_slice(line) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return failed(source, "a record must be a JSON object".into()),
        Err(e) => return failed(source, format!("invalid JSON: {e}")),
    };
    match fields.remove("id") {
        Some(id @ (Value::String(_) | Value::Number(_))) => source.id = id,
        Some(_) => return failed(source, "`id` must be a string or a number".into()),
        None => return failed(source, "missing `id`".into()),
    }
    match fields.remove("url") {
        Some(Value::String(url)) => source.url = Some(url),
        Some(Value::Null) | None => {}
        Some(_) => return failed(source, "`url` must be a string".into()),
    }
    let (content, is_html) = match (fields.remove("html"), fields.remove("text")) {
        (Some(Value::String(html)), _) => (html, true),
        (None | Some(Value::Null), Some(Value::String(text))) => (text, false),
        _ => return failed(source, "needs a string `html` or `text` field".into()),
    };
    if !fields.is_empty() {
        source.extra = Some(fields);
    }
    Job {
        source,
        payload: Payload::Record { content, is_html },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(file_id(Path::new("d/001.html")), "001");
        assert_eq!(file_id(Path::new("001.glued.txt")), "001.glued");
        assert_eq!(file_id(Path::new("a.html.gz")), "a");
        assert_eq!(file_id(Path::new("README")), "README");
    }

    #[test]
    fn extensions() {
        assert!(is_records_path(Path::new("x.JSONL.gz")));
        assert!(is_page_file(Path::new("x.htm.gz")));
        assert!(!is_page_file(Path::new("x.json")));
    }

    #[test]
    fn records() {
        let job = parse_record(
            br#"{"id": 7, "url": "https://e.x/a", "html": "<p>x</p>", "lang": "en"}"#,
            Source::default(),
        );
        assert_eq!(job.source.id, Value::from(7));
        assert_eq!(job.source.url.as_deref(), Some("https://e.x/a"));
        assert_eq!(job.source.extra.as_ref().map(|e| e.len()), Some(1));
        assert!(matches!(job.payload, Payload::Record { is_html: true, .. }));
        for bad in [
            &b"{\"id\": 1"[..],
            b"[1]",
            b"{\"html\": \"x\"}",
            b"{\"id\": \"a\"}",
            b"{\"id\": [], \"text\": \"x\"}",
        ] {
            let job = parse_record(bad, Source::default());
            assert!(
                matches!(&job.payload, Payload::Failed(e) if e.kind == "bad_record"),
                "{bad:?}"
            );
        }
    }
}
