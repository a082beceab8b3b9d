//! The char classes the boundary scan reads instead of calling the Unicode
//! `char::is_*` lookups per char: one flag table for ASCII bytes, and the
//! case and letter flags of the chars of the common blocks, computed once
//! (those of the other chars of the Basic Multilingual Plane, on first sight).

use super::super::lazy_table::LazyClasses;

/// Bytes that never change the scanner's state on their own: ASCII lowercase
/// letters and spaces, most of any text. The scan jumps over them (its
/// marks are computed without the table; the oracle reads it).
#[cfg(test)]
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

/// See [`boring_table`].
#[cfg(test)]
pub(super) static BORING: [bool; 256] = boring_table();

/// [`CALM`] flag: an ASCII byte whose step only ends a pending stop,
/// whatever is around it (`,`, `-`, `:`, controls...): no rule fires at it.
pub(super) const QUIET: u8 = 1;
/// [`CALM`] flag: a capital after this byte only ends a pending stop (a
/// space or a [`QUIET`] byte: no case, acronym, digit, bracket, quote or
/// currency rule looks at such a byte before a capital).
pub(super) const CALM_BEFORE_CAPITAL: u8 = 2;
/// [`CALM`] flag: a digit after this byte only ends a pending stop (any
/// ASCII byte but a lowercase letter, a currency sign or a sentence stop).
pub(super) const CALM_BEFORE_DIGIT: u8 = 4;
/// [`CALM`] flag: an ASCII capital.
pub(super) const CAPITAL: u8 = 8;
/// [`CALM`] flag: an ASCII digit.
pub(super) const DIGIT: u8 = 16;
/// [`CALM`] flag: an ASCII lowercase letter.
pub(super) const SMALL: u8 = 32;
/// [`CALM`] flag: a sentence stop (`.`, `!`, `?`).
pub(super) const STOP: u8 = 64;

/// [`CALM`] flag: a bracket or apostrophe (`(`, `)`, `[`, `]`, `'`): rules
/// look at it after a stop, or before a capital.
pub(super) const BRACKET: u8 = 128;

/// ASCII bytes that some rule names: none of them is [`QUIET`].
const NAMED: &[u8] = b"\"'()[].!?$";

const fn calm_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 0x80 {
        let c = b as u8;
        let mut named = false;
        let mut k = 0;
        while k < NAMED.len() {
            named |= NAMED[k] == c;
            k += 1;
        }
        let stop = c == b'.' || c == b'!' || c == b'?';
        if !c.is_ascii_alphanumeric() && !named && c != b' ' {
            t[b] |= QUIET | CALM_BEFORE_CAPITAL;
        }
        if c == b' ' {
            t[b] |= CALM_BEFORE_CAPITAL;
        }
        if !c.is_ascii_lowercase() && c != b'$' && !stop {
            t[b] |= CALM_BEFORE_DIGIT;
        }
        if c.is_ascii_uppercase() {
            t[b] |= CAPITAL;
        }
        if c.is_ascii_digit() {
            t[b] |= DIGIT;
        }
        if c.is_ascii_lowercase() {
            t[b] |= SMALL;
        }
        if stop {
            t[b] |= STOP;
        }
        if matches!(c, b'(' | b')' | b'[' | b']' | b'\'') {
            t[b] |= BRACKET;
        }
        b += 1;
    }
    t
}

/// The flags of each byte for the ASCII fast path; non-ASCII bytes have none.
pub(super) static CALM: [u8; 256] = calm_table();

/// [`Kinds`] flag: `char::is_uppercase`.
pub(super) const UPPER: u8 = 1;
/// [`Kinds`] flag: `char::is_lowercase`.
pub(super) const LOWER: u8 = 2;
/// [`Kinds`] flag: `char::is_alphabetic`.
pub(super) const ALPHA: u8 = 4;
/// [`Kinds`] flag: `char::is_numeric` (with [`ALPHA`], `char::is_alphanumeric`).
pub(super) const NUMERIC: u8 = 8;

/// True when `k` (a [`Kinds::of`]) is a letter or a number.
pub(super) fn alphanumeric(k: u8) -> bool {
    k & (ALPHA | NUMERIC) != 0
}

/// The flags of `c` through the Unicode lookups.
fn lookup(c: char) -> u8 {
    let flag = |on: bool, f: u8| if on { f } else { 0 };
    flag(c.is_uppercase(), UPPER)
        | flag(c.is_lowercase(), LOWER)
        | flag(c.is_alphabetic(), ALPHA)
        | flag(c.is_numeric(), NUMERIC)
}

/// The blocks whose flags are kept in a table: all of the two-byte UTF-8
/// range (Latin, Greek, Cyrillic, Hebrew, Arabic), CJK punctuation and
/// kana, and the full-width forms.
const TABLED: [(u32, u32); 3] = [(0, 0x800), (0x3000, 0x3100), (0xFF00, 0x10000)];

/// The case and letter flags of chars, as the `char::is_*` methods give them,
/// from a table or a range test for the blocks most text is made of.
#[derive(Debug)]
pub(super) struct Kinds {
    /// One entry per char of each [`TABLED`] block, one block after the other.
    table: Vec<u8>,
}

impl Kinds {
    pub(super) fn new() -> Kinds {
        let table = TABLED
            .iter()
            .flat_map(|&(from, to)| from..to)
            .map(|n| char::from_u32(n).map_or(0, lookup))
            .collect();
        Kinds { table }
    }

    /// The flags of `c`.
    #[inline]
    pub(super) fn of(&self, c: char) -> u8 {
        let n = c as u32;
        let at = match n {
            0..=0x7FF => n,
            // CJK ideographs: letters without case.
            0x4E00..=0x9FFF => return ALPHA,
            // General punctuation (quotes, dashes), box drawing and shapes.
            0x2000..=0x206F | 0x2500..=0x25FF => return 0,
            0x3000..=0x30FF => n - 0x3000 + 0x800,
            0xFF00..=0xFFFF => n - 0xFF00 + 0x900,
            _ => return cached(c),
        };
        self.table.get(at as usize).copied().unwrap_or(0)
    }
}

/// The flags of the chars outside the [`TABLED`] blocks, each looked up
/// when a text first holds the char. No flags are `0xFF`, which the table
/// cannot keep: they use four bits.
static CACHED: LazyClasses = LazyClasses::new();

/// The flags of `c` from [`CACHED`], looked up on first sight.
#[inline]
fn cached(c: char) -> u8 {
    CACHED.get(c as u32, || lookup(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flags agree with the `char` methods for every char there is.
    #[test]
    fn kinds_are_the_char_methods() {
        let kinds = Kinds::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            // Twice: the second call reads what the first cached.
            assert_eq!(kinds.of(c), lookup(c), "{c:?}");
            let k = kinds.of(c);
            assert_eq!(k, lookup(c), "{c:?}");
            assert_eq!(k & UPPER != 0, c.is_uppercase(), "{c:?}");
            assert_eq!(k & LOWER != 0, c.is_lowercase(), "{c:?}");
            assert_eq!(alphanumeric(k), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn calm_flags_name_their_bytes() {
        for b in 0..=255u8 {
            let f = CALM[b as usize];
            assert_eq!(
                BORING[b as usize],
                b.is_ascii_lowercase() || b == b' ',
                "{b}"
            );
            assert_eq!(f & CAPITAL != 0, b.is_ascii_uppercase(), "{b}");
            assert_eq!(f & DIGIT != 0, b.is_ascii_digit(), "{b}");
            assert_eq!(f & SMALL != 0, b.is_ascii_lowercase(), "{b}");
            assert_eq!(f & STOP != 0, matches!(b, b'.' | b'!' | b'?'), "{b}");
            assert_eq!(f & BRACKET != 0, b"()[]'".contains(&b), "{b}");
            if !b.is_ascii() {
                assert_eq!(f, 0, "{b}");
            }
        }
        assert_eq!(CALM[b',' as usize] & QUIET, QUIET);
        assert_eq!(CALM[b'"' as usize] & QUIET, 0);
    }
}
