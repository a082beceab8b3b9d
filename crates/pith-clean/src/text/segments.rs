//! Segments: the pieces of flat text between two recovered boundaries, with the
//! shape features the later stages decide on.

use super::boundary::{is_unspaced, Boundary, Cut};

/// One piece of flat text between two boundaries.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Byte range in the flat text, whitespace trimmed.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// The rule of the boundary before it.
    pub cut: Cut,
    /// Its shape.
    pub shape: Features,
}

/// Shape features of a segment, counted in one pass over its chars.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Chars (trimmed).
    pub chars: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// Words that start with an uppercase letter.
    pub capital_words: usize,
    /// Words that start with a lowercase letter.
    pub lower_words: usize,
    /// Chars of scripts written without spaces (CJK, Thai).
    pub unspaced: usize,
    /// Sentence stops anywhere in the text (`.`, `!`, `?`, `。`, ...).
    pub stops: usize,
    /// The text ends with a stop (closing quotes and brackets aside).
    pub ends_with_stop: bool,
    /// Letters.
    pub letters: usize,
    /// Currency signs.
    pub currency: usize,
    /// Digits.
    pub digits: usize,
    /// Item separators (`|`, `｜`, `·`, `•`, `▪`, `■`, `›`): menus and
    /// breadcrumbs glued with them.
    pub separators: usize,
    /// The text starts with a lowercase letter: it continues a sentence.
    pub starts_lower: bool,
    /// The text ends mid-sentence: on a lowercase word (`the`, `and`) or on
    /// `,` `;` `:` `(`. A piece of prose cut at an inline link, not a menu item.
    pub open_end: bool,
}

/// Where [`Features::of`] is in its text: inside a word or not, the last
/// char that counts for the ending, and whether the last word began lowercase.
struct Reading {
    in_word: bool,
    last: char,
    last_word_lower: bool,
}

impl Reading {
    fn new() -> Reading {
        Reading {
            in_word: false,
            last: ' ',
            last_word_lower: false,
        }
    }

    /// Read one char with the Unicode tables (the general path; ASCII has a
    /// table-driven one in [`Features::of`]).
    fn char(&mut self, f: &mut Features, c: char) {
        f.chars += 1;
        if c.is_whitespace() {
            self.in_word = false;
            return;
        }
        if !self.in_word {
            self.last_word_lower = c.is_lowercase();
            if f.words == 0 {
                f.starts_lower = self.last_word_lower;
            }
        }
        f.count(c, self.in_word);
        self.in_word = true;
        if !is_closing(c) {
            self.last = c;
        }
    }

    /// Set the features that depend on how the text ends.
    fn finish(&self, f: &mut Features) {
        f.ends_with_stop = is_stop(self.last);
        f.open_end = matches!(self.last, ',' | ';' | ':' | '(' | '-' | '–')
            || (self.last_word_lower && self.last.is_alphabetic());
    }
}

impl Reading {
    /// Read eight ASCII bytes at once: the counters add the bytes each
    /// class marks (SWAR), and only digits and marks go through
    /// [`ASCII_CLASS`] one by one.
    #[inline]
    fn ascii_word(&mut self, f: &mut Features, w: u64) {
        use super::swar::{ascii_at_most, ascii_letter, ascii_space, count};
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // With no control byte, the bytes up to a space are spaces.
        let space = if ascii_at_most(w, 0x1F) == 0 {
            ascii_at_most(w, b' ')
        } else {
            ascii_space(w)
        };
        let letter = ascii_letter(w);
        let solid = !space & HIGH;
        let starts = solid & ((space << 8) | u64::from(!self.in_word) << 7);
        f.chars += 8;
        f.letters += count(letter);
        if starts != 0 {
            // A letter is lowercase when its 0x20 bit is set.
            let lower = letter & (w << 2);
            if f.words == 0 {
                f.starts_lower = lower & (1 << starts.trailing_zeros()) != 0;
            }
            f.words += count(starts);
            f.capital_words += count(starts & letter & !lower);
            f.lower_words += count(starts & lower);
            self.last_word_lower = lower & (1 << (63 - starts.leading_zeros())) != 0;
        }
        let mut other = solid & !letter;
        let mut closing = 0;
        while other != 0 {
            let at = other.trailing_zeros() - 7;
            let k = ASCII_CLASS[((w >> at) & 0x7F) as usize];
            if k & CLOSING != 0 {
                closing |= other & other.wrapping_neg();
            }
            other &= other - 1;
            if k & COUNTED != 0 {
                f.count_ascii(k);
            }
        }
        let ending = solid & !closing;
        if ending != 0 {
            self.last = char::from((w >> (56 - ending.leading_zeros())) as u8 & 0x7F);
        }
        self.in_word = solid >> 63 != 0;
    }

    /// Read one ASCII byte through [`ASCII_CLASS`].
    fn ascii_byte(&mut self, f: &mut Features, b: u8) {
        let k = ASCII_CLASS[usize::from(b)];
        f.chars += 1;
        if k & SPACE != 0 {
            self.in_word = false;
            return;
        }
        if !self.in_word {
            self.in_word = true;
            self.last_word_lower = k & LOWER != 0;
            if f.words == 0 {
                f.starts_lower = self.last_word_lower;
            }
            f.words += 1;
            f.capital_words += usize::from(k & UPPER != 0);
            f.lower_words += usize::from(k & LOWER != 0);
        }
        if k & CLOSING == 0 {
            self.last = char::from(b);
        }
        if k & COUNTED != 0 {
            f.count_ascii(k);
        }
    }

    /// Read a letter of a CJK or kana block: what [`Reading::char`] does
    /// for it, without the Unicode tables (no case, a letter, unspaced).
    fn cjk_letter(&mut self, f: &mut Features, c: char) {
        f.chars += 1;
        if !self.in_word {
            self.last_word_lower = false;
            if f.words == 0 {
                f.starts_lower = false;
            }
            f.words += 1;
        }
        f.letters += 1;
        f.unspaced += 1;
        self.in_word = true;
        self.last = c;
    }
}

impl Reading {
    /// Read a mark of the General Punctuation block that is no space
    /// (dashes, curly quotes, bullets, ellipsis) or of the box drawing and
    /// geometric shapes blocks: what [`Reading::char`] does for it,
    /// without the Unicode tables (no case, no letter).
    fn punctuation(&mut self, f: &mut Features, c: char) {
        f.chars += 1;
        if !self.in_word {
            self.last_word_lower = false;
            if f.words == 0 {
                f.starts_lower = false;
            }
            f.words += 1;
        }
        match c {
            '•' | '›' | '▪' | '■' => f.separators += 1,
            '…' => f.stops += 1,
            _ => {}
        }
        self.in_word = true;
        if !is_closing(c) {
            self.last = c;
        }
    }
}

/// Marks of the General Punctuation block that are no space, box
/// drawings and geometric shapes: caseless, not alphabetic.
fn is_punctuation_mark(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{2500}'..='\u{25FF}')
}

/// Letters of CJK and kana blocks: caseless, alphabetic, unspaced.
fn is_cjk_letter(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}')
}

impl Features {
    /// Count the features of `text`: ASCII eight bytes at a time, the
    /// Unicode tables only for other chars.
    pub fn of(text: &str) -> Features {
        let mut f = Features::default();
        let mut r = Reading::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if let Some(w) = super::swar::word_at(bytes, i) {
                if w & 0x8080_8080_8080_8080 == 0 {
                    r.ascii_word(&mut f, w);
                    i += 8;
                    continue;
                }
            }
            if b.is_ascii() {
                r.ascii_byte(&mut f, b);
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            if is_cjk_letter(c) {
                r.cjk_letter(&mut f, c);
            } else if is_punctuation_mark(c) {
                r.punctuation(&mut f, c);
            } else {
                r.char(&mut f, c);
            }
        }
        r.finish(&mut f);
        f
    }

    /// Count one ASCII char of class `k` in the letter, digit, currency,
    /// separator and stop counters.
    #[inline]
    fn count_ascii(&mut self, k: u8) {
        if k & (LOWER | UPPER) != 0 {
            self.letters += 1;
        } else if k & DIGIT != 0 {
            self.digits += 1;
        } else if k & CURRENCY != 0 {
            self.currency += 1;
        } else if k & SEPARATOR != 0 {
            self.separators += 1;
        } else if k & STOP != 0 {
            self.stops += 1;
        }
    }

    /// Count one non-space char; `in_word` when it does not start a word.
    #[inline]
    fn count(&mut self, c: char, in_word: bool) {
        if !in_word {
            self.words += 1;
            if c.is_uppercase() {
                self.capital_words += 1;
            } else if c.is_lowercase() {
                self.lower_words += 1;
            }
        }
        if c.is_ascii_alphabetic() {
            self.letters += 1;
        } else if c.is_ascii_digit() {
            self.digits += 1;
        } else if c.is_ascii() {
            match c {
                '$' => self.currency += 1,
                '|' => self.separators += 1,
                '.' | '!' | '?' => self.stops += 1,
                _ => {}
            }
        } else if c.is_alphabetic() {
            self.letters += 1;
            if is_unspaced(c) {
                self.unspaced += 1;
            }
        } else {
            match c {
                '€' | '£' | '¥' | '₹' | '₽' => self.currency += 1,
                '｜' | '·' | '•' | '▪' | '■' | '›' => self.separators += 1,
                '。' | '！' | '？' | '…' | '؟' | '।' => self.stops += 1,
                _ => {}
            }
        }
    }

    /// Share of words starting with a capital (0 when there are no words).
    pub fn capital_share(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.capital_words as f32 / self.words as f32
        }
    }
}

/// ASCII byte classes for [`Features::of`]: bits of [`ASCII_CLASS`].
const SPACE: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 4;
const DIGIT: u8 = 8;
const CURRENCY: u8 = 16;
const SEPARATOR: u8 = 32;
const STOP: u8 = 64;
/// The classes that feed a counter.
const COUNTED: u8 = LOWER | UPPER | DIGIT | CURRENCY | SEPARATOR | STOP;
/// Closing quotes and brackets: a text ending on them ends on the char before.
const CLOSING: u8 = 128;

/// The class bits of each ASCII byte (`char::is_whitespace` for spaces).
const fn ascii_class_table() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            SPACE
        } else {
            match c {
                b'$' => CURRENCY,
                b'|' => SEPARATOR,
                b'.' | b'!' | b'?' => STOP,
                b'"' | b'\'' | b')' | b']' => CLOSING,
                _ => 0,
            }
        };
        b += 1;
    }
    t
}

static ASCII_CLASS: [u8; 128] = ascii_class_table();

/// Closing quotes and brackets: a text ending on them ends on the char
/// before.
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '…' | '؟' | '।')
}

/// Cut `flat` at `boundaries` (sorted, first at 0) into trimmed, non-empty segments.
pub fn split(flat: &str, boundaries: &[Boundary]) -> Vec<Segment> {
    let mut out = Vec::with_capacity(boundaries.len());
    for (i, b) in boundaries.iter().enumerate() {
        let end = boundaries.get(i + 1).map_or(flat.len(), |n| n.at);
        let Some(raw) = flat.get(b.at..end) else {
            continue;
        };
        let lead = raw.len() - raw.trim_start().len();
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        out.push(Segment {
            start: b.at + lead,
            end: b.at + lead + text.len(),
            cut: b.cut,
            shape: Features::of(text),
        });
    }
    out
}

/// Pieces glued into one flat text with a segment each (cut by case), for tests.
#[cfg(test)]
pub(crate) fn glued<'p>(pieces: impl IntoIterator<Item = &'p str>) -> (String, Vec<Segment>) {
    let mut flat = String::new();
    let mut segs = Vec::new();
    for p in pieces {
        let start = flat.len();
        flat.push_str(p);
        segs.push(Segment {
            start,
            end: flat.len(),
            cut: Cut::Case,
            shape: Features::of(p),
        });
    }
    (flat, segs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_shape() {
        let f = Features::of("The Moldavian government said today.\"");
        assert_eq!(f.words, 5);
        assert_eq!(f.capital_words, 2);
        assert!(f.ends_with_stop);
        let m = Features::of("Shop▪Jobs▪Dining▪Travel");
        assert_eq!(m.separators, 3);
        assert!(!super::super::classify::is_sentence(&m));
        let g = Features::of("$1000");
        assert_eq!((g.currency, g.digits, g.letters), (1, 4, 0));
    }

    /// The per-char definition the table-driven [`Features::of`] must match:
    /// every char, ASCII too, through the Unicode path.
    fn of_by_chars(text: &str) -> Features {
        let mut f = Features::default();
        let mut r = Reading::new();
        for c in text.chars() {
            r.char(&mut f, c);
        }
        r.finish(&mut f);
        f
    }

    #[test]
    fn eight_byte_reading_matches_char_definition() {
        // Every ASCII byte and some other chars, at every offset of a word
        // and across words, in texts of every length up to 40 bytes.
        let mut pieces: Vec<String> = (0..0x80u8).map(|b| char::from(b).to_string()).collect();
        pieces.extend(
            [
                "é", "Ü", "日", "本", "カ", "ぁ", "。", "’", "”", "»", "€", "·", "｜", "\u{a0}",
                "—", "•", "…", "‘", "“", "›", "\u{2009}", "▪", "■", "│",
            ]
            .map(String::from),
        );
        pieces.extend(["the ", "Ferry ", "a", "b", "Z", " ", "  ", "\n"].map(String::from));
        let mut next = crate::text::xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let mut t = String::new();
            let len = next(40);
            while t.len() < len {
                // Mostly words and spaces, as prose is.
                let p = if next(3) == 0 {
                    &pieces[next(pieces.len())]
                } else {
                    &pieces[pieces.len() - 8 + next(8)]
                };
                t.push_str(p);
            }
            assert_eq!(Features::of(&t), of_by_chars(&t), "{t:?}");
        }
    }

    #[test]
    fn cjk_letters_read_as_the_char_definition_does() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_cjk_letter(c))
        {
            for t in [format!("{c}"), format!("a {c}"), format!("{c}{c} x")] {
                assert_eq!(Features::of(&t), of_by_chars(&t), "{t:?}");
            }
        }
    }

    #[test]
    fn punctuation_marks_read_as_the_char_definition_does() {
        for c in (0x2000..=0x25FF)
            .filter_map(char::from_u32)
            .filter(|&c| is_punctuation_mark(c))
        {
            assert!(!c.is_whitespace() && !c.is_alphabetic(), "{c:?}");
            for t in [
                format!("{c}"),
                format!("a {c}"),
                format!("x{c}{c} y"),
                format!("end{c}"),
            ] {
                assert_eq!(Features::of(&t), of_by_chars(&t), "{t:?}");
            }
        }
    }

    #[test]
    fn table_matches_char_definition() {
        let texts = [
            "",
            "the end",
            "Share this | Tweet · Email",
            "He said \"no.\" Then left)",
            "iPhone 15 costs $999! Really?",
            "tab\tnew\nline\r\x0b\x0cform\x1c\x7f end,",
            "Ünïcode Wörter und 日本語の文。€5 £3",
            "mid-sentence and",
            "ABC def GHI 123abc x",
            "« Citation » — fin…",
        ];
        for t in texts {
            assert_eq!(Features::of(t), of_by_chars(t), "{t:?}");
        }
        let f = Features::of("iPhone 15 costs $999! Really?");
        assert_eq!(Features::of(texts[4]), of_by_chars(texts[4]));
        assert_eq!((f.words, f.lower_words, f.capital_words), (5, 2, 1));
        assert_eq!((f.letters, f.digits, f.stops, f.currency), (17, 5, 2, 1));
        assert!(f.starts_lower && f.ends_with_stop && !f.open_end);
    }
}
