//! Quote marks: which characters open a quote, which close it, and the
//! top-level quoted spans of a paragraph. Nested marks are skipped with their
//! span; an unclosed mark runs to the end of the paragraph.

/// A quoted span in a paragraph, in char offsets.
///
/// ```
/// use pith_segment::quote::scan;
/// let chars: Vec<char> = "He said “no” and left.".chars().collect();
/// let s = scan(&chars);
/// assert_eq!((s[0].start, s[0].end, s[0].closed), (9, 11, true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset of the first quoted char.
    pub start: usize,
    /// Offset just past the last quoted char (the closing mark, or the paragraph's end).
    pub end: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// The closing marks that end a quote opened by `open`, if `open` opens one.
fn closers(open: char) -> Option<&'static [char]> {
    Some(match open {
        '"' => &['"', '”'],
        '“' => &['”', '"'],
        '„' => &['“', '”', '"'],
        '«' => &['»'],
        '「' => &['」'],
        '『' => &['』'],
        '‘' => &['’'],
        _ => return None,
    })
}

/// Whether `text` holds a char that may open a quote (see [`closers`]): a text
/// with none has no span, and is not decoded into chars to find that out.
/// Most paragraphs quote nobody; this looks at their bytes with memchr.
///
/// ```
/// use pith_segment::quote::marks::may_quote;
/// assert!(may_quote("He said “no”."));
/// assert!(may_quote("Il a dit « non »."));
/// assert!(!may_quote("It’s 5 o’clock – nobody said a word."));
/// ```
pub fn may_quote(text: &str) -> bool {
    let b = text.as_bytes();
    if memchr::memchr(b'"', b).is_some() {
        return true;
    }
    // Every other opener is two or three bytes led by 0xC2 («), 0xE2 (“ „ ‘) or 0xE3 (「 『).
    let mut from = 0;
    while let Some(k) = memchr::memchr3(0xC2, 0xE2, 0xE3, &b[from..]) {
        let at = from + k;
        let c = text.get(at..).and_then(|t| t.chars().next());
        if c.is_some_and(|c| closers(c).is_some()) {
            return true;
        }
        from = at + 1;
    }
    false
}

fn opens_here(chars: &[char], i: usize) -> bool {
    let prev = i.checked_sub(1).and_then(|p| chars.get(p));
    prev.map_or(true, |p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
    })
}

/// A single ’ closes only when it is not an apostrophe: not followed by a letter.
fn closes_single(chars: &[char], j: usize) -> bool {
    let next = chars.get(j + 1);
    let prev = j.checked_sub(1).and_then(|p| chars.get(p));
    next.map_or(true, |c| !c.is_alphanumeric()) && prev.is_some_and(|c| !c.is_whitespace())
}

/// Every top-level quoted span of a paragraph. Marks inside a span are nested
/// quotes and are skipped with it.
pub fn scan(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        let Some(close) = closers(c) else {
            i += 1;
            continue;
        };
        let single = c == '‘';
        if (c == '"' || single) && !opens_here(chars, i) {
            i += 1;
            continue;
        }
        let found = (i + 1..chars.len()).find(|&j| {
            chars.get(j).is_some_and(|d| close.contains(d)) && (!single || closes_single(chars, j))
        });
        match found {
            Some(j) => {
                out.push(Span {
                    open: i,
                    start: i + 1,
                    end: j,
                    closed: true,
                });
                i = j + 1;
            }
            // A lone ‘ is an apostrophe or a typo; a lone double mark runs on.
            None if single => i += 1,
            None => {
                out.push(Span {
                    open: i,
                    start: i + 1,
                    end: chars.len(),
                    closed: false,
                });
                break;
            }
        }
    }
    out
}

pub(crate) fn first_non_space(chars: &[char]) -> usize {
    chars.iter().position(|c| !c.is_whitespace()).unwrap_or(0)
}

/// Trim whitespace, and the comma before an attribution, from a span's content.
pub(crate) fn trim_span(chars: &[char], span: &Span) -> Option<(usize, usize)> {
    let mut start = span.start;
    let mut end = span.end.min(chars.len());
    while start < end && chars.get(start).is_some_and(|c| c.is_whitespace()) {
        start += 1;
    }
    while end > start
        && chars
            .get(end - 1)
            .is_some_and(|c| c.is_whitespace() || *c == ',')
    {
        end -= 1;
    }
    let has_letters = chars.get(start..end)?.iter().any(|c| c.is_alphanumeric());
    has_letters.then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_quote_finds_every_opener_and_nothing_else() {
        let openers = ['"', '“', '„', '«', '「', '『', '‘'];
        let others = [
            '’', '”', '»', '」', '』', '\'', '–', '—', '€', '£', 'é', 'ß', '語', '…', '\u{a0}', 'a',
        ];
        for c in openers {
            assert!(closers(c).is_some());
            for t in [format!("{c}"), format!("ab {c}cd"), format!("é’{c}")] {
                assert!(may_quote(&t), "{t:?}");
            }
        }
        let mut none = String::new();
        for c in others {
            assert!(closers(c).is_none());
            none.push(c);
            none.push(' ');
        }
        assert!(!may_quote(&none));
        // A text with no opener has no span: the fast path skips nothing scan finds.
        let chars: Vec<char> = none.chars().collect();
        assert!(scan(&chars).is_empty());
    }
}
