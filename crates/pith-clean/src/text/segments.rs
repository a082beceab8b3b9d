//! Segments: the pieces of flat text between two recovered boundaries, with the
//! shape features the later stages decide on.

mod chunk;
mod classes;

#[cfg(test)]
use super::boundary::is_unspaced;
use super::boundary::{Boundary, Cut};
use classes::{
    CLOSING, CURRENCY, DIGIT, LETTER, LOWER, MARK, OPEN, SEPARATOR, SPACE, STOP, UNSPACED, UPPER,
};

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

/// What [`Features::of`] carries from one byte or char to the next: the
/// counts so far, whether the last byte read was a space, and whether the
/// last word began lowercase.
struct Tally {
    f: Features,
    /// The last byte read was no space: the byte after it starts no word.
    after_solid: bool,
    last_word_lower: bool,
    /// The chars counted by their [`classes::MARK`] (`mark >> 5`).
    marks: [usize; 8],
    /// Bytes inside multi-byte chars: the text has that many fewer chars
    /// than bytes.
    inner: usize,
}

/// The chunks [`Tally::ascii_run`] counts in 16-bit fields before it adds
/// them up (a field gains at most sixteen a chunk: 4095 x 16 < 65536).
const CHUNK_FIELD_MAX: usize = 4095;

impl Tally {
    fn new() -> Tally {
        Tally {
            f: Features::default(),
            after_solid: false,
            last_word_lower: false,
            marks: [0; 8],
            inner: 0,
        }
    }

    /// Read the ASCII run of `bytes[at..end]`: up to its first multi-byte
    /// char or its end, sixteen bytes at a time ([`chunk::bits`], SIMD).
    /// A chunk that holds the run's end reads only the bytes before it;
    /// the bytes after it are read, not counted. Letters and word starts
    /// are counted in the four 16-bit fields of one word, added up at the
    /// end. The offset reached.
    #[inline]
    fn ascii_run(&mut self, bytes: &[u8], mut at: usize, end: usize) -> usize {
        // Fields: letters, word starts, lowercase starts, capital starts.
        let mut counts = 0u64;
        let mut n = 0;
        while at < end {
            let c = chunk::load(bytes, at);
            let b = chunk::bits(c);
            // The bytes read: those before the first multi-byte char and
            // before `end`.
            let len = (b.wide.trailing_zeros() as usize)
                .min(chunk::LEN)
                .min(end - at);
            if len == 0 {
                break;
            }
            let inside = (1u32 << len) - 1;
            let solid = b.solid & inside;
            let letter = b.letter & inside;
            let starts = solid & !((solid << 1) | u32::from(self.after_solid));
            self.after_solid = solid >> (len - 1) & 1 != 0;
            let first_letters = starts & letter;
            let lower = first_letters & b.case;
            let upper = first_letters ^ lower;
            if starts != 0 {
                // The last start is the highest bit of one of the two.
                self.last_word_lower = lower > starts ^ lower;
            }
            let mut other = solid & !letter;
            while other != 0 {
                let byte = c.get(other.trailing_zeros() as usize).copied().unwrap_or(0);
                let k = classes::ASCII[usize::from(byte & 0x7F)];
                self.marks[usize::from(k >> 5)] += 1;
                other &= other - 1;
            }
            counts += chunk::count_fields(
                u64::from(letter)
                    | u64::from(starts) << 16
                    | u64::from(lower) << 32
                    | u64::from(upper) << 48,
            );
            at += len;
            n += 1;
            if n == CHUNK_FIELD_MAX {
                self.add_fields(counts);
                (counts, n) = (0, 0);
            }
            if len < chunk::LEN {
                break;
            }
        }
        self.add_fields(counts);
        at
    }

    /// Add the counts of [`Tally::ascii_run`]'s four fields.
    #[inline(always)]
    fn add_fields(&mut self, counts: u64) {
        let field = |k: u32| ((counts >> (16 * k)) & 0xFFFF) as usize;
        self.f.letters += field(0);
        self.f.words += field(1);
        self.f.lower_words += field(2);
        self.f.capital_words += field(3);
    }

    /// Read one char of class `k`.
    #[inline]
    fn char(&mut self, k: u8) {
        if k & SPACE != 0 {
            self.after_solid = false;
            return;
        }
        if !self.after_solid {
            self.after_solid = true;
            self.f.words += 1;
            self.f.capital_words += usize::from(k & UPPER != 0);
            self.f.lower_words += usize::from(k & LOWER != 0);
            self.last_word_lower = k & LOWER != 0;
        }
        self.f.letters += usize::from(k & LETTER != 0);
        self.f.unspaced += usize::from(k & UNSPACED != 0);
        self.marks[usize::from(k >> 5)] += 1;
    }

    /// Set the features that depend on how `bytes[start..end]` begins and
    /// ends, and the totals.
    fn finish(self, text: &str, start: usize, end: usize) -> Features {
        let mut f = self.f;
        f.chars = end - start - self.inner;
        f.digits = self.marks[usize::from(DIGIT >> 5)];
        f.currency = self.marks[usize::from(CURRENCY >> 5)];
        f.separators = self.marks[usize::from(SEPARATOR >> 5)];
        f.stops = self.marks[usize::from(STOP >> 5)];
        // The first char that is no space starts the first word.
        let mut at = start;
        while at < end {
            let (k, len) = class_at(text, at);
            if k & SPACE == 0 {
                f.starts_lower = k & LOWER != 0;
                break;
            }
            at += len;
        }
        // The last char that is no space and no closing mark ends the text.
        let mut at = end;
        let mut last = 0;
        while at > start {
            let mut from = at - 1;
            while from > start && !text.is_char_boundary(from) {
                from -= 1;
            }
            let (k, _) = class_at(text, from);
            if k & SPACE == 0 && k & MARK != CLOSING {
                last = k;
                break;
            }
            at = from;
        }
        f.ends_with_stop = last & MARK == STOP;
        f.open_end = last & MARK == OPEN || (self.last_word_lower && last & LETTER != 0);
        f
    }
}

/// The class and length of the char starting at `at`.
#[inline(always)]
fn class_at(text: &str, at: usize) -> (u8, usize) {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => (classes::ASCII[usize::from(b)], 1),
        _ => {
            let (n, len) = decode(text, at);
            (classes::wide(n), len)
        }
    }
}

/// True when a CJK ideograph (U+4E00 to U+9FFF: lead byte `E4` with a
/// second byte from `B8`, or `E5` to `E9`) starts at `at`: a letter without
/// case, unspaced, read without decoding it.
#[inline]
fn is_ideograph(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at..at + 2) {
        Some(&[lead, second]) => matches!((lead, second), (0xE4, 0xB8..) | (0xE5..=0xE9, _)),
        _ => false,
    }
}

/// The scalar value and length of the char of `text` starting at `at` (a
/// char boundary).
#[inline]
fn decode(text: &str, at: usize) -> (u32, usize) {
    text.get(at..)
        .and_then(|t| t.chars().next())
        .map_or((0, 1), |c| (u32::from(c), c.len_utf8()))
}

impl Features {
    /// Count the features of `text`: ASCII sixteen bytes at a time, the
    /// char class tables for other chars.
    pub fn of(text: &str) -> Features {
        Features::within(text, 0, text.len())
    }

    /// [`Features::of`] `text[start..end]` (char boundaries). The bytes of
    /// `text` around it may be read, not counted: a run's last chunk of
    /// sixteen bytes reaches past it.
    fn within(text: &str, start: usize, end: usize) -> Features {
        let bytes = text.as_bytes();
        let mut t = Tally::new();
        let mut i = start;
        while i < end {
            i = t.ascii_run(bytes, i, end);
            while i < end && bytes.get(i).is_some_and(|&b| !b.is_ascii()) {
                if is_ideograph(bytes, i) {
                    t.inner += 2;
                    t.char(LETTER | UNSPACED);
                    i += 3;
                    continue;
                }
                let (c, len) = decode(text, i);
                t.inner += len - 1;
                t.char(classes::wide(c));
                i += len;
            }
        }
        t.finish(text, start, end)
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

/// Where the per-char definition of the features is in its text: inside a
/// word or not, the last char that counts for the ending, and whether the
/// last word began lowercase. [`Features::of`] must count as it does.
#[cfg(test)]
struct Reading {
    in_word: bool,
    last: char,
    last_word_lower: bool,
}

#[cfg(test)]
impl Reading {
    fn new() -> Reading {
        Reading {
            in_word: false,
            last: ' ',
            last_word_lower: false,
        }
    }

    /// Read one char with the Unicode tables.
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

#[cfg(test)]
impl Features {
    /// Count one non-space char; `in_word` when it does not start a word.
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
}

/// Closing quotes and brackets: a text ending on them ends on the char
/// before.
#[cfg(test)]
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

#[cfg(test)]
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
        let (lead, len) = trimmed(raw);
        if len == 0 {
            continue;
        }
        let start = b.at + lead;
        out.push(Segment {
            start,
            end: start + len,
            cut: b.cut,
            shape: Features::within(flat, start, start + len),
        });
    }
    out
}

/// The offset and length of `raw` trimmed of whitespace. Most pieces start
/// and end on an ASCII byte that is no space or control, and keep all.
fn trimmed(raw: &str) -> (usize, usize) {
    let solid = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b.is_ascii());
    let bytes = raw.as_bytes();
    if solid(bytes.first()) && solid(bytes.last()) {
        return (0, raw.len());
    }
    let lead = raw.len() - raw.trim_start().len();
    (lead, raw.trim().len())
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
    fn chunked_reading_matches_char_definition() {
        // Every ASCII byte and some other chars, at every offset of a
        // sixteen-byte chunk and across chunks, in texts of every length up
        // to 100 bytes.
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
            let len = next(100);
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
    fn a_long_ascii_run_counts_past_the_field_limit() {
        // More than 4095 chunks of sixteen bytes: the 16-bit fields are
        // added up before they overflow.
        let t = "Ferry at 9 am. the ".repeat(6_000);
        let f = Features::of(&t);
        assert_eq!(f, of_by_chars(&t));
        assert_eq!(f.words, 5 * 6_000);
        assert_eq!(f.letters, 12 * 6_000);
    }

    #[test]
    fn every_char_reads_as_the_char_definition_does() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            for t in [format!("{c}"), format!("a {c}"), format!("xy{c}{c} Z{c}")] {
                assert_eq!(Features::of(&t), of_by_chars(&t), "{t:?}");
            }
        }
    }

    /// The segments of generated texts cut at generated boundaries: each is
    /// the piece between two boundaries trimmed (as `str::trim` has it), and
    /// its features are the char definition's, though the words read past
    /// its ends.
    #[test]
    fn split_trims_and_counts_as_the_definition() {
        let pieces = [
            "the ", "Ferry ", "a", "Z", " ", "  ", "\n", "é", "日本", "”", "\u{a0}", ".", "9", "$",
            "(", "–", "\u{2003}", "x,", "\x01",
        ];
        let mut next = crate::text::xorshift(0x2545_F491_4F6C_DD1D);
        for _ in 0..5_000 {
            let mut flat = String::new();
            let mut boundaries = vec![Boundary {
                at: 0,
                cut: Cut::Start,
            }];
            for _ in 0..next(30) {
                if next(5) == 0 {
                    boundaries.push(Boundary {
                        at: flat.len(),
                        cut: Cut::Case,
                    });
                }
                flat.push_str(pieces[next(pieces.len())]);
            }
            boundaries.dedup_by_key(|b| b.at);
            let mut want = Vec::new();
            for (i, b) in boundaries.iter().enumerate() {
                let end = boundaries.get(i + 1).map_or(flat.len(), |n| n.at);
                let raw = &flat[b.at..end];
                let text = raw.trim();
                if !text.is_empty() {
                    let start = b.at + raw.len() - raw.trim_start().len();
                    want.push((start, start + text.len(), of_by_chars(text)));
                }
            }
            let got: Vec<_> = split(&flat, &boundaries)
                .into_iter()
                .map(|s| (s.start, s.end, s.shape))
                .collect();
            assert_eq!(got, want, "{flat:?}");
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
