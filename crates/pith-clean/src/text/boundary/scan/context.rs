//! The text around a char that the rules of [`super::Scan`] read: the
//! chars just before and after it, the word before it, and the two tests
//! that read further back (an abbreviation before a stop, a short bracket
//! before a capital). None of them changes the scanner's state.

use super::*;

impl Scan<'_> {
    /// The byte before `at` (a space at the start, as [`Scan::before`] has it).
    pub(super) fn byte_before(&self, at: usize) -> u8 {
        at.checked_sub(1)
            .and_then(|i| self.flat.as_bytes().get(i))
            .copied()
            .unwrap_or(b' ')
    }

    /// The char that ends at `at` and its offset (`' '` at the start).
    pub(super) fn before(&self, at: usize) -> (char, usize) {
        match at.checked_sub(1).and_then(|i| self.flat.as_bytes().get(i)) {
            Some(&b) if b.is_ascii() => (b as char, at - 1),
            _ => self
                .flat
                .get(..at)
                .and_then(|head| head.char_indices().next_back())
                .map_or((' ', 0), |(i, c)| (c, i)),
        }
    }

    /// The char at `at` (`' '` past the end).
    pub(super) fn char_at(&self, at: usize) -> char {
        match self.flat.as_bytes().get(at) {
            Some(&b) if b.is_ascii() => b as char,
            _ => self
                .flat
                .get(at..)
                .and_then(|t| t.chars().next())
                .unwrap_or(' '),
        }
    }

    /// True when the two chars from `at` on are lowercase.
    pub(super) fn lower_pair(&self, at: usize) -> bool {
        let n1 = self.char_at(at);
        self.kind(n1) & LOWER != 0 && self.kind(self.char_at(at + n1.len_utf8())) & LOWER != 0
    }

    /// The letters just before `at`, at most 16 bytes back.
    pub(super) fn word_before(&self, at: usize) -> &str {
        match self.ascii_word_before(at) {
            Some(len) => self.flat.get(at - len..at).unwrap_or(""),
            None => self.word_before_by_chars(at),
        }
    }

    /// The length of [`Scan::word_before`] when it is all ASCII and ends
    /// at an ASCII byte or the 16-byte limit: the letters are found
    /// sixteen bytes at a time. `None` when a non-ASCII byte ends the run
    /// (the char path decides such a word).
    pub(super) fn ascii_word_before(&self, at: usize) -> Option<usize> {
        // Bit 15 is the byte just before `at`; the bytes before the text
        // are spaces.
        let (letters, wide) =
            marks::letters_and_wide(marks::load_before(self.flat.as_bytes(), at)?);
        let others = !letters & 0xFFFF;
        if others == 0 {
            return Some(16);
        }
        // The last byte that is no letter is the highest marked.
        let stop = 31 - others.leading_zeros();
        if wide >> stop & 1 != 0 {
            None
        } else {
            Some(15 - stop as usize)
        }
    }

    /// [`Scan::word_before`] char by char, with the Unicode letter test.
    pub(super) fn word_before_by_chars(&self, at: usize) -> &str {
        let head = self.flat.get(..at).unwrap_or("");
        let start = head
            .char_indices()
            .rev()
            .take_while(|(i, c)| c.is_alphabetic() && at - i <= 16)
            .last()
            .map_or(at, |(i, _)| i);
        head.get(start..).unwrap_or("")
    }

    /// A stop after an initial (`U.S.`, `J.K.`) or a listed abbreviation
    /// (`Mr.`) does not end a sentence.
    pub(super) fn is_abbreviation(&self, at: usize) -> bool {
        match self.ascii_word_before(at) {
            Some(0) => return false,
            Some(1) => return true,
            Some(len) => {
                return self
                    .rules
                    .is_abbreviation(self.flat.get(at - len..at).unwrap_or(""))
            }
            None => {}
        }
        let word = self.word_before_by_chars(at);
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (None, _) => false,
            (Some(_), None) => true,
            _ => self.rules.is_abbreviation(word),
        }
    }

    /// True when the `)` at `close` ends a bracket of at most
    /// [`BRACKET_MAX_WORDS`] words (`(español)`, `(27)`): a label's tail, as
    /// in a language menu or a comment count. A longer bracket glued to a
    /// capital is a photo credit inside a caption, and a bracket glued to a
    /// word (`avg(n)FROM`) is code unless it holds a count: both left whole.
    pub(super) fn short_brackets(&self, close: usize) -> bool {
        let head = self.flat.get(..close).unwrap_or("");
        let Some(open) = head
            .char_indices()
            .rev()
            .take(BRACKET_MAX_CHARS)
            .find(|(_, c)| *c == '(')
        else {
            return false;
        };
        let inside = head.get(open.0 + 1..).unwrap_or("");
        // `avg(n)FROM` is code: a call glued to its name holds no count.
        let glued = head
            .get(..open.0)
            .and_then(|h| h.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        let count = !inside.is_empty() && inside.bytes().all(|b| b.is_ascii_digit());
        !inside.trim().is_empty()
            && inside.split_whitespace().count() <= BRACKET_MAX_WORDS
            && (!glued || count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Scan::ascii_word_before`] as it was first written, eight bytes at
    /// a time with the SWAR letter test.
    fn ascii_word_before_by_words(bytes: &[u8], at: usize) -> Option<usize> {
        let mut len = 0;
        while len < 16 {
            let end = at - len;
            let Some(w) = end
                .checked_sub(8)
                .and_then(|from| swar::word_at(bytes, from))
            else {
                // Fewer than eight bytes left: one at a time.
                let head = bytes.get(..end)?;
                let letters = head.iter().rev().take(16 - len);
                let run = letters.take_while(|b| b.is_ascii_alphabetic()).count();
                let stop = end.checked_sub(run + 1).and_then(|i| head.get(i));
                return match stop {
                    Some(b) if !b.is_ascii() && len + run < 16 => None,
                    _ => Some(len + run),
                };
            };
            let others = !swar::ascii_letter(w) & 0x8080_8080_8080_8080;
            if others == 0 {
                len += 8;
                continue;
            }
            // The last non-letter byte before `end` is the highest marked.
            let run = (others.leading_zeros() / 8) as usize;
            let stop = bytes[end - run - 1];
            return if !stop.is_ascii() && len + run < 16 {
                None
            } else {
                Some((len + run).min(16))
            };
        }
        Some(16)
    }

    #[test]
    fn ascii_word_before_is_the_word_scan_at_every_place() {
        let pieces = ["ab", "Cd", "é", "日", "1", ".", " ", "xyzXYZuvw", "Q"];
        let rules = BoundaryRules::new(&[], &[]);
        let mut texts = vec![String::new()];
        for n in 0..3000usize {
            // Every piece after every earlier text, deterministic and mixed.
            let mut t = texts[n / pieces.len()].clone();
            t.push_str(pieces[n % pieces.len()]);
            texts.push(t);
        }
        texts.push("abcdefghijklmnopqrstuvwxyz".repeat(2) + "é" + &"A".repeat(20));
        for flat in &texts {
            let scan = Scan {
                flat,
                rules: &rules,
                camel: rules.camel.guard(flat),
                out: Vec::new(),
                digit_names: Vec::new(),
                stop_end: None,
                stop_word: None,
                wide_end: None,
                quotes: 0,
                quiet_to: 0,
            };
            for at in 0..=flat.len() + 1 {
                let want = ascii_word_before_by_words(flat.as_bytes(), at);
                assert_eq!(scan.ascii_word_before(at), want, "{flat:?} at {at}");
            }
        }
    }
}
