//! Camel-case words (`LinkedIn`, `iPhone`, from `lexicons/any/camel_words.txt`):
//! a boundary strictly inside one is not a boundary.
//!
//! The words are found lazily, only in the stretches of text where a cut is
//! proposed: a stretch is a maximal run of bytes that occur in some camel
//! word (so a space, which occurs in none, ends it). No match crosses such a
//! byte, so a search started at a stretch's first byte finds the same words
//! as one search over the whole text, and most of the text (the stretches
//! with no cut in them) is never searched.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use rustc_hash::FxHashMap;

/// The camel-case words, compiled once.
#[derive(Debug)]
pub struct CamelWords {
    ac: Option<AhoCorasick>,
    /// The bytes that occur in some word: stretches are runs of them.
    used: [bool; 256],
    /// The byte pairs that occur in some word, one bit each: a cut between
    /// two bytes that no word holds side by side is inside no word, and
    /// most cuts are rejected by this lookup alone.
    pairs: Vec<u64>,
    /// For each byte pair, the words holding it and where: the word's
    /// index and the offset of the pair's second byte. A cut is inside a
    /// word only if one of them is spelled out around it, which the text
    /// tells before any search.
    places: FxHashMap<[u8; 2], Vec<(usize, usize)>>,
    /// The words, to test [`CamelWords::places`] against the text.
    words: Vec<Box<[u8]>>,
}

/// The bit of the pair `(a, b)` in [`CamelWords::pairs`].
fn pair_bit(a: u8, b: u8) -> (usize, u64) {
    let i = usize::from(a) << 8 | usize::from(b);
    (i / 64, 1 << (i % 64))
}

impl CamelWords {
    /// Compile `words` (leftmost-longest, case-sensitive).
    pub fn new(words: &[String]) -> CamelWords {
        let mut used = [false; 256];
        let mut pairs = vec![0u64; 1 << 10];
        let mut places: FxHashMap<[u8; 2], Vec<(usize, usize)>> = FxHashMap::default();
        for (i, w) in words.iter().enumerate() {
            for b in w.bytes() {
                used[b as usize] = true;
            }
            for (k, p) in w.as_bytes().windows(2).enumerate() {
                let (word, bit) = pair_bit(p[0], p[1]);
                pairs[word] |= bit;
                places.entry([p[0], p[1]]).or_default().push((i, k + 1));
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .ok();
        let words = words.iter().map(|w| w.as_bytes().into()).collect();
        CamelWords {
            ac,
            used,
            pairs,
            places,
            words,
        }
    }

    /// The words of `flat`, searched for as cuts are proposed.
    pub fn guard<'a>(&'a self, flat: &'a str) -> Guard<'a> {
        Guard {
            words: self,
            flat,
            stretches: Vec::new(),
            found: Vec::new(),
        }
    }
}

/// The camel words of one text, found stretch by stretch.
#[derive(Debug)]
pub struct Guard<'a> {
    words: &'a CamelWords,
    flat: &'a str,
    /// Stretches searched so far, sorted and disjoint.
    stretches: Vec<(usize, usize)>,
    /// The words found in them, sorted and disjoint.
    found: Vec<(usize, usize)>,
}

impl Guard<'_> {
    /// True when offset `at` lies strictly inside a camel word. Words
    /// starting lowercase (`iPhone`) count only at a word start, so `eBay`
    /// does not protect `theBay`.
    #[inline]
    pub fn covers(&mut self, at: usize) -> bool {
        let bytes = self.flat.as_bytes();
        let Some((&a, &b)) = at
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .zip(bytes.get(at))
        else {
            return false;
        };
        // Most cuts sit between two bytes no word holds side by side.
        let (word, bit) = pair_bit(a, b);
        if !self.words.pairs.get(word).is_some_and(|w| w & bit != 0) {
            return false;
        }
        self.covers_pair(at)
    }

    /// [`Guard::covers`] past the pair test: the bytes at `at - 1` and `at`
    /// are a pair some word holds.
    fn covers_pair(&mut self, at: usize) -> bool {
        let bytes = self.flat.as_bytes();
        let used = |i: usize| bytes.get(i).is_some_and(|&b| self.words.used[b as usize]);
        if self.words.ac.is_none() || at == 0 || !used(at) || !used(at - 1) {
            return false;
        }
        // A word that covers `at` holds the pair at some place and is
        // spelled out around it; with no such word, no search is needed.
        let spelled = |&(w, k): &(usize, usize)| {
            let word = &self.words.words[w];
            at.checked_sub(k)
                .and_then(|s| bytes.get(s..s + word.len()))
                .is_some_and(|t| t == &word[..])
        };
        let pair = [bytes[at - 1], bytes[at]];
        if !self
            .words
            .places
            .get(&pair)
            .is_some_and(|p| p.iter().any(spelled))
        {
            return false;
        }
        self.search_stretch_of(at);
        let k = self.found.partition_point(|&(s, _)| s < at);
        k.checked_sub(1)
            .and_then(|k| self.found.get(k))
            .is_some_and(|&(_, e)| at < e)
    }

    /// Search the stretch holding the bytes at `at - 1` and `at`, unless
    /// it was searched already.
    fn search_stretch_of(&mut self, at: usize) {
        let k = self.stretches.partition_point(|&(s, _)| s < at);
        if k.checked_sub(1)
            .and_then(|k| self.stretches.get(k))
            .is_some_and(|&(_, e)| at < e)
        {
            return;
        }
        let Some(ac) = &self.words.ac else {
            return;
        };
        let (flat, used) = (self.flat, &self.words.used);
        let bytes = flat.as_bytes();
        let start = bytes[..at]
            .iter()
            .rposition(|&b| !used[b as usize])
            .map_or(0, |i| i + 1);
        let end = bytes[at..]
            .iter()
            .position(|&b| !used[b as usize])
            .map_or(bytes.len(), |i| at + i);
        self.stretches.insert(k, (start, end));
        let words = ac
            .find_iter(Input::new(flat).span(start..end))
            .filter(|m| {
                let first = flat.get(m.start()..).and_then(|t| t.chars().next());
                let before = flat.get(..m.start()).and_then(|t| t.chars().next_back());
                !(first.is_some_and(char::is_lowercase) && before.is_some_and(char::is_alphabetic))
            })
            .map(|m| (m.start(), m.end()));
        let at_found = self.found.partition_point(|&(s, _)| s < start);
        self.found.splice(at_found..at_found, words);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> CamelWords {
        let list = ["LinkedIn", "iPhone", "eBay", "McDonald", "McDonald's"];
        CamelWords::new(&list.map(String::from))
    }

    #[test]
    fn covers_inner_offsets_only() {
        let w = words();
        let flat = "Share via LinkedInDonate";
        let mut g = w.guard(flat);
        assert!(g.covers(16)); // Linked|In
        assert!(!g.covers(10)); // the word's start
        assert!(!g.covers(18)); // its end: LinkedIn|Donate
        assert!(!g.covers(5)); // a space
    }

    #[test]
    fn lowercase_words_only_at_a_word_start() {
        let w = words();
        let mut g = w.guard("an iPhone and theBay at McDonald's");
        assert!(g.covers(4)); // i|Phone
        assert!(!g.covers(17)); // the|Bay: `eBay` inside a word
        assert!(g.covers(26)); // Mc|Donald's
    }

    /// The lazy stretches find what one search over the whole text finds.
    #[test]
    fn stretches_agree_with_one_whole_search() {
        let w = words();
        let flat = "LinkedInLinkedIn eBayiPhone McDonald'sMcDonald x.iPhone theBay";
        let ac = w.ac.as_ref().unwrap();
        let whole: Vec<(usize, usize)> = ac
            .find_iter(flat)
            .filter(|m| {
                let first = flat[m.start()..].chars().next();
                let before = flat[..m.start()].chars().next_back();
                !(first.is_some_and(char::is_lowercase) && before.is_some_and(char::is_alphabetic))
            })
            .map(|m| (m.start(), m.end()))
            .collect();
        // Ask from the back, so later stretches are searched first.
        let mut g = w.guard(flat);
        for at in (0..=flat.len()).rev() {
            let inside = whole.iter().any(|&(s, e)| s < at && at < e);
            assert_eq!(g.covers(at), inside, "{at}");
        }
    }
}
