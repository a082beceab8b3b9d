//! Sixteen ASCII bytes at once: the bit masks [`super::Features::of`]
//! counts from, made with SIMD compares (`wide`, SSE2 on x86-64) and one
//! `movemask` each: about six instructions a byte of ASCII prose, where
//! the eight-byte SWAR words this replaced took about twelve.

use wide::u8x16;

/// The chunk size.
pub(super) const LEN: usize = 16;

/// Bit `i` of each mask describes byte `i` of a chunk of sixteen ASCII bytes.
///
/// ```text
/// "Ferry at 9 am. x" -> solid  0b1011_1010_1101_1111 (all but the spaces)
///                       letter 0b1001_1000_1101_1111
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Bits {
    /// Bytes that are no ASCII whitespace (`\t` to `\r` and the space).
    pub solid: u32,
    /// ASCII letters.
    pub letter: u32,
    /// Bytes with their 0x20 bit set: a letter among them is lowercase.
    pub case: u32,
    /// Bytes that are not ASCII (the masks above leave them out).
    pub wide: u32,
}

/// The sixteen bytes of `bytes` from `at` (below its end); past the end,
/// spaces.
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

/// The masks of `chunk`.
#[inline(always)]
pub(super) fn bits(chunk: [u8; LEN]) -> Bits {
    let v = u8x16::new(chunk);
    let wide = v.to_bitmask();
    // `\t` to `\r` are 9 to 13: minus 9, at most 4 (wrapping, so the bytes
    // below 9 come out large).
    let ctrl = v - u8x16::splat(9);
    let space = v.simd_eq(u8x16::splat(b' ')) | ctrl.min(u8x16::splat(4)).simd_eq(ctrl);
    // Folded to lowercase (`| 0x20`, which maps no other ASCII byte onto a
    // letter), minus `a`, at most 25.
    let from_a = (v | u8x16::splat(0x20)) - u8x16::splat(b'a');
    let letter = from_a.min(u8x16::splat(25)).simd_eq(from_a);
    // Times four moves bit 5 to bit 7, where `to_bitmask` reads.
    let twice = v + v;
    Bits {
        solid: !(space.to_bitmask() | wide) & 0xFFFF,
        letter: letter.to_bitmask() & !wide,
        case: (twice + twice).to_bitmask(),
        wide,
    }
}

/// The set bits of each 16-bit field of `x`, in that field (no `popcnt`:
/// it is not in the x86-64 baseline).
#[inline(always)]
pub(super) fn count_fields(x: u64) -> u64 {
    let x = x - ((x >> 1) & 0x5555_5555_5555_5555);
    let x = (x & 0x3333_3333_3333_3333) + ((x >> 2) & 0x3333_3333_3333_3333);
    let x = (x + (x >> 4)) & 0x0F0F_0F0F_0F0F_0F0F;
    (x + (x >> 8)) & 0x00FF_00FF_00FF_00FF
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The masks by the byte definitions, one byte at a time.
    fn bits_by_bytes(chunk: [u8; LEN]) -> Bits {
        let mut b = Bits {
            solid: 0,
            letter: 0,
            case: 0,
            wide: 0,
        };
        for (i, &c) in chunk.iter().enumerate() {
            b.wide |= u32::from(!c.is_ascii()) << i;
            b.solid |= u32::from(c.is_ascii() && !c.is_ascii_whitespace() && c != 0x0B) << i;
            b.letter |= u32::from(c.is_ascii_alphabetic()) << i;
            b.case |= u32::from(c & 0x20 != 0) << i;
        }
        b
    }

    #[test]
    fn every_byte_at_every_place_has_its_bits() {
        for byte in 0..=u8::MAX {
            for at in 0..LEN {
                let mut chunk = *b"Ab c\td\x0B9.Zz\r\n ~\x01";
                chunk[at] = byte;
                assert_eq!(bits(chunk), bits_by_bytes(chunk), "{byte:#x} at {at}");
            }
        }
        let b = bits(*b"Ferry at 9 am. x");
        assert_eq!(b.solid, 0b1011_1010_1101_1111);
        assert_eq!(b.letter, 0b1001_1000_1101_1111);
        assert_eq!(load(b"Ferry", 2), *b"rry             ");
    }

    #[test]
    fn fields_count_their_bits() {
        for x in [0u64, u64::MAX, 0x8000_0001_FFFF_0F0F, 0x1234_5678_9ABC_DEF0] {
            let want = (0..4).fold(0u64, |acc, k| {
                acc | u64::from(((x >> (16 * k)) as u16).count_ones()) << (16 * k)
            });
            assert_eq!(count_fields(x), want, "{x:#x}");
        }
    }
}
