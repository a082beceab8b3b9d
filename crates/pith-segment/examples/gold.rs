//! Run cleaning and segmentation over the gold pages and print one JSON line per
//! page in the scorer's format (shared/eval/score_segments.py).
//!
//! ```text
//! cargo run --release -p pith-segment --example gold -- [SHARED_DIR] [--glued|--from-expected] > out.jsonl
//! python3 SHARED_DIR/eval/score_segments.py SHARED_DIR/gold/readability-segments.jsonl out.jsonl --per-page
//! ```
//!
//! `SHARED_DIR` defaults to `../shared` from the workspace root. `--glued` cleans
//! each page's flattened `NAME.glued.txt` instead of its HTML. `--from-expected`
//! builds the cleaned blocks from each page's expected `NAME.json` (title, byline,
//! body split at blank lines) instead of running the cleaner: a way to work on
//! segmentation alone while the cleaner is unfinished.

use std::path::{Path, PathBuf};

use pith_clean::{Block, BlockKind, Cleaned, Cleaner, Hint, Metadata, Options as CleanOptions};
use pith_segment::{Article, Options, Segmenter};
use serde_json::{json, Value};

const HRW_ID: &str = "hrw-kazakhstan-2011-06-10";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let from_expected = args.iter().any(|a| a == "--from-expected");
    let glued = args.iter().any(|a| a == "--glued");
    let shared = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let gold = match std::fs::read_to_string(shared.join("gold/readability-segments.jsonl")) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("skipping: no gold file under {} ({e})", shared.display());
            return;
        }
    };
    let cleaner = Cleaner::new(CleanOptions::default());
    let segmenter = Segmenter::new(Options::default());
    let corpus = shared.join("corpus/readability");
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(g) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let Some(id) = g.get("id").and_then(Value::as_str) else {
            continue;
        };
        let Some(stem) = find_stem(&corpus, id) else {
            eprintln!("{id}: no corpus page");
            continue;
        };
        let cleaned = if from_expected {
            from_expected_json(&corpus.join(format!("{stem}.json")))
        } else if glued {
            clean_file(&cleaner, &corpus.join(format!("{stem}.glued.txt")))
        } else {
            clean_file(&cleaner, &corpus.join(format!("{stem}.html")))
        };
        println!("{}", record(id, &segmenter.segment(&cleaned)));
    }
    let hrw = shared.join(format!("pages/{HRW_ID}.txt"));
    let cleaned = clean_file(&cleaner, &hrw);
    println!("{}", record(HRW_ID, &segmenter.segment(&cleaned)));
}

/// The corpus file stem for a gold id: the id itself, or the one file it prefixes.
fn find_stem(corpus: &Path, id: &str) -> Option<String> {
    if corpus.join(format!("{id}.html")).exists() {
        return Some(id.to_string());
    }
    let mut hits: Vec<String> = std::fs::read_dir(corpus)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".html")
                .map(str::to_string)
        })
        .filter(|s| s.starts_with(id) || id.starts_with(s.as_str()))
        .collect();
    hits.sort();
    (hits.len() == 1).then(|| hits.remove(0))
}

fn clean_file(cleaner: &Cleaner, path: &Path) -> Cleaned {
    let bytes = std::fs::read(path).unwrap_or_default();
    cleaner.clean_bytes(&bytes).unwrap_or_default()
}

fn from_expected_json(path: &Path) -> Cleaned {
    let v: Value = std::fs::read_to_string(path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null);
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let mut kept = Vec::new();
    if let Some(t) = s("title") {
        let mut b = Block::new(BlockKind::Heading { level: 1 }, t);
        b.hint = Some(Hint::Headline);
        kept.push(b);
    }
    if let Some(by) = s("byline") {
        let mut b = Block::new(BlockKind::Paragraph, by);
        b.hint = Some(Hint::Byline);
        kept.push(b);
    }
    for p in s("body").unwrap_or_default().split("\n\n") {
        let text = p.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            kept.push(Block::new(BlockKind::Paragraph, text));
        }
    }
    Cleaned {
        metadata: Metadata {
            title: s("title"),
            published: s("published"),
            ..Metadata::default()
        },
        kept,
        ..Cleaned::default()
    }
}

fn record(id: &str, a: &Article) -> Value {
    let body: Vec<&str> = a
        .body
        .iter()
        .filter(|p| p.kind != "heading")
        .map(|p| p.text.as_str())
        .collect();
    json!({
        "id": id,
        "headline": a.headline,
        "standfirst": a.standfirst,
        "published": a.published.as_deref().map(|p| p.get(..10).unwrap_or(p)),
        "dateline": a.dateline.as_ref().map(|d| json!({"text": d.text, "location": d.location, "agency": d.agency})),
        "byline": a.byline,
        "quotes": a.quotes.iter().map(|q| json!({"text": q.text, "speaker": q.speaker, "kind": q.kind})).collect::<Vec<_>>(),
        "first_body_sentence": body.first().and_then(|p| sentences(p).into_iter().next()),
        "last_body_sentence": body.last().and_then(|p| sentences(p).into_iter().last()),
    })
}

/// Split at . ! ? (and a closing quote after them) followed by a space and a capital or quote.
fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            let next = chars.get(j + 1).copied();
            let abbrev = {
                let mut s = i;
                while s > 0 && chars[s - 1].is_alphabetic() {
                    s -= 1;
                }
                let w: String = chars[s..i].iter().collect();
                w.chars().count() == 1
                    || [
                        "Mr", "Mrs", "Ms", "Dr", "St", "Gov", "Sen", "Rep", "Gen", "U.S",
                    ]
                    .contains(&w.as_str())
            };
            if chars.get(j).is_some_and(|c| c.is_whitespace())
                && next.is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“' | '‘' | '('))
                && !abbrev
            {
                out.push(
                    chars[start..j]
                        .iter()
                        .collect::<String>()
                        .trim()
                        .to_string(),
                );
                start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let tail: String = chars[start..].iter().collect::<String>().trim().to_string();
    if !tail.is_empty() {
        out.push(tail);
    }
    out
}
