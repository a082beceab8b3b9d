//! The sentence around a quote: the words before its opening mark and after
//! its closing mark, where attributions stand.

use super::marks::Span;

/// Most chars of context read on either side of a quote: attributions stand
/// within a few dozen words of the mark, and a bound keeps the work per quote
/// constant on pages whose paragraphs (or sentences) run to megabytes.
pub(crate) const MAX_CONTEXT_CHARS: usize = 400;

/// The sentence text from its start (not before `floor`) up to `open`.
pub(crate) fn sentence_before(chars: &[char], floor: usize, open: usize) -> String {
    let floor = floor.max(open.saturating_sub(MAX_CONTEXT_CHARS));
    let mut start = floor.min(open);
    for i in (floor..open).rev() {
        let c = chars.get(i).copied().unwrap_or(' ');
        let next_space = chars.get(i + 1).map_or(true, |n| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && next_space && !is_abbreviation(chars, i) {
            start = i + 1;
            break;
        }
    }
    chars.get(start..open).unwrap_or(&[]).iter().collect()
}

/// What stands before [`sentence_before`] quote `k` in its sentence when the
/// sentence reaches back across earlier quotes (their words replaced by an
/// ellipsis), so `Whitfield said it was "a" and "b"` credits both quotes;
/// empty when it does not. The full context is this, then the local part.
pub(crate) fn earlier_in_sentence(chars: &[char], spans: &[Span], k: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let Some(mut pos) = spans.get(k).map(|s| s.open) else {
        return String::new();
    };
    let mut j = k;
    // Chars still to read back; earlier quotes' words do not count.
    let mut budget = MAX_CONTEXT_CHARS;
    loop {
        let floor = j
            .checked_sub(1)
            .and_then(|p| spans.get(p))
            .map_or(0, |p| (p.end + 1).min(pos));
        let seg = sentence_before(chars, floor, pos);
        let reached_start = seg.chars().count() < pos - floor;
        // The ellipsis counts, so a run of adjacent quotes is bounded too.
        budget = budget.saturating_sub(seg.chars().count() + 3);
        parts.push(seg);
        let Some(prev) = j.checked_sub(1).and_then(|p| spans.get(p)) else {
            break;
        };
        let prev_ends = chars
            .get(prev.start..prev.end)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| matches!(c, '.' | '!' | '?'));
        if reached_start || budget == 0 || prev_ends {
            break;
        }
        parts.push(" … ".into());
        pos = prev.open;
        j -= 1;
    }
    // The first part read is the local one, which the caller has.
    parts.reverse();
    parts.pop();
    parts.concat()
}

/// The sentence text from `from` up to its end or `ceiling` (the next quote).
pub(crate) fn sentence_after(chars: &[char], from: usize, ceiling: usize) -> String {
    let ceiling = ceiling
        .max(from)
        .min(chars.len())
        .min(from.saturating_add(MAX_CONTEXT_CHARS));
    let mut end = ceiling;
    for i in from..ceiling {
        let c = chars.get(i).copied().unwrap_or(' ');
        let next_space = chars.get(i + 1).map_or(true, |n| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && next_space && !is_abbreviation(chars, i) && i > from {
            end = i + 1;
            break;
        }
    }
    chars.get(from..end).unwrap_or(&[]).iter().collect()
}

/// Titles whose dot ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Prof", "Jr", "Sr",
];

/// A dot after "Mr", "Dr" or a single initial does not end a sentence.
pub(crate) fn is_abbreviation(chars: &[char], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && chars.get(s - 1).is_some_and(|c| c.is_alphabetic()) {
        s -= 1;
    }
    let word = chars.get(s..dot).unwrap_or(&[]);
    word.len() == 1
        || ABBREVIATIONS
            .iter()
            .any(|a| a.chars().eq(word.iter().copied()))
}

/// Whether `after` opens a new sentence (a capitalised word that is not a speech verb form).
pub(crate) fn starts_new_sentence(after: &str) -> bool {
    let first = after.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase)
}
