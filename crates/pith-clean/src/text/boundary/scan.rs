//! The boundary scan itself: the bytes that are not ASCII lowercase letters
//! or spaces are marked sixteen at a time, chars that fire no rule are passed
//! over through byte tables, and the rest are read with the few chars around
//! them. The rules are listed in [`super`]; the text around a char they
//! read is in [`context`].

mod context;
mod marks;

use super::classes::*;
use super::*;

/// Scanner state carried between interesting chars.
struct Scan<'a> {
    flat: &'a str,
    rules: &'a BoundaryRules,
    /// Camel-case words: no cut inside one.
    camel: Guard<'a>,
    out: Vec<Boundary>,
    /// Cuts between one digit and a capitalised word (`1Password`): the
    /// digit's offset and the cut's index in `out`.
    digit_names: Vec<(usize, usize)>,
    /// Offset just after a sentence stop (and any closing marks after it):
    /// a new node may start exactly there.
    stop_end: Option<usize>,
    /// The ASCII stop that set [`Scan::stop_end`], when the word before it
    /// is still to be checked: a stop after an abbreviation ends no
    /// sentence, but most stops are followed by a space, which ends them
    /// unread, so the check waits for a char right after the stop.
    stop_word: Option<usize>,
    /// Offset just after a full-width stop (and closing brackets).
    wide_end: Option<usize>,
    /// Straight double quotes seen since the last boundary (parity decides
    /// whether a `"` after a stop closes a quote or opens the next node).
    quotes: u32,
    /// The end of a run of CJK ideographs after a CJK letter: none of them
    /// fires a rule (same script, no case, no stop), so they are not read.
    quiet_to: usize,
}

impl Scan<'_> {
    fn cut(&mut self, at: usize, cut: Cut) {
        if at == 0 || self.camel.covers(at) {
            return;
        }
        self.out.push(Boundary { at, cut });
        self.quotes = 0;
    }

    /// The case and letter flags of `c`.
    fn kind(&self, c: char) -> u8 {
        self.rules.kinds.of(c)
    }

    /// Read the char starting at `at`, one that [`calm`] does not pass.
    fn read(&mut self, at: usize) {
        match self.flat.as_bytes().get(at) {
            Some(&b) if b.is_ascii() => self.ascii(at, b),
            _ => {
                if at < self.quiet_to {
                    return;
                }
                if let Some(c) = self.flat.get(at..).and_then(|t| t.chars().next()) {
                    self.wide(at, c);
                }
            }
        }
    }

    /// What [`Scan::after_stop`] and [`Scan::after_wide_stop`] do at a char
    /// that follows no stop and fires no rule: the pending stops end.
    fn calm(&mut self) {
        self.stop_end = None;
        self.stop_word = None;
        self.wide_end = None;
    }

    /// True when a sentence stop ends just before `at`; the word before a
    /// stop whose check was put off is checked now.
    fn stop_before(&mut self, at: usize) -> bool {
        if self.stop_end != Some(at) {
            return false;
        }
        if let Some(stop) = self.stop_word.take() {
            if self.is_abbreviation(stop) {
                self.stop_end = None;
                return false;
            }
        }
        true
    }

    /// True when a stop or a full-width stop ends just before `at`.
    fn pending(&mut self, at: usize) -> bool {
        self.stop_before(at) || self.wide_end == Some(at)
    }

    /// One interesting ASCII byte that [`calm`] does not pass. The common
    /// cases are decided from the byte tables, with the rules
    /// [`Scan::step`] would apply spelled out for them: a capital after a
    /// letter, a bracket or apostrophe after no stop, and the stops
    /// themselves. The rest take the char path.
    fn ascii(&mut self, at: usize, b: u8) {
        let class = CALM[b as usize];
        let p = self.byte_before(at);
        let before = CALM[p as usize];
        if class & CAPITAL != 0 && before & (SMALL | CAPITAL) != 0 {
            // A letter ends no stop; of the capital's rules only the case
            // and acronym ones look at a letter before it.
            self.calm();
            let (h1, h1_at) = self.before(at - 1);
            let kh1 = self.kind(h1);
            if before & SMALL != 0 {
                let prefix = !alphanumeric(kh1)
                    || (h1 == 'M' && p == b'c' && self.kind(self.before(h1_at).0) & ALPHA == 0);
                if !prefix {
                    self.cut(at, Cut::Case);
                }
            } else if kh1 & UPPER != 0 && self.lower_pair(at + 1) {
                self.cut(at, Cut::Acronym);
            }
        } else if class & STOP != 0 {
            // A stop extends a pending one, or starts one unless it ends an
            // abbreviation; it fires no rule of its own.
            self.wide_end = None;
            let extends = self.stop_before(at);
            self.stop_end = Some(at + 1);
            self.stop_word = if extends { None } else { Some(at) };
        } else if class & CAPITAL != 0 && before & (STOP | DIGIT) != 0 {
            // After a stop, only the sentence rule (when the stop is
            // pending); after a digit, only the digit rule (`2011News`).
            let pending = self.stop_before(at);
            self.calm();
            if before & STOP != 0 {
                if pending {
                    self.cut(at, Cut::Sentence);
                }
            } else if self.lower_pair(at + 1) {
                self.cut(at, Cut::Digit);
                if !self.before(at - 1).0.is_ascii_digit() {
                    self.digit_names.push((at - 1, self.out.len() - 1));
                }
            }
        } else if class & DIGIT != 0 && before & (SMALL | STOP) != 0 {
            // After a lowercase letter, the word glued to a number; after a
            // pending stop that ends a word, an amount (`world.25`).
            let pending = self.stop_before(at);
            self.calm();
            if before & SMALL != 0 {
                if self.word_before(at).chars().nth(2).is_some() {
                    self.cut(at, Cut::Digit);
                }
            } else if pending && self.kind(self.before(at - 1).0) & ALPHA != 0 {
                self.cut(at, Cut::Sentence);
            }
        } else if class & BRACKET != 0 && !self.stop_before(at) {
            // Brackets and apostrophes matter after a stop, or to the char
            // after them.
            self.calm();
        } else {
            self.step(at, b as char);
        }
    }

    /// One non-ASCII char. With no stop pending before it, a char that is
    /// no letter and no stop or currency sign (quotes, dashes, symbols)
    /// fires no rule, and a letter without case fires only the script
    /// rule; the rest take the char path.
    fn wide(&mut self, at: usize, c: char) {
        let kc = self.kind(c);
        if self.pending(at) {
            return self.step(at, c);
        }
        if kc == 0 && !is_stop(c) && !is_wide_stop(c) && !is_currency(c) {
            return self.calm();
        }
        if kc & (ALPHA | UPPER) == ALPHA {
            self.calm();
            // What `script_change` does: a script other than Latin, CJK
            // and Thai differs from the Latin letters around it.
            let sc = script(c);
            let apart = scripts_differ(sc, Script::Latin);
            let b = self.byte_before(at);
            if b.is_ascii() {
                if apart && CALM[b as usize] & (SMALL | CAPITAL) != 0 {
                    self.cut(at, Cut::Script);
                }
            } else {
                let (p, _) = self.before(at);
                if self.kind(p) & ALPHA != 0 && scripts_differ(script(p), sc) {
                    self.cut(at, Cut::Script);
                }
            }
            let end = at + c.len_utf8();
            if apart && self.char_at(end).is_ascii_lowercase() {
                self.cut(end, Cut::Script);
            }
            if sc == Script::Cjk {
                self.quiet_to = ideographs_from(self.flat.as_bytes(), end);
            }
            return;
        }
        self.step(at, c);
    }

    /// One interesting char `c` at `at`: every rule, through the char flags.
    fn step(&mut self, at: usize, c: char) {
        let (p, p_at) = self.before(at);
        let (kc, kp) = (self.kind(c), self.kind(p));
        let end = at + c.len_utf8();
        self.after_stop(at, c, kc, (p, p_at));
        self.after_wide_stop(at, c, kc);
        if c == '"' {
            self.quotes += 1;
        }
        if is_stop(c) && self.stop_end.is_none() && !self.is_abbreviation(at) {
            self.stop_end = Some(end);
        }
        if is_wide_stop(c) {
            self.wide_end = Some(end);
        }
        if kc & UPPER != 0 {
            self.before_capital(at, c, (p, p_at), kp);
        }
        if kc & ALPHA != 0 && (!c.is_ascii() || !p.is_ascii()) {
            self.script_change(at, c, p, kp);
        }
        let p_lower = kp & LOWER != 0;
        if is_currency(c) && (p_lower || p.is_ascii_digit() || is_stop(p)) {
            self.cut(at, Cut::Currency);
        }
        if c.is_ascii_digit() {
            // An amount written with the sign after it: `25 €50 €`.
            if is_currency(p) {
                let (h1, h1_at) = self.before(p_at);
                if h1 == ' ' && self.before(h1_at).0.is_ascii_digit() {
                    self.cut(at, Cut::Currency);
                }
            }
            // A word glued to a number (`Abo12. März`, `aussi20 janvier`): a
            // word of three or more letters ending lowercase, so `mp3` and
            // `B52` stay whole.
            if p_lower && !is_unspaced(p) && self.word_before(at).chars().nth(2).is_some() {
                self.cut(at, Cut::Digit);
            }
        }
    }

    /// Resolve a pending sentence stop: does a new node start at `at`?
    fn after_stop(&mut self, at: usize, c: char, kc: u8, (p, p_at): (char, usize)) {
        if !self.stop_before(at) {
            // No stop, or something boring came between, or the stop
            // ended an abbreviation.
            self.stop_end = None;
            self.stop_word = None;
            return;
        }
        let closes_quote = c == '"' && self.quotes % 2 == 1;
        if closes_quote || is_closing(c) || is_stop(c) {
            self.stop_end = Some(at + c.len_utf8());
            return;
        }
        self.stop_end = None;
        // A stop right after a word, then digits: `world.$50`, `monde.25 €`.
        let amount =
            c.is_ascii_digit() && is_stop(p) && self.kind(self.before(p_at).0) & ALPHA != 0;
        let opens = amount
            || kc & UPPER != 0
            || (kc & ALPHA != 0 && kc & LOWER == 0 && script(c) != Script::Latin)
            || matches!(c, '"' | '“' | '‘' | '«' | '(' | '[' | '¿' | '¡');
        if opens {
            self.cut(at, Cut::Sentence);
        }
    }

    fn after_wide_stop(&mut self, at: usize, c: char, kc: u8) {
        let Some(wide_end) = self.wide_end else {
            return;
        };
        if wide_end != at {
            self.wide_end = None;
            return;
        }
        if is_wide_closing(c) || is_wide_stop(c) {
            self.wide_end = Some(at + c.len_utf8());
            return;
        }
        self.wide_end = None;
        if alphanumeric(kc) || matches!(c, '「' | '『' | '“' | '（' | '【') {
            self.cut(at, Cut::Stop);
        }
    }

    /// The rules that fire at a capital letter `c`, after `p` (of kind `kp`).
    fn before_capital(&mut self, at: usize, c: char, (p, p_at): (char, usize), kp: u8) {
        let (h1, h1_at) = self.before(p_at);
        let kh1 = self.kind(h1);
        if kp & LOWER != 0 {
            // The hump before: `iPhone`, `eBay` (one letter) and `McCain` stay whole.
            let prefix = !alphanumeric(kh1)
                || (h1 == 'M' && p == 'c' && self.kind(self.before(h1_at).0) & ALPHA == 0);
            if !prefix && (script(p) == script(c) || !is_unspaced(p)) {
                self.cut(at, Cut::Case);
            }
        }
        let acronym = kp & UPPER != 0 && kh1 & UPPER != 0;
        if (acronym || p.is_ascii_digit()) && self.lower_pair(at + c.len_utf8()) {
            if acronym {
                self.cut(at, Cut::Acronym); // `EDTKazakhstan`
            } else {
                self.cut(at, Cut::Digit); // `2011News`
                if !h1.is_ascii_digit() {
                    // `Case 1Test`, or a name (`1Password`): the page decides.
                    self.digit_names.push((p_at, self.out.len() - 1));
                }
            }
        }
        // A word glued to an opening bracket or quote and a capital.
        let opens = p == '(' || p == '“' || p == '«' || (p == '"' && self.quotes % 2 == 1);
        if opens && alphanumeric(kh1) {
            self.cut(p_at, Cut::Bracket);
            if p == '"' {
                self.quotes = 1;
            }
        }
        // A closing quote glued to a capital.
        let closed = p == '”'
            || p == '»'
            || (p == ')' && self.short_brackets(p_at))
            || (p == '"' && self.quotes % 2 == 0);
        if closed && h1 != ' ' {
            self.cut(at, Cut::Bracket);
        }
        if is_currency(p) {
            self.cut(at, Cut::Currency);
        }
    }

    /// A change of script between two letters, on either side of `c`.
    fn script_change(&mut self, at: usize, c: char, p: char, kp: u8) {
        let sc = script(c);
        if kp & ALPHA != 0 && scripts_differ(script(p), sc) {
            self.cut(at, Cut::Script);
        }
        let end = at + c.len_utf8();
        if !c.is_ascii()
            && self.char_at(end).is_ascii_lowercase()
            && scripts_differ(sc, Script::Latin)
        {
            self.cut(end, Cut::Script);
        }
    }
}

/// True when the byte at `at` is ASCII and fires no rule whatever comes
/// before it (`,`, `-`, `:`...), or is a capital after a space or such a
/// byte, or a digit after any ASCII byte but a lowercase letter, a currency
/// sign or a stop. All such a byte does is end the pending stops, and the
/// next char read ends them as well (no stop ends exactly where it is): the
/// scan passes it over.
///
/// A capital's flag shifted down twice is [`CALM_BEFORE_CAPITAL`], a
/// digit's [`CALM_BEFORE_DIGIT`]: the flag the byte before must have. The
/// other bytes need not look back.
#[inline]
fn calm(bytes: &[u8], at: usize) -> bool {
    const _: () = assert!(CAPITAL >> 2 == CALM_BEFORE_CAPITAL && DIGIT >> 2 == CALM_BEFORE_DIGIT);
    let class = bytes.get(at).map_or(0, |&b| CALM[b as usize]);
    if class & QUIET != 0 {
        return true;
    }
    // The flag the byte before must have; none for the other classes.
    let need = (class >> 2) & (CALM_BEFORE_CAPITAL | CALM_BEFORE_DIGIT);
    if need == 0 {
        return false;
    }
    let before = at
        .checked_sub(1)
        .and_then(|i| bytes.get(i))
        .map_or(CALM[b' ' as usize], |&p| CALM[p as usize]);
    need & before != 0
}

/// The end of the run of CJK ideographs (U+4E00 to U+9FFF, three bytes
/// each, lead byte `E4` with a second byte from `B8`, or `E5` to `E9`)
/// starting at `at`.
fn ideographs_from(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&[lead, second, _]) = bytes.get(at..at + 3) {
        if !matches!((lead, second), (0xE4, 0xB8..) | (0xE5..=0xE9, _)) {
            break;
        }
        at += 3;
    }
    at
}

/// The room to make for the cuts of a text of `len` bytes: glued pages
/// average a cut per 60 bytes or so, and growing the list cut by cut
/// reallocates it ten times or more. At most 65,536 (1 MB): a longer text
/// grows its list as it needs.
fn expected_cuts(len: usize) -> usize {
    (len / 32 + 16).min(1 << 16)
}

/// The cuts of `flat` in the order the rules placed them, and the digit
/// names among them. Sixteen bytes at a time, the bytes that start a char
/// and are not ASCII lowercase letters or spaces are marked, and only the
/// chars at the marks are read.
pub(super) fn scan(flat: &str, rules: &BoundaryRules) -> (Vec<Boundary>, Vec<(usize, usize)>) {
    let mut scan = Scan {
        flat,
        rules,
        camel: rules.camel.guard(flat),
        out: {
            let mut out = Vec::with_capacity(expected_cuts(flat.len()));
            out.push(Boundary {
                at: 0,
                cut: Cut::Start,
            });
            out
        },
        stop_end: None,
        stop_word: None,
        wide_end: None,
        quotes: 0,
        digit_names: Vec::new(),
        quiet_to: 0,
    };
    let bytes = flat.as_bytes();
    // Read the char at each marked byte of the 32 from `base` (bit `i` for
    // byte `base + i`) that a table does not pass over.
    let mut read_marks = |base: usize, mut marks: u32| {
        while marks != 0 {
            let at = base + marks.trailing_zeros() as usize;
            if !calm(bytes, at) {
                scan.read(at);
            }
            marks &= marks - 1;
        }
    };
    // Every char that is not boring starts at one mark: continuation bytes
    // are not marked, nor the spaces past the end. Two chunks a step.
    let mut pairs = bytes.chunks_exact(2 * marks::LEN);
    let mut base = 0;
    for pair in &mut pairs {
        read_marks(base, marks::marks_of_two(pair));
        base += 2 * marks::LEN;
    }
    let tail = pairs.remainder();
    if !tail.is_empty() {
        read_marks(base, marks::marks_of_two(tail));
    }
    (scan.out, scan.digit_names)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`calm`] as it was first written, flag by flag.
    fn calm_by_flags(bytes: &[u8], at: usize) -> bool {
        let class = bytes.get(at).map_or(0, |&b| CALM[b as usize]);
        if class & QUIET != 0 {
            return true;
        }
        let before = at
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .map_or(CALM[b' ' as usize], |&p| CALM[p as usize]);
        (class & CAPITAL != 0 && before & CALM_BEFORE_CAPITAL != 0)
            || (class & DIGIT != 0 && before & CALM_BEFORE_DIGIT != 0)
    }

    #[test]
    fn calm_is_the_flag_rule_for_every_pair_of_bytes() {
        for p in 0..=u8::MAX {
            for b in 0..=u8::MAX {
                let bytes = [p, b];
                for at in 0..=2 {
                    assert_eq!(
                        calm(&bytes, at),
                        calm_by_flags(&bytes, at),
                        "{p:#x} {b:#x} at {at}"
                    );
                }
            }
        }
        assert!(calm(b"a A", 2) && calm(b"19", 1) && calm(b"a,", 1) && calm(b"A", 0));
        assert!(!calm(b"aA", 1) && !calm(b"a9", 1) && !calm(b".A", 1) && !calm(b"a.", 1));
    }
}
