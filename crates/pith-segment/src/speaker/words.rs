//! The words of an attribution context: each word's core (punctuation
//! trimmed), its lowercase form, and the punctuation that follows it.

use std::borrow::Cow;

use crate::lexicon::Lexicons;

/// One word of a context, with the punctuation that follows it.
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    /// The word as printed, leading and trailing punctuation (and a possessive `'s`) trimmed.
    pub(crate) core: &'t str,
    /// `core` lowercased; borrowed when it is lowercase ASCII already (most words).
    pub(crate) lower: Cow<'t, str>,
    /// A comma, colon, dash or possessive ends a name run after this word.
    pub(crate) stop_after: bool,
    /// A sentence ends after this word.
    pub(crate) end_sentence: bool,
    /// The word carries a possessive `'s`.
    pub(crate) possessive: bool,
}

/// The words of `ctx`, split at whitespace.
pub(crate) fn tokenize<'t>(ctx: &'t str, lex: &Lexicons) -> Vec<Word<'t>> {
    let mut out = Vec::new();
    tokenize_into(ctx, lex, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), so a caller reading many
/// contexts reuses one buffer.
pub(crate) fn tokenize_into<'t>(ctx: &'t str, lex: &Lexicons, out: &mut Vec<Word<'t>>) {
    out.clear();
    for raw in ctx.split_whitespace() {
        let lead = |c: char| !c.is_alphanumeric();
        let core = raw.trim_start_matches(lead);
        let core_end = core.trim_end_matches(|c: char| !c.is_alphanumeric());
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
        // The dot after an initial or a title ("J.", "Mr.") ends no sentence.
        let dot_ends = tail.starts_with('.') && !is_initial(core, lex);
        out.push(Word {
            core,
            lower: lowercase(core),
            possessive,
            stop_after: possessive
                || tail
                    .chars()
                    .any(|c| matches!(c, ',' | ':' | ';' | '—' | '–' | '(' | ')'))
                || dot_ends,
            end_sentence: dot_ends || tail.contains(['?', '!']),
        });
    }
}

/// A single capital letter, or a title such as "Mr".
fn is_initial(core: &str, lex: &Lexicons) -> bool {
    let mut chars = core.chars();
    let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_capital || lex.is_honorific(core)
}

/// `word` lowercased, without a copy when it is lowercase ASCII already.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

pub(crate) fn is_cap(w: &Word) -> bool {
    w.core.chars().next().is_some_and(char::is_uppercase)
}

pub(crate) fn is_particle(w: &Word) -> bool {
    matches!(
        w.lower.as_ref(),
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
