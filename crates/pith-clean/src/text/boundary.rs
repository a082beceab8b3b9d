//! Boundary recovery: find where one text node ended and the next began in text
//! that a naive scraper glued together with no separator.
//!
//! One pass over the chars with a five-char history; every rule looks only at
//! that window, so the scan is linear on any input (a 100 MB line included).
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
//! - a word glued to an opening bracket and a capital (`Printer(Astana)`);
//! - a currency sign glued to a word or amount (`$50$100`, `Other$`);
//! - a change of script between two letters (`Watchالعربية`, `English日本語`).

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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
    camel: Option<AhoCorasick>,
    abbreviations: HashSet<String>,
}

impl BoundaryRules {
    /// Compile the rules from camel-case words and abbreviations (without the dot).
    pub fn new(camel_words: &[String], abbreviations: &[String]) -> BoundaryRules {
        let camel = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(camel_words)
            .ok();
        BoundaryRules {
            camel,
            abbreviations: abbreviations
                .iter()
                .map(|a| a.trim_end_matches('.').to_lowercase())
                .collect(),
        }
    }

    /// Byte ranges of camel-case words in `flat`: a boundary strictly inside one
    /// is not a boundary. Words starting lowercase (`iPhone`) count only at a
    /// word start, so `eBay` does not protect `theBay`.
    fn protected(&self, flat: &str) -> Vec<(usize, usize)> {
        let Some(ac) = &self.camel else {
            return Vec::new();
        };
        ac.find_iter(flat)
            .filter(|m| {
                let first = flat[m.start()..].chars().next();
                let before = flat[..m.start()].chars().next_back();
                !(first.is_some_and(char::is_lowercase) && before.is_some_and(char::is_alphabetic))
            })
            .map(|m| (m.start(), m.end()))
            .collect()
    }
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
pub fn script(c: char) -> Script {
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

/// The history window: the last chars seen, newest first, with their offsets.
#[derive(Clone, Copy)]
struct Window {
    chars: [char; 5],
    at: [usize; 5],
}

impl Window {
    fn push(&mut self, c: char, at: usize) {
        self.chars.copy_within(0..4, 1);
        self.at.copy_within(0..4, 1);
        self.chars[0] = c;
        self.at[0] = at;
    }
}

/// Scanner state carried across chars.
struct Scan<'a> {
    flat: &'a str,
    rules: &'a BoundaryRules,
    protected: Vec<(usize, usize)>,
    next_protected: usize,
    out: Vec<Boundary>,
    w: Window,
    /// Start of the current hump: the run of letters since the token start or
    /// the last lower-to-upper change.
    hump_start: usize,
    /// Start of the current run of letters.
    word_start: usize,
    /// After a sentence stop that may end a node.
    pending_stop: bool,
    /// After a full-width stop.
    pending_wide: bool,
    /// Straight double quotes seen since the last boundary (parity decides
    /// whether a `"` after a stop closes a quote or opens the next node).
    quotes: u32,
}

impl Scan<'_> {
    fn cut(&mut self, at: usize, cut: Cut) {
        if at == 0 || self.is_protected(at) {
            return;
        }
        self.out.push(Boundary { at, cut });
        self.quotes = 0;
    }

    fn is_protected(&mut self, at: usize) -> bool {
        while let Some(&(_, end)) = self.protected.get(self.next_protected) {
            if end <= at {
                self.next_protected += 1;
            } else {
                break;
            }
        }
        // Ranges are sorted; a cut placed behind the cursor (acronym, digit
        // rules) may need an earlier range, so look back one.
        let check = |r: Option<&(usize, usize)>| r.is_some_and(|&(s, e)| s < at && at < e);
        check(self.protected.get(self.next_protected))
            || self
                .next_protected
                .checked_sub(1)
                .is_some_and(|i| check(self.protected.get(i)))
    }

    /// The word that ends just before offset `end` (letters only).
    fn word_before(&self, end: usize) -> &str {
        self.flat.get(self.word_start..end).unwrap_or("")
    }

    fn step(&mut self, at: usize, c: char) {
        let p = self.w.chars[0];
        let p_at = self.w.at[0];
        // Sentence stop followed by the start of a new node.
        if self.pending_stop {
            let closes_quote = c == '"' && self.quotes % 2 == 1;
            if !(closes_quote || is_closing(c) || is_stop(c)) {
                self.pending_stop = false;
                // A stop right after a word, then digits: `world.$50`, `monde.25 €`.
                let amount = c.is_ascii_digit() && is_stop(p) && self.w.chars[1].is_alphabetic();
                let opens = amount
                    || c.is_uppercase()
                    || (c.is_alphabetic() && !c.is_lowercase() && script(c) != Script::Latin)
                    || matches!(c, '"' | '“' | '‘' | '«' | '(' | '[' | '¿' | '¡');
                if opens {
                    self.cut(at, Cut::Sentence);
                }
            }
        }
        if self.pending_wide && !is_wide_closing(c) && !is_wide_stop(c) {
            self.pending_wide = false;
            if c.is_alphanumeric() || matches!(c, '「' | '『' | '“' | '（' | '【') {
                self.cut(at, Cut::Stop);
            }
        }
        if is_wide_stop(c) {
            self.pending_wide = true;
        }
        if c == '"' {
            self.quotes += 1;
        }
        if is_stop(c) && !self.pending_stop {
            self.pending_stop = !self.is_abbreviation(at, p);
        }
        if c.is_alphabetic() {
            if p.is_lowercase() && c.is_uppercase() {
                let hump = self.flat.get(self.hump_start..at).unwrap_or("");
                let prefix = hump.chars().count() == 1 || hump == "Mc";
                if !prefix {
                    self.cut(at, Cut::Case);
                }
                self.hump_start = at;
            } else if p.is_alphabetic() && script(p) != script(c) {
                // Latin words sit inside CJK and Thai prose ("使用Python进行"):
                // only other script changes mark a node boundary.
                let (sp, sc) = (script(p), script(c));
                let embedded = (sp == Script::Latin && is_unspaced(c))
                    || (sc == Script::Latin && is_unspaced(p));
                if sp != Script::Other && sc != Script::Other && !embedded {
                    self.cut(at, Cut::Script);
                }
                self.hump_start = at;
            }
            if !p.is_alphabetic() {
                self.word_start = at;
                if !p.is_alphanumeric() {
                    self.hump_start = at;
                }
            }
        }
        // Uppercase run + capitalised word: decided two chars late.
        let [_, h1, h2, h3, _] = self.w.chars;
        if c.is_lowercase() && p.is_lowercase() && h1.is_uppercase() {
            if h2.is_uppercase() && h3.is_uppercase() {
                self.cut(self.w.at[1], Cut::Acronym);
            } else if h2.is_ascii_digit() && !h2.is_alphabetic() {
                self.cut(self.w.at[1], Cut::Digit);
            }
        }
        if c.is_uppercase() {
            let h1 = self.w.chars[1];
            // A word glued to an opening bracket or quote and a capital.
            let opens = p == '(' || p == '“' || p == '«' || (p == '"' && self.quotes % 2 == 1);
            if opens && h1.is_alphanumeric() {
                self.cut(p_at, Cut::Bracket);
                if p == '"' {
                    self.quotes = 1;
                }
            }
            // A closing quote glued to a capital.
            let closed = p == '”' || p == '»' || (p == '"' && self.quotes % 2 == 0);
            if closed && h1 != ' ' {
                self.cut(at, Cut::Bracket);
            }
        }
        if is_currency(c) && (p.is_lowercase() || p.is_ascii_digit() || is_stop(p)) {
            self.cut(at, Cut::Currency);
        }
        if is_currency(p) && c.is_uppercase() {
            self.cut(at, Cut::Currency);
        }
        // An amount written with the sign after it: `25 €50 €`.
        if c.is_ascii_digit()
            && is_currency(p)
            && self.w.chars[1] == ' '
            && self.w.chars[2].is_ascii_digit()
        {
            self.cut(at, Cut::Currency);
        }
        // A word glued to a number (`Abo12. März`, `aussi20 janvier`): a word
        // of three or more letters ending lowercase, so `mp3` and `B52` stay whole.
        if c.is_ascii_digit() && p.is_lowercase() && !is_unspaced(p) {
            let word = self.flat.get(self.word_start..at).unwrap_or("");
            if word.chars().take(3).count() >= 3 {
                self.cut(at, Cut::Digit);
            }
        }
        if !c.is_alphanumeric() {
            self.hump_start = at + c.len_utf8();
        }
        self.w.push(c, at);
    }

    /// A stop after an initial (`U.S.`, `J.K.`), a number (`1.5`), or a listed
    /// abbreviation (`Mr.`) does not end a sentence.
    fn is_abbreviation(&self, at: usize, p: char) -> bool {
        if !p.is_alphabetic() {
            return false;
        }
        let word = self.word_before(at);
        let mut chars = word.chars();
        let single = chars.next().is_some() && chars.next().is_none();
        single || self.rules.abbreviations.contains(&word.to_lowercase())
    }
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
    let mut scan = Scan {
        flat,
        rules,
        protected: rules.protected(flat),
        next_protected: 0,
        out: vec![Boundary {
            at: 0,
            cut: Cut::Start,
        }],
        w: Window {
            chars: [' '; 5],
            at: [0; 5],
        },
        hump_start: 0,
        word_start: 0,
        pending_stop: false,
        pending_wide: false,
        quotes: 0,
    };
    for (at, c) in flat.char_indices() {
        scan.step(at, c);
    }
    let mut out = scan.out;
    out.sort_by_key(|b| b.at);
    out.dedup_by_key(|b| b.at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn linear_on_hostile_input() {
        let s = "aAbB.C".repeat(10_000);
        assert!(pieces(&s).len() > 1);
        let one = "x".repeat(100_000);
        assert_eq!(pieces(&one).len(), 1);
    }
}
