//! Run the flattened-text path over a directory of `NAME.glued.txt` files and
//! print one `{"id": NAME, "body": TEXT}` line per file (the body is the kept
//! blocks without headline, standfirst, date and byline), for `score.py`.
//!
//! usage: cargo run --release -p pith-clean --example glued -- DIR > out.jsonl
//!        cargo run --release -p pith-clean --example glued -- FILE   (one page: the whole `Cleaned` as JSON)
//!        cargo run --release -p pith-clean --example glued -- --segments FILE   (segments, labels, weights)

use std::path::PathBuf;

use pith_clean::{Cleaner, Hint, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: glued DIR")?;
    if dir.to_str() == Some("--segments") {
        let path = std::env::args()
            .nth(2)
            .ok_or("usage: glued --segments FILE")?;
        return show_segments(&std::fs::read_to_string(path)?);
    }
    if dir.is_file() {
        let flat = std::fs::read_to_string(&dir)?;
        let cleaned = Cleaner::new(Options::default()).clean_text(&flat);
        println!("{}", serde_json::to_string_pretty(&cleaned)?);
        return Ok(());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".glued.txt"))
        .collect();
    files.sort();
    let cleaner = Cleaner::new(Options::default());
    let mut bytes = 0usize;
    let mut cleaning = std::time::Duration::ZERO;
    for path in &files {
        let flat = std::fs::read_to_string(path)?;
        bytes += flat.len();
        let started = std::time::Instant::now();
        let cleaned = cleaner.clean_text(&flat);
        cleaning += started.elapsed();
        let body: Vec<&str> = cleaned
            .kept
            .iter()
            .filter(|b| {
                !matches!(
                    b.hint,
                    Some(Hint::Headline | Hint::Standfirst | Hint::Date | Hint::Byline)
                )
            })
            .map(|b| b.text.as_str())
            .collect();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".glued.txt"))
            .unwrap_or("");
        let line = serde_json::json!({ "id": name, "body": body.join("\n\n") });
        println!("{line}");
    }
    let secs = cleaning.as_secs_f64();
    eprintln!(
        "{} files, {:.1} MB cleaned in {:.3} s: {:.0} MB/s",
        files.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    Ok(())
}

/// Print every segment with its boundary rule, label and weight, marking the
/// span (`|`), front matter (`F`) and kept paragraph starts (`K`).
fn show_segments(flat: &str) -> Result<(), Box<dyn std::error::Error>> {
    use pith_clean::lexicon::Lexicons;
    use pith_clean::text::{analyse, classify};
    let a = analyse(flat, Lexicons::builtin());
    let front = [a.front.headline, a.front.standfirst, a.front.date];
    for (i, (s, l)) in a.segs.iter().zip(&a.labels).enumerate() {
        let text: String = flat[s.start..s.end].chars().take(100).collect();
        let label = match l {
            classify::Label::Boiler { kind, .. } => format!("B:{}", kind.name()),
            classify::Label::Tainted { kind, .. } => format!("T:{}", kind.name()),
            other => format!("{other:?}"),
        };
        let mark = if front.contains(&Some(i)) {
            "F"
        } else if a.span.is_some_and(|sp| sp.contains(i)) {
            "|"
        } else {
            " "
        };
        println!(
            "{mark} {i:4} {:>8} {:<9} {:>7.0} | {text}",
            format!("{:?}", s.cut),
            label,
            a.weights[i]
        );
    }
    Ok(())
}
