//! The real `pith` binary: exit codes, one record per input in input order whatever `-j`,
//! error records for bad inputs, record files, gzip, output files, a closed stdout.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const PAGE: &str = "<!DOCTYPE html><html><head><title>Floods close schools</title></head><body>\
    <article><h1>Floods close schools</h1><p>Heavy rain closed forty schools on Monday, \
    officials said, and more closures are expected.</p><p>The regional government said buses \
    would run on a reduced timetable until Friday.</p></article></body></html>";

/// A fresh, empty directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("pith-cli-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn pith(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pith runs");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("stdin written");
    drop(input);
    let out = child.wait_with_output().expect("pith ends");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn error_kind(record: &Value) -> Option<&str> {
    record["error"]["kind"].as_str()
}

/// A directory of good and hostile pages, in a known order.
fn mixed_dir() -> (PathBuf, Vec<(&'static str, Option<&'static str>)>) {
    let dir = temp_dir("mixed");
    write(&dir, "a-page.html", PAGE.as_bytes());
    write(&dir, "b-empty.html", b"");
    write(
        &dir,
        "c-binary.html",
        &[0u8, 1, 2, 3, 0xFF, 0, 0, 7, 8, 0x1F].repeat(50),
    );
    write(
        &dir,
        "d-invalid.html",
        b"<p>caf\xE9 \xFF\xFE cr\xE8me</p><p>more</p>",
    );
    write(&dir, "e-page.htm.gz", &gzip(PAGE.as_bytes()));
    let mut truncated = gzip(PAGE.repeat(20).as_bytes());
    truncated.truncate(truncated.len() / 2);
    write(&dir, "f-truncated.html.gz", &truncated);
    write(
        &dir,
        "g-flat.glued.txt",
        b"HomeNewsSportFloods close schoolsHeavy rain closed forty schools.",
    );
    write(&dir, "h-notes.json", b"{}"); // Not a page: skipped.
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).expect("sub dir");
    write(&sub, "i-page.xhtml", PAGE.as_bytes());
    let expected = vec![
        ("a-page", None),
        ("b-empty", Some("empty")),
        ("c-binary", Some("binary")),
        ("d-invalid", None),
        ("e-page", None),
        ("f-truncated", Some("decompress")),
        ("g-flat.glued", None),
        ("i-page", None),
    ];
    (dir, expected)
}

#[test]
fn one_page_is_pretty_json_and_exit_0() {
    let dir = temp_dir("one");
    let page = write(&dir, "001.html", PAGE.as_bytes());
    let run = pith(&["-q", page.to_str().expect("utf-8 path")], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.lines().count() > 10, "pretty JSON spans lines");
    let v: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["source"]["id"], "001");
    assert_eq!(v["source"]["format"], "html");
    assert_eq!(v["source"]["encoding"], "utf-8");
    assert_eq!(v["source"]["bytes"], PAGE.len());
    for key in ["metadata", "article", "text", "removed", "warnings"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert!(run.stderr.is_empty(), "quiet: {}", run.stderr);
}

#[test]
fn usage_error_is_exit_2() {
    let run = pith(&["--no-such-flag", "x"], b"");
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert_eq!(pith(&["-j", "many", "x"], b"").code, 2);
}

#[test]
fn mixed_directory_gives_one_record_per_input_in_order_whatever_j() {
    let (dir, expected) = mixed_dir();
    let dir = dir.to_str().expect("utf-8 path");
    let one = pith(&["-q", "-j", "1", dir], b"");
    let two = pith(&["-q", "-j", "2", dir], b"");
    assert_eq!(one.code, 1, "some inputs are errors: {}", one.stderr);
    assert_eq!(one.stdout, two.stdout);
    let recs = records(&one.stdout);
    assert_eq!(recs.len(), expected.len());
    for (rec, (id, kind)) in recs.iter().zip(&expected) {
        assert_eq!(rec["schema_version"], 1);
        assert_eq!(rec["source"]["id"], *id);
        assert_eq!(error_kind(rec), *kind, "{rec}");
    }
    assert_eq!(recs[6]["source"]["format"], "text");
}

#[test]
fn summary_line_counts_errors_by_kind() {
    let (dir, _) = mixed_dir();
    let run = pith(&[dir.to_str().expect("utf-8 path")], b"");
    let summary = run.stderr.lines().last().unwrap_or_default();
    assert!(summary.starts_with("pith: 8 pages, 3 errors"), "{summary}");
    assert!(
        summary.contains("binary: 1")
            && summary.contains("decompress: 1")
            && summary.contains("empty: 1")
    );
}

#[test]
fn missing_file_is_an_error_record() {
    let run = pith(&["-q", "--jsonl", "/nonexistent/page.html"], b"");
    assert_eq!(run.code, 1);
    let recs = records(&run.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(error_kind(&recs[0]), Some("io"));
    assert_eq!(recs[0]["source"]["id"], "page");
}

#[test]
fn stdin_page() {
    let run = pith(&["-q", "-"], PAGE.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["source"]["path"], "-");
}

#[test]
fn records_with_a_malformed_line() {
    let dir = temp_dir("records");
    let good =
        serde_json::json!({"id": "r1", "url": "https://example.org/a", "html": PAGE, "lang": "en"});
    let text = serde_json::json!({"id": 2, "text": "HomeNewsHeavy rain closed forty schools."});
    let lines =
        format!("{good}\n{{\"id\": \"broken\", \"html\": \n\n{text}\n{{\"id\": \"no-content\"}}\n");
    let path = write(&dir, "crawl.jsonl", lines.as_bytes());
    let run = pith(&["-q", path.to_str().expect("utf-8 path")], b"");
    assert_eq!(run.code, 1);
    let recs = records(&run.stdout);
    assert_eq!(recs.len(), 4, "blank lines are not records");
    assert_eq!(recs[0]["source"]["id"], "r1");
    assert_eq!(recs[0]["source"]["url"], "https://example.org/a");
    assert_eq!(recs[0]["source"]["extra"]["lang"], "en");
    assert_eq!(recs[0]["source"]["format"], "html");
    assert_eq!(error_kind(&recs[1]), Some("bad_record"));
    assert_eq!(recs[1]["source"]["line"], 2);
    assert_eq!(recs[2]["source"]["id"], 2);
    assert_eq!(recs[2]["source"]["format"], "text");
    assert_eq!(error_kind(&recs[3]), Some("bad_record"));
}

#[test]
fn truncated_gzip_records_keep_what_was_read() {
    let dir = temp_dir("gzrecords");
    let line = serde_json::json!({"id": "x", "html": PAGE}).to_string();
    let all: String = (0..200).map(|_| format!("{line}\n")).collect();
    let mut gz = gzip(all.as_bytes());
    gz.truncate(gz.len() * 2 / 3);
    let path = write(&dir, "crawl.jsonl.gz", &gz);
    let run = pith(
        &["-q", "--records", path.to_str().expect("utf-8 path")],
        b"",
    );
    assert_eq!(run.code, 1);
    let recs = records(&run.stdout);
    let (last, good) = recs.split_last().expect("records");
    assert!(!good.is_empty() && good.iter().all(|r| error_kind(r).is_none()));
    assert_eq!(error_kind(last), Some("decompress"));
}

#[test]
fn output_file_appears_whole() {
    let (dir, expected) = mixed_dir();
    let out = dir.join("out").join("result.jsonl");
    std::fs::create_dir_all(out.parent().expect("parent")).expect("out dir");
    let run = pith(
        &[
            "-q",
            "-o",
            out.to_str().expect("utf-8"),
            dir.to_str().expect("utf-8"),
        ],
        b"",
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(&out).expect("output written");
    assert_eq!(records(&written).len(), expected.len());
    let leftovers = std::fs::read_dir(out.parent().expect("parent"))
        .expect("dir")
        .count();
    assert_eq!(leftovers, 1, "no temporary file left");
}

#[test]
fn text_and_markdown_formats() {
    let dir = temp_dir("formats");
    let page = write(&dir, "p.html", PAGE.as_bytes());
    let page = page.to_str().expect("utf-8");
    let text = pith(&["-q", "--format", "text", page], b"");
    assert_eq!(text.code, 0);
    assert!(!text.stdout.trim_start().starts_with('{'));
    let md = pith(&["-q", "--format", "markdown", page], b"");
    assert_eq!(md.code, 0);
    assert!(!md.stdout.trim_start().starts_with('{'));
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = temp_dir("pipe");
    for i in 0..400 {
        write(&dir, &format!("{i:04}.html"), PAGE.as_bytes());
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-q", "-j", "2", dir.to_str().expect("utf-8")])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pith runs");
    let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    reader.read_line(&mut first).expect("one line");
    assert!(first.starts_with("{\"schema_version\":1"));
    drop(reader);
    let status = child.wait().expect("pith ends");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr");
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn timeouts_keep_one_record_per_input() {
    let (dir, expected) = mixed_dir();
    let run = pith(
        &["-q", "--timeout-ms", "0", dir.to_str().expect("utf-8")],
        b"",
    );
    let recs = records(&run.stdout);
    assert_eq!(recs.len(), expected.len());
    for (rec, (id, _)) in recs.iter().zip(&expected) {
        assert_eq!(rec["source"]["id"], *id);
    }
}

#[test]
fn a_page_over_its_budget_is_a_timeout_record_and_the_run_goes_on() {
    let dir = temp_dir("timeout");
    // Two megabytes of paragraphs take far more than a millisecond to clean on any machine.
    let big = PAGE.replace(
        "<article>",
        &"<p>Words in a long paragraph of the page.</p>".repeat(50_000),
    );
    write(&dir, "a-big.html", big.as_bytes());
    write(&dir, "b-empty.html", b"");
    let run = pith(
        &["-q", "--timeout-ms", "1", dir.to_str().expect("utf-8")],
        b"",
    );
    assert_eq!(run.code, 1);
    let recs = records(&run.stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(error_kind(&recs[0]), Some("timeout"));
    assert_eq!(recs[1]["source"]["id"], "b-empty");
}

#[test]
fn completions_and_man() {
    let bash = pith(&["completions", "bash"], b"");
    assert_eq!(bash.code, 0);
    assert!(bash.stdout.contains("--jsonl"));
    let man = pith(&["man"], b"");
    assert_eq!(man.code, 0);
    assert!(man.stdout.contains(".TH pith"));
}

#[test]
fn a_directory_of_one_page_is_still_json_lines() {
    let dir = temp_dir("dir-of-one");
    write(&dir, "only.html", PAGE.as_bytes());
    let run = pith(&["-q", dir.to_str().expect("utf-8")], b"");
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 1);
    assert_eq!(records(&run.stdout)[0]["source"]["id"], "only");
}

#[test]
fn forced_input_format() {
    let dir = temp_dir("forced");
    let page = write(&dir, "p.html", PAGE.as_bytes());
    let run = pith(
        &[
            "-q",
            "--jsonl",
            "--input-format",
            "text",
            page.to_str().expect("utf-8"),
        ],
        b"",
    );
    assert_eq!(run.code, 0);
    assert_eq!(records(&run.stdout)[0]["source"]["format"], "text");
}

#[test]
fn too_large_input_is_an_error_record() {
    let dir = temp_dir("large");
    let page = write(&dir, "big.html", PAGE.as_bytes());
    let run = pith(
        &[
            "-q",
            "--jsonl",
            "--max-bytes",
            "100",
            page.to_str().expect("utf-8"),
        ],
        b"",
    );
    assert_eq!(run.code, 1);
    assert_eq!(error_kind(&records(&run.stdout)[0]), Some("too_large"));
}
