//! The word lists segmentation reads, compiled in from `lexicons/` (see its
//! README) through one registry table, the same pattern as pith-clean's
//! `lexicon/registry.rs`. Every language's entries are merged per list: a page
//! in German may still carry an English byline, and the lists do not collide.

use rustc_hash::{FxHashMap, FxHashSet};

/// One compiled-in lexicon file.
///
/// ```
/// use pith_segment::lexicon::FILES;
/// assert!(FILES.iter().any(|f| f.list == "months" && f.lang == "de"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct LexiconFile {
    /// Language code, or `any`.
    pub lang: &'static str,
    /// List name (the file stem).
    pub list: &'static str,
    /// Path below `lexicons/`.
    pub path: &'static str,
    /// The file's text.
    pub text: &'static str,
}

macro_rules! file {
    ($lang:literal, $list:literal) => {
        LexiconFile {
            lang: $lang,
            list: $list,
            path: concat!($lang, "/", $list, ".txt"),
            text: include_str!(concat!("../lexicons/", $lang, "/", $list, ".txt")),
        }
    };
}

/// Every built-in lexicon file, one line each.
#[rustfmt::skip]
pub const FILES: &[LexiconFile] = &[
    file!("any", "wire_agencies"),
    file!("en", "months"),          file!("de", "months"),          file!("fr", "months"),          file!("es", "months"),
    file!("en", "weekdays"),        file!("de", "weekdays"),        file!("fr", "weekdays"),        file!("es", "weekdays"),
    file!("en", "speech_verbs"),    file!("de", "speech_verbs"),    file!("fr", "speech_verbs"),    file!("es", "speech_verbs"),
    file!("en", "pronouns"),        file!("de", "pronouns"),        file!("fr", "pronouns"),        file!("es", "pronouns"),
    file!("en", "byline_prefixes"), file!("de", "byline_prefixes"), file!("fr", "byline_prefixes"), file!("es", "byline_prefixes"),
    file!("en", "byline_roles"),
    file!("en", "credit_roles"),
    file!("en", "org_words"),       file!("de", "org_words"),       file!("fr", "org_words"),       file!("es", "org_words"),
    file!("en", "honorifics"),      file!("de", "honorifics"),      file!("fr", "honorifics"),      file!("es", "honorifics"),
    file!("en", "clause_markers"),  file!("de", "clause_markers"),  file!("fr", "clause_markers"),  file!("es", "clause_markers"),
    file!("en", "title_cues"),
    file!("en", "attribution_fillers"),
    file!("en", "name_stopwords"),  file!("de", "name_stopwords"),  file!("fr", "name_stopwords"),  file!("es", "name_stopwords"),
    file!("en", "end_credits"),     file!("de", "end_credits"),     file!("fr", "end_credits"),     file!("es", "end_credits"),
    file!("en", "date_prefixes"),   file!("de", "date_prefixes"),   file!("fr", "date_prefixes"),   file!("es", "date_prefixes"),
];

/// The entries of a lexicon text: trimmed, comments and blank lines dropped.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// How many words of a text are read to guess its language.
const GUESS_WORDS: usize = 2000;

/// The lists whose words tell languages apart in [`Lexicons::guess_language`].
const LANGUAGE_LISTS: &[&str] = &["clause_markers", "name_stopwords"];

/// Longest word, in bytes, folded on the stack; longer ones allocate.
const FOLD_BUF: usize = 64;

/// A set of folded entries, hashed with FxHash: keys are short words looked
/// up millions of times per corpus, and they come from our own data files,
/// so SipHash's flood resistance buys nothing here.
type WordSet = FxHashSet<String>;

/// All segmentation word lists, case-folded and merged across languages.
///
/// ```
/// use pith_segment::lexicon::Lexicons;
/// let lex = Lexicons::builtin();
/// assert_eq!(lex.month("Juni"), Some(6));
/// assert!(lex.is_agency("Reuters"));
/// assert!(lex.is_speech_verb("said"));
/// ```
#[derive(Debug, Default)]
pub struct Lexicons {
    months: FxHashMap<String, u8>,
    sets: FxHashMap<&'static str, WordSet>,
    phrases: FxHashMap<&'static str, Vec<String>>,
    /// Per list, each first word's phrases split into words, in `phrases` order
    /// (longest first): a phrase search is one lookup per word, not a list scan.
    by_first: FxHashMap<&'static str, FxHashMap<String, Vec<Vec<String>>>>,
    /// Per list, per language, its entries.
    by_lang: FxHashMap<&'static str, FxHashMap<&'static str, WordSet>>,
    /// For each word of the [`LANGUAGE_LISTS`], one language per list of that
    /// language holding it: a word counts once for each.
    language_words: FxHashMap<String, Vec<&'static str>>,
    /// Each list's bit in [`WordBits`], in the order lists first appear in the files.
    list_bits: FxHashMap<&'static str, u64>,
    /// Every entry and every phrase's first word, with the lists it is in.
    word_bits: FxHashMap<String, WordBits>,
}

/// The lists a folded word belongs to, one bit per list (see
/// [`Lexicons::list_bit`]): every list test on one word is one lookup.
///
/// ```
/// use pith_segment::lexicon::Lexicons;
/// let lex = Lexicons::builtin();
/// let said = lex.bits("said");
/// assert!(said.entries & lex.list_bit("speech_verbs") != 0);
/// assert!(lex.bits("according").opens & lex.list_bit("speech_verbs") != 0);
/// assert_eq!(lex.bits("zyzzyva").entries, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordBits {
    /// The lists holding the word as an entry.
    pub entries: u64,
    /// The lists holding a phrase whose first word is the word.
    pub opens: u64,
}

/// Calls `f` with `word` lowercased as `str::to_lowercase` does: on the stack
/// when it is short, and without copying when it is lowercase ASCII already.
///
/// ```
/// use pith_segment::lexicon::with_folded;
/// assert_eq!(with_folded("Said", |w| w.to_string()), "said");
/// assert_eq!(with_folded("ÉTÉ", |w| w.to_string()), "été");
/// assert_eq!(with_folded("ΟΔΟΣ", |w| w.to_string()), "οδος");
/// ```
pub fn with_folded<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return f(word);
    }
    let mut buf = [0u8; FOLD_BUF];
    if word.is_ascii() {
        if let Some(slot) = buf.get_mut(..word.len()) {
            slot.copy_from_slice(word.as_bytes());
            slot.make_ascii_lowercase();
            if let Ok(folded) = std::str::from_utf8(slot) {
                return f(folded);
            }
        }
        return f(&word.to_ascii_lowercase());
    }
    let mut len = 0;
    // A capital sigma lowercases by its context (final or not): leave it to std.
    let mut fits = !word.contains('\u{3a3}');
    if fits {
        for c in word.chars().flat_map(char::to_lowercase) {
            let Some(slot) = buf.get_mut(len..).filter(|s| s.len() >= c.len_utf8()) else {
                fits = false;
                break;
            };
            len += c.encode_utf8(slot).len();
        }
    }
    match buf.get(..len).map(std::str::from_utf8) {
        Some(Ok(folded)) if fits => f(folded),
        _ => f(&word.to_lowercase()),
    }
}

impl Lexicons {
    /// The built-in lexicons, built on first use and shared.
    pub fn builtin() -> &'static Lexicons {
        static LEX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
        LEX.get_or_init(|| Lexicons::from_files(FILES))
    }

    /// Build lexicons from a table of files.
    pub fn from_files(files: &[LexiconFile]) -> Lexicons {
        let mut lex = Lexicons::default();
        for file in files {
            for entry in entries(file.text) {
                let folded = entry.to_lowercase();
                if file.list == "months" {
                    let mut parts = folded.splitn(2, ' ');
                    let num = parts.next().and_then(|n| n.parse::<u8>().ok());
                    if let (Some(n), Some(name)) = (num, parts.next()) {
                        lex.months.insert(name.trim().to_string(), n);
                    }
                    continue;
                }
                lex.sets
                    .entry(file.list)
                    .or_default()
                    .insert(folded.clone());
                lex.by_lang
                    .entry(file.list)
                    .or_default()
                    .entry(file.lang)
                    .or_default()
                    .insert(folded.clone());
                lex.phrases.entry(file.list).or_default().push(folded);
            }
        }
        for list in lex.phrases.values_mut() {
            // Longest first, so a phrase search prefers "described as" over "described".
            list.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        }
        for (name, list) in &lex.phrases {
            let index = lex.by_first.entry(name).or_default();
            for phrase in list {
                let parts: Vec<String> = phrase.split(' ').map(str::to_string).collect();
                let first = parts.first().cloned().unwrap_or_default();
                index.entry(first).or_default().push(parts);
            }
        }
        lex.index_bits(files);
        for list in LANGUAGE_LISTS {
            for (lang, set) in lex.by_lang.get(list).into_iter().flatten() {
                for word in set {
                    lex.language_words
                        .entry(word.clone())
                        .or_default()
                        .push(lang);
                }
            }
        }
        lex
    }

    /// Give each list a bit and each word its lists' bits.
    fn index_bits(&mut self, files: &[LexiconFile]) {
        for file in files.iter().filter(|f| self.sets.contains_key(f.list)) {
            let next = self.list_bits.len();
            // More lists than bits: the rest keep bit 0, and `list_bit` tells callers to look them up by name.
            if next < 64 && !self.list_bits.contains_key(file.list) {
                self.list_bits.insert(file.list, 1 << next);
            }
        }
        for (list, &bit) in &self.list_bits {
            for entry in self.sets.get(list).into_iter().flatten() {
                self.word_bits.entry(entry.clone()).or_default().entries |= bit;
            }
            for first in self.by_first.get(list).into_iter().flat_map(|m| m.keys()) {
                self.word_bits.entry(first.clone()).or_default().opens |= bit;
            }
        }
    }

    /// The bit of list `list` in [`WordBits`]; 0 for a list with no bit
    /// (unknown, or past the 64th), for which [`Lexicons::contains`] answers.
    pub fn list_bit(&self, list: &str) -> u64 {
        self.list_bits.get(list).copied().unwrap_or(0)
    }

    /// The lists `folded` (lowercase, as [`with_folded`] gives it; no
    /// trimming) is in or opens a phrase of.
    pub fn bits(&self, folded: &str) -> WordBits {
        self.word_bits.get(folded).copied().unwrap_or_default()
    }

    /// The month number of a month name or abbreviation (any case, a trailing
    /// dot allowed), in any registered language.
    pub fn month(&self, word: &str) -> Option<u8> {
        with_folded(word.trim_end_matches('.'), |w| self.months.get(w).copied())
    }

    /// Whether `word` (any case, trailing dot or comma allowed) is in list `list`.
    pub fn contains(&self, list: &str, word: &str) -> bool {
        let Some(set) = self.sets.get(list) else {
            return false;
        };
        with_folded(word.trim_end_matches(['.', ',']), |w| set.contains(w))
    }

    /// Whether `word` is in list `list` of language `lang` only: for lists whose
    /// entries collide across languages (French "a" and Spanish "era" are
    /// clause markers; English "a" and "era" are not).
    pub fn contains_in(&self, lang: &str, list: &str, word: &str) -> bool {
        let Some(set) = self.by_lang.get(list).and_then(|m| m.get(lang)) else {
            return false;
        };
        with_folded(word.trim_end_matches(['.', ',']), |w| set.contains(w))
    }

    /// The registered language whose function words (clause markers and
    /// sentence openers) are most frequent in `text`; `en` on a tie or no hit.
    ///
    /// ```
    /// use pith_segment::lexicon::Lexicons;
    /// let lex = Lexicons::builtin();
    /// assert_eq!(lex.guess_language("Die Regierung hat gesagt, dass sie das Gesetz ändern will."), "de");
    /// assert_eq!(lex.guess_language("The government has said it will change the law."), "en");
    /// ```
    pub fn guess_language(&self, text: &str) -> &'static str {
        self.guess_language_of(text.split_whitespace())
    }

    /// [`Lexicons::guess_language`] over words already split (the texts of
    /// several blocks, without joining them).
    pub fn guess_language_of<'a>(&self, words: impl Iterator<Item = &'a str>) -> &'static str {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for word in words.take(GUESS_WORDS) {
            let bytes = word.as_bytes();
            let bare = bytes.first().is_some_and(u8::is_ascii_alphanumeric)
                && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
            let w = if bare {
                word
            } else {
                word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            };
            let Some(langs) = with_folded(w, |w| self.language_words.get(w)) else {
                continue;
            };
            for lang in langs {
                match counts.iter_mut().find(|(l, _)| l == lang) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((lang, 1)),
                }
            }
        }
        let en = counts
            .iter()
            .find(|(l, _)| *l == "en")
            .map_or(0, |&(_, n)| n);
        counts
            .into_iter()
            .filter(|&(_, n)| n > en)
            .max_by_key(|&(l, n)| (n, std::cmp::Reverse(l)))
            .map_or("en", |(l, _)| l)
    }

    /// The entries of list `list`, longest first.
    pub fn list(&self, list: &str) -> &[String] {
        self.phrases.get(list).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The entries of list `list` whose first word is `first` (lowercase), each
    /// split at spaces, longest first.
    ///
    /// ```
    /// use pith_segment::lexicon::Lexicons;
    /// let lex = Lexicons::builtin();
    /// assert!(lex.phrases_from("speech_verbs", "according").iter().any(|p| p == &["according", "to"]));
    /// ```
    pub fn phrases_from(&self, list: &str, first: &str) -> &[Vec<String>] {
        self.by_first
            .get(list)
            .and_then(|m| m.get(first))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether `name` is a wire agency or outlet (`AP`, `Reuters`).
    pub fn is_agency(&self, name: &str) -> bool {
        self.contains("wire_agencies", name.trim())
    }

    /// Whether `word` is a weekday name.
    pub fn is_weekday(&self, word: &str) -> bool {
        self.contains("weekdays", word)
    }

    /// Whether `word` is a one-word speech verb form.
    pub fn is_speech_verb(&self, word: &str) -> bool {
        self.contains("speech_verbs", word)
    }

    /// Whether `word` is a subject pronoun that points back to the last speaker.
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.contains("pronouns", word)
    }

    /// Whether `name` names an organisation: one of its words is an
    /// organisation word (`Agency`, `Ministry`).
    pub fn is_organisation(&self, name: &str) -> bool {
        name.split_whitespace()
            .any(|w| self.contains("org_words", w.trim_matches(|c: char| !c.is_alphanumeric())))
    }

    /// Whether `word` is a title dropped before names (`Mr`, `Dr.`).
    pub fn is_honorific(&self, word: &str) -> bool {
        self.contains("honorifics", word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_on_disk_is_registered_nonempty_and_unique() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
        let registered: std::collections::HashSet<&str> = FILES.iter().map(|f| f.path).collect();
        let mut stack = vec![root.clone()];
        let mut seen = 0;
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).expect("lexicons dir readable") {
                let p = e.expect("dir entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "txt") {
                    let rel = p.strip_prefix(&root).expect("below root");
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    assert!(registered.contains(rel.as_str()), "{rel} not registered");
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, FILES.len());
        for f in FILES {
            let all: Vec<String> = entries(f.text).map(str::to_lowercase).collect();
            assert!(!all.is_empty(), "{} is empty", f.path);
            let set: std::collections::HashSet<&String> = all.iter().collect();
            assert_eq!(set.len(), all.len(), "{} repeats an entry", f.path);
        }
    }

    #[test]
    fn every_list_has_its_own_bit_and_bits_agree_with_contains() {
        let lex = Lexicons::builtin();
        let lists: std::collections::HashSet<&str> = FILES
            .iter()
            .filter(|f| f.list != "months")
            .map(|f| f.list)
            .collect();
        let all = lists.iter().fold(0u64, |acc, l| acc | lex.list_bit(l));
        assert_eq!(
            all.count_ones() as usize,
            lists.len(),
            "two lists share a bit"
        );
        for f in FILES.iter().filter(|f| f.list != "months") {
            let bit = lex.list_bit(f.list);
            assert_eq!(bit.count_ones(), 1, "{} has no bit", f.list);
            for e in entries(f.text) {
                let folded = e.to_lowercase();
                assert!(lex.bits(&folded).entries & bit != 0, "{}: {e}", f.list);
            }
        }
        assert_eq!(lex.bits("said").entries, {
            let mut b = 0;
            for f in FILES.iter().filter(|f| f.list != "months") {
                if lex.contains(f.list, "said") {
                    b |= lex.list_bit(f.list);
                }
            }
            b
        });
    }

    #[test]
    fn months_parse_in_four_languages() {
        let lex = Lexicons::builtin();
        assert_eq!(lex.month("Sept."), Some(9));
        assert_eq!(lex.month("juin"), Some(6));
        assert_eq!(lex.month("junio"), Some(6));
        assert_eq!(lex.month("März"), Some(3));
        assert_eq!(lex.month("Monday"), None);
    }
}
