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
    use super::split;

    #[test]
    fn compounds_and_parts() {
        let t = split("wp-cookie-notice");
        assert!(t.contains(&"cookie".to_string()));
        assert!(t.contains(&"cookie-notice".to_string()));
        assert!(t.contains(&"wp-cookie-notice".to_string()));
        assert!(!split("canvas").contains(&"nav".to_string()));
    }
}
