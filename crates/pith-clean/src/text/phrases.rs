//! Lexicon phrases in flat text, fast: the case-folded lexicon entries are
//! compiled into one automaton, walked over each segment's case-folded text
//! (folding keeps every byte offset: a char whose lowercase has another
//! length stays as it is). A segment is folded once, eight ASCII bytes at a
//! time, into a buffer reused from segment to segment.
//!
//! Most segments hold no phrase, and a phrase counts only when it is
//! word-bounded, so it starts where a word (or a non-word char, or a char of
//! a script written without spaces) starts. [`PhraseMatcher::cover`] first
//! walks the automaton anchored at those starts only, and reads the
//! segment's phrases only when a walk ends on a word-bounded match: the
//! phrases it reads are the matches of a full leftmost-longest scan, and
//! only a walk that passes this test finds one of those, so a segment that
//! fails it has no cover. A prefilter of the patterns' heads
//! ([`heads`]) turns most starts down before any walk.
//!
//! The full scan reads the same anchored walks, from each byte the
//! prefilter passes: the leftmost start where a pattern ends, its longest
//! pattern there, then on from its end, which is what the automaton's own
//! leftmost-longest scan reports (about 44 instructions per byte with this
//! automaton, a DFA about 22; these walks about 15). The automaton is a
//! contiguous NFA (about 10M instructions to build).

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind, PatternID};

use crate::classify::evidence::Evidence;
use crate::lexicon::{Entry, Lexicons};

mod fold;
mod heads;
pub use fold::fold_in_place;
use fold::{fold_ascii, SmallChars};
use heads::Heads;

/// Buffers of phrase search, reused from segment to segment.
#[derive(Debug, Default)]
pub struct Scratch<'m> {
    /// The segment folded, then zero bytes.
    folded: Vec<u8>,
    /// The lists its phrases hit.
    lists: Vec<ListHits<'m>>,
}

/// The phrase lexicons compiled for flat text.
#[derive(Debug)]
pub struct PhraseMatcher {
    /// The automaton (`None` if it could not be built).
    nfa: Option<contiguous::NFA>,
    /// The folded patterns (the tests read them).
    #[cfg(test)]
    patterns: Vec<String>,
    /// Entry for each pattern (an entry with `'` has a second, curly pattern).
    entries: Vec<Entry>,
    /// The bytes a folded pattern starts with.
    first: [bool; 256],
    /// Some pattern starts with an ASCII byte that is no letter or digit.
    marks_start: bool,
    /// Which four-byte windows may start a pattern.
    heads: Heads,
    /// The chars below U+0800 read from a table.
    small: SmallChars,
}

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
        // Room for one more: a language menu adds its shape.
        let mut out = Vec::with_capacity(self.count + 1);
        out.extend(self.entries().iter().map(|e| Evidence::Phrase {
            lang: e.lang,
            list: e.list,
            phrase: e.phrase,
        }));
        out
    }
}

impl PhraseMatcher {
    /// Compile every phrase entry of `lex`.
    pub fn new(lex: &Lexicons) -> PhraseMatcher {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for e in lex.entries() {
            let folded = fold_in_place(e.phrase);
            // An empty phrase would match everywhere, and says nothing.
            if folded.is_empty() {
                continue;
            }
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
            #[cfg(test)]
            patterns,
            entries,
            first,
            marks_start,
            heads,
            small: SmallChars::new(),
        }
    }

    /// The best-covering list in `text` (one segment, as written: it is
    /// case-folded here).
    pub fn cover(&self, text: &str) -> Option<Cover<'_>> {
        self.cover_in(text, &mut Scratch::default())
    }

    /// [`PhraseMatcher::cover`], with the buffers of `scratch`, reused from
    /// segment to segment.
    pub fn cover_in<'m>(&'m self, text: &str, scratch: &mut Scratch<'m>) -> Option<Cover<'m>> {
        let nfa = self.nfa.as_ref()?;
        let padded = self.fold_padded(text, &mut scratch.folded);
        if !self.may_cover(nfa, text, padded) {
            return None;
        }
        self.scan(nfa, text, padded, &mut scratch.lists)
    }

    /// `text` folded as [`fold_in_place`] folds it, as bytes, then zero bytes: at
    /// least [`PAD`], up to the next multiple of eight past that. ASCII is
    /// folded eight bytes at a time, then each non-ASCII char that has a
    /// lowercase of the same length.
    fn fold_padded<'b>(&self, text: &str, out: &'b mut Vec<u8>) -> &'b [u8] {
        let bytes = text.as_bytes();
        let len = bytes.len().next_multiple_of(8) + PAD;
        // The buffer only grows: every byte read below is written first.
        if out.len() < len {
            out.resize(len, 0);
        }
        let out = &mut out[..len];
        let mut high = 0;
        let chunks = bytes.chunks_exact(8);
        let rest = chunks.remainder();
        let mut dsts = out.chunks_exact_mut(8);
        // The chunks first: `zip` asks its first iterator first.
        for (src, dst) in chunks.zip(dsts.by_ref()) {
            let w = u64::from_le_bytes(src.try_into().unwrap_or([0; 8]));
            high |= w;
            dst.copy_from_slice(&fold_ascii(w).to_le_bytes());
        }
        let last = last_bytes(bytes, rest.len());
        high |= last;
        // The rest, zero-extended, then the padding.
        for (w, dst) in [fold_ascii(last), 0].into_iter().zip(dsts) {
            dst.copy_from_slice(&w.to_le_bytes());
        }
        if high & HIGH == 0 {
            return out;
        }
        let mut from = 0;
        while let Some(i) = super::swar::next_non_ascii(bytes, from) {
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            from = i + c.len_utf8();
            let l = self.small.fold(c);
            if l != c {
                if let Some(dst) = out.get_mut(i..from) {
                    dst.copy_from_slice(l.encode_utf8(&mut [0; 4]).as_bytes());
                }
            }
        }
        out
    }

    /// True when a phrase starts at a word start of `text` and ends
    /// word-bounded there: the longest pattern at that start, as the full
    /// leftmost-longest scan would take it. False means the scan reports
    /// no match. `padded` is `text` folded by [`PhraseMatcher::fold_padded`].
    fn may_cover(&self, nfa: &contiguous::NFA, text: &str, padded: &[u8]) -> bool {
        use super::swar::{ascii_digit, ascii_lower};
        let len = text.len();
        let mut i = 0;
        // 1 when the char before `i` is a letter or a digit.
        let mut prev_alnum = 0;
        let at_start = |at: usize| {
            self.heads.may_start(window(padded, at)) && bounded_match_at(nfa, text, padded, at)
        };
        while i < len {
            // Eight bytes at a time: the ASCII ones first, all at once (the
            // zero bytes past the end are neither letters nor digits).
            let w = window(padded, i);
            let high = w & HIGH;
            // The ASCII bytes before the first other one (eight if none),
            // and a mask of the bits up to that one.
            let ascii = (high.trailing_zeros() / 8) as usize;
            let kept = high ^ high.wrapping_sub(1);
            if ascii > 0 {
                // Folded: no capitals left (and a byte with its high bit
                // set is neither).
                let alnum = (ascii_lower(w) | ascii_digit(w)) & kept;
                // Word starts; and marks, if some pattern starts with one.
                let mut starts = alnum & !((alnum << 8) | prev_alnum << 7);
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
                prev_alnum = (alnum >> (8 * ascii - 1)) & 1;
                i += ascii;
                if ascii == 8 {
                    continue;
                }
            }
            // Folding keeps letters, digits and scripts: read the char as written.
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            let alnum = self.small.is_alnum(c);
            if (!(prev_alnum == 1 && alnum) || super::boundary::is_unspaced(c)) && at_start(i) {
                return true;
            }
            i += c.len_utf8();
            prev_alnum = u64::from(alnum);
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

    /// The best-covering list in `text`, by the full non-overlapping
    /// leftmost-longest scan of `padded` (`text` folded by [`PhraseMatcher::fold_padded`]).
    fn scan<'m>(
        &'m self,
        nfa: &contiguous::NFA,
        text: &str,
        padded: &[u8],
        lists: &mut Vec<ListHits<'m>>,
    ) -> Option<Cover<'m>> {
        let folded = padded.get(..text.len())?;
        let mut from = 0;
        let matches = std::iter::from_fn(|| {
            let (start, end, pattern) = (from..folded.len()).find_map(|at| {
                if !self.heads.may_start(window(padded, at)) {
                    return None;
                }
                longest_at(nfa, folded, at).map(|(end, pattern)| (at, end, pattern))
            })?;
            from = end;
            Some((start, end, pattern))
        });
        self.best_list(text, matches, lists)
    }

    /// The list whose word-bounded `matches` (start, end, pattern, in
    /// order, in `text` folded) cover most of `text`.
    fn best_list<'m>(
        &'m self,
        text: &str,
        matches: impl Iterator<Item = (usize, usize, PatternID)>,
        lists: &mut Vec<ListHits<'m>>,
    ) -> Option<Cover<'m>> {
        // At most a handful of lists hit one segment: a small vec beats a
        // map, and it is reused. Evidence is built only for the winning list.
        lists.clear();
        for (start, end, pattern) in matches {
            // Folding keeps letters, digits and scripts: bounds read as written.
            if !is_word_bounded(text, start, end) {
                continue;
            }
            let entry = &self.entries[pattern.as_usize()];
            let len = end - start;
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
        // The last of equals, as `max_by_key` has it.
        let best = lists.iter().max_by_key(|l| l.covered)?;
        Some(Cover {
            list: best.list,
            share: best.covered as f32 / text.len().max(1) as f32,
            shown: best.shown,
            count: best.count,
        })
    }
}

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Zero bytes after the folded text, at least, so that an eight-byte window
/// can be read at any of its offsets.
const PAD: usize = 8;

/// The last `n` bytes of `bytes` (`n` < 8), little-endian, zero-extended
/// (zero for none).
fn last_bytes(bytes: &[u8], n: usize) -> u64 {
    match bytes
        .len()
        .checked_sub(8)
        .and_then(|from| bytes.get(from..))
    {
        // The eight last bytes, shifted: no copy of a short slice.
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]))
            .checked_shr(64 - 8 * n as u32)
            .unwrap_or(0),
        None => bytes
            .iter()
            .rev()
            .take(n)
            .fold(0, |w, &b| w << 8 | u64::from(b)),
    }
}

/// The eight bytes of `padded` from `at` on, little-endian (`at` is within
/// the text before the padding).
#[inline(always)]
fn window(padded: &[u8], at: usize) -> u64 {
    padded
        .get(at..)
        .and_then(|t| t.first_chunk::<8>())
        .map_or(0, |w| u64::from_le_bytes(*w))
}

/// True when the longest pattern starting at `at` in `folded` (`text`
/// folded, then padded) is word-bounded there.
#[inline(never)]
fn bounded_match_at<A: Automaton>(a: &A, text: &str, folded: &[u8], at: usize) -> bool {
    let folded = folded.get(..text.len()).unwrap_or(&[]);
    longest_at(a, folded, at).is_some_and(|(end, _)| is_word_bounded(text, at, end))
}

/// The end and the pattern of the longest match of `a` that starts at `at`
/// in `folded` (what an anchored leftmost-longest search from `at` finds).
#[inline(never)]
fn longest_at<A: Automaton>(a: &A, folded: &[u8], at: usize) -> Option<(usize, PatternID)> {
    let mut sid = a.start_state(Anchored::Yes).ok()?;
    let mut found = None;
    for (n, &b) in folded.get(at..)?.iter().enumerate() {
        sid = a.next_state(Anchored::Yes, sid, b);
        if a.is_special(sid) {
            if a.is_dead(sid) {
                break;
            }
            // A match state may carry patterns that start later (copied
            // along failure links when the automaton was built): only one
            // starting at `at` counts, as in the crate's own anchored search.
            if a.is_match(sid) {
                let here = (0..a.match_len(sid))
                    .map(|k| a.match_pattern(sid, k))
                    .find(|&p| a.pattern_len(p) == n + 1);
                if let Some(p) = here {
                    found = Some((at + n + 1, p));
                }
            }
        }
    }
    found
}

/// Phrases shown as evidence for one list, at most.
const EVIDENCE_MAX: usize = 4;

/// The matches of one list in a segment: bytes covered and the first distinct
/// entries, in match order.
#[derive(Debug)]
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
    use aho_corasick::Input;

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
        let folded = fold_in_place(text);
        let scan = m.nfa.as_ref()?.try_find_iter(Input::new(&folded)).ok()?;
        m.best_list(
            text,
            scan.map(|f| (f.start(), f.end(), f.pattern())),
            &mut Vec::new(),
        )
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
    fn padded_windows_are_the_folded_bytes_then_zeros() {
        let all_ascii: String = (0..0x80u8).map(char::from).collect();
        let texts = [
            "Share THIS via Ünïcode, a long line first",
            "",
            "aZ0!bY1?",
            "ÀBCDEFGH",
            "don’t Say",
            "A—B—C—D",
            "ⅠⅡⅢ",
            "K\u{212a}abcdefg",
            "日本語Ab",
            "ПОДЕЛИТЬСЯ",
            "ǅİẞ Kelvin",
            "Σ日ab",
            &all_ascii,
        ];
        let m = PhraseMatcher::new(Lexicons::builtin());
        // One buffer for all: each text leaves nothing of the one before.
        let mut buf = Vec::new();
        for t in texts {
            let buf = m.fold_padded(t, &mut buf);
            let folded = fold_in_place(t);
            assert_eq!(&buf[..t.len()], folded.as_bytes(), "{t:?}");
            assert!(buf.len() >= t.len() + PAD, "{t:?}");
            assert!(buf[t.len()..].iter().all(|&b| b == 0), "{t:?}");
            for at in 0..t.len() {
                let mut w = [0u8; 8];
                let tail = &folded.as_bytes()[at..];
                let n = tail.len().min(8);
                w[..n].copy_from_slice(&tail[..n]);
                assert_eq!(window(buf, at), u64::from_le_bytes(w), "{t:?} {at}");
            }
        }
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
