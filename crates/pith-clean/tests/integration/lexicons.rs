//! Every lexicon file parses, is registered, is not empty and repeats no entry.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use pith_clean::lexicon::{entries, fold, FILES};

fn lexicon_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons")
}

fn files_on_disk(dir: &Path, out: &mut Vec<String>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("lexicon dir readable") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                let rel = path.strip_prefix(dir).expect("below lexicons/");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
}

#[test]
fn every_file_is_registered_once() {
    let mut on_disk = Vec::new();
    files_on_disk(&lexicon_dir(), &mut on_disk);
    let registered: HashSet<&str> = FILES.iter().map(|f| f.path).collect();
    assert_eq!(registered.len(), FILES.len(), "a file is registered twice");
    for f in &on_disk {
        assert!(
            registered.contains(f.as_str()),
            "lexicons/{f} is not in src/lexicon/registry.rs"
        );
    }
    assert_eq!(on_disk.len(), FILES.len());
}

#[test]
fn no_file_is_empty_or_repeats_an_entry() {
    for file in FILES {
        let mut seen = HashSet::new();
        let mut n = 0;
        for e in entries(file.text) {
            n += 1;
            assert!(seen.insert(fold(e)), "lexicons/{} repeats {e:?}", file.path);
        }
        assert!(n > 0, "lexicons/{} has no entries", file.path);
    }
}

#[test]
fn every_phrase_list_names_a_kind_or_known_list() {
    for file in FILES {
        if file.family == pith_clean::lexicon::Family::Phrases {
            assert!(
                pith_clean::BoilerplateKind::from_name(file.list).is_some(),
                "lexicons/{}: {} is not a BoilerplateKind name",
                file.path,
                file.list
            );
        }
    }
}
