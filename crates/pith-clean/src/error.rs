//! Errors (the page could not be cleaned) and warnings (it was, with a caveat).

use serde::Serialize;

/// Why a page could not be cleaned at all.
///
/// ```
/// use pith_clean::Error;
/// let e = Error::Empty;
/// assert_eq!(e.kind(), "empty");
/// ```
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input has no bytes, or only whitespace.
    #[error("the input is empty")]
    Empty,
    /// The input looks like a binary file, not a page.
    #[error("the input looks binary: {control_bytes} control bytes in the first {sampled} bytes")]
    Binary {
        /// Control or NUL bytes seen in the sample.
        control_bytes: usize,
        /// Size of the sample.
        sampled: usize,
    },
    /// The input is larger than the configured limit.
    #[error("the input is {bytes} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input.
        bytes: usize,
        /// The limit in force.
        limit: usize,
    },
}

impl Error {
    /// A short snake_case name for the error, used as `error.kind` in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Empty => "empty",
            Error::Binary { .. } => "binary",
            Error::TooLarge { .. } => "too_large",
        }
    }
}

/// A problem that did not stop cleaning, reported with the result.
///
/// ```
/// use pith_clean::Warning;
/// let w = Warning::NoArticle;
/// assert_eq!(serde_json::to_string(&w).unwrap(), r#"{"kind":"no_article"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// The page has no article (a home page, a listing): the body is empty.
    NoArticle,
    /// Bytes were not valid in the encoding used and were replaced with U+FFFD.
    MalformedEncoding {
        /// The encoding used.
        encoding: String,
    },
    /// Nesting deeper than the limit was flattened before parsing.
    DepthLimited {
        /// The limit in force.
        limit: usize,
        /// How many start tags were dropped.
        dropped_tags: usize,
    },
    /// Attributes beyond the per-element limit were dropped before parsing.
    AttributesLimited {
        /// The limit in force.
        limit: usize,
        /// How many attributes were dropped.
        dropped: usize,
    },
    /// The input format was guessed; this is what was chosen and why.
    FormatGuessed {
        /// The format chosen.
        format: String,
    },
}
