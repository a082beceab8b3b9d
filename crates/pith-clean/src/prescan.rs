//! Stage 1b: guard the parser. (Placeholder: passes input through; being written.)

use std::borrow::Cow;

use crate::error::Warning;
use crate::options::Options;

/// HTML made safe for the parser, with warnings about what was changed.
#[derive(Debug, Clone)]
pub struct Guarded<'a> {
    /// The HTML to parse.
    pub html: Cow<'a, str>,
    /// What the guard changed.
    pub warnings: Vec<Warning>,
}

/// Bound depth and attribute counts, cut script/style/comments before parsing.
pub fn guard<'a>(html: &'a str, options: &Options) -> Guarded<'a> {
    let _ = options;
    Guarded {
        html: Cow::Borrowed(html),
        warnings: Vec::new(),
    }
}
