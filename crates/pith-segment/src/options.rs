//! Segmentation settings: private fields, `with_*` setters, defaults documented.

use crate::error::Error;

/// How many leading kept blocks are searched for the byline and the date line
/// when the cleaner gave no hint: the author and date slots sit above the body.
pub const DEFAULT_HEADER_WINDOW: usize = 8;

/// The guideline's threshold: a quote is direct from 4 words on.
pub const DEFAULT_MIN_DIRECT_WORDS: usize = 4;

/// Settings for a [`Segmenter`](crate::Segmenter).
///
/// ```
/// use pith_segment::Options;
/// let o = Options::default().with_header_window(12);
/// assert_eq!(o.header_window(), 12);
/// assert_eq!(o.min_direct_words(), 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    header_window: usize,
    min_direct_words: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            header_window: DEFAULT_HEADER_WINDOW,
            min_direct_words: DEFAULT_MIN_DIRECT_WORDS,
        }
    }
}

impl Options {
    /// Options with every default.
    pub fn new() -> Options {
        Options::default()
    }

    /// How many leading blocks may hold byline and date lines (default 8).
    pub fn with_header_window(mut self, blocks: usize) -> Options {
        self.header_window = blocks;
        self
    }

    /// Fewest words for a `direct` quote (default 4, at least 1).
    pub fn try_with_min_direct_words(mut self, words: usize) -> Result<Options, Error> {
        if words == 0 {
            return Err(Error::InvalidOption {
                name: "min_direct_words",
                value: words,
                min: 1,
            });
        }
        self.min_direct_words = words;
        Ok(self)
    }

    /// The header window.
    pub fn header_window(&self) -> usize {
        self.header_window
    }

    /// The fewest words of a direct quote.
    pub fn min_direct_words(&self) -> usize {
        self.min_direct_words
    }
}
