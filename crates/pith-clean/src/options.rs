//! Options: how a [`Cleaner`](crate::Cleaner) behaves. Private fields, `with_*` setters.

/// Which input format to assume.
///
/// ```
/// use pith_clean::FormatChoice;
/// assert_eq!(FormatChoice::default(), FormatChoice::Auto);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FormatChoice {
    /// Decide by content: markup means HTML, otherwise flattened text.
    #[default]
    Auto,
    /// Always HTML.
    Html,
    /// Always flattened text.
    Text,
}

/// Settings for cleaning. Build with [`Options::default`] and the `with_*` setters.
///
/// ```
/// use pith_clean::{Options, FormatChoice};
/// let o = Options::default().with_max_bytes(1 << 20).with_format(FormatChoice::Html);
/// assert_eq!(o.max_bytes(), 1 << 20);
/// ```
#[derive(Debug, Clone)]
pub struct Options {
    max_bytes: usize,
    max_depth: usize,
    max_attributes: usize,
    format: FormatChoice,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            // 64 MiB: larger than any real article page, small enough to bound memory.
            max_bytes: 64 << 20,
            // 256: real pages nest 30-60 deep; html5ever's cost grows with depth squared.
            max_depth: 256,
            // 256: real elements carry under 20 (one dev-corpus page has 70 on one div);
            // html5ever dedups attributes quadratically, and 256^2 is still cheap.
            max_attributes: 256,
            format: FormatChoice::Auto,
        }
    }
}

impl Options {
    /// Inputs larger than this many bytes are refused with [`Error::TooLarge`](crate::Error::TooLarge).
    pub fn with_max_bytes(mut self, n: usize) -> Self {
        self.max_bytes = n;
        self
    }
    /// Elements nested deeper than this are flattened before parsing (text kept).
    pub fn with_max_depth(mut self, n: usize) -> Self {
        self.max_depth = n.max(8);
        self
    }
    /// Attributes beyond this many on one element are dropped before parsing.
    pub fn with_max_attributes(mut self, n: usize) -> Self {
        self.max_attributes = n.max(1);
        self
    }
    /// Which input format to assume.
    pub fn with_format(mut self, f: FormatChoice) -> Self {
        self.format = f;
        self
    }
    /// The size limit in bytes.
    pub fn max_bytes(&self) -> usize {
        self.max_bytes
    }
    /// The nesting limit.
    pub fn max_depth(&self) -> usize {
        self.max_depth
    }
    /// The per-element attribute limit.
    pub fn max_attributes(&self) -> usize {
        self.max_attributes
    }
    /// The input format choice.
    pub fn format(&self) -> FormatChoice {
        self.format
    }
}
