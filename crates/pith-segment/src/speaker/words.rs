//! The words of an attribution context: each word's core (punctuation
//! trimmed), its lowercase form, and the punctuation that follows it.

use std::borrow::Cow;

use crate::lexicon::{Lexicons, WordBits};

/// One word of a context, with the punctuation that follows it.
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    /// The word as printed, leading and trailing punctuation (and a possessive `'s`) trimmed.
    pub(crate) core: &'t str,
    /// `core` lowercased; borrowed when it is lowercase ASCII already (most words).
    pub(crate) lower: Cow<'t, str>,
    /// The lists `lower` is in (trailing dots and commas trimmed, as
    /// [`Lexicons::contains`] reads it), and the lists with a phrase it opens.
    pub(crate) bits: WordBits,
    /// A comma, colon, dash or possessive ends a name run after this word.
    pub(crate) stop_after: bool,
    /// A sentence ends after this word.
    pub(crate) end_sentence: bool,
    /// The word carries a possessive `'s`.
    pub(crate) possessive: bool,
}

impl Word<'_> {
    /// Whether the word is an entry of the list with bit `list`.
    pub(crate) fn is(&self, list: u64) -> bool {
        self.bits.entries & list != 0
    }
}

/// Rough bytes per word, to size the word buffer once.
const BYTES_PER_WORD: usize = 6;

/// Which words [`tokenize_for`] looks up in the lexicons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// Every word (attribution contexts test lowercase words too: "said", "he").
    All,
    /// Only what a name run reads: capitalised words, particles, and words
    /// followed by a dot. Other words keep empty [`WordBits`].
    NameRuns,
}

/// The words of `ctx`, split at whitespace, every word looked up.
pub(crate) fn tokenize<'t>(ctx: &'t str, lex: &Lexicons) -> Vec<Word<'t>> {
    tokenize_for(ctx, lex, Lookup::All)
}

/// The words of `ctx`, split at whitespace, with the lookups `lookup` asks for.
pub(crate) fn tokenize_for<'t>(ctx: &'t str, lex: &Lexicons, lookup: Lookup) -> Vec<Word<'t>> {
    let honorifics = lex.list_bit("honorifics");
    let mut out: Vec<Word<'t>> = Vec::with_capacity(ctx.len() / BYTES_PER_WORD + 1);
    for raw in split_whitespace(ctx) {
        let core = trim_start(raw);
        let core_end = trim_end(core);
        let tail = core.get(core_end.len()..).unwrap_or("");
        let (core, possessive) = match core_end
            .strip_suffix("'s")
            .or_else(|| core_end.strip_suffix("’s"))
        {
            Some(c) => (c, true),
            None => (core_end, false),
        };
        if core.is_empty() {
            // A lone dash or mark stops runs on both sides.
            if let Some(last) = out.last_mut() {
                let w: &mut Word = last;
                w.stop_after = true;
            }
            continue;
        }
        let lower = lowercase(core);
        let wanted = match lookup {
            Lookup::All => true,
            Lookup::NameRuns => {
                tail.starts_with('.')
                    || core.chars().next().is_some_and(char::is_uppercase)
                    || is_particle_word(&lower)
            }
        };
        let bits = if wanted {
            word_bits(&lower, lex)
        } else {
            WordBits::default()
        };
        // The dot after an initial or a title ("J.", "Mr.") ends no sentence.
        let dot_ends = tail.starts_with('.') && !is_initial(core, bits.entries & honorifics != 0);
        out.push(Word {
            core,
            lower,
            bits,
            possessive,
            stop_after: possessive
                || tail
                    .chars()
                    .any(|c| matches!(c, ',' | ':' | ';' | '—' | '–' | '(' | ')'))
                || dot_ends,
            end_sentence: dot_ends || tail.contains(['?', '!']),
        });
    }
    out
}

/// `lower`'s lists: entries as [`Lexicons::contains`] reads the word
/// (trailing dots and commas trimmed), phrase openers as
/// [`Lexicons::phrases_from`] does (the word as it is).
fn word_bits(lower: &str, lex: &Lexicons) -> WordBits {
    let key = lower.trim_end_matches(['.', ',']);
    let bits = lex.bits(key);
    if key.len() == lower.len() {
        bits
    } else {
        WordBits {
            entries: bits.entries,
            opens: lex.bits(lower).opens,
        }
    }
}

/// `text.split_whitespace()`, testing ASCII bytes without decoding them.
pub(crate) fn split_whitespace(text: &str) -> impl Iterator<Item = &str> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = skip(text, pos, true);
        if start >= text.len() {
            return None;
        }
        pos = skip(text, start, false);
        text.get(start..pos)
    })
}

/// The offset of the first char from `pos` on whose whitespace-ness is not `space`.
fn skip(text: &str, mut pos: usize, space: bool) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        if b.is_ascii() {
            // Rust's (Unicode) whitespace among ASCII: \t \n \x0B \x0C \r and space.
            if matches!(b, b' ' | b'\t'..=b'\r') != space {
                return pos;
            }
            pos += 1;
            continue;
        }
        let Some(c) = text.get(pos..).and_then(|t| t.chars().next()) else {
            return text.len();
        };
        if c.is_whitespace() != space {
            return pos;
        }
        pos += c.len_utf8();
    }
    pos
}

/// `raw` without leading chars that are not alphanumeric.
fn trim_start(raw: &str) -> &str {
    // Most words open with an ASCII letter or digit: nothing to trim, no char to decode.
    if raw
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return raw;
    }
    raw.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// `core` without trailing chars that are not alphanumeric.
fn trim_end(core: &str) -> &str {
    if core
        .as_bytes()
        .last()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return core;
    }
    core.trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// A single capital letter, or a title such as "Mr".
fn is_initial(core: &str, honorific: bool) -> bool {
    let mut chars = core.chars();
    let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_capital || honorific
}

/// `word` lowercased, without a copy when it is lowercase ASCII already.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        // The same as `to_lowercase` on ASCII, without its Unicode case tables.
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

pub(crate) fn is_cap(w: &Word) -> bool {
    w.core.chars().next().is_some_and(char::is_uppercase)
}

pub(crate) fn is_particle(w: &Word) -> bool {
    is_particle_word(&w.lower)
}

/// Whether a lowercase word joins the parts of a name ("van", "de", "bin").
fn is_particle_word(lower: &str) -> bool {
    matches!(
        lower,
        "van"
            | "von"
            | "de"
            | "der"
            | "den"
            | "al"
            | "bin"
            | "la"
            | "le"
            | "du"
            | "of"
            | "against"
            | "for"
            | "da"
            | "dos"
            | "del"
    )
}
