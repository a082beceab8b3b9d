//! A process-wide table of one byte per char of the Basic Multilingual
//! Plane, each computed the first time a text holds the char: the char
//! classes the boundary scan and the segment features read instead of the
//! Unicode `char::is_*` lookups. A text uses few chars, and computing the
//! byte of every char up front would cost more than a page of text does.

use std::sync::atomic::{AtomicU8, Ordering};

/// The chars [`LazyClasses`] keeps a byte for: U+0000 to U+FFFF.
const BMP: usize = 0x10000;

/// One byte per char of the Basic Multilingual Plane, filled in as chars
/// are met; a `static` of it is shared by every thread.
///
/// An entry holds the byte inverted, so that the zero a fresh table starts
/// with reads as `0xFF`: "not yet known". The bytes the users compute are
/// never `0xFF` (the boundary flags use four bits; in the segment classes
/// the field value `0xE0` is unused), so an entry, once stored, is never
/// zero. A `0xFF` byte would still read right, but would be computed at
/// each call.
///
/// Threads that meet a char at once may both compute its byte; they store
/// the same byte, so a relaxed load and store are enough.
#[derive(Debug)]
pub(super) struct LazyClasses {
    /// The inverted bytes, indexed by scalar value.
    cells: [AtomicU8; BMP],
}

impl LazyClasses {
    /// A table with no byte known yet.
    pub(super) const fn new() -> LazyClasses {
        LazyClasses {
            cells: [const { AtomicU8::new(0) }; BMP],
        }
    }

    /// The byte of the char `n` (a scalar value): the stored one, or else
    /// `compute()`, stored for the next call when `n` is in the Basic
    /// Multilingual Plane. `compute` must give the same byte for the same
    /// `n` each time.
    #[inline]
    pub(super) fn get(&self, n: u32, compute: impl FnOnce() -> u8) -> u8 {
        let Some(cell) = self.cells.get(n as usize) else {
            return compute();
        };
        match !cell.load(Ordering::Relaxed) {
            0xFF => {
                let k = compute();
                cell.store(!k, Ordering::Relaxed);
                k
            }
            k => k,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A byte is computed once, then read from the table, and a zero byte
    /// is kept as well as any; chars past the plane are computed each time.
    #[test]
    fn computes_each_char_once() {
        static TABLE: LazyClasses = LazyClasses::new();
        let calls = Cell::new(0);
        let calls = &calls;
        let count = |k: u8| {
            move || {
                calls.set(calls.get() + 1);
                k
            }
        };
        assert_eq!(TABLE.get(0xE9, count(7)), 7);
        assert_eq!(TABLE.get(0xE9, count(9)), 7);
        assert_eq!(TABLE.get(0xFFFF, count(0)), 0);
        assert_eq!(TABLE.get(0xFFFF, count(5)), 0);
        assert_eq!(calls.get(), 2);
        assert_eq!(TABLE.get(0x1F600, count(3)), 3);
        assert_eq!(TABLE.get(0x1F600, count(4)), 4);
        assert_eq!(calls.get(), 4);
        // `0xFF` cannot be kept: it reads right, computed at each call.
        assert_eq!(TABLE.get(0x100, count(0xFF)), 0xFF);
        assert_eq!(TABLE.get(0x100, count(0xFF)), 0xFF);
        assert_eq!(calls.get(), 6);
    }
}
