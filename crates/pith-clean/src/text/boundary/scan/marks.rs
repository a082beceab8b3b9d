//! Sixteen bytes at once: the bytes the boundary scan reads, marked with
//! SIMD compares (`wide`, SSE2 on x86-64) and one `movemask`, a bit per
//! byte; the scan walks the set bits. The word before a stop is measured
//! the same way, from the sixteen bytes before it.

use wide::u8x16;

/// The chunk size.
pub(super) const LEN: usize = 16;

/// The sixteen bytes of `bytes` from `at` (below its end); past the end,
/// spaces, which are never marked.
#[inline(always)]
pub(super) fn load(bytes: &[u8], at: usize) -> [u8; LEN] {
    match bytes.get(at..).and_then(|r| r.first_chunk::<LEN>()) {
        Some(&c) => c,
        None => {
            let mut c = [b' '; LEN];
            let tail = bytes.get(at..).unwrap_or_default();
            c.iter_mut().zip(tail).for_each(|(b, &t)| *b = t);
            c
        }
    }
}

/// Bit `i` is set when byte `i` of `chunk` starts a char and is not an
/// ASCII lowercase letter or a space: where a scan that skips those has a
/// char to read. Continuation bytes (`0b10xx_xxxx`) are not marked.
///
/// ```text
/// "Ferry at 9 am. x" -> 0b0010_0010_0000_0001 (`F`, `9`, `.`)
/// ```
#[inline(always)]
pub(super) fn marks(chunk: [u8; LEN]) -> u32 {
    let v = u8x16::new(chunk);
    // Minus `a`, at most 25 (wrapping, so the bytes below `a` come out large).
    let from_a = v - u8x16::splat(b'a');
    let lower = from_a.min(u8x16::splat(25)).simd_eq(from_a);
    let space = v.simd_eq(u8x16::splat(b' '));
    // A continuation byte has bit 7 set and bit 6 clear; doubled, bit 6
    // moves to bit 7, where `to_bitmask` reads.
    let continuation = v.to_bitmask() & !(v + v).to_bitmask();
    !((lower | space).to_bitmask() | continuation) & 0xFFFF
}

/// The marks of the 32 bytes `bytes` starts with (spaces past its end):
/// those of the first chunk in the low 16 bits, of the second above them.
#[inline(always)]
pub(super) fn marks_of_two(bytes: &[u8]) -> u32 {
    marks(load(bytes, 0)) | marks(load(bytes, LEN)) << 16
}

/// The sixteen bytes of `bytes` that end at `end` (`None` past its end);
/// before its start, spaces.
#[inline(always)]
pub(super) fn load_before(bytes: &[u8], end: usize) -> Option<[u8; LEN]> {
    let head = bytes.get(..end)?;
    Some(match head.last_chunk::<LEN>() {
        Some(&c) => c,
        None => {
            let mut c = [b' '; LEN];
            let back = c.iter_mut().rev().zip(head.iter().rev());
            back.for_each(|(b, &t)| *b = t);
            c
        }
    })
}

/// The ASCII letters of `chunk` and its bytes that are not ASCII, a bit
/// per byte.
#[inline(always)]
pub(super) fn letters_and_wide(chunk: [u8; LEN]) -> (u32, u32) {
    let v = u8x16::new(chunk);
    let wide = v.to_bitmask();
    // Folded to lowercase (`| 0x20`, which maps no other ASCII byte onto a
    // letter), minus `a`, at most 25.
    let from_a = (v | u8x16::splat(0x20)) - u8x16::splat(b'a');
    let letters = from_a.min(u8x16::splat(25)).simd_eq(from_a).to_bitmask();
    (letters & !wide, wide)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks by the byte definitions, one byte at a time.
    fn marks_by_bytes(chunk: [u8; LEN]) -> u32 {
        chunk.iter().enumerate().fold(0, |m, (i, &b)| {
            let boring = b.is_ascii_lowercase() || b == b' ' || b & 0xC0 == 0x80;
            m | u32::from(!boring) << i
        })
    }

    #[test]
    fn every_byte_at_every_place_has_its_letter_bits() {
        for byte in 0..=u8::MAX {
            for at in 0..LEN {
                let mut chunk = *b"Ab \td\x0B9.Zz\r\n@[`{";
                chunk[at] = byte;
                let (letters, wide) = letters_and_wide(chunk);
                let want = |f: fn(&u8) -> bool| {
                    chunk
                        .iter()
                        .enumerate()
                        .fold(0, |m, (i, b)| m | u32::from(f(b)) << i)
                };
                assert_eq!(letters, want(u8::is_ascii_alphabetic), "{byte:#x} at {at}");
                assert_eq!(wide, want(|b| !b.is_ascii()), "{byte:#x} at {at}");
            }
        }
        assert_eq!(load_before(b"Ferry", 4), Some(*b"            Ferr"));
        assert_eq!(load_before(b"Ferry", 6), None);
    }

    #[test]
    fn every_byte_at_every_place_is_marked_by_its_definition() {
        for byte in 0..=u8::MAX {
            for at in 0..LEN {
                let mut chunk = *b"Ab c\td\x0B9.Zz\r\n ~\x01";
                chunk[at] = byte;
                assert_eq!(marks(chunk), marks_by_bytes(chunk), "{byte:#x} at {at}");
                let mut plain = *b"ab cdefgh ijklmn";
                plain[at] = byte;
                let boring = byte.is_ascii_lowercase() || byte == b' ' || byte & 0xC0 == 0x80;
                let want = if boring { 0 } else { 1 << at };
                assert_eq!(marks(plain), want, "{byte:#x} at {at}");
            }
        }
        assert_eq!(marks(*b"Ferry at 9 am. x"), 0b0010_0010_0000_0001);
        // `é` is C3 A9: its lead byte is marked, not the continuation.
        let mut c = [b'a'; LEN];
        c[..2].copy_from_slice("é".as_bytes());
        assert_eq!(marks(c), 1);
        assert_eq!(load(b"Ferry", 2), *b"rry             ");
        assert_eq!(load(b"Ferry", 5), [b' '; LEN]);
        assert_eq!(
            marks_of_two(b"ab cdefgh ijklmnopqrstuvwxyZ . x"),
            0b101 << 27
        );
        assert_eq!(marks_of_two(b"ab cdefgh ijklmnopQ"), 1 << 18);
    }
}
