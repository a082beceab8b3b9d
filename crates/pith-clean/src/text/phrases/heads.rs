//! The prefilter of phrase search: may a phrase start at this word start?
//! Two hashed bit sets over the patterns' first bytes answer in a few
//! instructions, so the automaton walks from about one word start in forty.

/// The heads of the patterns, in two hashed bit sets (Bloom filters with
/// one hash each): their first four bytes, then their first eight (or all
/// of a shorter one). A window of text passes when both sets may hold it:
/// with the built-in lexicons, about one word start in forty, where the
/// automaton then walks. A pattern shorter than four bytes is kept whole,
/// and each window is also looked up cut to that length.
#[derive(Debug)]
pub(super) struct Heads {
    /// First four bytes (or all of a shorter pattern).
    four: Box<[u64; SET_WORDS]>,
    /// For each bucket of `four`, the lengths of its patterns: bit
    /// `n - 4` for `n` in 4..8, bit 4 for eight or more.
    lens: Box<[u8; 1 << HEAD_BITS]>,
    /// First eight bytes (or all of a pattern of 4 to 7), with the length.
    eight: Box<[u64; SET_WORDS]>,
    /// For each byte, bit `n - 1` is set when a pattern `n` bytes long
    /// (`n` < 4) starts with it.
    short_lens: [u8; 256],
    /// The first two bytes of the patterns shorter than four (a pattern of
    /// one byte with every byte after it), indexed as they are.
    short_two: Box<[u64; SET_WORDS]>,
    /// Some pattern is empty: every window passes.
    empty: bool,
}

/// Bits of the sets' indexes (sets of 2^16 bits, 8 KiB each).
const HEAD_BITS: u32 = 16;

/// The words of a set: sized by type, so an index is never checked.
const SET_WORDS: usize = 1 << (HEAD_BITS - 6);

impl Heads {
    pub(super) fn new(patterns: &[String]) -> Heads {
        let mut heads = Heads {
            four: Box::new([0; SET_WORDS]),
            lens: Box::new([0; 1 << HEAD_BITS]),
            eight: Box::new([0; SET_WORDS]),
            short_lens: [0; 256],
            short_two: Box::new([0; SET_WORDS]),
            empty: false,
        };
        for p in patterns.iter().map(String::as_bytes) {
            let mut head = [0; 8];
            let n = p.len().min(8);
            head[..n].copy_from_slice(&p[..n]);
            let head = u64::from_le_bytes(head);
            let h = Heads::hash4(head as u32);
            heads.four[h >> 6] |= 1 << (h & 63);
            match p.len() {
                0 => heads.empty = true,
                n @ 1..=3 => {
                    heads.short_lens[usize::from(p[0])] |= 1 << (n - 1);
                    let seconds = match p.get(1) {
                        Some(&b) => b..=b,
                        None => 0..=u8::MAX,
                    };
                    for b in seconds {
                        let two = usize::from(p[0]) | usize::from(b) << 8;
                        heads.short_two[two >> 6] |= 1 << (two & 63);
                    }
                }
                n => {
                    heads.lens[h] |= 1 << (n.min(8) - 4);
                    let e = Heads::hash8(head, n.min(8));
                    heads.eight[e >> 6] |= 1 << (e & 63);
                }
            }
        }
        if heads.empty {
            // Every window passes the first test of `may_start`.
            heads.four.fill(u64::MAX);
        }
        heads
    }

    fn hash4(head: u32) -> usize {
        (head.wrapping_mul(0x9E37_79B1) >> (32 - HEAD_BITS)) as usize
    }

    fn hash8(head: u64, len: usize) -> usize {
        let key = head.wrapping_add(len as u64);
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - HEAD_BITS)) as usize
    }

    fn has(set: &[u64; SET_WORDS], h: usize) -> bool {
        set[h >> 6] & (1 << (h & 63)) != 0
    }

    /// False when no pattern starts where `head` does: `head` is the next
    /// eight bytes of the folded text, little-endian, zero past its end (a
    /// pattern that fits before the end reads the same bytes either way).
    /// Most windows fail the first test: it is inlined, the rest is not.
    #[inline(always)]
    pub(super) fn may_start(&self, head: u64) -> bool {
        let h = Heads::hash4(head as u32);
        (Heads::has(&self.four, h) || Heads::has(&self.short_two, (head & 0xFFFF) as usize))
            && self.may_start_past_four(head, h)
    }

    /// [`Heads::may_start`] once the first test is passed: `h` is the hash
    /// of the window's first four bytes.
    #[inline(never)]
    fn may_start_past_four(&self, head: u64, h: usize) -> bool {
        if self.empty {
            return true;
        }
        if Heads::has(&self.four, h) {
            let lens = self.lens[h];
            if lens == 0 {
                return true;
            }
            let by_len = (0..5).any(|k| {
                let len = k + 4;
                let cut = if len >= 8 {
                    head
                } else {
                    head & (u64::MAX >> (64 - 8 * len))
                };
                lens & (1 << k) != 0 && Heads::has(&self.eight, Heads::hash8(cut, len))
            });
            if by_len {
                return true;
            }
        }
        let lens = self.short_lens[(head & 0xFF) as usize];
        lens != 0
            && (0..3).any(|n| {
                lens & (1 << n) != 0
                    && Heads::has(
                        &self.four,
                        Heads::hash4((head as u32) & (u32::MAX >> (24 - 8 * n))),
                    )
            })
    }
}
