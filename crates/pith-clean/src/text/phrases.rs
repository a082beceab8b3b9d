//! Lexicon phrases in flat text, fast: the page is case-folded once, keeping
//! every byte offset (a char whose lowercase has another length stays as it
//! is), and one automaton built from the lexicon entries runs over each
//! segment's range of it.
//!
//! The automaton starts as a contiguous NFA (about 10M instructions to
//! build). A process that has searched [`DFA_AFTER_BYTES`] switches to a DFA
//! of the same patterns: it finds the same matches in about half the
//! instructions per byte, but costs about 100M instructions (tens of
//! milliseconds) to build, which one page or a few hundred never repay.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

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
    out.clear();
    out.push_str(text);
    out.make_ascii_lowercase();
    // Then each non-ASCII char, jumping over ASCII eight bytes at a time:
    // a page of English prose has a few curly quotes in thousands of bytes.
    let mut from = 0;
    while let Some(i) = super::swar::next_non_ascii(text.as_bytes(), from) {
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        from = i + c.len_utf8();
        if is_caseless(c) {
            continue;
        }
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            if l != c && l.len_utf8() == c.len_utf8() {
                out.replace_range(i..from, l.encode_utf8(&mut [0; 4]));
            }
        }
    }
}

/// Chars of the CJK and Hangul blocks, which have no case: most of the
/// non-ASCII text of CJK pages, skipped without a table lookup.
fn is_caseless(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}')
}

/// The phrase lexicons compiled for folded flat text.
#[derive(Debug)]
pub struct PhraseMatcher {
    ac: Option<AhoCorasick>,
    /// The folded patterns, kept to build the DFA.
    patterns: Vec<String>,
    /// The DFA, once this matcher has searched [`DFA_AFTER_BYTES`].
    dfa: OnceLock<Option<AhoCorasick>>,
    /// Bytes searched so far (counted until the DFA is built).
    searched: AtomicUsize,
    /// Entry for each pattern (an entry with `'` has a second, curly pattern).
    entries: Vec<Entry>,
}

/// Bytes a matcher searches with its NFA before it builds the DFA: the DFA
/// saves about 23M instructions per MiB searched and costs about 100M to
/// build, so by then the NFA has spent about what the DFA costs (a
/// rent-or-buy rule: never more than twice the better choice). About 500
/// glued pages. The DFA also holds about 8.8 MB where the NFA holds 0.25 MB.
pub const DFA_AFTER_BYTES: usize = 4 << 20;

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
        let ac = build(&patterns, AhoCorasickKind::ContiguousNFA);
        PhraseMatcher {
            ac,
            patterns,
            dfa: OnceLock::new(),
            searched: AtomicUsize::new(0),
            entries,
        }
    }

    /// The automaton to search `len` more bytes with: the DFA once built,
    /// else the NFA (and the DFA is built when this search crosses
    /// [`DFA_AFTER_BYTES`]; other threads go on with the NFA meanwhile).
    fn automaton(&self, len: usize) -> Option<&AhoCorasick> {
        if let Some(dfa) = self.dfa.get() {
            return dfa.as_ref().or(self.ac.as_ref());
        }
        let before = self.searched.fetch_add(len, Ordering::Relaxed);
        if before < DFA_AFTER_BYTES && before.saturating_add(len) >= DFA_AFTER_BYTES {
            let dfa = self
                .dfa
                .get_or_init(|| build(&self.patterns, AhoCorasickKind::DFA));
            return dfa.as_ref().or(self.ac.as_ref());
        }
        self.ac.as_ref()
    }

    /// The best-covering list in `folded` (one segment of the folded text).
    pub fn cover(&self, folded: &str) -> Option<Cover> {
        let ac = self.automaton(folded.len())?;
        // At most a handful of lists hit one segment: a small vec beats a map.
        // Evidence is built only for the winning list.
        let mut lists: Vec<ListHits> = Vec::new();
        for m in ac.find_iter(folded) {
            if !is_word_bounded(folded, m.start(), m.end()) {
                continue;
            }
            let entry = &self.entries[m.pattern().as_usize()];
            let len = m.end() - m.start();
            match lists.iter_mut().find(|l| l.list == entry.list) {
                Some(l) => {
                    l.covered += len;
                    l.add(entry);
                }
                None => {
                    let mut l = ListHits {
                        list: entry.list,
                        covered: len,
                        shown: [entry; EVIDENCE_MAX],
                        count: 0,
                    };
                    l.add(entry);
                    lists.push(l);
                }
            }
        }
        let best = lists.into_iter().max_by_key(|l| l.covered)?;
        let evidence = best.shown[..best.count]
            .iter()
            .map(|e| Evidence::Phrase {
                lang: e.lang.to_string(),
                list: e.list.to_string(),
                phrase: e.phrase.to_string(),
            })
            .collect();
        Some((
            best.list,
            best.covered as f32 / folded.len().max(1) as f32,
            evidence,
        ))
    }
}

/// A leftmost-longest automaton of `kind` over `patterns` (of the kind the
/// crate picks when that one cannot be built).
fn build(patterns: &[String], kind: AhoCorasickKind) -> Option<AhoCorasick> {
    let builder = || {
        let mut b = AhoCorasickBuilder::new();
        b.match_kind(MatchKind::LeftmostLongest);
        b
    };
    builder()
        .kind(Some(kind))
        .build(patterns)
        .or_else(|_| builder().build(patterns))
        .ok()
}

/// Phrases shown as evidence for one list, at most.
const EVIDENCE_MAX: usize = 4;

/// The matches of one list in a segment: bytes covered and the first distinct
/// entries, in match order.
struct ListHits<'a> {
    list: &'static str,
    covered: usize,
    shown: [&'a Entry; EVIDENCE_MAX],
    count: usize,
}

impl<'a> ListHits<'a> {
    /// Keep `entry` as evidence unless it is shown already or the list is full.
    fn add(&mut self, entry: &'a Entry) {
        if self.count >= EVIDENCE_MAX {
            return;
        }
        let seen = self.shown[..self.count]
            .iter()
            .any(|e| e.lang == entry.lang && e.list == entry.list && e.phrase == entry.phrase);
        if !seen {
            self.shown[self.count] = entry;
            self.count += 1;
        }
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
    fn folds_like_the_char_definition() {
        let texts = [
            "",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ abcdefghijklmnopqrstuvwxyz 0123456789",
            "Share THIS via Ünïcode, ÀÉÎÕÜ and ΑΒΓ and Русский Текст",
            "ǅ İstanbul ẞ Kelvin \u{212a} 日本語 ok",
        ];
        for t in texts {
            let by_chars: String = t
                .chars()
                .map(|c| {
                    let mut lower = c.to_lowercase();
                    match (lower.next(), lower.next()) {
                        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                        _ => c,
                    }
                })
                .collect();
            assert_eq!(fold_in_place(t), by_chars, "{t:?}");
        }
    }

    #[test]
    fn caseless_blocks_have_no_lowercase() {
        let blocks = ['\u{3000}'..='\u{9FFF}', '\u{AC00}'..='\u{D7AF}'];
        for c in blocks.into_iter().flatten() {
            assert!(is_caseless(c));
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        assert!(!is_caseless('\u{2FFF}') && !is_caseless('\u{A000}'));
    }

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

    #[test]
    fn the_dfa_covers_what_the_nfa_covers() {
        let m = PhraseMatcher::new(Lexicons::builtin());
        let texts = [
            "Share this via Facebook",
            "Editor’s picks and more",
            "We use cookies to improve your experience. Accept all",
            "Subscribe to our newsletter",
            "The council met on Thursday to discuss the budget.",
            "Deutsch English Français Español 日本語",
        ];
        let by_nfa: Vec<_> = texts.iter().map(|t| m.cover(&fold_in_place(t))).collect();
        assert!(m.dfa.get().is_none());
        m.searched.store(DFA_AFTER_BYTES - 1, Ordering::Relaxed);
        let by_dfa: Vec<_> = texts.iter().map(|t| m.cover(&fold_in_place(t))).collect();
        assert!(m.dfa.get().is_some_and(|d| d.is_some()));
        assert_eq!(by_nfa, by_dfa);
        assert!(by_dfa[0].is_some() && by_dfa[4].is_none());
    }

    #[test]
    fn list_hits_keep_four_distinct_entries_in_order() {
        let entry = |phrase| Entry {
            lang: "en",
            list: "share_widget",
            phrase,
        };
        let (a, b, c, d, e) = (entry("a"), entry("b"), entry("c"), entry("d"), entry("e"));
        let mut hits = ListHits {
            list: "share_widget",
            covered: 0,
            shown: [&a; EVIDENCE_MAX],
            count: 0,
        };
        for x in [&a, &b, &a, &c, &b, &d, &e] {
            hits.add(x);
        }
        let shown: Vec<&str> = hits.shown[..hits.count].iter().map(|e| e.phrase).collect();
        assert_eq!(shown, ["a", "b", "c", "d"]);
    }

    #[test]
    fn evidence_lists_distinct_phrases_of_the_winner() {
        let m = PhraseMatcher::new(Lexicons::builtin());
        let text = fold_in_place("Share this via Facebook Share this via Facebook");
        let (list, _, evidence) = m.cover(&text).unwrap();
        assert_eq!(list, "share_widget");
        assert!(!evidence.is_empty() && evidence.len() <= EVIDENCE_MAX);
        for (i, e) in evidence.iter().enumerate() {
            assert!(!evidence[..i].contains(e), "duplicate {e:?}");
        }
    }
}
