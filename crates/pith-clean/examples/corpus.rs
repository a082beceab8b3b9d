//! Run pith-clean over a directory of pages and print one `{"id": NAME, "body": TEXT}`
//! line per page, for `score.py`. The body is the kept blocks' text, one blank line
//! between blocks, without the headline, byline and date blocks (the gold body has none).
//!
//! usage: cargo run --release -p pith-clean --example corpus -- DIR [html|text] > out.jsonl
//! (`html` reads `NAME.html`, `text` reads `NAME.glued.txt`; html is the default.)

use std::path::PathBuf;

use pith_clean::{Cleaner, Hint, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .ok_or("usage: corpus DIR [html|text]")?;
    let mode = args.next().unwrap_or_else(|| "html".into());
    let suffix = if mode == "text" {
        ".glued.txt"
    } else {
        ".html"
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    let cleaner = Cleaner::new(Options::default());
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let id = name.strip_suffix(suffix).unwrap_or(&name).to_string();
        let page = std::fs::read_to_string(path)?;
        let cleaned = if mode == "text" {
            cleaner.clean_text(&page)
        } else {
            cleaner.clean_html(&page)
        };
        let body: Vec<&str> = cleaned
            .kept
            .iter()
            .filter(|b| !matches!(b.hint, Some(Hint::Headline | Hint::Byline | Hint::Date)))
            .map(|b| b.text.as_str())
            .collect();
        println!(
            "{}",
            serde_json::json!({ "id": id, "body": body.join("\n\n") })
        );
    }
    Ok(())
}
