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
        if !matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»') {
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

impl Features {
    /// Count the features of `text`: a byte-class table for ASCII, the
    /// Unicode tables only for other chars.
    pub fn of(text: &str) -> Features {
        let mut f = Features::default();
        let mut r = Reading::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                i += 1;
                let k = ASCII_CLASS[b as usize];
                f.chars += 1;
                if k & SPACE != 0 {
                    r.in_word = false;
                    continue;
                }
                if !r.in_word {
                    r.in_word = true;
                    r.last_word_lower = k & LOWER != 0;
                    if f.words == 0 {
                        f.starts_lower = r.last_word_lower;
                    }
                    f.words += 1;
                    f.capital_words += usize::from(k & UPPER != 0);
                    f.lower_words += usize::from(k & LOWER != 0);
                }
                if k & KEEPS_LAST == 0 {
                    r.last = b as char;
                }
                if k & COUNTED != 0 {
                    f.count_ascii(k);
                }
                // Inside a word, a run of ASCII letters at once.
                let run = letter_run(&bytes[i..]);
                if run > 0 {
                    f.chars += run;
                    f.letters += run;
                    r.last = bytes[i + run - 1] as char;
                    i += run;
                }
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            r.char(&mut f, c);
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

/// The number of ASCII letters `bytes` starts with, eight bytes at a time.
fn letter_run(bytes: &[u8]) -> usize {
    super::swar::run(bytes, super::swar::ascii_letter, |b| {
        b.is_ascii_alphabetic()
    })
}

/// ASCII byte classes for [`Features::of`]: bits of [`ASCII_CLASS`].
const SPACE: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 4;
const DIGIT: u8 = 8;
const CURRENCY: u8 = 16;
const SEPARATOR: u8 = 32;
const STOP: u8 = 64;
/// Closing quotes and brackets: a text ending on them ends on the char before.
const KEEPS_LAST: u8 = 128;
/// The classes that feed a counter.
const COUNTED: u8 = LOWER | UPPER | DIGIT | CURRENCY | SEPARATOR | STOP;

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
                b'"' | b'\'' | b')' | b']' => KEEPS_LAST,
                _ => 0,
            }
        };
        b += 1;
    }
    t
}

static ASCII_CLASS: [u8; 128] = ascii_class_table();

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
    fn letter_runs_stop_at_the_first_non_letter() {
        assert_eq!(letter_run(b""), 0);
        assert_eq!(letter_run(b"abc def"), 3);
        assert_eq!(letter_run(b"AbCdEfGhIjKlMnOp"), 16);
        assert_eq!(letter_run(b"abcdefghij1"), 10);
        assert_eq!(letter_run("abcdefgé".as_bytes()), 7);
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
        assert_eq!((f.words, f.lower_words, f.capital_words), (5, 2, 1));
        assert_eq!((f.letters, f.digits, f.stops, f.currency), (17, 5, 2, 1));
        assert!(f.starts_lower && f.ends_with_stop && !f.open_end);
    }
}
