//! Stage: the body. The kept blocks after the headline, without the blocks other
//! stages took (standfirst, byline, date lines), captions and end credits
//! ("(Reporting by ...)", copyright lines).

use pith_clean::{Block, BlockKind, Hint};

use crate::article::Paragraph;
use crate::lexicon::{with_folded, Lexicons};

/// Longest block that may be an end credit, in chars.
const MAX_CREDIT_CHARS: usize = 300;

/// Build the body from `blocks[from..]`, skipping the indices in `taken`.
///
/// ```
/// use pith_clean::{Block, BlockKind};
/// use pith_segment::{body::build, lexicon::Lexicons};
/// let blocks = vec![Block::new(BlockKind::Paragraph, "Text."),
///                   Block::new(BlockKind::Paragraph, "(Reporting by Jane Roe; Editing by John Doe)")];
/// let body = build(&blocks, 0, &[], Lexicons::builtin());
/// assert_eq!(body.len(), 1);
/// ```
pub fn build(blocks: &[Block], from: usize, taken: &[usize], lex: &Lexicons) -> Vec<Paragraph> {
    blocks
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(i, b)| {
            !taken.contains(i)
                && !is_caption(b)
                && !is_end_credit(&b.text, lex)
                && !b.text.trim().is_empty()
        })
        .map(|(_, b)| Paragraph {
            kind: b.kind.name().to_string(),
            text: b.text.trim().to_string(),
        })
        .collect()
}

fn is_caption(b: &Block) -> bool {
    b.kind == BlockKind::Caption || b.hint == Some(Hint::Caption)
}

/// "(Reporting by ...)", "Copyright 2015 ...", "© Reuters": credits, not body.
pub fn is_end_credit(text: &str, lex: &Lexicons) -> bool {
    let t = text.trim().trim_start_matches(['(', '[']).trim_start();
    // No more chars than bytes: most blocks need no count at all.
    if t.len() > MAX_CREDIT_CHARS && t.chars().count() > MAX_CREDIT_CHARS {
        return false;
    }
    if t.starts_with('©') {
        return true;
    }
    let credits = lex.list("end_credits");
    // Only the opening words can match: lowercase as many chars as the
    // longest credit (the list is longest first) plus one, not the block.
    let longest = credits.first().map_or(0, |p| p.chars().count());
    let head = t
        .char_indices()
        .nth(longest + 1)
        .and_then(|(i, _)| t.get(..i))
        .filter(|h| !h.contains('\u{3a3}'))
        .unwrap_or(t);
    with_folded(head, |lower| {
        credits.iter().any(|p| lower.starts_with(p.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_and_captions_are_not_body() {
        let lex = Lexicons::builtin();
        assert!(is_end_credit(
            "(Reporting by Jane Roe; Editing by John Doe)",
            lex
        ));
        assert!(is_end_credit(
            "Copyright 2015 The Associated Press. All rights reserved.",
            lex
        ));
        assert!(is_end_credit("© 2019 Reuters", lex));
        assert!(!is_end_credit(
            "Reporters said the copyright law failed.",
            lex
        ));
        let mut cap = Block::new(BlockKind::Paragraph, "A man walks by.");
        cap.hint = Some(Hint::Caption);
        let blocks = vec![
            Block::new(BlockKind::Heading { level: 1 }, "H"),
            cap,
            Block::new(BlockKind::Paragraph, "Body."),
        ];
        let body = build(&blocks, 1, &[], lex);
        assert_eq!(
            body.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            vec!["Body."]
        );
    }
}
