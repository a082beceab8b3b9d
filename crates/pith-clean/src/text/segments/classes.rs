//! The char classes [`super::Features::of`] counts with: one byte per char
//! holding what the per-char definition ([`class_of`], the `char::is_*`
//! methods) says of it, from a const table for ASCII and, for the other
//! chars of the Basic Multilingual Plane, a table filled as chars are met.

use super::super::boundary::is_unspaced;
use super::super::lazy_table::LazyClasses;

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

/// The classes of the non-ASCII chars, each computed by [`class_of`] when
/// a text first holds the char. No class is `0xFF`, which the table cannot
/// keep: the [`MARK`] value `0xE0` is unused.
static WIDE: LazyClasses = LazyClasses::new();

/// The class of the non-ASCII char `n` (a scalar value): a CJK ideograph
/// by its range, the others from [`WIDE`].
#[inline]
pub(super) fn wide(n: u32) -> u8 {
    if let 0x4E00..=0x9FFF = n {
        return LETTER | UNSPACED;
    }
    WIDE.get(n, || char::from_u32(n).map_or(0, class_of))
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
                // Twice: the second call reads what the first stored.
                assert_eq!(wide(c as u32), k, "{c:?}");
                assert_eq!(wide(c as u32), k, "{c:?}");
            }
            // No char is both cases, and a space has no other bit; no
            // class is the one `WIDE` cannot keep.
            assert_ne!(k, 0xFF, "{c:?}");
            assert_ne!(k & (LOWER | UPPER), LOWER | UPPER, "{c:?}");
            assert!(k & SPACE == 0 || k == SPACE, "{c:?}");
        }
    }
}
