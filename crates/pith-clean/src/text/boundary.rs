//! Boundary recovery: find where one text node ended and the next began in text
//! that a naive scraper glued together with no separator.
//!
//! One pass that jumps over ASCII lowercase letters and spaces (most of any
//! text) and, at every other char, looks at most three chars back and two
//! ahead, so the scan is linear on any input (a 100 MB line included).
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

use super::camel::{CamelWords, Guard};
use super::weights::{BRACKET_MAX_CHARS, BRACKET_MAX_WORDS, DIGIT_NAME_MIN_REPEATS};

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
}

impl BoundaryRules {
    /// Compile the rules from camel-case words and abbreviations (without the dot).
    pub fn new(camel_words: &[String], abbreviations: &[String]) -> BoundaryRules {
        BoundaryRules {
            camel: CamelWords::new(camel_words),
            abbreviations: abbreviations
                .iter()
                .map(|a| a.trim_end_matches('.').to_lowercase())
                .collect(),
        }
    }
}

impl BoundaryRules {
    /// True when `word` (without its dot) is a listed abbreviation, in any
    /// case; ASCII words (most) are lowercased on the stack.
    fn is_abbreviation(&self, word: &str) -> bool {
        let mut buf = [0u8; 16];
        match buf.get_mut(..word.len()) {
            Some(low) if word.is_ascii() => {
                low.copy_from_slice(word.as_bytes());
                low.make_ascii_lowercase();
                std::str::from_utf8(low).is_ok_and(|w| self.abbreviations.contains(w))
            }
            _ => self.abbreviations.contains(&word.to_lowercase()),
        }
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

/// Bytes that never change the scanner's state on their own: ASCII lowercase
/// letters and spaces, most of any text. The scan jumps over them.
const fn boring_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = b'a';
    while b <= b'z' {
        t[b as usize] = true;
        b += 1;
    }
    t[b' ' as usize] = true;
    t
}

static BORING: [bool; 256] = boring_table();

/// The number of [`BORING`] bytes `bytes` starts with, eight bytes at a time.
fn boring_run(bytes: &[u8]) -> usize {
    super::swar::run(bytes, super::swar::lowercase_or_space, |b| {
        BORING[b as usize]
    })
}

/// Scanner state carried between interesting chars.
struct Scan<'a> {
    flat: &'a str,
    rules: &'a BoundaryRules,
    /// Camel-case words: no cut inside one.
    camel: Guard<'a>,
    out: Vec<Boundary>,
    /// Cuts between one digit and a capitalised word (`1Password`): the
    /// digit's offset and the cut's index in `out`.
    digit_names: Vec<(usize, usize)>,
    /// Offset just after a sentence stop (and any closing marks after it):
    /// a new node may start exactly there.
    stop_end: Option<usize>,
    /// Offset just after a full-width stop (and closing brackets).
    wide_end: Option<usize>,
    /// Straight double quotes seen since the last boundary (parity decides
    /// whether a `"` after a stop closes a quote or opens the next node).
    quotes: u32,
}

impl Scan<'_> {
    fn cut(&mut self, at: usize, cut: Cut) {
        if at == 0 || self.camel.covers(at) {
            return;
        }
        self.out.push(Boundary { at, cut });
        self.quotes = 0;
    }

    /// Up to `N` chars before `at`, nearest first (`' '` past the start).
    fn back<const N: usize>(&self, at: usize) -> [(char, usize); N] {
        let mut out = [(' ', 0); N];
        // ASCII before `at` (most text): the bytes are the chars.
        let bytes = self.flat.as_bytes();
        if let Some(before) = at.checked_sub(N).and_then(|from| bytes.get(from..at)) {
            if before.is_ascii() {
                for (k, slot) in out.iter_mut().enumerate() {
                    *slot = (before[N - 1 - k] as char, at - 1 - k);
                }
                return out;
            }
        }
        let mut it = self.flat.get(..at).unwrap_or("").char_indices().rev();
        for slot in &mut out {
            match it.next() {
                Some((i, c)) => *slot = (c, i),
                None => break,
            }
        }
        out
    }

    /// Up to `N` chars from `at` on (`' '` past the end).
    fn ahead<const N: usize>(&self, at: usize) -> [char; N] {
        let mut out = [' '; N];
        // ASCII from `at` on (most text): the bytes are the chars.
        if let Some(next) = self.flat.as_bytes().get(at..at + N) {
            if next.is_ascii() {
                for (slot, &b) in out.iter_mut().zip(next) {
                    *slot = b as char;
                }
                return out;
            }
        }
        let mut it = self.flat.get(at..).unwrap_or("").chars();
        for slot in &mut out {
            match it.next() {
                Some(c) => *slot = c,
                None => break,
            }
        }
        out
    }

    /// The letters just before `at`, at most 16 bytes back.
    fn word_before(&self, at: usize) -> &str {
        let head = self.flat.get(..at).unwrap_or("");
        let start = head
            .char_indices()
            .rev()
            .take_while(|(i, c)| c.is_alphabetic() && at - i <= 16)
            .last()
            .map_or(at, |(i, _)| i);
        head.get(start..).unwrap_or("")
    }

    /// A stop after an initial (`U.S.`, `J.K.`) or a listed abbreviation
    /// (`Mr.`) does not end a sentence.
    fn is_abbreviation(&self, at: usize) -> bool {
        let word = self.word_before(at);
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (None, _) => false,
            (Some(_), None) => true,
            _ => self.rules.is_abbreviation(word),
        }
    }

    /// One interesting char `c` at `at`, with the char before it `p`.
    fn step(&mut self, at: usize, c: char) {
        let [(p, p_at), (h1, _), (h2, _)] = self.back::<3>(at);
        let end = at + c.len_utf8();
        self.after_stop(at, c, p, h1);
        self.after_wide_stop(at, c);
        if c == '"' {
            self.quotes += 1;
        }
        if is_stop(c) && self.stop_end.is_none() && !self.is_abbreviation(at) {
            self.stop_end = Some(end);
        }
        if is_wide_stop(c) {
            self.wide_end = Some(end);
        }
        if c.is_uppercase() {
            self.before_capital(at, c, (p, p_at), h1, h2);
        }
        if c.is_alphabetic() && (!c.is_ascii() || !p.is_ascii()) {
            self.script_change(at, c, p);
        }
        if is_currency(c) && (p.is_lowercase() || p.is_ascii_digit() || is_stop(p)) {
            self.cut(at, Cut::Currency);
        }
        if c.is_ascii_digit() {
            // An amount written with the sign after it: `25 €50 €`.
            if is_currency(p) && h1 == ' ' && h2.is_ascii_digit() {
                self.cut(at, Cut::Currency);
            }
            // A word glued to a number (`Abo12. März`, `aussi20 janvier`): a
            // word of three or more letters ending lowercase, so `mp3` and
            // `B52` stay whole.
            if p.is_lowercase() && !is_unspaced(p) && self.word_before(at).chars().nth(2).is_some()
            {
                self.cut(at, Cut::Digit);
            }
        }
    }

    /// Resolve a pending sentence stop: does a new node start at `at`?
    fn after_stop(&mut self, at: usize, c: char, p: char, h1: char) {
        let Some(stop_end) = self.stop_end else {
            return;
        };
        if stop_end != at {
            self.stop_end = None; // something boring came between
            return;
        }
        let closes_quote = c == '"' && self.quotes % 2 == 1;
        if closes_quote || is_closing(c) || is_stop(c) {
            self.stop_end = Some(at + c.len_utf8());
            return;
        }
        self.stop_end = None;
        // A stop right after a word, then digits: `world.$50`, `monde.25 €`.
        let amount = c.is_ascii_digit() && is_stop(p) && h1.is_alphabetic();
        let opens = amount
            || c.is_uppercase()
            || (c.is_alphabetic() && !c.is_lowercase() && script(c) != Script::Latin)
            || matches!(c, '"' | '“' | '‘' | '«' | '(' | '[' | '¿' | '¡');
        if opens {
            self.cut(at, Cut::Sentence);
        }
    }

    fn after_wide_stop(&mut self, at: usize, c: char) {
        let Some(wide_end) = self.wide_end else {
            return;
        };
        if wide_end != at {
            self.wide_end = None;
            return;
        }
        if is_wide_closing(c) || is_wide_stop(c) {
            self.wide_end = Some(at + c.len_utf8());
            return;
        }
        self.wide_end = None;
        if c.is_alphanumeric() || matches!(c, '「' | '『' | '“' | '（' | '【') {
            self.cut(at, Cut::Stop);
        }
    }

    /// The rules that fire at a capital letter.
    fn before_capital(&mut self, at: usize, c: char, (p, p_at): (char, usize), h1: char, h2: char) {
        if p.is_lowercase() {
            // The hump before: `iPhone`, `eBay` (one letter) and `McCain` stay whole.
            let prefix = !h1.is_alphanumeric() || (h1 == 'M' && p == 'c' && !h2.is_alphabetic());
            if !prefix && (script(p) == script(c) || !is_unspaced(p)) {
                self.cut(at, Cut::Case);
            }
        }
        let [n1, n2] = self.ahead::<2>(at + c.len_utf8());
        if n1.is_lowercase() && n2.is_lowercase() {
            if p.is_uppercase() && h1.is_uppercase() {
                self.cut(at, Cut::Acronym); // `EDTKazakhstan`
            } else if p.is_ascii_digit() {
                self.cut(at, Cut::Digit); // `2011News`
                if !h1.is_ascii_digit() {
                    // `Case 1Test`, or a name (`1Password`): the page decides.
                    self.digit_names.push((p_at, self.out.len() - 1));
                }
            }
        }
        // A word glued to an opening bracket or quote and a capital.
        let opens = p == '(' || p == '“' || p == '«' || (p == '"' && self.quotes % 2 == 1);
        if opens && h1.is_alphanumeric() {
            self.cut(p_at, Cut::Bracket);
            if p == '"' {
                self.quotes = 1;
            }
        }
        // A closing quote glued to a capital.
        let closed = p == '”'
            || p == '»'
            || (p == ')' && self.short_brackets(p_at))
            || (p == '"' && self.quotes % 2 == 0);
        if closed && h1 != ' ' {
            self.cut(at, Cut::Bracket);
        }
        if is_currency(p) {
            self.cut(at, Cut::Currency);
        }
    }

    /// True when the `)` at `close` ends a bracket of at most
    /// [`BRACKET_MAX_WORDS`] words (`(español)`, `(27)`): a label's tail, as
    /// in a language menu or a comment count. A longer bracket glued to a
    /// capital is a photo credit inside a caption, and a bracket glued to a
    /// word (`avg(n)FROM`) is code unless it holds a count: both left whole.
    fn short_brackets(&self, close: usize) -> bool {
        let head = self.flat.get(..close).unwrap_or("");
        let Some(open) = head
            .char_indices()
            .rev()
            .take(BRACKET_MAX_CHARS)
            .find(|(_, c)| *c == '(')
        else {
            return false;
        };
        let inside = head.get(open.0 + 1..).unwrap_or("");
        // `avg(n)FROM` is code: a call glued to its name holds no count.
        let glued = head
            .get(..open.0)
            .and_then(|h| h.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        let count = !inside.is_empty() && inside.bytes().all(|b| b.is_ascii_digit());
        !inside.trim().is_empty()
            && inside.split_whitespace().count() <= BRACKET_MAX_WORDS
            && (!glued || count)
    }

    /// A change of script between two letters, on either side of `c`.
    fn script_change(&mut self, at: usize, c: char, p: char) {
        let differs = |a: char, b: char| {
            let (sa, sb) = (script(a), script(b));
            // Latin words sit inside CJK and Thai prose ("使用Python进行"):
            // only other script changes mark a node boundary.
            let embedded =
                (sa == Script::Latin && is_unspaced(b)) || (sb == Script::Latin && is_unspaced(a));
            sa != sb && sa != Script::Other && sb != Script::Other && !embedded
        };
        if p.is_alphabetic() && differs(p, c) {
            self.cut(at, Cut::Script);
        }
        let end = at + c.len_utf8();
        let [n] = self.ahead::<1>(end);
        if !c.is_ascii() && n.is_ascii_lowercase() && differs(c, n) {
            self.cut(end, Cut::Script);
        }
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
        camel: rules.camel.guard(flat),
        out: vec![Boundary {
            at: 0,
            cut: Cut::Start,
        }],
        stop_end: None,
        wide_end: None,
        quotes: 0,
        digit_names: Vec::new(),
    };
    let bytes = flat.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if BORING[bytes[at] as usize] {
            at += 1 + boring_run(&bytes[at + 1..]);
            continue;
        }
        let Some(c) = flat.get(at..).and_then(|t| t.chars().next()) else {
            at += 1;
            continue;
        };
        scan.step(at, c);
        at += c.len_utf8();
    }
    let mut out = scan.out;
    keep_digit_names(flat, &scan.digit_names, &mut out);
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
mod tests {
    use super::*;

    #[test]
    fn boring_runs_stop_at_the_first_interesting_byte() {
        assert_eq!(boring_run(b""), 0);
        assert_eq!(boring_run(b"the end of it all.X"), 17);
        assert_eq!(boring_run(b"ab Cd"), 3);
        assert_eq!(boring_run("abc defgé".as_bytes()), 8);
        // The eight-at-a-time scan tests what the table says.
        for b in 0..=255u8 {
            assert_eq!(
                BORING[b as usize],
                b.is_ascii_lowercase() || b == b' ',
                "{b}"
            );
        }
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
