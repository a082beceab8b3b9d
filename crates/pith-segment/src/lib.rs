//! pith-segment: cleaned blocks -> the article's structure.
//!
//! The [`Segmenter`] runs one stage per module, in this order:
//! 1. [`headline`]: the visible H1 (hint, heading matching the title, first h1, title);
//! 2. author and date slots: hinted blocks, else short lines near the headline;
//! 3. [`date`]: the published date (visible date line first, then metadata);
//! 4. [`byline`]: one name per person from the author slot (else metadata authors);
//! 5. [`standfirst`]: the deck under the headline;
//! 6. [`body`]: the remaining blocks without captions and end credits;
//! 7. [`dateline`]: the prefix of the first body paragraph, moved out of it;
//! 8. [`quote`] and [`speaker`]: quotations with their speakers.
//!
//! Word lists are data under `lexicons/`, compiled in through [`lexicon`].
//!
//! ```
//! use pith_clean::{Block, BlockKind, Cleaned};
//! use pith_segment::{Options, Segmenter};
//! let mut c = Cleaned::default();
//! c.kept = vec![
//!     Block::new(BlockKind::Heading { level: 1 }, "Moldavia: Deportations Unlawful"),
//!     Block::new(BlockKind::Paragraph, "(Tirvel) - The government acted, Rights Monitor said today."),
//!     Block::new(BlockKind::Paragraph, "\"This sets a dangerous example,\" said Miriam Holtby."),
//! ];
//! let a = Segmenter::new(Options::default()).segment(&c);
//! assert_eq!(a.dateline.unwrap().text, "(Tirvel) -");
//! assert_eq!(a.quotes[0].speaker.as_deref(), Some("Miriam Holtby"));
//! ```
#![deny(missing_docs)]

pub mod article;
pub mod body;
pub mod byline;
pub mod date;
pub mod dateline;
mod error;
pub mod headline;
pub mod lexicon;
mod options;
pub mod quote;
mod segmenter;
pub mod speaker;
pub mod standfirst;

pub use article::{Article, Dateline, Paragraph, Quote, QuoteKind};
pub use error::Error;
pub use options::Options;
pub use segmenter::Segmenter;
