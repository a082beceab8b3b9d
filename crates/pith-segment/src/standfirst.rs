//! Stage: the standfirst, the deck under the headline. A block the cleaner
//! hinted as a standfirst; else a block that sits between the headline and the
//! author or date slot or the lead picture's caption (decks come before them,
//! body paragraphs after);
//! else a lone sub-heading right under the headline. Never the metadata
//! description alone, never the first body paragraph.

use pith_clean::{Block, BlockKind, Hint};

/// Longest standfirst accepted, in chars.
const MAX_STANDFIRST_CHARS: usize = 400;

/// Fewest words in a standfirst: a deck is a sentence, a shorter line under the
/// headline is a photo credit or a kicker ("JIM WATSON/AFP/Getty Images").
const MIN_STANDFIRST_WORDS: usize = 5;

/// A deck reads as prose: enough words, some of them lowercase.
fn reads_as_deck(text: &str) -> bool {
    text.split_whitespace().count() >= MIN_STANDFIRST_WORDS && text.chars().any(char::is_lowercase)
}

/// The index of the standfirst block, if any.
///
/// `header` holds the indices of blocks already taken as byline or date lines.
///
/// ```
/// use pith_clean::{Block, BlockKind, Hint};
/// use pith_segment::standfirst::choose;
/// let mut b = vec![Block::new(BlockKind::Heading { level: 1 }, "Headline"),
///                  Block::new(BlockKind::Paragraph, "The deck tells the story in brief."),
///                  Block::new(BlockKind::Paragraph, "By Jane Roe")];
/// b[2].hint = Some(Hint::Byline);
/// assert_eq!(choose(&b, Some(0), &[2]), Some(1));
/// ```
pub fn choose(blocks: &[Block], headline: Option<usize>, header: &[usize]) -> Option<usize> {
    if let Some(i) = blocks
        .iter()
        .position(|b| b.hint == Some(Hint::Standfirst) && reads_as_deck(&b.text))
    {
        return Some(i);
    }
    let h = headline?;
    let next = h + 1;
    let block = blocks.get(next)?;
    if block.text.chars().count() > MAX_STANDFIRST_CHARS
        || !reads_as_deck(&block.text)
        || block.hint.is_some()
        || block.kind == BlockKind::Caption
    {
        return None;
    }
    let before_slot = header.iter().any(|&s| s > next && s <= next + 2);
    // The lead picture follows the deck, not the body's first paragraph.
    let before_figure = (next + 1..=next + 2).any(|i| {
        blocks
            .get(i)
            .is_some_and(|b| b.kind == BlockKind::Caption || b.hint == Some(Hint::Caption))
    });
    let lone_subheading = matches!(block.kind, BlockKind::Heading { level } if level >= 2)
        && blocks
            .get(next + 1)
            .is_some_and(|b| !matches!(b.kind, BlockKind::Heading { .. }));
    (before_slot || before_figure || lone_subheading).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hinted_standfirst() {
        let mut b = vec![
            Block::new(BlockKind::Paragraph, "x"),
            Block::new(BlockKind::Paragraph, "Deck"),
        ];
        b[1].hint = Some(Hint::Standfirst);
        assert_eq!(choose(&b, None, &[]), None, "too short for a deck");
        b[1].text = "The deck says what the story is about.".into();
        assert_eq!(choose(&b, None, &[]), Some(1));
    }

    #[test]
    fn first_paragraph_is_not_a_standfirst() {
        let b = vec![
            Block::new(BlockKind::Heading { level: 1 }, "Headline"),
            Block::new(BlockKind::Paragraph, "The first paragraph of the body."),
            Block::new(BlockKind::Paragraph, "The second."),
        ];
        assert_eq!(choose(&b, Some(0), &[]), None);
    }

    #[test]
    fn deck_above_the_lead_picture() {
        let b = vec![
            Block::new(BlockKind::Heading { level: 1 }, "Headline"),
            Block::new(
                BlockKind::Paragraph,
                "Tax cuts and higher rates could make it harder to respond.",
            ),
            Block::new(BlockKind::Paragraph, "Image"),
            Block::new(
                BlockKind::Caption,
                "Interest payments could surpass the budget.",
            ),
            Block::new(
                BlockKind::Paragraph,
                "The city council could soon charge less.",
            ),
        ];
        assert_eq!(choose(&b, Some(0), &[]), Some(1));
    }

    #[test]
    fn subheading_under_headline() {
        let b = vec![
            Block::new(BlockKind::Heading { level: 1 }, "Headline"),
            Block::new(
                BlockKind::Heading { level: 2 },
                "Shocking mass extradition of Uzbeks to torture",
            ),
            Block::new(BlockKind::Paragraph, "Body."),
        ];
        assert_eq!(choose(&b, Some(0), &[]), Some(1));
    }
}
