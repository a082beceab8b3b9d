//! Case folding for phrase search: lowercase without changing any byte
//! offset (a char whose lowercase has another length stays as it is), and
//! the letter-or-digit test of word bounds, with tables for the chars most
//! non-ASCII text is made of.

/// Lowercase `text` without changing any byte offset.
///
/// ```
/// use pith_clean::text::phrases::fold_in_place;
/// assert_eq!(fold_in_place("Share THIS via Ünïcode"), "share this via ünïcode");
/// ```
pub fn fold_in_place(text: &str) -> String {
    // Run once per lexicon pattern, and by the tests as the definition the
    // padded fold of the search ([`super::PhraseMatcher`]) must match.
    text.chars().map(fold_char).collect()
}

/// The char `c` folds to: its lowercase when that is one char of the same
/// length, else `c` itself.
pub(super) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if is_caseless(c) {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// Chars of blocks with no case, skipped without a table lookup: general
/// punctuation (quotes, dashes), box drawings and geometric shapes (menu
/// bullets), and the CJK and Hangul blocks (most of the non-ASCII text of
/// CJK pages).
fn is_caseless(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{2500}'..='\u{25FF}' | '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}')
}

/// The fold ([`fold_char`]) and the letter-or-digit flag
/// (`char::is_alphanumeric`) of every char below U+0800 (the two-byte
/// chars: Latin, Greek, Cyrillic, Hebrew, Arabic), by code point: the
/// fold in the low eleven bits, the flag in the top one. One lookup
/// instead of the Unicode tables (hundreds of instructions a char).
#[derive(Debug)]
pub(super) struct SmallChars(Box<[u16; 0x800]>);

impl SmallChars {
    pub(super) fn new() -> SmallChars {
        let mut table = Box::new([0; 0x800]);
        for (cp, e) in (0u32..).zip(table.iter_mut()) {
            if let Some(c) = char::from_u32(cp) {
                // A fold keeps the length: it stays below U+0800.
                *e = (fold_char(c) as u32 & 0x7FF) as u16 | u16::from(c.is_alphanumeric()) << 15;
            }
        }
        SmallChars(table)
    }

    /// [`fold_char`].
    #[inline]
    pub(super) fn fold(&self, c: char) -> char {
        match self.0.get(c as usize) {
            Some(&e) => char::from_u32(u32::from(e & 0x7FF)).unwrap_or(c),
            None => fold_char(c),
        }
    }

    /// [`is_alnum`].
    #[inline]
    pub(super) fn is_alnum(&self, c: char) -> bool {
        match self.0.get(c as usize) {
            Some(&e) => e >> 15 != 0,
            None => is_alnum(c),
        }
    }
}

/// `w` with its ASCII capitals lowercased (other bytes, non-ASCII ones
/// included, as they are).
#[inline]
pub(super) fn fold_ascii(w: u64) -> u64 {
    w | (super::super::swar::ascii_upper(w) >> 2)
}

/// `char::is_alphanumeric`, without its table lookup for the letters of
/// CJK and kana text (every char of a Chinese or Japanese page is a word
/// start, so this runs on each).
fn is_alnum(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{30FC}'..='\u{30FE}' => true,
        // Punctuation, currency signs, arrows, operators, box drawings,
        // shapes, CJK and fullwidth punctuation, private use.
        '\u{2000}'..='\u{206F}'
        | '\u{20A0}'..='\u{20CF}'
        | '\u{2190}'..='\u{23FF}'
        | '\u{2500}'..='\u{25FF}'
        | '\u{30FB}'
        | '\u{E000}'..='\u{F8FF}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3020}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}' => false,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_like_the_char_definition() {
        let texts = [
            "",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ abcdefghijklmnopqrstuvwxyz 0123456789",
            "Share THIS via Ünïcode, ÀÉÎÕÜ and ΑΒΓ and Русский Текст",
            "ǅ İstanbul ẞ Kelvin \u{212a} 日本語 ok",
        ];
        for t in texts {
            let by_chars: String = t
                .chars()
                .map(|c| {
                    let mut lower = c.to_lowercase();
                    match (lower.next(), lower.next()) {
                        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                        _ => c,
                    }
                })
                .collect();
            assert_eq!(fold_in_place(t), by_chars, "{t:?}");
        }
    }

    #[test]
    fn caseless_blocks_have_no_lowercase() {
        let blocks = [
            '\u{2000}'..='\u{206F}',
            '\u{2500}'..='\u{25FF}',
            '\u{3000}'..='\u{9FFF}',
            '\u{AC00}'..='\u{D7AF}',
        ];
        for c in blocks.into_iter().flatten() {
            assert!(is_caseless(c));
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        assert!(!is_caseless('\u{2FFF}') && !is_caseless('\u{A000}'));
    }

    #[test]
    fn small_chars_read_as_the_definitions() {
        let small = SmallChars::new();
        for c in (0..0x800).filter_map(char::from_u32) {
            assert_eq!(small.fold(c), fold_char(c), "{c:?}");
            assert_eq!(small.is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
        for c in ['\u{800}', '日', '—', 'Ⅰ', '\u{10FFFF}'] {
            assert_eq!(small.fold(c), fold_char(c), "{c:?}");
            assert_eq!(small.is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn cjk_letters_are_alphanumeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn folding_keeps_letters_digits_and_unspaced_scripts() {
        // The word-start test reads the text as written; the scan reads it
        // folded: both must see the same word boundaries.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let l = fold_char(c);
            assert_eq!(l.is_alphanumeric(), c.is_alphanumeric(), "{c:?}");
            assert_eq!(
                super::super::super::boundary::is_unspaced(l),
                super::super::super::boundary::is_unspaced(c),
                "{c:?}"
            );
        }
    }
}
