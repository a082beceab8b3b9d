//! Show what cleaning one HTML page keeps and removes, and why.
//!
//! usage: cargo run --release -p pith-clean --example inspect -- PAGE.html

use pith_clean::{Cleaner, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: inspect PAGE.html")?;
    let html = std::fs::read_to_string(path)?;
    let c = Cleaner::new(Options::default()).clean_html(&html);
    let cut = |s: &str| s.chars().take(110).collect::<String>();
    println!("metadata: {}", serde_json::to_string(&c.metadata)?);
    println!("warnings: {:?}", c.warnings);
    for b in &c.kept {
        println!(
            "KEEP #{} {} {:?} | {}",
            b.index,
            b.kind.name(),
            b.hint,
            cut(&b.text)
        );
    }
    for r in &c.removed {
        println!(
            "DROP {} {} | {}",
            r.kind.name(),
            serde_json::to_string(&r.evidence)?,
            cut(&r.text)
        );
    }
    Ok(())
}
