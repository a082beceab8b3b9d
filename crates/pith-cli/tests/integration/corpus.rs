//! The binary over the dev corpus: one record per input, in order, and no crash.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

#[test]
fn corpus_gives_one_record_per_input() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/readability");
    if !dir.is_dir() {
        println!("note: {} absent; corpus run skipped", dir.display());
        return;
    }
    let mut inputs: Vec<String> = std::fs::read_dir(&dir)
        .expect("readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html") || n.ends_with(".txt"))
        .collect();
    inputs.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-q", "--jsonl"])
        .arg(&dir)
        .output()
        .expect("pith runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "crashed: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let records: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(records.len(), inputs.len());
    for (record, name) in records.iter().zip(&inputs) {
        let path = record["source"]["path"].as_str().expect("path");
        assert!(path.ends_with(name.as_str()), "{path} vs {name}");
        assert!(record.get("error").is_none(), "{name}: {}", record["error"]);
        let expected_format = if name.ends_with(".txt") {
            "text"
        } else {
            "html"
        };
        assert_eq!(record["source"]["format"], expected_format, "{name}");
    }
}
