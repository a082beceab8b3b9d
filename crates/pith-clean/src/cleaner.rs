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
        let format = self.format_of(&decoded.text);
        let cleaned = match format {
            InputFormat::Html => self.clean_html(&decoded.text),
            InputFormat::Text => self.clean_text(&decoded.text),
        };
        Ok(with_source(
            cleaned,
            format,
            decoded.encoding,
            decoded.warnings,
            bytes.len(),
        ))
    }

    /// [`clean_bytes`](Self::clean_bytes) on bytes the caller gives up: the input is freed
    /// as soon as the page is parsed, so a large page is not held in memory twice (input
    /// and DOM) while it is cleaned. Same result as `clean_bytes`.
    ///
    /// ```
    /// use pith_clean::{Cleaner, Options};
    /// let c = Cleaner::new(Options::default());
    /// let page = b"<nav><a href='/'>Home</a></nav><p>Rain closed forty schools on Monday.</p>";
    /// assert_eq!(c.clean_owned(page.to_vec()).unwrap(), c.clean_bytes(page).unwrap());
    /// ```
    pub fn clean_owned(&self, bytes: Vec<u8>) -> Result<Cleaned, Error> {
        let len = bytes.len();
        let decode::Decoded {
            text,
            encoding,
            warnings,
        } = decode::decode(&bytes, &self.options)?;
        let format = self.format_of(&text);
        let cleaned = match format {
            InputFormat::Html => {
                let (document, guard_warnings) = self.parse(&text);
                drop(text);
                drop(bytes);
                self.clean_parsed(&document, guard_warnings)
            }
            InputFormat::Text => self.clean_text(&text),
        };
        Ok(with_source(cleaned, format, encoding, warnings, len))
    }

    /// The input's format: the one the options force, else sniffed from the text.
    fn format_of(&self, text: &str) -> InputFormat {
        match self.options.format() {
            FormatChoice::Auto => decode::sniff_format(text),
            FormatChoice::Html => InputFormat::Html,
            FormatChoice::Text => InputFormat::Text,
        }
    }

    /// Clean an HTML document (already decoded).
    pub fn clean_html(&self, html: &str) -> Cleaned {
        let (document, warnings) = self.parse(html);
        self.clean_parsed(&document, warnings)
    }

    /// Guard the markup, then parse it. The guarded copy is as large as the page: it is
    /// freed before the DOM is read.
    fn parse(&self, html: &str) -> (scraper::Html, Vec<crate::Warning>) {
        let prescan::Guarded {
            html: guarded,
            warnings,
        } = prescan::guard(html, &self.options);
        (dom::parse(&guarded), warnings)
    }

    /// Blocks, verdicts and metadata of a parsed page, after the guard's warnings.
    fn clean_parsed(&self, document: &scraper::Html, warnings: Vec<crate::Warning>) -> Cleaned {
        let mut cleaned = classify::clean_document(document, self.lexicons);
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

/// Stamp what was read (format, encoding, size) on a result, decoding warnings first.
fn with_source(
    mut cleaned: Cleaned,
    format: InputFormat,
    encoding: String,
    warnings: Vec<crate::Warning>,
    bytes: usize,
) -> Cleaned {
    cleaned.source = SourceInfo {
        format,
        encoding,
        bytes,
    };
    cleaned.warnings.splice(0..0, warnings);
    cleaned
}
