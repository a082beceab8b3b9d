//! Fixture tests: run the real `pith` binary on every `fixtures/<slug>/page.*`
//! and compare its JSON with `fixtures/<slug>/expected.json`, exactly.
//!
//! - Both sides are parsed as `serde_json::Value`; nothing is ignored except
//!   `source.path`, which is normalised to the path relative to the workspace
//!   root (`fixtures/<slug>/page.html`), so the files do not depend on where the
//!   repository is checked out.
//! - `PITH_BLESS=1 cargo test -p pith-cli --test integration fixtures` rewrites
//!   every `expected.json` from the current output. Review the diff with
//!   `git diff fixtures/` before committing: a blessed file is a claim that the
//!   output is right.
//! - A missing `expected.json` is a failure unless blessing, so a new fixture
//!   cannot pass silently.
//!
//! All fixtures are checked before the test fails, and the report names every
//! failing fixture with the first differing JSON paths.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// How many differing paths to print per fixture; the rest are counted.
const MAX_DIFFS_SHOWN: usize = 12;

/// Longest rendering of one JSON value in the diff report, in chars.
const MAX_VALUE_CHARS: usize = 240;

/// The page file names a fixture may hold, in the order they are looked for.
const PAGE_NAMES: [&str; 2] = ["page.html", "page.txt"];

/// The workspace root: fixtures are addressed relative to it.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists")
}

/// One fixture: its slug, its page (relative to the root) and its expected file.
struct Fixture {
    slug: String,
    page: PathBuf,
    expected: PathBuf,
}

/// Every `fixtures/<slug>/` holding a page, sorted by slug.
fn discover(root: &Path) -> Vec<Fixture> {
    let dir = root.join("fixtures");
    let mut found = Vec::new();
    let entries = std::fs::read_dir(&dir).expect("fixtures/ exists at the workspace root");
    for entry in entries.flatten() {
        if !entry.path().is_dir() {
            continue;
        }
        let slug = entry.file_name().to_string_lossy().into_owned();
        let page = PAGE_NAMES
            .iter()
            .map(|name| Path::new("fixtures").join(&slug).join(name))
            .find(|rel| root.join(rel).is_file());
        if let Some(page) = page {
            let expected = root.join("fixtures").join(&slug).join("expected.json");
            found.push(Fixture {
                slug,
                page,
                expected,
            });
        }
    }
    found.sort_by(|a, b| a.slug.cmp(&b.slug));
    found
}

/// What `pith PAGE` printed: the parsed record (with `source.path`
/// normalised) and the text as printed.
struct Output {
    value: Value,
    printed: String,
}

/// Run `pith PAGE` from the workspace root and parse its JSON, with
/// `source.path` normalised to the relative page path.
fn run_pith(root: &Path, page: &Path) -> Result<Output, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_pith"))
        .arg(page)
        .current_dir(root)
        .output()
        .map_err(|e| format!("could not run pith: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut value: Value = serde_json::from_str(&stdout).map_err(|e| {
        format!(
            "pith did not print one JSON document ({e}); exit status {}\nstdout:\n{}\nstderr:\n{}",
            output.status,
            truncate(&stdout, 2000),
            truncate(&String::from_utf8_lossy(&output.stderr), 2000),
        )
    })?;
    normalise_source_path(&mut value, page);
    Ok(Output {
        value,
        printed: stdout.into_owned(),
    })
}

/// Set `source.path` (when the record has one) to the page's relative path,
/// written with `/` on every platform.
fn normalise_source_path(value: &mut Value, page: &Path) {
    let rel = page
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    if let Some(path) = value.get_mut("source").and_then(|s| s.get_mut("path")) {
        *path = Value::String(rel);
    }
}

/// Rewrite `expected.json` from the output: as printed (field order kept, so
/// the file reads like the CLI's output) when that text already holds the
/// normalised path, else re-serialised (keys sorted). Ends with a newline.
fn bless(fixture: &Fixture, actual: &Output) -> Result<(), String> {
    let printed: Option<Value> = serde_json::from_str(&actual.printed).ok();
    let mut text = if printed.as_ref() == Some(&actual.value) {
        actual.printed.trim_end().to_string()
    } else {
        serde_json::to_string_pretty(&actual.value).map_err(|e| e.to_string())?
    };
    text.push('\n');
    std::fs::write(&fixture.expected, text)
        .map_err(|e| format!("could not write {}: {e}", fixture.expected.display()))
}

/// Compare one fixture; `Err` holds the report for a failing one.
fn check(root: &Path, fixture: &Fixture, blessing: bool) -> Result<(), String> {
    let actual = run_pith(root, &fixture.page)?;
    if blessing {
        return bless(fixture, &actual);
    }
    let text = std::fs::read_to_string(&fixture.expected).map_err(|_| {
        format!(
            "no expected.json: run `PITH_BLESS=1 cargo test -p pith-cli --test integration \
             fixtures`, then review {}",
            fixture.expected.display()
        )
    })?;
    let mut expected: Value =
        serde_json::from_str(&text).map_err(|e| format!("expected.json is not valid JSON: {e}"))?;
    normalise_source_path(&mut expected, &fixture.page);
    let diffs = diff(&expected, &actual.value);
    if diffs.is_empty() {
        return Ok(());
    }
    let mut report = format!("{} differing path(s):\n", diffs.len());
    for d in diffs.iter().take(MAX_DIFFS_SHOWN) {
        let _ = writeln!(report, "  at {}", d.path);
        let _ = writeln!(report, "    expected: {}", render(d.expected));
        let _ = writeln!(report, "    actual:   {}", render(d.actual));
    }
    if diffs.len() > MAX_DIFFS_SHOWN {
        let _ = writeln!(report, "  ... and {} more", diffs.len() - MAX_DIFFS_SHOWN);
    }
    Err(report)
}

/// One place where two JSON documents differ. `None` means "absent there".
#[derive(Debug)]
struct Diff<'a> {
    path: String,
    expected: Option<&'a Value>,
    actual: Option<&'a Value>,
}

/// Every differing leaf path between `expected` and `actual`, in document
/// order. Objects are compared key by key and arrays index by index, so an
/// inserted paragraph shows as a run of differences from its index on. The
/// walk uses an explicit stack: fixtures are trusted, but the rule holds.
fn diff<'a>(expected: &'a Value, actual: &'a Value) -> Vec<Diff<'a>> {
    let mut out = Vec::new();
    let mut stack: Vec<(String, Option<&'a Value>, Option<&'a Value>)> =
        vec![(String::from("$"), Some(expected), Some(actual))];
    while let Some((path, e, a)) = stack.pop() {
        let mut children = Vec::new();
        match (e, a) {
            (Some(Value::Object(eo)), Some(Value::Object(ao))) => {
                let mut keys: Vec<&String> = eo.keys().chain(ao.keys()).collect();
                keys.sort();
                keys.dedup();
                for k in keys {
                    children.push((format!("{path}.{k}"), eo.get(k), ao.get(k)));
                }
            }
            (Some(Value::Array(ea)), Some(Value::Array(aa))) => {
                for i in 0..ea.len().max(aa.len()) {
                    children.push((format!("{path}[{i}]"), ea.get(i), aa.get(i)));
                }
            }
            (e, a) if e == a => {}
            (e, a) => out.push(Diff {
                path,
                expected: e,
                actual: a,
            }),
        }
        // Reversed so the stack pops children in document order.
        stack.extend(children.into_iter().rev());
    }
    out
}

/// A short one-line rendering of a value for the report.
fn render(value: Option<&Value>) -> String {
    match value {
        None => "(absent)".to_string(),
        Some(v) => truncate(&v.to_string(), MAX_VALUE_CHARS),
    }
}

/// At most `max` chars of `s`, with an ellipsis when cut (char-boundary safe).
fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

#[test]
fn fixtures_match_expected_json() {
    let root = workspace_root();
    let fixtures = discover(&root);
    assert!(
        !fixtures.is_empty(),
        "no fixtures found under {}",
        root.join("fixtures").display()
    );
    let blessing = std::env::var_os("PITH_BLESS").is_some_and(|v| v == "1");
    let mut failures = String::new();
    let mut failed = 0;
    for fixture in &fixtures {
        if let Err(report) = check(&root, fixture, blessing) {
            failed += 1;
            let _ = writeln!(failures, "\n--- fixtures/{}: {report}", fixture.slug);
        }
    }
    if blessing {
        println!(
            "blessed {} fixture(s); review with `git diff fixtures/`",
            fixtures.len() - failed
        );
    }
    assert!(
        failed == 0,
        "{failed} of {} fixture(s) failed:{failures}\n\
         If the new output is right, bless it: \
         PITH_BLESS=1 cargo test -p pith-cli --test integration fixtures",
        fixtures.len()
    );
}

#[test]
fn diff_reports_changed_added_and_removed_paths_in_order() {
    let expected = serde_json::json!({
        "article": {"body": [{"text": "a"}, {"text": "b"}], "headline": "H"},
        "warnings": []
    });
    let actual = serde_json::json!({
        "article": {"body": [{"text": "a"}, {"text": "B"}, {"text": "c"}], "headline": "H"},
        "removed": []
    });
    let paths: Vec<String> = diff(&expected, &actual)
        .into_iter()
        .map(|d| d.path)
        .collect();
    assert_eq!(
        paths,
        [
            "$.article.body[1].text",
            "$.article.body[2]",
            "$.removed",
            "$.warnings"
        ]
    );
    assert!(diff(&expected, &expected).is_empty());
}

#[test]
fn source_path_is_normalised_and_nothing_else() {
    let mut v = serde_json::json!({"source": {"path": "/tmp/x/page.html", "bytes": 3}});
    normalise_source_path(&mut v, Path::new("fixtures/a/page.html"));
    assert_eq!(
        v,
        serde_json::json!({"source": {"path": "fixtures/a/page.html", "bytes": 3}})
    );
}
