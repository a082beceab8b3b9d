//! Date lines: recognise a short segment that states a date and read it as an
//! ISO date (`June 10, 2011 12:00AM EDT` -> `2011-06-10`).
//!
//! Month names come from `lexicons/<lang>/months.txt` (12 lines each, in
//! calendar order, variants on one line), so a language is added as data.

use rustc_hash::FxHashMap;

/// Month names (case-folded) to month numbers 1..=12.
#[derive(Debug, Default)]
pub struct Months {
    names: FxHashMap<String, u8>,
}

impl Months {
    /// Build from the merged `months` word list: every 12 lines are one language.
    pub fn new(lines: &[String]) -> Months {
        let mut names = FxHashMap::default();
        for (i, line) in lines.iter().enumerate() {
            let month = (i % 12) as u8 + 1;
            for name in line.split_whitespace() {
                names.entry(name.to_lowercase()).or_insert(month);
            }
        }
        Months { names }
    }

    fn month(&self, word: &str) -> Option<u8> {
        let w = word.trim_end_matches('.');
        // ASCII words (most) are lowercased on the stack, others allocate.
        let mut buf = [0u8; 16];
        match buf.get_mut(..w.len()) {
            Some(low) if w.is_ascii() => {
                low.copy_from_slice(w.as_bytes());
                low.make_ascii_lowercase();
                let low = std::str::from_utf8(low).ok()?;
                self.names.get(low).copied()
            }
            _ => self.names.get(&w.to_lowercase()).copied(),
        }
    }
}

/// A token of a date candidate: a run of letters or of digits.
#[derive(Debug, Clone, Copy)]
enum Tok<'a> {
    Num(u32, usize),
    Word(&'a str),
}

/// The tokens of `text` but the filler words ([`is_filler`]), in order.
fn tokens(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    // Date lines are short: a dozen tokens without growing.
    let mut out = Vec::with_capacity(16);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        if b.is_ascii_digit() {
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let t = &text[start..i];
            // A year glued to the hour after it (`April 5, 20186:32 PM`: two
            // nodes with no space): five or six digits right before a `:`
            // are a year and an hour.
            if (5..=6).contains(&t.len()) && matches!(bytes.get(i), Some(b':' | b'.')) {
                push_number(&t[..4], &mut out);
                push_number(&t[4..], &mut out);
            } else {
                push_number(t, &mut out);
            }
            continue;
        }
        while let Some(len) = letter_at(text, i) {
            i += len;
        }
        if i > start {
            let w = &text[start..i];
            if !is_filler(w) {
                out.push(Tok::Word(w));
            }
            continue;
        }
        i += text
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8);
    }
    out
}

/// Push the number `t` (ASCII digits) unless it overflows a `u32`.
fn push_number<'t>(t: &'t str, out: &mut Vec<Tok<'t>>) {
    let n = t.bytes().try_fold(0u32, |n, d| {
        n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
    });
    if let Some(n) = n {
        out.push(Tok::Num(n, t.len()));
    }
}

/// The length of the letter at `i` in `text` (a char boundary), if it is one.
fn letter_at(text: &str, i: usize) -> Option<usize> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return b.is_ascii_alphabetic().then_some(1);
    }
    let c = text.get(i..)?.chars().next()?;
    c.is_alphabetic().then(|| c.len_utf8())
}

fn iso(y: u32, m: u8, d: u32) -> Option<String> {
    if !((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)) {
        return None;
    }
    // `YYYY-MM-DD`, digit by digit (`format!` costs about thirty times more).
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let m = u32::from(m);
    let mut out = String::with_capacity(10);
    out.extend([y / 1000, y / 100, y / 10, y].map(digit));
    out.push('-');
    out.extend([m / 10, m].map(digit));
    out.push('-');
    out.extend([d / 10, d].map(digit));
    Some(out)
}

/// Words that may sit between the parts of a date (`10 de junio de 2011`,
/// ordinal suffixes like `10th`).
fn is_filler(w: &str) -> bool {
    // ASCII case-folding is enough: no non-ASCII char lowercases to a letter
    // of these words.
    const FILLERS: [&str; 10] = ["de", "del", "th", "st", "nd", "rd", "er", "of", "den", "le"];
    w.len() <= 3 && FILLERS.iter().any(|f| w.eq_ignore_ascii_case(f))
}

/// The first date stated in `text`, as `YYYY-MM-DD`.
///
/// ```
/// use pith_clean::text::date::{find_date, Months};
/// let m = Months::new(&["January".into(), "February".into(), "March".into(), "April".into(),
///     "May".into(), "June".into(), "July".into(), "August".into(), "September".into(),
///     "October".into(), "November".into(), "December".into()]);
/// assert_eq!(find_date("June 10, 2011 12:00AM EDT", &m).as_deref(), Some("2011-06-10"));
/// assert_eq!(find_date("Published 2020-03-04", &m).as_deref(), Some("2020-03-04"));
/// assert_eq!(find_date("no date here", &m), None);
/// ```
pub fn find_date(text: &str, months: &Months) -> Option<String> {
    if !holds_year(text) {
        return None;
    }
    let toks = tokens(text);
    for (i, t) in toks.iter().enumerate() {
        let next = |k: usize| toks.get(i + k).copied();
        match *t {
            Tok::Word(w) => {
                let Some(m) = months.month(w) else { continue };
                // Month D, YYYY
                if let (Some(Tok::Num(d, _)), Some(Tok::Num(y, 4))) = (next(1), next(2)) {
                    if let Some(s) = iso(y, m, d) {
                        return Some(s);
                    }
                }
                // D Month YYYY
                if let (Some(Tok::Num(d, dl)), Some(Tok::Num(y, 4))) =
                    (i.checked_sub(1).and_then(|j| toks.get(j).copied()), next(1))
                {
                    if dl <= 2 {
                        if let Some(s) = iso(y, m, d) {
                            return Some(s);
                        }
                    }
                }
            }
            Tok::Num(a, al) => {
                let (Some(Tok::Num(b, bl)), Some(Tok::Num(c, cl))) = (next(1), next(2)) else {
                    continue;
                };
                // YYYY-MM-DD
                if al == 4 && bl <= 2 && cl <= 2 {
                    if let Some(s) = iso(a, b as u8, c) {
                        return Some(s);
                    }
                }
                // DD.MM.YYYY
                if al <= 2 && bl <= 2 && cl == 4 && text.contains('.') {
                    if let Some(s) = iso(c, b as u8, a) {
                        return Some(s);
                    }
                }
            }
        }
    }
    None
}

/// True when [`tokens`] reads a four-digit number of 1900 to 2100 in
/// `text`: every form of date [`find_date`] reads has one for its year, so
/// most lines with digits are turned down before they are cut into tokens.
fn holds_year(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        // A run of four digits, or a year glued to the hour after it.
        let year = i - start == 4
            || ((5..=6).contains(&(i - start)) && matches!(b.get(i), Some(b':' | b'.')));
        let value = || {
            b[start..start + 4]
                .iter()
                .fold(0, |n, d| n * 10 + u32::from(d - b'0'))
        };
        if year && (1900..=2100).contains(&value()) {
            return true;
        }
    }
    false
}

/// True when `text` holds a clock time (`6:32`, `20:05`): a digit, a colon,
/// two digits.
///
/// ```
/// use pith_clean::text::date::has_clock;
/// assert!(has_clock("April 5, 20186:32 PM"));
/// assert!(!has_clock("April 5, 2018"));
/// ```
pub fn has_clock(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months() -> Months {
        let en = [
            "January Jan",
            "February Feb",
            "March Mar",
            "April Apr",
            "May",
            "June Jun",
            "July Jul",
            "August Aug",
            "September Sept Sep",
            "October Oct",
            "November Nov",
            "December Dec",
        ];
        let de = [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ];
        let all: Vec<String> = en.iter().chain(de.iter()).map(|s| s.to_string()).collect();
        Months::new(&all)
    }

    #[test]
    fn holds_year_when_the_tokens_hold_one() {
        let by_tokens = |t: &str| {
            tokens(t)
                .iter()
                .any(|k| matches!(k, Tok::Num(y, 4) if (1900..=2100).contains(y)))
        };
        let texts = [
            "June 7, 2011",
            "April 5, 20186:32 PM",
            "April 5, 201806.32",
            "April 5, 2018063:32",
            "1899 and 2101 and 21000",
            "2100",
            "1900x",
            "x12345",
            "３.２０１１ 2011年",
            "٢٠١١ and ２０１１",
            "Call 555-0199 now",
            "10.06.2011",
            "",
            "2011-06-10T12:00",
        ];
        for t in texts {
            assert_eq!(holds_year(t), by_tokens(t), "{t:?}");
        }
    }

    #[test]
    fn iso_dates_read_as_format_writes_them() {
        for y in [1900, 1999, 2000, 2011, 2100] {
            for m in 1..=12 {
                for d in 1..=31 {
                    assert_eq!(iso(y, m, d), Some(format!("{y:04}-{m:02}-{d:02}")));
                }
            }
        }
        assert_eq!(iso(1899, 1, 1), None);
        assert_eq!(iso(2000, 13, 1), None);
        assert_eq!(iso(2000, 1, 32), None);
        let mut toks = Vec::new();
        for t in ["0", "007", "4294967295", "4294967296", "99999999999"] {
            push_number(t, &mut toks);
        }
        let nums: Vec<_> = toks
            .iter()
            .map(|t| match t {
                Tok::Num(n, l) => (*n, *l),
                Tok::Word(_) => (0, 0),
            })
            .collect();
        assert_eq!(nums, [(0, 1), (7, 3), (u32::MAX, 10)]);
    }

    #[test]
    fn reads_common_forms() {
        let m = months();
        for (s, want) in [
            ("June 7, 2011", "2011-06-07"),
            ("JUNE 7, 2011", "2011-06-07"),
            ("10TH JUNE 2015", "2015-06-10"),
            ("3. MÄRZ 2021", "2021-03-03"),
            ("Updated: Sept. 3rd, 2019 at 10am", "2019-09-03"),
            ("10. März 2021", "2021-03-10"),
            ("3 June 2015", "2015-06-03"),
            ("am 24.12.2020", "2020-12-24"),
            ("2011-06-10T00:00", "2011-06-10"),
            ("April 5, 20186:32 PM", "2018-04-05"),
            ("March 9, 201811:05 AM", "2018-03-09"),
            ("Thu 3 Jan 201902.00 EST", "2019-01-03"),
        ] {
            assert_eq!(find_date(s, &m).as_deref(), Some(want), "{s}");
        }
    }

    /// The char-by-char tokenizer [`tokens`] replaced: its definition.
    fn tokens_by_chars(text: &str) -> Vec<Tok<'_>> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut digits = false;
        fn push<'t>(t: &'t str, digits: bool, out: &mut Vec<Tok<'t>>) {
            if !digits {
                out.push(Tok::Word(t));
            } else if let Ok(n) = t.parse::<u32>() {
                out.push(Tok::Num(n, t.len()));
            }
        }
        let glued_hour = |t: &str, end: usize| {
            (5..=6).contains(&t.len()) && text.get(end..).is_some_and(|r| r.starts_with([':', '.']))
        };
        for (i, c) in text.char_indices() {
            let is_digit = c.is_ascii_digit();
            let is_word = c.is_alphabetic();
            if let Some(s) = start {
                if (digits && !is_digit) || (!digits && !is_word) {
                    let t = &text[s..i];
                    if digits && glued_hour(t, i) {
                        push(&t[..4], true, &mut out);
                        push(&t[4..], true, &mut out);
                    } else {
                        push(t, digits, &mut out);
                    }
                    start = None;
                }
            }
            if start.is_none() && (is_digit || is_word) {
                start = Some(i);
                digits = is_digit;
            }
        }
        if let Some(s) = start {
            push(&text[s..], digits, &mut out);
        }
        out.retain(|t| !matches!(t, Tok::Word(w) if is_filler(w)));
        out
    }

    #[test]
    fn tokens_match_the_char_definition() {
        let texts = [
            "",
            "June 10, 2011 12:00AM EDT",
            "10TH JUNE 2015",
            "3. MÄRZ 2021 und 日本語2020年3月4日",
            "April 5, 20186:32 PM and 201811.05",
            "12345678901234 99999999999 x1y2z3",
            "de 10 de junio de 2011, le 3 mars",
            "«14» — 2019/05/06 Ünïcode",
        ];
        let key = |t: &[Tok<'_>]| format!("{t:?}");
        for t in texts {
            assert_eq!(key(&tokens(t)), key(&tokens_by_chars(t)), "{t:?}");
        }
        // Every mix of a few pieces.
        let pieces = [
            "12", "2019", "20186", ":", ".", " ", "Mai", "th", "é", "日", "de", ",",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let t = format!("{a}{b}{c}{a}");
                    assert_eq!(key(&tokens(&t)), key(&tokens_by_chars(&t)), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn rejects_non_dates() {
        let m = months();
        assert_eq!(find_date("May we go 10 times", &m), None);
        assert_eq!(find_date("version 1.2.3", &m), None);
        assert_eq!(find_date("June 45, 2011", &m), None);
    }
}
