//! Stage 3: the block, the unit every later stage works on.
//!
//! Both inputs meet here: HTML pages become blocks through a DOM walk, flattened
//! text through boundary recovery. Everything after this stage sees only blocks.

pub mod from_dom;

use serde::Serialize;

/// What kind of text unit a block is, as the page's markup (or text shape) said.
///
/// ```
/// use pith_clean::BlockKind;
/// assert_eq!(BlockKind::Heading { level: 1 }.name(), "heading");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// `h1`..`h6`, with its level.
    Heading {
        /// 1 to 6.
        level: u8,
    },
    /// A paragraph, or loose text inside a block container.
    Paragraph,
    /// One `li`, `dt` or `dd`.
    ListItem,
    /// A `blockquote`.
    Quote,
    /// `pre` text, whitespace kept.
    Preformatted,
    /// One table row, cells separated by ` | `.
    TableRow,
    /// A `figcaption` or table `caption`.
    Caption,
}

impl BlockKind {
    /// The snake_case name used in JSON (`"heading"`, `"paragraph"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list_item",
            BlockKind::Quote => "quote",
            BlockKind::Preformatted => "preformatted",
            BlockKind::TableRow => "table_row",
            BlockKind::Caption => "caption",
        }
    }
}

/// What the markup (or text shape) says a kept block is, beyond its kind: a hint
/// for segmentation, never a decision.
///
/// ```
/// use pith_clean::Hint;
/// let h = Hint::Byline;
/// assert_eq!(h, Hint::Byline);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Hint {
    /// The page's main headline (the `h1` matching the title).
    Headline,
    /// A deck or sub-headline under the headline.
    Standfirst,
    /// An author slot (`rel=author`, class token `byline`/`author`, ...).
    Byline,
    /// A visible date line (`<time>`, class token `date`, a date-shaped line).
    Date,
    /// A caption of a figure.
    Caption,
}

/// One unit of text of the page, in page order, with whitespace normalised.
///
/// ```
/// use pith_clean::{Block, BlockKind};
/// let b = Block::new(BlockKind::Paragraph, "Hello world.");
/// assert_eq!(b.text, "Hello world.");
/// assert_eq!(b.link_chars, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// What kind of unit this is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// The text, whitespace collapsed (except in `Preformatted`).
    pub text: String,
    /// How many of the text's chars sit inside links.
    #[serde(skip)]
    pub link_chars: usize,
    /// Position in the page's block order (0-based, over all blocks, kept or not).
    #[serde(skip)]
    pub index: usize,
    /// A segmentation hint from markup or shape.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<Hint>,
}

impl Block {
    /// A block of `kind` with `text`, no links, index 0 and no hint.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Block {
        Block {
            kind,
            text: text.into(),
            link_chars: 0,
            index: 0,
            hint: None,
        }
    }

    /// Share of the text's chars that sit inside links, 0.0 to 1.0.
    pub fn link_density(&self) -> f32 {
        let n = self.text.chars().count();
        if n == 0 {
            0.0
        } else {
            (self.link_chars as f32 / n as f32).min(1.0)
        }
    }
}
