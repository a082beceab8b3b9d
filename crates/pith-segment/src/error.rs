//! Errors of segmentation. Segmenting never fails on page content (unbalanced
//! quote marks, missing headline, ...): those give empty fields. What can fail is
//! configuration.

use thiserror::Error;

/// An invalid segmentation setting.
///
/// ```
/// use pith_segment::{Error, Options};
/// let err = Options::default().try_with_min_direct_words(0).unwrap_err();
/// assert!(matches!(err, Error::InvalidOption { name: "min_direct_words", .. }));
/// ```
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A setting is outside its allowed range.
    #[error("option {name} = {value} is out of range (min {min})")]
    InvalidOption {
        /// The option's name.
        name: &'static str,
        /// The rejected value.
        value: usize,
        /// The smallest allowed value.
        min: usize,
    },
}
