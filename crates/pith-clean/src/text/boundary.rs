//! Boundary recovery: find where one text node ended and the next began in text
//! that a naive scraper glued together with no separator.
//!
//! One pass that marks, sixteen bytes at a time, the bytes that are not ASCII
//! lowercase letters or spaces (most of any text), and reads only the chars
//! at the marks, looking at most three chars back and two ahead, so the scan
//! is linear on any input (a 100 MB line included). Most marked chars fire
//! no rule (a comma, a capital after a space, a digit after a digit) and are
//! passed over by a byte table (`classes.rs`); the common ones that may fire
//! one (a capital after a letter, a stop, a CJK letter) have the rules spelled
//! out for them; the rest go through every rule with the char flags. The
//! per-char scan this replaced is kept as the test oracle (`oracle.rs`).
//! The rules, each named by a [`Cut`]:
//! - a lowercase letter followed by an uppercase one (`WatchSkip`), unless the
//!   pair sits inside a known camel-case word (`LinkedIn`, from
//!   `lexicons/any/camel_words.txt`) or the hump before it is a one-letter or
//!   `Mc` prefix (`iPhone`, `eBay`, `McCain`);
//! - an uppercase run followed by a capitalised word (`EDTKazakhstan`);
//! - digits followed by a capitalised word (`2011News`);
//! - sentence-final punctuation (and closing quotes) followed by the start of a
//!   sentence (`today.The`, `terms."The`), unless the word before the stop is an
//!   initial (`U.S.`) or an abbreviation (`Mr.`, `lexicons/<lang>/abbreviations.txt`);
//! - a word glued to an opening bracket and a capital (`Printer(Astana)`),
//!   or a closing bracket or quote glued to a capital (`(español)Argentina`);
//! - a currency sign glued to a word or amount (`$50$100`, `Other$`);
//! - a change of script between two letters (`Watchالعربية`, `English日本語`).

use rustc_hash::FxHashSet;

mod classes;
mod scan;

use super::camel::{CamelWords, Guard};
#[cfg(test)]
use super::swar;
use super::weights::{BRACKET_MAX_CHARS, BRACKET_MAX_WORDS, DIGIT_NAME_MIN_REPEATS};
use classes::Kinds;
#[cfg(test)]
use classes::BORING;
use scan::scan;

/// Why a boundary was placed: the rule that fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// The start of the text.
    Start,
    /// Sentence-final punctuation glued to the next sentence.
    Sentence,
    /// Lowercase letter glued to an uppercase one.
    Case,
    /// Uppercase run glued to a capitalised word.
    Acronym,
    /// Digits glued to a capitalised word.
    Digit,
    /// A word glued to an opening bracket.
    Bracket,
    /// A currency sign glued to what came before.
    Currency,
    /// A change of script between two letters.
    Script,
    /// A full-width sentence stop (`。`) in a script written without spaces:
    /// sentences there follow each other with no space, so this cuts
    /// sentences, not necessarily nodes.
    Stop,
    /// Placed by a later stage (e.g. around a repeated headline).
    Forced,
}

impl Cut {
    /// True when the boundary likely ends a sentence or a whole item, not an
    /// inline element inside a sentence.
    pub fn is_strong(self) -> bool {
        matches!(self, Cut::Start | Cut::Sentence | Cut::Forced)
    }
}

/// One recovered boundary: the byte offset where the new node starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boundary {
    /// Byte offset in the flat text (always a char boundary).
    pub at: usize,
    /// The rule that placed it.
    pub cut: Cut,
}

/// The word lists boundary recovery needs, compiled once.
#[derive(Debug)]
pub struct BoundaryRules {
    camel: CamelWords,
    abbreviations: FxHashSet<String>,
    /// The ASCII abbreviations of at most 16 bytes, packed into one
    /// number each (see [`pack`]): an ASCII word is looked up unhashed
    /// as a string, in a few instructions.
    packed: FxHashSet<u128>,
    /// The lengths and first bytes of the packed abbreviations: bit
    /// `first & 63` of entry `len`. A word whose bit is clear is no
    /// abbreviation, and most words before a stop are decided so.
    shapes: [u64; 17],
    kinds: Kinds,
}

impl BoundaryRules {
    /// Compile the rules from camel-case words and abbreviations (without the dot).
    pub fn new(camel_words: &[String], abbreviations: &[String]) -> BoundaryRules {
        let abbreviations: FxHashSet<String> = abbreviations
            .iter()
            .map(|a| a.trim_end_matches('.').to_lowercase())
            .collect();
        let mut shapes = [0; 17];
        let mut packed = FxHashSet::default();
        for a in abbreviations.iter().filter(|a| a.is_ascii()) {
            if let (Some(shape), Some(key)) = (shapes.get_mut(a.len()), pack(a.as_bytes())) {
                *shape |= a.as_bytes().first().map_or(1, |&b| 1 << (b & 63));
                packed.insert(key);
            }
        }
        BoundaryRules {
            camel: CamelWords::new(camel_words),
            abbreviations,
            packed,
            shapes,
            kinds: Kinds::new(),
        }
    }
}

impl BoundaryRules {
    /// True when `word` (without its dot) is a listed abbreviation, in any
    /// case; ASCII words (most) are lowercased on the stack.
    fn is_abbreviation(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        match (self.shapes.get(bytes.len()), word.is_ascii()) {
            (Some(shape), true) => {
                let first = bytes
                    .first()
                    .map_or(1, |b| 1 << (b.to_ascii_lowercase() & 63));
                shape & first != 0
                    && pack(bytes).is_some_and(|k| self.packed.contains(&(k | ascii_lower(k))))
            }
            _ => self.abbreviations.contains(&word.to_lowercase()),
        }
    }
}

/// Up to 16 bytes as one number, the first byte lowest; `None` when longer.
/// No ASCII word holds a zero byte, so the zero padding tells the length.
fn pack(bytes: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u128::from_le_bytes(buf))
}

/// The case bit (`0x20`) of each ASCII capital of a [`pack`]ed word: or-ed
/// in, it lowercases the word.
fn ascii_lower(k: u128) -> u128 {
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    const HIGH: u128 = ONES * 0x80;
    let y = k & !HIGH;
    let at_least_a = y + ONES * (0x80 - u128::from(b'A'));
    let past_z = y + ONES * (0x80 - u128::from(b'Z') - 1);
    ((at_least_a & !past_z & !k & HIGH) >> 2) & (ONES * 0x20)
}

/// Scripts whose change between two adjacent letters marks a boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters (with Latin-1 and extended ranges).
    Latin,
    /// Greek.
    Greek,
    /// Cyrillic.
    Cyrillic,
    /// Hebrew.
    Hebrew,
    /// Arabic (with presentation forms).
    Arabic,
    /// Indic and other South Asian blocks, keyed by block.
    Indic(u8),
    /// Thai.
    Thai,
    /// Han, kana and CJK punctuation: one class, they mix within words.
    Cjk,
    /// Hangul.
    Hangul,
    /// Anything else: never splits.
    Other,
}

/// The script class of a letter.
#[inline]
pub fn script(c: char) -> Script {
    // The two blocks most letters come from, before the whole table.
    match c as u32 {
        0..=0x24F => return Script::Latin,
        0x4E00..=0x9FFF => return Script::Cjk,
        _ => {}
    }
    match c as u32 {
        0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        n @ 0x900..=0xDFF => Script::Indic(((n - 0x900) >> 7) as u8),
        0xE00..=0xE7F => Script::Thai,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF => {
            Script::Cjk
        }
        0x1100..=0x11FF | 0xAC00..=0xD7AF => Script::Hangul,
        _ => Script::Other,
    }
}

/// True for scripts written without spaces between words.
pub fn is_unspaced(c: char) -> bool {
    matches!(script(c), Script::Cjk | Script::Thai)
}

/// True when a letter of script `a` next to one of script `b` marks a
/// boundary. Latin words sit inside CJK and Thai prose ("使用Python进行"):
/// only other script changes do.
fn scripts_differ(a: Script, b: Script) -> bool {
    let unspaced = |s: Script| matches!(s, Script::Cjk | Script::Thai);
    let embedded = (a == Script::Latin && unspaced(b)) || (b == Script::Latin && unspaced(a));
    a != b && a != Script::Other && b != Script::Other && !embedded
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_wide_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn is_wide_closing(c: char) -> bool {
    matches!(c, '」' | '』' | '”' | '）' | '】' | '’')
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | ')' | ']' | '\'')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₽')
}

/// Find the boundaries in `flat`, in order, the first always at offset 0.
///
/// ```
/// use pith_clean::text::boundary::{find, BoundaryRules};
/// let rules = BoundaryRules::new(&["LinkedIn".to_string()], &["Mr".to_string()]);
/// let cuts: Vec<usize> = find("Share via LinkedInDonate NowMr. Smith said so.The end", &rules)
///     .iter().map(|b| b.at).collect();
/// assert_eq!(cuts, vec![0, 18, 28, 46]);
/// ```
pub fn find(flat: &str, rules: &BoundaryRules) -> Vec<Boundary> {
    let (mut out, digit_names) = scan(flat, rules);
    keep_digit_names(flat, &digit_names, &mut out);
    out.sort_by_key(|b| b.at);
    out.dedup_by_key(|b| b.at);
    bound_density(flat.len(), &mut out);
    out
}

/// A word glued to one digit before it (`1Password`) that the page prints
/// at least [`DIGIT_NAME_MIN_REPEATS`] times is a name, not a list number
/// glued to its item (`Case 1Test`, printed once): its cuts are dropped.
fn keep_digit_names(flat: &str, found: &[(usize, usize)], out: &mut [Boundary]) {
    if found.len() < DIGIT_NAME_MIN_REPEATS {
        return;
    }
    let word = |at: usize| {
        let tail = flat.get(at..).unwrap_or("");
        let end = tail
            .char_indices()
            .skip(1)
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(tail.len(), |(i, _)| i);
        &tail[..end]
    };
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &(at, _) in found {
        *counts.entry(word(at)).or_default() += 1;
    }
    for &(at, i) in found {
        if counts
            .get(word(at))
            .is_some_and(|&n| n >= DIGIT_NAME_MIN_REPEATS)
        {
            if let Some(b) = out.get_mut(i) {
                b.at = 0; // merged into the start cut by the dedup below
            }
        }
    }
}

/// Natural pages average tens of bytes per node; text cut into pieces of a
/// few bytes (`aBcDaBcD...`) is not a page, and a cut per two bytes would cost
/// memory in proportion. Drop case cuts, then all cuts, until the average
/// piece reaches [`MIN_AVG_SEGMENT_BYTES`](super::weights::MIN_AVG_SEGMENT_BYTES).
fn bound_density(len: usize, cuts: &mut Vec<Boundary>) {
    if len < 1 << 16 {
        return; // small texts cost little whatever their cuts
    }
    let limit = len / super::weights::MIN_AVG_SEGMENT_BYTES + 1;
    if cuts.len() > limit {
        cuts.retain(|b| b.cut != Cut::Case);
    }
    if cuts.len() > limit {
        cuts.truncate(1);
    }
}

#[cfg(test)]
mod oracle;

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed lookup of ASCII words answers as the string set does.
    #[test]
    fn packed_abbreviations_are_the_set() {
        let list = ["Mr", "approx", "févr", "St", "Z.", "abcdefghijklmnop"];
        let rules = BoundaryRules::new(&[], &list.map(String::from));
        let words = [
            "mr",
            "MR",
            "Mr",
            "mR",
            "Mrs",
            "M",
            "approx",
            "APPROX",
            "approxi",
            "st",
            "ST",
            "s",
            "févr",
            "FÉVR",
            "z",
            "Z",
            "",
            "abcdefghijklmnop",
            "ABCDEFGHIJKLMNOP",
            "abcdefghijklmnopq",
            "Nr",
            "[r",
            "@R",
            "\u{212A}",
        ];
        for w in words {
            let want = rules.abbreviations.contains(&w.to_lowercase());
            assert_eq!(rules.is_abbreviation(w), want, "{w}");
        }
        assert!(rules.is_abbreviation("MR") && rules.is_abbreviation("Approx"));
    }

    fn pieces(flat: &str) -> Vec<&str> {
        let rules = BoundaryRules::new(
            &[
                "LinkedIn".into(),
                "WhatsApp".into(),
                "iPhone".into(),
                "JPMorgan".into(),
            ],
            &["Mr".into(), "Dr".into()],
        );
        let b = find(flat, &rules);
        let mut out = Vec::new();
        for (i, x) in b.iter().enumerate() {
            let end = b.get(i + 1).map_or(flat.len(), |n| n.at);
            out.push(&flat[x.at..end]);
        }
        out
    }

    #[test]
    fn splits_case_and_keeps_camel_words() {
        assert_eq!(
            pieces("Human Rights WatchSkip to contentShare via LinkedInShare via WhatsApp"),
            vec![
                "Human Rights Watch",
                "Skip to content",
                "Share via LinkedIn",
                "Share via WhatsApp"
            ]
        );
        assert_eq!(
            pieces("an iPhone and eBay at McDonald"),
            vec!["an iPhone and eBay at McDonald"]
        );
        assert_eq!(pieces("bank JPMorgan said"), vec!["bank JPMorgan said"]);
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            pieces("said today.The returns"),
            vec!["said today.", "The returns"]
        );
        assert_eq!(
            pieces("the U.S. Army and Mr. Smith"),
            vec!["the U.S. Army and Mr. Smith"]
        );
        assert_eq!(pieces("the U.S.Army"), vec!["the U.S.Army"]);
        assert_eq!(pieces("Dr.Who"), vec!["Dr.Who"]);
        assert_eq!(pieces("it was 1.5 times"), vec!["it was 1.5 times"]);
    }

    #[test]
    fn quote_parity_decides_closing_or_opening() {
        assert_eq!(
            pieces("\"No,\" he said. \"Never.\"The wives"),
            vec!["\"No,\" he said. \"Never.\"", "The wives"]
        );
        assert_eq!(
            pieces("in Europe.\"With that"),
            vec!["in Europe.", "\"With that"]
        );
    }

    #[test]
    fn splits_acronyms_digits_brackets_currency_scripts() {
        assert_eq!(
            pieces("12:00AM EDTKazakhstan"),
            vec!["12:00AM EDT", "Kazakhstan"]
        );
        assert_eq!(pieces("June 7, 2011News"), vec!["June 7, 2011", "News"]);
        assert_eq!(
            pieces("Case 1Test Case 2Test"),
            vec!["Case 1", "Test Case 2", "Test"]
        );
        assert_eq!(
            pieces("1Password here, 1Password there, 1Password everywhere"),
            vec!["1Password here, 1Password there, 1Password everywhere"]
        );
        assert_eq!(
            pieces("Printer(Astana) - The"),
            vec!["Printer", "(Astana) - The"]
        );
        assert_eq!(
            pieces("$50$100Other$Donate"),
            vec!["$50", "$100", "Other", "$", "Donate"]
        );
        assert_eq!(
            pieces("Watchالعربية简中English日本語Русский"),
            vec!["Watch", "العربية", "简中English日本語", "Русский"]
        );
        assert_eq!(pieces("使用Python进行"), vec!["使用Python进行"]);
        assert_eq!(pieces("العربيةCountries"), vec!["العربية", "Countries"]);
        assert_eq!(
            pieces("他说。「好」。我们"),
            vec!["他说。", "「好」。", "我们"]
        );
        assert_eq!(pieces("NGOs said"), vec!["NGOs said"]);
        assert_eq!(pieces("Abo12. März"), vec!["Abo", "12. März"]);
        assert_eq!(pieces("25 €50 €"), vec!["25 €", "50 €"]);
        assert_eq!(pieces("an mp3 of a B52"), vec!["an mp3 of a B52"]);
        assert_eq!(
            pieces("Report“You Cry”Share this"),
            vec!["Report", "“You Cry”", "Share this"]
        );
        assert_eq!(pieces("the world.$50"), vec!["the world.", "$50"]);
        assert_eq!(
            pieces("Chile (español)Deutschland (Deutsch)"),
            vec!["Chile (español)", "Deutschland (Deutsch)"]
        );
        assert_eq!(
            pieces("the port (see map) Monday"),
            vec!["the port (see map) Monday"]
        );
        assert_eq!(
            pieces("View comments(27)Read"),
            vec!["View comments(27)", "Read"]
        );
        assert_eq!(pieces("SELECT avg(n)FROM"), vec!["SELECT avg(n)FROM"]);
        assert_eq!(
            pieces("harbour. (Ada Quill/Harbour Press)The"),
            vec!["harbour. (Ada Quill/Harbour Press)The"]
        );
    }

    #[test]
    fn linear_on_hostile_input() {
        let s = "aAbB.C".repeat(10_000);
        assert!(pieces(&s).len() > 1);
        assert_eq!(pieces(&"aBcD".repeat(100_000)).len(), 1);
        let one = "x".repeat(100_000);
        assert_eq!(pieces(&one).len(), 1);
    }
}
