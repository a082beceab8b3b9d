//! Byte-level finders: where a comment, a script, a raw text element or a name ends.

use memchr::memmem;

pub(super) fn matches_any(name: &[u8], set: &[&[u8]]) -> bool {
    set.iter().any(|s| name.eq_ignore_ascii_case(s))
}

/// Bytes that end a tag name or an attribute name.
pub(super) fn is_tag_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || b == b'/' || b == b'>'
}

/// Whether `rest[at..]` is `name` followed by a tag delimiter (or the end).
pub(super) fn name_at(rest: &[u8], at: usize, name: &[u8]) -> bool {
    rest.len() >= at + name.len()
        && rest[at..at + name.len()].eq_ignore_ascii_case(name)
        && rest
            .get(at + name.len())
            .map_or(true, |&b| is_tag_delimiter(b))
}

/// The end tag `</name ...>` at or after `from`: (its start, index just past its `>`).
pub(super) fn find_end_tag(src: &[u8], from: usize, name: &[u8]) -> Option<(usize, usize)> {
    let mut pos = from;
    while let Some(off) = memmem::find(&src[pos..], b"</") {
        let at = pos + off;
        if name_at(&src[at..], 2, name) {
            let end = memchr::memchr(b'>', &src[at..]).map_or(src.len(), |e| at + e + 1);
            return Some((at, end));
        }
        pos = at + 2;
    }
    None
}

/// Index just past the `</script>` that ends a script whose content starts at `from`, following
/// the tokenizer's escaped states: inside `<!--`, a `<script` nests until its own `</script`,
/// so `<!-- <script>...</script> -->` does not end the outer script.
pub(super) fn script_end(src: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut pos = from;
    while let Some(off) = memchr::memchr2(b'<', b'-', &src[pos..]) {
        let at = pos + off;
        let rest = &src[at..];
        pos = at + 1;
        if rest.starts_with(b"<!--") && state == State::Data {
            state = State::Escaped;
            pos = at + 4;
        } else if rest.starts_with(b"-->") && state != State::Data {
            state = State::Data;
            pos = at + 3;
        } else if rest.starts_with(b"</") && name_at(rest, 2, b"script") {
            if state == State::DoubleEscaped {
                state = State::Escaped;
            } else {
                return memchr::memchr(b'>', rest).map_or(src.len(), |e| at + e + 1);
            }
        } else if state == State::Escaped && name_at(rest, 1, b"script") {
            state = State::DoubleEscaped;
        }
    }
    src.len()
}

/// Index just past a comment whose body starts at `from` (after `<!--`), per the HTML
/// tokenizer: `<!-->` and `<!--->` end at once; else the first `-->` or `--!>`; else EOF.
pub(super) fn comment_end(src: &[u8], from: usize) -> usize {
    let body = &src[from..];
    if body.starts_with(b">") {
        return from + 1;
    }
    if body.starts_with(b"->") {
        return from + 2;
    }
    // Matches may overlap (`--->`), so search again one byte on, not past the match.
    let mut pos = 0;
    while let Some(off) = memmem::find(&body[pos..], b"--") {
        let at = pos + off;
        match body.get(at + 2) {
            Some(b'>') => return from + at + 3,
            Some(b'!') if body.get(at + 3) == Some(&b'>') => return from + at + 4,
            _ => pos = at + 1,
        }
    }
    src.len()
}

pub(super) fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

pub(super) fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}
