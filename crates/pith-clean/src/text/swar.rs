//! Byte runs measured eight bytes at a time: each byte of a `u64` is tested in
//! parallel (SWAR), and the first byte that fails ends the run. The scans of
//! flat text spend most of their time in runs of lowercase letters and spaces.

const ONES: u64 = u64::from_le_bytes([1; 8]);
/// The high bit of every byte: a mask with all eight bytes marked.
const HIGH: u64 = ONES * 0x80;

/// The high bit of each byte of `w` whose value is in `lo..=hi` (both ASCII).
fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    let y = w & !HIGH;
    let at_least = y + ONES * (0x80 - u64::from(lo));
    let past = y + ONES * (0x80 - (u64::from(hi) + 1));
    // A byte with its own high bit set is no ASCII byte.
    at_least & !past & !w & HIGH
}

/// The high bit of each byte of `w` that is an ASCII lowercase letter or a space.
/// Only the tests' oracles use it now.
#[cfg(test)]
pub(super) fn lowercase_or_space(w: u64) -> u64 {
    let v = w ^ (ONES * u64::from(b' '));
    let not_space = (((v & !HIGH) + !HIGH) | v) & HIGH;
    in_range(w, b'a', b'z') | (!not_space & HIGH)
}

/// The offset of the first non-ASCII byte of `bytes` from `from` on.
pub(super) fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    next(bytes, from, |w| w & HIGH, |b| !b.is_ascii())
}

/// The first byte from `from` on that `hits` marks eight at a time (high
/// bits) and `one` accepts one at a time (the tail).
fn next(
    bytes: &[u8],
    from: usize,
    hits: impl Fn(u64) -> u64,
    one: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut at = from;
    while let Some(w) = word_at(bytes, at) {
        let marked = hits(w);
        if marked != 0 {
            return Some(at + (marked.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let tail = bytes.get(at..)?;
    tail.iter().position(|&b| one(b)).map(|i| at + i)
}

/// The eight bytes of `bytes` at `at` as a little-endian word, if there are eight.
pub(super) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    Some(u64::from_le_bytes(word))
}

/// The high bit of each byte of `w` that is an ASCII letter, either case.
/// Only the tests' oracles use it now.
#[cfg(test)]
pub(super) fn ascii_letter(w: u64) -> u64 {
    // Folding case (`| 0x20`) maps `A..=Z` onto `a..=z` and no other ASCII byte there.
    in_range(w | (ONES * 0x20), b'a', b'z') & !w & HIGH
}

/// The number of bytes `bytes` starts with that `hits` marks eight at a time
/// (as [`lowercase_or_space`] does) and `one` accepts one at a time (the tail).
/// Only the tests' oracles use it now.
#[cfg(test)]
pub(super) fn run(bytes: &[u8], hits: impl Fn(u64) -> u64, one: impl Fn(u8) -> bool) -> usize {
    let mut n = 0;
    while let Some(word) = word_at(bytes, n) {
        let marked = hits(word);
        if marked != HIGH {
            return n + ((!marked & HIGH).trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .position(|&b| !one(b))
        .unwrap_or(bytes.len() - n)
}

/// The high bit of each byte of `w` that is an ASCII capital.
pub(super) fn ascii_upper(w: u64) -> u64 {
    in_range(w, b'A', b'Z')
}

/// The high bit of each byte of `w` that is an ASCII lowercase letter.
pub(super) fn ascii_lower(w: u64) -> u64 {
    in_range(w, b'a', b'z')
}

/// The high bit of each byte of `w` that is an ASCII digit.
pub(super) fn ascii_digit(w: u64) -> u64 {
    in_range(w, b'0', b'9')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_value_at_every_position() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = [b'a'; 8];
                w[at] = b;
                let w = u64::from_le_bytes(w);
                let want = |ok: bool| if ok { HIGH } else { HIGH & !(0x80 << (8 * at)) };
                let lower = b.is_ascii_lowercase() || b == b' ';
                assert_eq!(lowercase_or_space(w), want(lower), "{b} at {at}");
                assert_eq!(
                    ascii_letter(w),
                    want(b.is_ascii_alphabetic()),
                    "{b} at {at}"
                );
                // The filler `a` is neither: only the byte at `at` may be marked.
                let only = |ok: bool| if ok { 0x80 << (8 * at) } else { 0 };
                assert_eq!(ascii_upper(w), only(b.is_ascii_uppercase()), "{b} at {at}");
                let lower = b.is_ascii_lowercase();
                assert_eq!(ascii_lower(w), want(lower), "{b} at {at}");
                assert_eq!(ascii_digit(w), only(b.is_ascii_digit()), "{b} at {at}");
            }
        }
    }

    #[test]
    fn runs_agree_with_a_byte_loop_for_every_byte_value() {
        type Pred = (fn(u64) -> u64, fn(u8) -> bool);
        let preds: [Pred; 2] = [
            (lowercase_or_space, |c| c.is_ascii_lowercase() || c == b' '),
            (ascii_letter, |c| c.is_ascii_alphabetic()),
        ];
        for (hits, one) in preds {
            for b in 0..=255u8 {
                let mut text = *b"abc defgh ijklmnop qr";
                for at in [0, 3, 7, 8, 12, 19] {
                    let was = text[at];
                    text[at] = b;
                    let slow = text.iter().position(|&c| !one(c)).unwrap_or(text.len());
                    assert_eq!(run(&text, hits, one), slow, "{b} at {at}");
                    text[at] = was;
                }
            }
        }
    }

    #[test]
    fn finds_the_next_non_ascii_byte_at_every_offset() {
        let text = "plain ascii text, then é and More plain text @[ until 日本 Zz";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let slow = bytes[from..]
                .iter()
                .position(|b| !b.is_ascii())
                .map(|i| from + i);
            assert_eq!(next_non_ascii(bytes, from), slow, "{from}");
        }
    }

    #[test]
    fn runs_end_at_the_first_failing_byte() {
        let letters = |b: &[u8]| run(b, ascii_letter, |c| c.is_ascii_alphabetic());
        assert_eq!(letters(b""), 0);
        assert_eq!(letters(b"AbCdEfGhIjKlMnOp q"), 16);
        assert_eq!(letters("abcdefgh\u{e9}".as_bytes()), 8);
    }
}
