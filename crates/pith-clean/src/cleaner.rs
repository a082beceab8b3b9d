//! The engine: build once with [`Options`], clean many pages. Each method is the
//! list of stages it runs, in order.

use crate::cleaned::{Cleaned, InputFormat, SourceInfo};
use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::options::{FormatChoice, Options};
use crate::{classify, decode, dom, prescan, text};

/// Cleans pages. Build once (lexicons compile on first use), reuse for every page.
///
/// ```
/// use pith_clean::{Cleaner, Options};
/// let c = Cleaner::new(Options::default());
/// assert!(c.clean_bytes(b"").is_err());
/// ```
#[derive(Debug, Clone)]
pub struct Cleaner {
    options: Options,
    lexicons: &'static Lexicons,
}

impl Cleaner {
    /// A cleaner with these options.
    pub fn new(options: Options) -> Cleaner {
        Cleaner {
            options,
            lexicons: Lexicons::builtin(),
        }
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The lexicons in use.
    pub fn lexicons(&self) -> &'static Lexicons {
        self.lexicons
    }

    /// Clean raw bytes: decode, pick the format (per the options), clean.
    pub fn clean_bytes(&self, bytes: &[u8]) -> Result<Cleaned, Error> {
        let decoded = decode::decode(bytes, &self.options)?;
        let format = match self.options.format() {
            FormatChoice::Auto => decode::sniff_format(&decoded.text),
            FormatChoice::Html => InputFormat::Html,
            FormatChoice::Text => InputFormat::Text,
        };
        let mut cleaned = match format {
            InputFormat::Html => self.clean_html(&decoded.text),
            InputFormat::Text => self.clean_text(&decoded.text),
        };
        cleaned.source = SourceInfo {
            format,
            encoding: decoded.encoding.to_string(),
            bytes: bytes.len(),
        };
        cleaned.warnings.splice(0..0, decoded.warnings);
        Ok(cleaned)
    }

    /// Clean an HTML document (already decoded).
    pub fn clean_html(&self, html: &str) -> Cleaned {
        let prescan::Guarded {
            html: guarded,
            warnings,
        } = prescan::guard(html, &self.options);
        let document = dom::parse(&guarded);
        // The guarded copy is as large as the page: free it before the DOM is read.
        drop(guarded);
        let mut cleaned = classify::clean_document(&document, self.lexicons);
        drop(document);
        cleaned.source.format = InputFormat::Html;
        cleaned.warnings.splice(0..0, warnings);
        cleaned
    }

    /// Clean flattened text (text nodes glued together with no separators).
    pub fn clean_text(&self, flat: &str) -> Cleaned {
        let mut cleaned = text::clean(flat, self.lexicons);
        cleaned.source.format = InputFormat::Text;
        cleaned
    }
}
