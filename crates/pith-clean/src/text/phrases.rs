//! Lexicon phrases in flat text, fast: each short segment is case-folded into
//! a reused buffer, keeping every byte offset (a char whose lowercase has
//! another length stays as it is), and one automaton built from the lexicon
//! entries runs over it.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::classify::evidence::Evidence;
use crate::lexicon::{Entry, Lexicons};

/// Lowercase `text` without changing any byte offset.
///
/// ```
/// use pith_clean::text::phrases::fold_in_place;
/// assert_eq!(fold_in_place("Share THIS via Ünïcode"), "share this via ünïcode");
/// ```
pub fn fold_in_place(text: &str) -> String {
    let mut out = String::new();
    fold_into(text, &mut out);
    out
}

/// [`fold_in_place`] into a reused buffer.
pub fn fold_into(text: &str, out: &mut String) {
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.clear();
    bytes.extend_from_slice(text.as_bytes());
    bytes.make_ascii_lowercase();
    if !text.is_ascii() {
        for (i, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                if l.len_utf8() == c.len_utf8() {
                    l.encode_utf8(&mut bytes[i..i + c.len_utf8()]);
                }
            }
        }
    }
    // Only ASCII letters and whole chars of equal length were replaced.
    *out = String::from_utf8(bytes).unwrap_or_else(|_| text.to_lowercase());
}

/// The phrase lexicons compiled for folded flat text.
#[derive(Debug)]
pub struct PhraseMatcher {
    ac: Option<AhoCorasick>,
    /// Entry for each pattern (an entry with `'` has a second, curly pattern).
    entries: Vec<Entry>,
}

/// The list whose phrases cover most of a segment, with the share covered and
/// up to four phrases as evidence.
pub type Cover = (&'static str, f32, Vec<Evidence>);

impl PhraseMatcher {
    /// Compile every phrase entry of `lex`.
    pub fn new(lex: &Lexicons) -> PhraseMatcher {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for e in lex.entries() {
            let folded = fold_in_place(e.phrase);
            if folded.contains('\'') {
                patterns.push(folded.replace('\'', "\u{2019}"));
                entries.push(e.clone());
            }
            patterns.push(folded);
            entries.push(e.clone());
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .or_else(|_| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
            })
            .ok();
        PhraseMatcher { ac, entries }
    }

    /// The best-covering list in `folded` (one segment of the folded text).
    pub fn cover(&self, folded: &str) -> Option<Cover> {
        let ac = self.ac.as_ref()?;
        // At most a handful of lists hit one segment: a small vec beats a map.
        let mut lists: Vec<(&'static str, usize, Vec<Evidence>)> = Vec::new();
        for m in ac.find_iter(folded) {
            if !is_word_bounded(folded, m.start(), m.end()) {
                continue;
            }
            let entry = &self.entries[m.pattern().as_usize()];
            let len = m.end() - m.start();
            let ev = || Evidence::Phrase {
                lang: entry.lang.to_string(),
                list: entry.list.to_string(),
                phrase: entry.phrase.to_string(),
            };
            match lists.iter_mut().find(|(l, _, _)| *l == entry.list) {
                Some((_, n, evs)) => {
                    *n += len;
                    if evs.len() < 4 {
                        let e = ev();
                        if !evs.contains(&e) {
                            evs.push(e);
                        }
                    }
                }
                None => lists.push((entry.list, len, vec![ev()])),
            }
        }
        let (list, covered, evidence) = lists.into_iter().max_by_key(|(_, n, _)| *n)?;
        Some((list, covered as f32 / folded.len().max(1) as f32, evidence))
    }
}

/// True when the match `[start, end)` does not cut a word (the chars just
/// outside are not letters or digits glued to letters or digits inside), or
/// sits in a script written without spaces.
fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let inside = text.get(start..end).unwrap_or("");
    let bounded = |outside: Option<char>, inside: Option<char>| match (outside, inside) {
        (Some(o), Some(i)) => {
            !(o.is_alphanumeric() && i.is_alphanumeric()) || super::boundary::is_unspaced(i)
        }
        _ => true,
    };
    bounded(
        text.get(..start).and_then(|t| t.chars().next_back()),
        inside.chars().next(),
    ) && bounded(
        text.get(end..).and_then(|t| t.chars().next()),
        inside.chars().next_back(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_with_whole_words_and_curly_apostrophes() {
        let m = PhraseMatcher::new(Lexicons::builtin());
        let (list, cover, _) = m.cover(&fold_in_place("Share this via Facebook")).unwrap();
        assert_eq!(list, "share_widget");
        assert!(cover > 0.9);
        assert!(m
            .cover(&fold_in_place("wir mitteilen"))
            .map_or(true, |c| c.0 != "share_widget"));
        let (list, _, _) = m.cover(&fold_in_place("Editor’s picks")).unwrap();
        assert_eq!(list, "related_content");
    }
}
