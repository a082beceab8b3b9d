//! Shared helpers for the pith benches: the input sets (fixtures, the dev
//! corpus, synthetic pages of a given size) and the reference work that every
//! stage is compared with (scraper parsing plus one walk over text nodes).
//!
//! The benches themselves are in `pipeline.rs`; see `README.md` for how to run
//! them and read the ratios.
//!
//! ```
//! let page = pith_benches::synthetic_page(64 * 1024);
//! assert!(page.len() >= 64 * 1024);
//! assert!(pith_benches::text_node_chars(&page) > 0);
//! ```
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use pith_clean::{Cleaned, Cleaner};
use pith_segment::{Article, Segmenter};
use scraper::{Html, Node};
use serde::Serialize;

/// One input: a name for reports, the raw bytes, and the same page flattened
/// (text nodes glued together with no separator, as a naive scraper would).
#[derive(Debug, Clone)]
pub struct Page {
    /// File name relative to its set's directory.
    pub name: String,
    /// The raw bytes as read from disk.
    pub bytes: Vec<u8>,
    /// The page as flattened text: given (`.txt`, `.glued.txt`) or derived from the HTML.
    pub flat: String,
}

/// A named set of pages measured together: one benchmark iteration processes
/// every page of the set once.
#[derive(Debug, Clone)]
pub struct InputSet {
    /// `fixtures`, `corpus`, ...: the benchmark id within each stage group.
    pub name: &'static str,
    /// The pages, sorted by name.
    pub pages: Vec<Page>,
}

impl InputSet {
    /// Total raw bytes over the set: the throughput of HTML stages.
    pub fn html_bytes(&self) -> u64 {
        self.pages.iter().map(|p| p.bytes.len() as u64).sum()
    }

    /// Total flattened bytes over the set: the throughput of `clean_text`.
    pub fn flat_bytes(&self) -> u64 {
        self.pages.iter().map(|p| p.flat.len() as u64).sum()
    }
}

/// The workspace root, from this crate's manifest directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The pages under `fixtures/<slug>/page.html` (HTML pages only: the HTML
/// stages need markup; each page is flattened for `clean_text`).
pub fn fixture_pages() -> InputSet {
    let dir = workspace_root().join("fixtures");
    let mut pages = Vec::new();
    let mut slugs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    slugs.sort();
    for slug in slugs {
        let path = slug.join("page.html");
        if let Ok(bytes) = std::fs::read(&path) {
            let html = String::from_utf8_lossy(&bytes);
            let flat = flatten(&html);
            let name = slug
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            pages.push(Page { name, bytes, flat });
        }
    }
    InputSet {
        name: "fixtures",
        pages,
    }
}

/// Where the dev corpus lives, relative to this crate: `../../shared/corpus/readability`.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/readability")
}

/// The dev corpus pages (`NAME.html`, flattened from `NAME.glued.txt` when
/// present), or `None` when the shared directory is absent.
pub fn corpus_pages() -> Option<InputSet> {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    files.sort();
    let mut pages = Vec::new();
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let glued = path.with_extension("glued.txt");
        let flat = std::fs::read_to_string(&glued)
            .unwrap_or_else(|_| flatten(&String::from_utf8_lossy(&bytes)));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        pages.push(Page { name, bytes, flat });
    }
    if pages.is_empty() {
        return None;
    }
    Some(InputSet {
        name: "corpus",
        pages,
    })
}

/// The reference cost: parse with scraper, then one walk over every text node,
/// summing their chars (so the walk cannot be optimised away). Every stage is
/// reported as a multiple of this.
pub fn text_node_chars(html: &str) -> usize {
    let doc = Html::parse_document(html);
    doc.tree
        .root()
        .descendants()
        .filter_map(|n| match n.value() {
            Node::Text(t) => Some(t.chars().count()),
            _ => None,
        })
        .sum()
}

/// Subtrees whose text a naive scraper does not keep (`<title>` comes first, on its own).
const SKIPPED_TAGS: [&str; 5] = ["head", "script", "style", "noscript", "template"];

/// The page as a naive scraper flattens it (the convention of the corpus's
/// `.glued.txt` files): the `<title>` text, then every text node of the body in
/// document order, each with whitespace collapsed and trimmed, glued together
/// with no separator.
pub fn flatten(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    let title = scraper::Selector::parse("title").ok();
    if let Some(t) = title.as_ref().and_then(|s| doc.select(s).next()) {
        push_collapsed(&mut out, &t.text().collect::<String>());
    }
    for node in doc.tree.root().descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        let skipped = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| SKIPPED_TAGS.contains(&e.name()))
        });
        if !skipped {
            push_collapsed(&mut out, t);
        }
    }
    out
}

/// Append `text` with runs of whitespace collapsed to one space and the ends trimmed.
fn push_collapsed(out: &mut String, text: &str) {
    let mut first = true;
    for word in text.split_whitespace() {
        if !first {
            out.push(' ');
        }
        out.push_str(word);
        first = false;
    }
}

/// What `end_to_end` serialises: the pipeline's output for one page.
#[derive(Serialize)]
struct Record<'a> {
    cleaned: &'a Cleaned,
    article: &'a Article,
}

/// The whole pipeline for one page, as the CLI runs it: bytes -> decode ->
/// clean -> segment -> JSON. Returns the JSON (or the error kind for refused input).
pub fn end_to_end(cleaner: &Cleaner, segmenter: &Segmenter, bytes: &[u8]) -> String {
    match cleaner.clean_bytes(bytes) {
        Ok(cleaned) => {
            let article = segmenter.segment(&cleaned);
            let record = Record {
                cleaned: &cleaned,
                article: &article,
            };
            serde_json::to_string(&record).unwrap_or_default()
        }
        Err(e) => e.kind().to_string(),
    }
}

/// Chrome around the synthetic article: written once, so larger pages grow
/// only in article text, and a linear pipeline's cost grows linearly.
const SYNTHETIC_HEAD: &str = r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Synthetic article for size scaling | Bench Gazette</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Bench Gazette">
<meta property="article:published_time" content="2025-01-01T08:00:00Z"></head><body>
<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience.</p><button>Accept all</button></div>
<a class="skip-link" href="#main">Skip to main content</a>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main id="main"><article><h1>Synthetic article for size scaling</h1>
<p class="byline">By Bench Writer</p>
"##;

/// Closes the article and adds a footer.
const SYNTHETIC_TAIL: &str = r#"<div class="share"><a href="/s/fb">Share on Facebook</a> <a href="/s/x">Share on X</a></div>
</article></main><footer><p>© 2025 Bench Gazette. All rights reserved.</p></footer></body></html>
"#;

/// One repeated unit of article text: a subheading, a quote and two paragraphs.
fn synthetic_section(i: usize, out: &mut String) {
    use std::fmt::Write as _;
    let _ = write!(
        out,
        "<h2>Part {i}: what the council decided</h2>\n\
         <p>The council met for the {i}th time this year and approved a budget of {i} \
         thousand pounds for road repairs, library hours and a new footbridge over the \
         river, officials said on Tuesday.</p>\n\
         <p>\"We have listened to residents for months and this plan reflects what they \
         asked for,\" said Councillor Jane Roe, who chairs the finance committee.</p>\n\
         <p>Opposition members said the plan left too little in reserve. The vote was \
         {} to {}, and the first works are due to start in the spring.</p>\n",
        7 + i % 5,
        2 + i % 3,
    );
}

/// A synthetic article page of at least `target` bytes: fixed chrome plus the
/// article's sections repeated (numbered, so no two are identical).
pub fn synthetic_page(target: usize) -> String {
    let mut out = String::with_capacity(target + 4096);
    out.push_str(SYNTHETIC_HEAD);
    let mut i = 0;
    while out.len() + SYNTHETIC_TAIL.len() < target {
        synthetic_section(i, &mut out);
        i += 1;
    }
    out.push_str(SYNTHETIC_TAIL);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_page_reaches_target_and_scales() {
        let small = synthetic_page(1 << 16);
        let big = synthetic_page(1 << 20);
        assert!(small.len() >= 1 << 16 && small.len() < (1 << 16) + 1024);
        assert!(big.len() >= 1 << 20 && big.len() < (1 << 20) + 1024);
        assert!(text_node_chars(&big) > 8 * text_node_chars(&small));
    }

    #[test]
    fn flatten_glues_text_nodes_and_skips_scripts() {
        let flat = flatten(
            "<html><head><title>T  1</title></head><body><p>Hello <b>big</b></p>\
             <script>var x = 1;</script><p>\n World  again </p></body></html>",
        );
        assert_eq!(flat, "T 1HellobigWorld again");
    }
}
