//! The char classes [`super::Features::of`] counts with: one byte per char
//! holding what the per-char definition ([`class_of`], the `char::is_*`
//! methods) says of it, from a const table for ASCII and a table for the
//! blocks most non-ASCII text is made of, filled as chars are met.

use std::sync::atomic::{AtomicU8, Ordering};

use super::super::boundary::is_unspaced;

/// Class bit: `char::is_whitespace`. A space has no other bit.
pub(super) const SPACE: u8 = 1;
/// Class bit: `char::is_lowercase`.
pub(super) const LOWER: u8 = 2;
/// Class bit: `char::is_uppercase`.
pub(super) const UPPER: u8 = 4;
/// Class bit: a letter (`char::is_alphabetic`).
pub(super) const LETTER: u8 = 8;
/// Class bit: a letter of a script written without spaces (CJK, Thai).
pub(super) const UNSPACED: u8 = 16;

/// The field of a class past its bits: which counter or ending the char
/// feeds, one of the values below.
pub(super) const MARK: u8 = 0xE0;
/// [`MARK`]: an ASCII digit.
pub(super) const DIGIT: u8 = 0x20;
/// [`MARK`]: a currency sign.
pub(super) const CURRENCY: u8 = 0x40;
/// [`MARK`]: an item separator.
pub(super) const SEPARATOR: u8 = 0x60;
/// [`MARK`]: a sentence stop.
pub(super) const STOP: u8 = 0x80;
/// [`MARK`]: a closing quote or bracket (a text ending on it ends on the
/// char before).
pub(super) const CLOSING: u8 = 0xA0;
/// [`MARK`]: a mark a text cut mid-sentence ends on (`,` `;` `:` `(` `-` `–`).
pub(super) const OPEN: u8 = 0xC0;

/// The class of `c` by the per-char definition: the Unicode tables, and
/// the marks the features name.
pub(super) fn class_of(c: char) -> u8 {
    if c.is_whitespace() {
        return SPACE;
    }
    let mut k = 0;
    if c.is_lowercase() {
        k |= LOWER;
    }
    if c.is_uppercase() {
        k |= UPPER;
    }
    let mark = if c.is_ascii_alphabetic() {
        k |= LETTER;
        0
    } else if c.is_ascii_digit() {
        DIGIT
    } else if c.is_ascii() {
        match c {
            '$' => CURRENCY,
            '|' => SEPARATOR,
            '.' | '!' | '?' => STOP,
            _ => 0,
        }
    } else if c.is_alphabetic() {
        k |= LETTER;
        if is_unspaced(c) {
            k |= UNSPACED;
        }
        0
    } else {
        match c {
            '€' | '£' | '¥' | '₹' | '₽' => CURRENCY,
            '｜' | '·' | '•' | '▪' | '■' | '›' => SEPARATOR,
            '。' | '！' | '？' | '…' | '؟' | '।' => STOP,
            _ => 0,
        }
    };
    let mark = match c {
        _ if mark != 0 => mark,
        '"' | '”' | '’' | '\'' | ')' | ']' | '»' => CLOSING,
        ',' | ';' | ':' | '(' | '-' | '–' => OPEN,
        _ => 0,
    };
    k | mark
}

/// The class of each ASCII byte, as [`class_of`] gives it.
const fn ascii_table() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER | LETTER
        } else if c.is_ascii_uppercase() {
            UPPER | LETTER
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
                b',' | b';' | b':' | b'(' | b'-' => OPEN,
                _ => 0,
            }
        };
        b += 1;
    }
    t
}

/// See [`ascii_table`].
pub(super) static ASCII: [u8; 128] = ascii_table();

/// The blocks whose classes are kept in [`WIDE`]: the rest of the two-byte
/// UTF-8 range (Latin, Greek, Cyrillic, Hebrew, Arabic) and the Indic and
/// Thai blocks after it, general punctuation to geometric shapes, CJK
/// punctuation and kana, the full-width forms.
#[cfg(test)]
const TABLED: [(u32, u32); 4] = [
    (0x80, 0x1000),
    (0x2000, 0x2600),
    (0x3000, 0x3100),
    (0xFF00, 0x10000),
];

/// The entries of [`WIDE`]: the chars of the [`TABLED`] blocks.
const WIDE_LEN: usize = 0x1780;

/// A [`WIDE`] entry not yet computed: no class has all bits set.
const UNKNOWN: u8 = 0xFF;

/// The classes of the chars of the [`TABLED`] blocks, one block after the
/// other, each computed by [`class_of`] when a text first holds the char:
/// a text uses few of them, and the Unicode lookups for all would cost more
/// than a page of text does.
static WIDE: [AtomicU8; WIDE_LEN] = [const { AtomicU8::new(UNKNOWN) }; WIDE_LEN];

/// The class of the non-ASCII char `n` (a scalar value): a CJK ideograph
/// by its range, the [`TABLED`] blocks from [`WIDE`], others through
/// [`class_of`].
#[inline]
pub(super) fn wide(n: u32) -> u8 {
    let at = match n {
        0x4E00..=0x9FFF => return LETTER | UNSPACED,
        0x80..=0xFFF => n - 0x80,
        0x2000..=0x25FF => n - 0x2000 + 0xF80,
        0x3000..=0x30FF => n - 0x3000 + 0x1580,
        0xFF00..=0xFFFF => n - 0xFF00 + 0x1680,
        _ => return char::from_u32(n).map_or(0, class_of),
    };
    let Some(cell) = WIDE.get(at as usize) else {
        return 0;
    };
    match cell.load(Ordering::Relaxed) {
        UNKNOWN => {
            let k = char::from_u32(n).map_or(0, class_of);
            cell.store(k, Ordering::Relaxed);
            k
        }
        k => k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_the_definition() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let k = class_of(c);
            if c.is_ascii() {
                assert_eq!(ASCII[c as usize], k, "{c:?}");
            } else {
                assert_eq!(wide(c as u32), k, "{c:?}");
            }
            // No char is both cases, and a space has no other bit.
            assert_ne!(k, UNKNOWN, "{c:?}");
            assert_ne!(k & (LOWER | UPPER), LOWER | UPPER, "{c:?}");
            assert!(k & SPACE == 0 || k == SPACE, "{c:?}");
        }
        let offsets: Vec<u32> = TABLED
            .iter()
            .scan(0, |at, &(from, to)| {
                let start = *at;
                *at += to - from;
                Some(start)
            })
            .collect();
        assert_eq!(offsets, [0, 0xF80, 0x1580, 0x1680]);
        assert_eq!(
            TABLED.iter().map(|(from, to)| to - from).sum::<u32>() as usize,
            WIDE_LEN
        );
    }
}
