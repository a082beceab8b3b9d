//! Lexicon phrases in flat text, fast: one automaton built from the
//! case-folded lexicon entries runs over each segment's case-folded text
//! (folding keeps every byte offset: a char whose lowercase has another
//! length stays as it is).
//!
//! Most segments hold no phrase, and a phrase counts only when it is
//! word-bounded, so it starts where a word (or a non-word char, or a char of
//! a script written without spaces) starts. [`PhraseMatcher::cover`] first
//! walks the automaton anchored at those starts only, folding on the fly,
//! and runs the full leftmost-longest scan (and folds the segment) only
//! when a walk ends on a word-bounded match: the scan reports only matches
//! that such a walk finds, so a segment that fails the test has no cover.
//! The test costs a few instructions per word where the scan cost about 44
//! per byte.
//!
//! The automaton is a contiguous NFA (about 10M instructions to build). A
//! process whose full scans have read [`DFA_AFTER_BYTES`] switches them to a
//! DFA of the same patterns: it finds the same matches in about half the
//! instructions per byte, but costs about 100M instructions (tens of
//! milliseconds) to build, which one page or a few hundred never repay.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::{dfa, Anchored, Input, MatchKind};

use crate::classify::evidence::Evidence;
use crate::lexicon::{Entry, Lexicons};

mod heads;
use heads::Heads;

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
        let l = fold_char(c);
        if l != c {
            out.replace_range(i..from, l.encode_utf8(&mut [0; 4]));
        }
    }
}

/// The char `c` folds to: its lowercase when that is one char of the same
/// length, else `c` itself.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if is_caseless(c) {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// Chars of the CJK and Hangul blocks, which have no case: most of the
/// non-ASCII text of CJK pages, skipped without a table lookup.
fn is_caseless(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}')
}

/// The phrase lexicons compiled for flat text.
#[derive(Debug)]
pub struct PhraseMatcher {
    /// The automaton (`None` if it could not be built).
    nfa: Option<contiguous::NFA>,
    /// The folded patterns, kept to build the DFA.
    patterns: Vec<String>,
    /// The DFA for full scans, once they have read [`DFA_AFTER_BYTES`].
    dfa: OnceLock<Option<dfa::DFA>>,
    /// Bytes read by full scans so far (counted until the DFA is built).
    searched: AtomicUsize,
    /// Entry for each pattern (an entry with `'` has a second, curly pattern).
    entries: Vec<Entry>,
    /// The bytes a folded pattern starts with.
    first: [bool; 256],
    /// Some pattern starts with an ASCII byte that is no letter or digit.
    marks_start: bool,
    /// Which four-byte windows may start a pattern.
    heads: Heads,
}

/// Bytes a matcher's full scans read with the NFA before it builds the DFA:
/// the DFA saves about 23M instructions per MiB scanned and costs about 100M
/// to build, so by then the NFA has spent about what the DFA costs (a
/// rent-or-buy rule: never more than twice the better choice). Only segments
/// that may hold a phrase are scanned (about a tenth of the text of glued
/// pages), so this is about 35 MB of text. The DFA also holds about 8.8 MB
/// where the NFA holds 0.25 MB.
pub const DFA_AFTER_BYTES: usize = 4 << 20;

/// The list whose phrases cover most of a segment, with the share covered and
/// up to four phrases as evidence (built only when asked for).
#[derive(Debug, Clone, PartialEq)]
pub struct Cover<'m> {
    /// The list.
    pub list: &'static str,
    /// The share of the searched text its phrases cover.
    pub share: f32,
    shown: [&'m Entry; EVIDENCE_MAX],
    count: usize,
}

impl<'m> Cover<'m> {
    /// The first distinct entries matched, in match order.
    pub fn entries(&self) -> &[&'m Entry] {
        &self.shown[..self.count]
    }

    /// The entries as phrase evidence.
    pub fn evidence(&self) -> Vec<Evidence> {
        self.entries()
            .iter()
            .map(|e| Evidence::Phrase {
                lang: e.lang.to_string(),
                list: e.list.to_string(),
                phrase: e.phrase.to_string(),
            })
            .collect()
    }
}

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
        let mut first = [false; 256];
        for p in &patterns {
            if let Some(&b) = p.as_bytes().first() {
                first[usize::from(b)] = true;
            }
        }
        let heads = Heads::new(&patterns);
        let marks_start = (0..0x80u8).any(|b| first[usize::from(b)] && !b.is_ascii_alphanumeric());
        let nfa = contiguous::Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        PhraseMatcher {
            nfa,
            patterns,
            dfa: OnceLock::new(),
            searched: AtomicUsize::new(0),
            entries,
            first,
            marks_start,
            heads,
        }
    }

    /// The DFA to scan `len` more bytes with, once built (it is built when
    /// this scan crosses [`DFA_AFTER_BYTES`]; other threads go on with the
    /// NFA meanwhile).
    fn dfa(&self, len: usize) -> Option<&dfa::DFA> {
        if let Some(dfa) = self.dfa.get() {
            return dfa.as_ref();
        }
        let before = self.searched.fetch_add(len, Ordering::Relaxed);
        if before < DFA_AFTER_BYTES && before.saturating_add(len) >= DFA_AFTER_BYTES {
            return self
                .dfa
                .get_or_init(|| {
                    dfa::Builder::new()
                        .match_kind(MatchKind::LeftmostLongest)
                        .build(&self.patterns)
                        .ok()
                })
                .as_ref();
        }
        None
    }

    /// The best-covering list in `text` (one segment, as written: it is
    /// case-folded here).
    pub fn cover(&self, text: &str) -> Option<Cover<'_>> {
        let nfa = self.nfa.as_ref()?;
        if !self.may_cover(nfa, text) {
            return None;
        }
        let folded = fold_in_place(text);
        match self.dfa(folded.len()) {
            Some(dfa) => self.scan(dfa, &folded),
            None => self.scan(nfa, &folded),
        }
    }

    /// True when a phrase starts at a word start of `text` and ends
    /// word-bounded there: the longest pattern at that start, as the full
    /// leftmost-longest scan would take it. False means the scan reports
    /// no match.
    fn may_cover(&self, nfa: &contiguous::NFA, text: &str) -> bool {
        use super::swar::{ascii_digit, ascii_letter};
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const SPACES: u64 = 0x2020_2020_2020_2020;
        let bytes = text.as_bytes();
        let mut i = 0;
        // The char before `i` is a letter or a digit.
        let mut prev_alnum = false;
        let at_start =
            |at: usize| self.heads.may_start(text, at) && bounded_match_at(nfa, text, at);
        while i < bytes.len() {
            // Eight bytes at a time: the ASCII ones first, all at once.
            let (mut w, len) = match super::swar::word_at(bytes, i) {
                Some(w) => (w, 8),
                None => {
                    let mut chunk = [b' '; 8];
                    for (c, &b) in chunk.iter_mut().zip(&bytes[i..]) {
                        *c = b;
                    }
                    (u64::from_le_bytes(chunk), bytes.len() - i)
                }
            };
            let high = w & HIGH;
            let ascii = if high == 0 {
                len
            } else {
                (high.trailing_zeros() / 8) as usize
            };
            if ascii > 0 {
                if ascii < 8 {
                    let kept = u64::MAX >> (64 - 8 * ascii);
                    w = (w & kept) | (SPACES & !kept);
                }
                let alnum = ascii_letter(w) | ascii_digit(w);
                // Word starts; and marks, if some pattern starts with one.
                let mut starts = alnum & !((alnum << 8) | u64::from(prev_alnum) << 7);
                if self.marks_start {
                    starts |= self.first_marks(w, ascii) & !alnum;
                }
                while starts != 0 {
                    let at = i + (starts.trailing_zeros() / 8) as usize;
                    starts &= starts - 1;
                    if at_start(at) {
                        return true;
                    }
                }
                prev_alnum = alnum & (0x80 << (8 * ascii - 8)) != 0;
                i += ascii;
            }
            if ascii == len {
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            let alnum = is_alnum(c);
            if (!(prev_alnum && alnum) || super::boundary::is_unspaced(c)) && at_start(i) {
                return true;
            }
            i += c.len_utf8();
            prev_alnum = alnum;
        }
        false
    }

    /// The high bit of each of the first `n` bytes of `w` that a pattern
    /// starts with.
    fn first_marks(&self, w: u64, n: usize) -> u64 {
        let mut marks = 0;
        for (k, b) in w.to_le_bytes().into_iter().take(n).enumerate() {
            if self.first[usize::from(b.to_ascii_lowercase())] {
                marks |= 0x80 << (8 * k);
            }
        }
        marks
    }

    /// The best-covering list in `folded`, by the full non-overlapping
    /// leftmost-longest scan of automaton `a`.
    fn scan<A: Automaton>(&self, a: &A, folded: &str) -> Option<Cover<'_>> {
        // At most a handful of lists hit one segment: a small vec beats a map.
        // Evidence is built only for the winning list.
        let mut lists: Vec<ListHits> = Vec::new();
        for m in a.try_find_iter(Input::new(folded)).ok()? {
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
        Some(Cover {
            list: best.list,
            share: best.covered as f32 / folded.len().max(1) as f32,
            shown: best.shown,
            count: best.count,
        })
    }
}

/// `w` with its ASCII capitals lowercased.
fn fold_ascii(w: u64) -> u64 {
    w | (super::swar::ascii_upper(w) >> 2)
}

/// The first eight bytes of `text` folded from `at` (a char boundary) on,
/// little-endian, if it has that many.
#[inline(always)]
fn folded_window(text: &str, at: usize) -> Option<u64> {
    let bytes = text.as_bytes();
    let w = u64::from_le_bytes(*bytes.get(at..)?.first_chunk::<8>()?);
    if w & 0x8080_8080_8080_8080 == 0 || is_caseless_run(bytes, at, at + 8) {
        return Some(fold_ascii(w));
    }
    folded_bytes::<8>(text, at).map(u64::from_le_bytes)
}

/// True when the chars that start in `bytes[from..to]` are ASCII or of
/// caseless blocks (CJK, general punctuation): folding them changes ASCII
/// capitals only.
fn is_caseless_run(bytes: &[u8], from: usize, to: usize) -> bool {
    (from..to).all(|j| match bytes[j] {
        ..=0xBF | 0xE3..=0xE9 => true,
        // U+2000 to U+207F: spaces, dashes, quotes, bullets.
        0xE2 => matches!(bytes.get(j + 1), Some(0x80 | 0x81)),
        _ => false,
    })
}

/// The first four bytes of `text` folded from `at` on, little-endian, if it
/// has that many.
fn folded_head(text: &str, at: usize) -> Option<u32> {
    let bytes = text.as_bytes();
    let w = u32::from_le_bytes(*bytes.get(at..)?.first_chunk::<4>()?);
    if w & 0x8080_8080 == 0 || is_caseless_run(bytes, at, at + 4) {
        return Some(fold_ascii(u64::from(w)) as u32);
    }
    folded_bytes::<4>(text, at).map(u32::from_le_bytes)
}

/// The first `N` bytes of `text` folded from `at` on, char by char.
fn folded_bytes<const N: usize>(text: &str, at: usize) -> Option<[u8; N]> {
    let mut head = [0; N];
    let mut n = 0;
    for c in text.get(at..)?.chars() {
        for &b in fold_char(c).encode_utf8(&mut [0; 4]).as_bytes() {
            if n == N {
                return Some(head);
            }
            head[n] = b;
            n += 1;
        }
    }
    (n == N).then_some(head)
}

/// `char::is_alphanumeric`, without its table lookup for the letters of
/// CJK and kana text (every char of a Chinese or Japanese page is a word
/// start, so this runs on each).
fn is_alnum(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' => true,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// True when the longest pattern starting at `at` in `text` (folded on the
/// fly) is word-bounded there.
fn bounded_match_at<A: Automaton>(a: &A, text: &str, at: usize) -> bool {
    longest_at(a, text, at).is_some_and(|end| is_word_bounded(text, at, end))
}

/// The end of the longest pattern of `a` that starts at `at` in `text`
/// folded (what an anchored leftmost-longest search from `at` finds).
fn longest_at<A: Automaton>(a: &A, text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut sid = a.start_state(Anchored::Yes).ok()?;
    let mut end = None;
    let mut i = at;
    let mut buf = [0; 4];
    while let Some(&b) = bytes.get(i) {
        // The folded bytes of the char at `i`.
        let folded: &[u8] = if b.is_ascii() {
            buf[0] = b.to_ascii_lowercase();
            &buf[..1]
        } else {
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            fold_char(c).encode_utf8(&mut buf).as_bytes()
        };
        for &fb in folded {
            i += 1;
            sid = a.next_state(Anchored::Yes, sid, fb);
            if a.is_special(sid) {
                if a.is_dead(sid) {
                    return end;
                }
                // A match state may carry a pattern that starts later
                // (copied along a failure link when the automaton was
                // built): only one starting at `at` counts, as in the
                // crate's own anchored search.
                if a.is_match(sid) && a.pattern_len(a.match_pattern(sid, 0)) == i - at {
                    end = Some(i);
                }
            }
        }
    }
    end
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
        let c = m.cover("Share this via Facebook").unwrap();
        let (list, cover) = (c.list, c.share);
        assert_eq!(list, "share_widget");
        assert!(cover > 0.9);
        assert!(m
            .cover(&fold_in_place("wir mitteilen"))
            .map_or(true, |c| c.list != "share_widget"));
        assert_eq!(m.cover("Editor’s picks").unwrap().list, "related_content");
    }

    /// The full scan of every segment, with no word-start test: the
    /// definition [`PhraseMatcher::cover`] must match.
    fn cover_by_scan<'m>(m: &'m PhraseMatcher, text: &str) -> Option<Cover<'m>> {
        m.scan(m.nfa.as_ref()?, &fold_in_place(text))
    }

    #[test]
    fn word_start_test_keeps_every_cover_of_the_full_scan() {
        let m = PhraseMatcher::new(Lexicons::builtin());
        let mut texts: Vec<String> = [
            "Share this via Facebook",
            "SHARE THIS VIA FACEBOOK and more",
            "reshare this via facebook",
            "xShare this",
            "Share thisx via",
            "Editor’s picks and Editor's picks",
            "The council met on Thursday to discuss the budget.",
            "Deutsch English Français Español 日本語 Русский",
            "ПОДЕЛИТЬСЯ в Facebook",
            "分享到微信 关注我们",
            "accept all cookiesaccept all cookies",
            "",
            "a",
            "Ünïcode İstanbul ǅ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Patterns glued to each other, to letters, digits and marks, cut
        // short, and in capitals: every way a match can be cut or overlap.
        let pats = &m.patterns;
        let mut next = crate::text::xorshift(0x2545_f491_4f6c_dd1d);
        let glue = ["", " ", "x", "9", ". ", "-", "’", "é", "日"];
        for _ in 0..4000 {
            let mut t = String::new();
            for _ in 0..1 + next(4) {
                let p = &pats[next(pats.len())];
                let cut = match next(4) {
                    0 => p.char_indices().map(|(i, _)| i).nth(next(3)).unwrap_or(0),
                    _ => 0,
                };
                t.push_str(glue[next(glue.len())]);
                t.push_str(&p[cut..]);
            }
            if next(3) == 0 {
                t = t.to_uppercase();
            }
            texts.push(t);
        }
        let mut covered = 0;
        for t in &texts {
            let want = cover_by_scan(&m, t);
            covered += usize::from(want.is_some());
            assert_eq!(m.cover(t), want, "{t:?}");
        }
        // The test is worth something only if both outcomes occur.
        assert!(covered > 100 && covered < texts.len() - 100, "{covered}");
    }

    #[test]
    fn folded_windows_fold_every_byte() {
        let by_chars = |t: &str| {
            let f = fold_in_place(t);
            f.as_bytes()
                .first_chunk::<8>()
                .map(|w| u64::from_le_bytes(*w))
        };
        for b in 0..0x80u8 {
            for at in 0..8 {
                let mut w = *b"aZ0!bY1?";
                w[at] = b;
                let text = std::str::from_utf8(&w).unwrap();
                assert_eq!(folded_window(text, 0), by_chars(text), "{w:?}");
            }
        }
        for t in [
            "ÀBCDEFGH",
            "don’t Say",
            "A—B—C—D",
            "ⅠⅡⅢ",
            "K\u{212a}abcdefg",
            "日本語Ab",
            "Ab日本語",
            "ПОДЕЛИТЬСЯ",
            "ǅİẞ Kelvin",
            "abcdefg",
            "Σ日ab",
        ] {
            assert_eq!(folded_window(t, 0), by_chars(t), "{t:?}");
            let four = fold_in_place(t)
                .as_bytes()
                .first_chunk::<4>()
                .map(|w| u32::from_le_bytes(*w));
            assert_eq!(folded_head(t, 0), four, "{t:?}");
        }
    }

    #[test]
    fn caseless_runs_fold_to_themselves() {
        let blocks = ['\u{2000}'..='\u{207F}', '\u{3000}'..='\u{9FFF}'];
        for c in blocks.into_iter().flatten() {
            assert_eq!(fold_char(c), c, "{c:?}");
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert!(is_caseless_run(b, 0, 1), "{c:?}");
        }
        assert!(!is_caseless_run("Ⅰ".as_bytes(), 0, 1) && !is_caseless_run("Ω".as_bytes(), 0, 1));
    }

    #[test]
    fn cjk_letters_are_alphanumeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn folding_keeps_letters_digits_and_unspaced_scripts() {
        // The word-start test reads the text as written; the scan reads it
        // folded: both must see the same word boundaries.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let l = fold_char(c);
            assert_eq!(l.is_alphanumeric(), c.is_alphanumeric(), "{c:?}");
            assert_eq!(
                super::super::boundary::is_unspaced(l),
                super::super::boundary::is_unspaced(c),
                "{c:?}"
            );
        }
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
        let by_nfa: Vec<_> = texts.iter().map(|t| m.cover(t)).collect();
        assert!(m.dfa.get().is_none());
        m.searched.store(DFA_AFTER_BYTES - 1, Ordering::Relaxed);
        let by_dfa: Vec<_> = texts.iter().map(|t| m.cover(t)).collect();
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
        let c = m.cover(&text).unwrap();
        let evidence = c.evidence();
        assert_eq!(c.list, "share_widget");
        assert!(!evidence.is_empty() && evidence.len() <= EVIDENCE_MAX);
        for (i, e) in evidence.iter().enumerate() {
            assert!(!evidence[..i].contains(e), "duplicate {e:?}");
        }
    }
}
