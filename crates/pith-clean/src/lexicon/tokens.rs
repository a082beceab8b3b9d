//! Class and id tokenizer: whole tokens only, never substrings.
//!
//! `wp-cookie-notice` gives `wp`, `cookie`, `notice` and the compounds
//! `wp-cookie`, `cookie-notice`, `wp-cookie-notice`; `mainNav` gives `main`, `nav`
//! and `mainnav`. A lexicon entry matches only a whole one of these, so the entry
//! `nav` matches `main-nav` but never `canvas`.

/// Split a class or id attribute value into lowercase tokens.
///
/// ```
/// use pith_clean::lexicon::tokens::split;
/// let t = split("post-body mainNav");
/// for want in ["post", "body", "post-body", "main", "nav", "mainnav"] {
///     assert!(t.iter().any(|x| x == want), "{want}");
/// }
/// assert!(!split("canvas").iter().any(|x| x == "nav"));
/// ```
pub fn split(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in value.split_ascii_whitespace() {
        let parts = parts(word);
        out.extend(parts.iter().cloned());
        if parts.len() > 1 {
            // The whole word, joined as written (lowercased), and adjacent pairs.
            for pair in parts.windows(2) {
                out.push(format!("{}-{}", pair[0], pair[1]));
            }
            out.push(word.to_ascii_lowercase().replace('_', "-"));
            if word.chars().any(|c| c.is_ascii_uppercase()) && !word.contains(['-', '_']) {
                out.push(word.to_ascii_lowercase());
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|t| !t.is_empty() && seen.insert(t.clone()));
    out
}

/// Call `f` with every token of one class/id word, as [`split`] lists them
/// (parts, adjacent pairs, the whole word), without collecting or deduplicating:
/// the class-token pass runs this on every distinct word of a page.
///
/// ```
/// let mut seen = Vec::new();
/// pith_clean::lexicon::tokens::each_token("wp-cookie_notice", |t| seen.push(t.to_string()));
/// assert_eq!(seen, ["wp", "cookie", "notice", "wp-cookie", "cookie-notice", "wp-cookie-notice"]);
/// ```
pub fn each_token(word: &str, mut f: impl FnMut(&str)) {
    if word.is_ascii() && word.len() <= STACK_WORD {
        each_token_ascii(word.as_bytes(), &mut f);
    } else {
        each_token_any(word, f);
    }
}

/// [`each_token`] for any word.
fn each_token_any(word: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::with_capacity(word.len());
    let mut ends: Vec<usize> = Vec::new();
    let mut prev: Option<char> = None;
    for c in word.chars() {
        let boundary = matches!(c, '-' | '_' | ':' | '.' | '/')
            || (c.is_ascii_uppercase() && prev.is_some_and(|p| p.is_ascii_lowercase()));
        if boundary && ends.last().copied().unwrap_or(0) < buf.len() {
            ends.push(buf.len());
        }
        if c.is_alphanumeric() {
            buf.extend(c.to_lowercase());
        }
        prev = Some(c);
    }
    if ends.last().copied().unwrap_or(0) < buf.len() {
        ends.push(buf.len());
    }
    let part = |i: usize| &buf[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
    for i in 0..ends.len() {
        f(part(i));
    }
    if ends.len() > 1 {
        let mut pair = String::with_capacity(buf.len() + 1);
        for i in 1..ends.len() {
            pair.clear();
            pair.push_str(part(i - 1));
            pair.push('-');
            pair.push_str(part(i));
            f(&pair);
        }
        f(&word.to_ascii_lowercase().replace('_', "-"));
    }
}

/// Longest word [`each_token`] splits on the stack, without allocating.
const STACK_WORD: usize = 64;

/// [`each_token`] for an ASCII word of at most [`STACK_WORD`] bytes, in stack
/// buffers: most class words are short and ASCII, and pages hold hundreds of
/// distinct ones.
fn each_token_ascii(word: &[u8], f: &mut impl FnMut(&str)) {
    let mut buf = [0u8; STACK_WORD];
    let mut len: usize = 0;
    // Ends strictly increase and are at most `len`, so there are at most `len` of them.
    let mut ends = [0usize; STACK_WORD];
    let mut n: usize = 0;
    let mut prev: Option<u8> = None;
    for &c in word {
        let boundary = matches!(c, b'-' | b'_' | b':' | b'.' | b'/')
            || (c.is_ascii_uppercase() && prev.is_some_and(|p| p.is_ascii_lowercase()));
        let last = n.checked_sub(1).map_or(0, |i| ends[i]);
        if boundary && last < len {
            ends[n] = len;
            n += 1;
        }
        if c.is_ascii_alphanumeric() {
            buf[len] = c.to_ascii_lowercase();
            len += 1;
        }
        prev = Some(c);
    }
    if n.checked_sub(1).map_or(0, |i| ends[i]) < len {
        ends[n] = len;
        n += 1;
    }
    let part = |i: usize| {
        let from = if i == 0 { 0 } else { ends[i - 1] };
        std::str::from_utf8(&buf[from..ends[i]]).unwrap_or_default()
    };
    for i in 0..n {
        f(part(i));
    }
    if n > 1 {
        let mut pair = [0u8; 2 * STACK_WORD + 1];
        for i in 1..n {
            let (a, b) = (part(i - 1).as_bytes(), part(i).as_bytes());
            pair[..a.len()].copy_from_slice(a);
            pair[a.len()] = b'-';
            pair[a.len() + 1..a.len() + 1 + b.len()].copy_from_slice(b);
            f(std::str::from_utf8(&pair[..a.len() + 1 + b.len()]).unwrap_or_default());
        }
        let mut whole = [0u8; STACK_WORD];
        for (w, &c) in whole.iter_mut().zip(word) {
            *w = if c == b'_' {
                b'-'
            } else {
                c.to_ascii_lowercase()
            };
        }
        f(std::str::from_utf8(&whole[..word.len()]).unwrap_or_default());
    }
}

/// The parts of one word: split on `-`, `_`, `:`, `.`, digits-to-letters, and camelCase.
fn parts(word: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    for c in word.chars() {
        let boundary = matches!(c, '-' | '_' | ':' | '.' | '/')
            || (c.is_ascii_uppercase() && prev.is_some_and(|p| p.is_ascii_lowercase()));
        if boundary && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        }
        prev = Some(c);
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::{each_token_any, each_token_ascii, split};

    #[test]
    fn ascii_tokens_match_the_general_split() {
        let words = [
            "wp-cookie_notice",
            "mainNav",
            "a--b",
            "x_y:z.w/v",
            "ABC",
            "aB",
            "-",
            "",
            "9lives-Top",
            "btn--primary__iconLeft",
            "jp-relatedposts-i2",
            "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-0-1-2-3-4-5",
            "HTMLParser",
            "col-md-6",
            "__next",
        ];
        for word in words {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            each_token_ascii(word.as_bytes(), &mut |t: &str| fast.push(t.to_string()));
            each_token_any(word, |t| slow.push(t.to_string()));
            assert_eq!(fast, slow, "{word}");
        }
    }

    #[test]
    fn compounds_and_parts() {
        let t = split("wp-cookie-notice");
        assert!(t.contains(&"cookie".to_string()));
        assert!(t.contains(&"cookie-notice".to_string()));
        assert!(t.contains(&"wp-cookie-notice".to_string()));
        assert!(!split("canvas").contains(&"nav".to_string()));
    }
}
