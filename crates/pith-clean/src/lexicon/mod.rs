//! Lexicons: the rules that are data. Phrase lists per language and kind, and
//! class/id token lists, compiled in from `lexicons/` (see its README) and
//! matched with one aho-corasick automaton per family.

mod registry;
pub mod tokens;

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub use registry::{Family, LexiconFile, FILES};

/// One phrase of a lexicon: its language, the list it belongs to and the entry as written.
///
/// ```
/// use pith_clean::lexicon::Lexicons;
/// let lex = Lexicons::builtin();
/// let hit = lex.phrases("accept all cookies").next().unwrap();
/// assert_eq!(hit.entry.list, "cookie_consent");
/// assert_eq!(hit.entry.lang, "en");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Language code (`en`, `de`, ..., or `any`).
    pub lang: &'static str,
    /// List name: a [`BoilerplateKind`](crate::BoilerplateKind) name or another named list.
    pub list: &'static str,
    /// The entry as written in the file.
    pub phrase: &'static str,
}

/// A phrase found in a text: which entry and where (byte offsets in the searched text).
#[derive(Debug, Clone, Copy)]
pub struct PhraseHit<'a> {
    /// The lexicon entry.
    pub entry: &'a Entry,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// All built-in lexicons, compiled once into automata. Build once, share everywhere.
///
/// ```
/// use pith_clean::lexicon::Lexicons;
/// let lex = Lexicons::builtin();
/// assert_eq!(lex.class_token("cookie"), Some("cookie_consent"));
/// assert_eq!(lex.class_token("content"), Some("content"));
/// ```
#[derive(Debug)]
pub struct Lexicons {
    phrase_entries: Vec<Entry>,
    phrase_matcher: AhoCorasick,
    tokens: rustc_hash::FxHashMap<String, &'static str>,
    words: HashMap<&'static str, Vec<String>>,
}

impl Lexicons {
    /// The built-in lexicons, built on first use and shared.
    pub fn builtin() -> &'static Lexicons {
        static LEX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
        LEX.get_or_init(|| Lexicons::from_files(FILES))
    }

    /// Build lexicons from a table of files (the built-in table is [`FILES`]).
    pub fn from_files(files: &[LexiconFile]) -> Lexicons {
        let mut phrase_entries = Vec::new();
        let mut tokens = rustc_hash::FxHashMap::default();
        let mut words: HashMap<&'static str, Vec<String>> = HashMap::new();
        for file in files {
            for line in entries(file.text) {
                match file.family {
                    Family::Phrases => phrase_entries.push(Entry {
                        lang: file.lang,
                        list: file.list,
                        phrase: line,
                    }),
                    Family::ClassTokens => {
                        tokens.entry(line.to_lowercase()).or_insert(file.list);
                    }
                    Family::Words => words.entry(file.list).or_default().push(line.to_string()),
                }
            }
        }
        let patterns: Vec<String> = phrase_entries.iter().map(|e| fold(e.phrase)).collect();
        let phrase_matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("lexicon phrases compile into an automaton");
        Lexicons {
            phrase_entries,
            phrase_matcher,
            tokens,
            words,
        }
    }

    /// Phrases found in `text` (any case), leftmost-longest, whole words only.
    /// Offsets refer to the case-folded text, see [`fold`].
    pub fn phrases<'a>(&'a self, text: &'a str) -> impl Iterator<Item = PhraseHit<'a>> + 'a {
        let folded = fold(text);
        let hits: Vec<PhraseHit<'a>> = self.phrases_folded(&folded).collect();
        hits.into_iter()
    }

    /// [`Lexicons::phrases`] in text already case-folded with [`fold`] (offsets are
    /// into `folded`): for callers that fold once and read the text again.
    pub fn phrases_folded<'a: 's, 's>(
        &'a self,
        folded: &'s str,
    ) -> impl Iterator<Item = PhraseHit<'a>> + 's {
        self.phrase_matcher
            .find_iter(folded)
            .filter(|m| is_word_bounded(folded, m.start(), m.end()))
            .map(|m| PhraseHit {
                entry: &self.phrase_entries[m.pattern().as_usize()],
                start: m.start(),
                end: m.end(),
            })
    }

    /// The list a whole class/id token belongs to (`cookie` -> `cookie_consent`,
    /// `article` -> `content`), if any. `token` must already be lowercase.
    pub fn class_token(&self, token: &str) -> Option<&'static str> {
        self.tokens.get(token).copied()
    }

    /// The entries of a word list (e.g. `camel_words`), empty when there is none.
    pub fn words(&self, list: &str) -> &[String] {
        self.words.get(list).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every phrase entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.phrase_entries
    }
}

/// Case-fold text for lexicon matching: lowercase, curly apostrophes made straight.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

/// The entries of a lexicon file: one per line, `#` starts a comment, blank lines skipped.
pub fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split_once('#').map_or(l, |(a, _)| a).trim())
        .filter(|l| !l.is_empty())
}

/// True when the match `[start, end)` does not cut a word: the chars just outside
/// are not alphanumeric, or the match is in a script written without spaces.
fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let bounded = |outside: Option<char>, inside: Option<char>| match (outside, inside) {
        (Some(o), Some(i)) => !(o.is_alphanumeric() && i.is_alphanumeric()) || is_unspaced(i),
        _ => true,
    };
    bounded(before, first) && bounded(after, last)
}

/// Scripts written without spaces between words (CJK, Thai): no word boundary needed.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let lex = Lexicons::builtin();
        assert!(lex
            .phrases("Accept all cookies")
            .any(|h| h.entry.list == "cookie_consent"));
        // "teilen" must not match inside "mitteilen".
        assert!(!lex
            .phrases("wir mitteilen")
            .any(|h| h.entry.phrase == "Teilen"));
    }
}
