//! Stage: the headline, the visible H1 as printed. In order: the cleaner's
//! headline hint when it matches the page title; a heading that matches the
//! title; the hint anyway; the first level-1 heading; the metadata title
//! without its site suffix. Over-long candidates (captions) are skipped.

use pith_clean::{Block, BlockKind, Hint, Metadata};

/// Longest headline accepted, in chars: a longer "h1" is a caption or a summary.
const MAX_HEADLINE_CHARS: usize = 200;

/// Separators between a title and its site name: "Headline | Site", "Headline - Site".
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " :: ", " · "];

/// The chosen headline: its text and, when it is a kept block, that block's index.
///
/// ```
/// use pith_clean::{Block, BlockKind, Metadata};
/// use pith_segment::headline::choose;
/// let blocks = vec![Block::new(BlockKind::Heading { level: 1 }, "Storm hits coast")];
/// let h = choose(&blocks, &Metadata::default()).unwrap();
/// assert_eq!((h.text.as_str(), h.block), ("Storm hits coast", Some(0)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// The headline as printed.
    pub text: String,
    /// Index into the kept blocks, when the headline is one of them.
    pub block: Option<usize>,
}

/// Choose the headline.
pub fn choose(blocks: &[Block], metadata: &Metadata) -> Option<Headline> {
    let found = |i: usize| {
        Some(Headline {
            text: blocks.get(i)?.text.trim().to_string(),
            block: Some(i),
        })
    };
    let title = metadata.title.as_deref().map(strip_site_suffix);
    let t = title.as_deref().map(key).unwrap_or_default();
    let matches = |b: &Block| {
        let k = key(&b.text);
        !k.is_empty()
            && !t.is_empty()
            && (k == t || (t.contains(&k) && k.len() * 2 > t.len()) || k.contains(&t))
    };
    let hinted = blocks.iter().position(|b| b.hint == Some(Hint::Headline));
    // The hint wins when it agrees with the title; a heading that matches the
    // title wins over a hint that does not ("Information and Resources").
    if let Some(i) = hinted.filter(|&i| blocks.get(i).is_some_and(matches)) {
        return found(i);
    }
    if let Some(i) = blocks.iter().position(|b| is_heading(b) && matches(b)) {
        return found(i);
    }
    let plausible = |i: &usize| {
        blocks
            .get(*i)
            .is_some_and(|b| b.text.chars().count() <= MAX_HEADLINE_CHARS)
    };
    if let Some(i) = hinted.filter(plausible) {
        return found(i);
    }
    if let Some(i) = blocks
        .iter()
        .position(|b| b.kind == BlockKind::Heading { level: 1 })
        .filter(plausible)
    {
        return found(i);
    }
    title
        .filter(|t| !t.is_empty())
        .map(|text| Headline { text, block: None })
}

fn is_heading(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Heading { .. })
}

/// Comparison key: lowercase letters and digits only, quote styles ignored.
pub(crate) fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "Headline | Site" -> "Headline": drop the last separated part when it is the shorter.
pub fn strip_site_suffix(title: &str) -> String {
    let t = title.trim();
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            if tail.chars().count() < head.chars().count() && tail.split_whitespace().count() <= 5 {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_wins_over_h1() {
        let mut b = vec![
            Block::new(BlockKind::Heading { level: 1 }, "Site name"),
            Block::new(BlockKind::Heading { level: 2 }, "Real headline"),
        ];
        b[1].hint = Some(Hint::Headline);
        assert_eq!(
            choose(&b, &Metadata::default()).map(|h| h.block),
            Some(Some(1))
        );
    }

    #[test]
    fn heading_matching_title() {
        let b = vec![
            Block::new(BlockKind::Heading { level: 1 }, "Menu"),
            Block::new(BlockKind::Heading { level: 2 }, "Storm hits “coast”"),
        ];
        let m = Metadata {
            title: Some("Storm hits \"coast\" | Daily News".into()),
            ..Metadata::default()
        };
        assert_eq!(
            choose(&b, &m).map(|h| h.text),
            Some("Storm hits “coast”".into())
        );
    }

    #[test]
    fn heading_matching_title_beats_a_hint_that_does_not() {
        let mut b = vec![
            Block::new(BlockKind::Heading { level: 1 }, "Information and Resources"),
            Block::new(BlockKind::Heading { level: 2 }, "Superbugs: What They Are"),
        ];
        b[0].hint = Some(Hint::Headline);
        let m = Metadata {
            title: Some("Superbugs: What They Are".into()),
            ..Metadata::default()
        };
        assert_eq!(choose(&b, &m).map(|h| h.block), Some(Some(1)));
    }

    #[test]
    fn title_without_suffix_when_no_heading() {
        let m = Metadata {
            title: Some("'Neutral' Fact-Checker Asks a Question - Daily Ledger".into()),
            ..Metadata::default()
        };
        assert_eq!(
            choose(&[], &m).map(|h| h.text),
            Some("'Neutral' Fact-Checker Asks a Question".into())
        );
    }
}
