//! The per-char scanner that [`super::scan`] replaced, kept as its oracle:
//! every char goes through the Unicode path and the chars around it are
//! decoded afresh. The tests check that the table-driven scan places the
//! same cuts, in the same order, with the same digit names.

use super::{
    is_closing, is_currency, is_stop, is_unspaced, is_wide_closing, is_wide_stop, script, Boundary,
    BoundaryRules, Cut, Script, BORING,
};
use crate::text::camel::Guard;
use crate::text::swar;
use crate::text::weights::{BRACKET_MAX_CHARS, BRACKET_MAX_WORDS};

/// The number of [`BORING`] bytes `bytes` starts with, eight bytes at a time.
fn boring_run(bytes: &[u8]) -> usize {
    swar::run(bytes, swar::lowercase_or_space, |b| BORING[b as usize])
}

/// True when `word` (without its dot) is a listed abbreviation, in any case:
/// the set lookup alone, with no prefilter.
fn listed(rules: &BoundaryRules, word: &str) -> bool {
    rules.abbreviations.contains(&word.to_lowercase())
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
            _ => listed(self.rules, word),
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

/// The cuts of `flat` in the order they were found, and the digit names.
pub(super) fn scan(flat: &str, rules: &BoundaryRules) -> (Vec<Boundary>, Vec<(usize, usize)>) {
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
    (scan.out, scan.digit_names)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::BoundaryRules;

    fn rules() -> BoundaryRules {
        let camel = [
            "LinkedIn", "WhatsApp", "iPhone", "JPMorgan", "McDonald", "eBay", "O'Brien",
        ];
        let abbreviations = ["Mr", "Dr", "St", "No", "approx", "févr", "déc", "İst"];
        BoundaryRules::new(&camel.map(String::from), &abbreviations.map(String::from))
    }

    /// Chars of every class the rules tell apart: cases, digits, stops,
    /// quotes, brackets, currency signs, scripts, wide stops, marks.
    const CHARS: &[char] = &[
        'a', 'c', 'x', 'M', 'B', 'Z', ' ', '1', '0', '.', '!', '?', '…', ',', '-', '"', '\'', '(',
        ')', '[', ']', '$', '€', '“', '”', '‘', '’', '«', '»', '¿', 'é', 'É', 'ß', 'ж', 'Ж', 'α',
        'ا', 'ש', '中', 'の', 'ア', '한', 'ก', '。', '！', '」', '「', '（', '）', '\n', 'İ', '²',
        '٣', 'ǅ', '\u{301}', 'ǈ', '─', '一', '鿿', '䷿', '㐀', 'ꀀ', '𝐀', '😀',
    ];

    /// Pieces for longer texts: the chars above and words some rule names.
    const WORDS: &[&str] = &[
        "LinkedIn",
        "iPhone",
        "McCain",
        "Mc",
        "Mr",
        "U.S.",
        "today",
        "Abo",
        "mp3",
        "1Password",
        "EDT",
        "the ",
        "  ",
        "März",
        "(español)",
        "avg(n)",
        "(27)",
        "eBay",
        "O'Brien",
        "No",
        "approx",
        "févr",
        "İSTANBUL",
        "日本語",
        "Русский",
        "العربية",
        "12:00",
        " 25 €",
        "in the middle of a long lowercase run of words ",
        "中文的一个人",
        "の中文",
        "2011",
        "world.",
        "25",
        "abc",
    ];

    fn same(flat: &str, rules: &BoundaryRules) {
        assert_eq!(
            super::scan(flat, rules),
            super::super::scan(flat, rules),
            "{flat:?}"
        );
    }

    /// Every three chars of [`CHARS`], alone and after contexts that leave
    /// a stop, an odd quote count or a word pending.
    #[test]
    fn every_three_chars_in_context() {
        let rules = rules();
        let mut flat = String::new();
        for &x in CHARS {
            for &y in CHARS {
                for &z in CHARS {
                    for context in ["Ab", "he said \"no.", "中。"] {
                        flat.clear();
                        flat.push_str(context);
                        flat.extend([x, y, z, 'x', 'y']);
                        same(&flat, &rules);
                    }
                }
            }
        }
    }

    /// Words of every length up to past the 16-byte limit, after chars
    /// that end them or not, before a stop, a digit or a capital.
    #[test]
    fn words_before_stops_and_digits() {
        let rules = rules();
        for n in 0..24 {
            for before in ["", " ", "é", "É", "’", "中", "1", "Mr", "x."] {
                for after in [".", "5", "X", ".Y", "1Y"] {
                    let word: String = "abcdefghijklmnopqrstuvwxyz".chars().take(n).collect();
                    same(&format!("{before}{word}{after}"), &rules);
                    same(&format!("{before}{}{after}", word.to_uppercase()), &rules);
                    same(&format!("Start. {before}{word}{after} end"), &rules);
                }
            }
        }
    }

    /// Stops after abbreviations, initials and words, followed directly by
    /// what may start a sentence or extend the stop.
    #[test]
    fn stops_after_abbreviations() {
        let rules = rules();
        for word in [
            "Mr", "mr", "No", "approx", "U", "x", "Abo", "today", "févr", "U.S", "",
        ] {
            for stop in [".", "!", "?", "…", "。"] {
                for after in [
                    "Smith", "5", "(a", "\"Q", "..Q", ".'Q", "’s", " X", "”X", "éa", "中",
                ] {
                    same(&format!("{word}{stop}{after}"), &rules);
                    same(&format!("say {word}{stop}{after} more"), &rules);
                }
            }
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(CHARS).prop_map(String::from),
            proptest::sample::select(WORDS).prop_map(String::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// Mixed-script texts of up to a few hundred bytes (so chars cross
        /// the eight-byte words the scan reads).
        #[test]
        fn mixed_texts(pieces in proptest::collection::vec(piece(), 0..48)) {
            same(&pieces.concat(), &rules());
        }
    }
}
