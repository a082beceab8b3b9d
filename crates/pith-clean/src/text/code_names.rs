//! Code names in flat text: words with an inner lowercase-to-uppercase step
//! (`bodyUsed`, `XMLHttpRequest`) that the page prints as code. A case cut
//! inside one is no node boundary, so assembly joins its pieces with no space.

use rustc_hash::{FxHashMap, FxHashSet};

use super::weights::CODE_HEAD_MIN_CHARS;

/// The page's code names: words with an inner step from a lowercase
/// letter to an uppercase one (`bodyUsed`, `XMLHttpRequest`) that the page
/// prints at least twice, once at least as code: before a call or index
/// bracket (`XMLHttpRequest()`), or after a member dot with a lowercase
/// head of at least [`CODE_HEAD_MIN_CHARS`] letters (`res.bodyUsed`). A
/// sentence glued to the next (`agents.Credit`), a domain glued to a
/// sentence (`site.frPour`) or a name glued to a name (`ZealandNew`) is not.
///
/// Read on first use, from the code marks up ([`code_words`]); a word
/// printed as code is counted over the page when first asked about. A page
/// that prints no code answers every cut without reading the word around it.
pub(super) struct CodeNames<'a> {
    flat: &'a str,
    /// The words printed as code, each with its count test once made.
    words: Option<FxHashMap<&'a str, Option<bool>>>,
}

impl<'a> CodeNames<'a> {
    pub(super) fn new(flat: &'a str) -> CodeNames<'a> {
        CodeNames { flat, words: None }
    }

    /// True when the word that byte `at` falls inside is a code name.
    pub(super) fn at(&mut self, at: usize) -> bool {
        let flat = self.flat;
        let words = self
            .words
            .get_or_insert_with(|| code_words(flat).into_iter().map(|w| (w, None)).collect());
        // Most pages print no code: their cuts are not read at all. The set
        // holds stepped words only, so a word with no step is never found.
        if words.is_empty() {
            return false;
        }
        let word = word_around(flat, at);
        match words.get_mut(word) {
            None => false,
            Some(twice) => *twice.get_or_insert_with(|| printed_twice(flat, word)),
        }
    }
}

/// The stepped words (see [`CodeNames`]) that `flat` prints as code at
/// least once. A word printed as code touches a `(`, `[` or `.`, which are
/// rare next to words: the scan jumps from one to the next.
fn code_words(flat: &str) -> FxHashSet<&str> {
    let b = flat.as_bytes();
    let mut code: FxHashSet<&str> = FxHashSet::default();
    for p in memchr::memchr3_iter(b'(', b'[', b'.', b) {
        let (start, end) = if b[p] == b'.' {
            // The word after a member dot, with a lowercase head: most dots
            // end a sentence, before a space.
            if !b
                .get(p + 1)
                .is_some_and(|c| !c.is_ascii() || c.is_ascii_lowercase())
            {
                continue;
            }
            let span = word_span(flat, p + 1);
            let word = flat.get(span.0..span.1).unwrap_or("");
            if lowercase_head(word) < CODE_HEAD_MIN_CHARS {
                continue;
            }
            span
        } else {
            // The word before a call or index bracket.
            if p == 0 || !after_alnum(flat, p) {
                continue;
            }
            word_span(flat, p)
        };
        let word = flat.get(start..end).unwrap_or("");
        if has_step(word) {
            code.insert(word);
        }
    }
    code
}

/// True when `word` has an inner step from a lowercase char to an uppercase one.
fn has_step(word: &str) -> bool {
    let mut prev_lower = false;
    for c in word.chars() {
        if prev_lower && c.is_uppercase() {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// True when `word` stands as a whole word (no alphanumeric char on either
/// side) at least twice in `flat`.
fn printed_twice(flat: &str, word: &str) -> bool {
    let mut n = 0;
    for s in memchr::memmem::find_iter(flat.as_bytes(), word.as_bytes()) {
        // `word` starts with a char, so a match starts on a char boundary.
        let whole = (s == 0 || !after_alnum(flat, s)) && alnum_at(flat, s + word.len()).is_none();
        n += usize::from(whole);
        if n >= 2 {
            return true;
        }
    }
    false
}

/// True when the char before byte `j` (a char boundary past 0) of `flat` is alphanumeric.
fn after_alnum(flat: &str, j: usize) -> bool {
    let p = flat.as_bytes()[j - 1];
    if p.is_ascii() {
        p.is_ascii_alphanumeric()
    } else {
        flat.get(..j)
            .and_then(|t| t.chars().next_back())
            .is_some_and(char::is_alphanumeric)
    }
}

/// The number of lowercase chars `word` starts with.
fn lowercase_head(word: &str) -> usize {
    word.chars().take_while(|c| c.is_lowercase()).count()
}

/// True when the char of `flat` that starts at byte `i` is alphanumeric;
/// its length in bytes.
fn alnum_at(flat: &str, i: usize) -> Option<usize> {
    let b = *flat.as_bytes().get(i)?;
    if b.is_ascii() {
        return b.is_ascii_alphanumeric().then_some(1);
    }
    let c = flat.get(i..)?.chars().next()?;
    c.is_alphanumeric().then(|| c.len_utf8())
}

/// The byte range of the whole word (alphanumeric chars) of `flat` that a
/// cut at `at` (a char boundary) falls inside; ASCII bytes are tested
/// without decoding.
fn word_span(flat: &str, at: usize) -> (usize, usize) {
    let b = flat.as_bytes();
    let mut start = at;
    while start > 0 {
        let p = b[start - 1];
        if p.is_ascii() {
            if !p.is_ascii_alphanumeric() {
                break;
            }
            start -= 1;
        } else {
            match flat.get(..start).and_then(|t| t.chars().next_back()) {
                Some(c) if c.is_alphanumeric() => start -= c.len_utf8(),
                _ => break,
            }
        }
    }
    let mut end = at;
    while let Some(n) = alnum_at(flat, end) {
        end += n;
    }
    (start, end)
}

/// The whole word of `flat` that a cut at `at` falls inside.
fn word_around(flat: &str, at: usize) -> &str {
    if !flat.is_char_boundary(at) {
        return "";
    }
    let (start, end) = word_span(flat, at);
    flat.get(start..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// The char-by-char definition the jumping [`code_names`] must match.
    fn code_names_by_chars(flat: &str) -> HashSet<&str> {
        let mut seen: std::collections::HashMap<&str, (usize, bool)> =
            std::collections::HashMap::new();
        let mut start: Option<usize> = None;
        let (mut step, mut prev_lower, mut before) = (false, false, ' ');
        let mut last = ' ';
        for (i, c) in flat
            .char_indices()
            .chain(std::iter::once((flat.len(), ' ')))
        {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                    before = last;
                }
                step |= prev_lower && c.is_uppercase();
                prev_lower = c.is_lowercase();
            } else {
                if let (Some(s), true) = (start, step) {
                    let word = &flat[s..i];
                    let head = word.chars().take_while(|c| c.is_lowercase()).count();
                    let code =
                        matches!(c, '(' | '[') || (before == '.' && head >= CODE_HEAD_MIN_CHARS);
                    let e = seen.entry(word).or_insert((0, false));
                    e.0 += 1;
                    e.1 |= code;
                }
                (start, step, prev_lower) = (None, false, false);
            }
            last = c;
        }
        seen.into_iter()
            .filter(|(_, (n, code))| *code && *n >= 2)
            .map(|(w, _)| w)
            .collect()
    }

    /// The whole set [`CodeNames`] answers from.
    fn code_names(flat: &str) -> FxHashSet<&str> {
        let mut words = code_words(flat);
        words.retain(|w| printed_twice(flat, w));
        words
    }

    #[test]
    fn code_names_match_the_char_definition() {
        let texts = [
            "Call res.bodyUsed to check; new PortReader() reads it, one PortReader a page.",
            "x.fooBar fooBar() fooBar ÉtéÉté(ÉtéÉté) straßeNAME straßeNAME[1] .abcdÉx .abcdÉx",
            "aB aB( aB[ .aB .aB 日本Abc 日本Abc( ΣίσυφοςΑ ΣίσυφοςΑ( 1aB 1aB(",
            "",
            "aB",
            "end with a step: xY",
            "obj.doThing doThing; obj.ab.doThing(x) fooBar.fooBar fooBar",
            "(xY) xY. xY( [aB]aB[ é.ñandúXy ñandúXy .Ab.cdEf cdEf a.( .[ ..",
        ];
        for t in texts {
            let slow = code_names_by_chars(t);
            let fast: HashSet<&str> = code_names(t).into_iter().collect();
            assert_eq!(fast, slow, "{t:?}");
            let mut names = CodeNames::new(t);
            for at in (0..=t.len()).filter(|&at| t.is_char_boundary(at)) {
                let want = slow.contains(word_around_by_chars(t, at));
                assert_eq!(names.at(at), want, "{t:?} {at}");
            }
        }
    }

    /// The char-by-char definition the byte-testing [`word_around`] must match.
    fn word_around_by_chars(flat: &str, at: usize) -> &str {
        let (Some(head), Some(tail)) = (flat.get(..at), flat.get(at..)) else {
            return "";
        };
        let start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric())
            .last()
            .map_or(at, |(i, _)| i);
        let end = tail
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(flat.len(), |(i, _)| at + i);
        &flat[start..end]
    }

    #[test]
    fn word_around_matches_the_char_definition_at_every_offset() {
        let texts = [
            "res.bodyUsed x",
            "ÉtéÉté(ÉtéÉté) straßeNAME 日本Abc ΣίσυφοςΑ 1aB",
            "",
            "a",
            "—ab—cd—",
        ];
        for t in texts {
            for at in 0..=t.len() + 1 {
                assert_eq!(
                    word_around(t, at),
                    word_around_by_chars(t, at),
                    "{t:?} {at}"
                );
            }
        }
    }

    #[test]
    fn cased_chars_are_alphanumeric() {
        // `code_names` tests case alone: it relies on this.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_uppercase() || c.is_lowercase() {
                assert!(c.is_alphanumeric(), "{c:?}");
            }
        }
    }

    #[test]
    fn code_names_are_camel_words_printed_as_code() {
        let flat = "Call res.bodyUsed to check; new PortReader() reads it, one PortReader a page. \
            Then bodyUsed is true.SeeAlso the guideFacebookShare at site.frPour \
            New ZealandNew Zealand, New ZealandNew Zealand; streaming onAmazon, onAmazon";
        let names = code_names(flat);
        assert!(names.contains("bodyUsed"));
        assert!(names.contains("PortReader"));
        assert!(!names.contains("SeeAlso") && !names.contains("guideFacebookShare"));
        assert!(!names.contains("frPour") && !names.contains("ZealandNew"));
        assert!(!names.contains("onAmazon"));
        let at = flat.find("Used is").unwrap();
        assert_eq!(word_around(flat, at), "bodyUsed");
    }
}
