//! Stage 6: what cleaning hands on: kept blocks, explained removals, metadata, warnings.

use serde::Serialize;

use crate::block::Block;
use crate::classify::evidence::Evidence;
use crate::classify::kind::BoilerplateKind;
use crate::error::Warning;

/// What the input was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// An HTML document or fragment.
    #[default]
    Html,
    /// Flattened text: text nodes glued together with no separators.
    Text,
}

/// Facts about the input itself.
///
/// ```
/// use pith_clean::{SourceInfo, InputFormat};
/// let s = SourceInfo { format: InputFormat::Html, encoding: "utf-8".into(), bytes: 10 };
/// assert_eq!(s.bytes, 10);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct SourceInfo {
    /// HTML or flattened text.
    pub format: InputFormat,
    /// The encoding the bytes were decoded with (WHATWG label, lowercase).
    pub encoding: String,
    /// Size of the input in bytes.
    pub bytes: usize,
}

/// Page-level metadata, from `<head>`, JSON-LD, and visible markup.
///
/// ```
/// use pith_clean::Metadata;
/// let m = Metadata::default();
/// assert!(m.title.is_none() && m.authors.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Metadata {
    /// The page title without the site-name suffix.
    pub title: Option<String>,
    /// The site's name (`og:site_name`, JSON-LD publisher, title suffix).
    pub site_name: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The page language (BCP 47, as declared or detected).
    pub language: Option<String>,
    /// First publication, ISO 8601 (date, or date and time as given).
    pub published: Option<String>,
    /// Last modification, ISO 8601.
    pub modified: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// The page's description (meta/og description).
    pub description: Option<String>,
    /// Tags and topics.
    pub tags: Vec<String>,
    /// The section or category.
    pub section: Option<String>,
}

/// One removed part of the page, with its kind and the evidence that decided it.
///
/// ```
/// use pith_clean::{Removal, BoilerplateKind, Evidence};
/// let r = Removal {
///     kind: BoilerplateKind::Navigation,
///     text: "Home News Sport".into(),
///     evidence: vec![Evidence::Tag { tag: "nav".into() }],
/// };
/// assert_eq!(r.kind.name(), "navigation");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Removal {
    /// What kind of boilerplate it is.
    pub kind: BoilerplateKind,
    /// Its text, whitespace normalised.
    pub text: String,
    /// Why it was removed; at least one entry.
    pub evidence: Vec<Evidence>,
}

/// The result of cleaning one page.
///
/// ```
/// use pith_clean::{Cleaned};
/// let c = Cleaned::default();
/// assert!(c.kept.is_empty() && c.removed.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Cleaned {
    /// What the input was.
    pub source: SourceInfo,
    /// Page metadata.
    pub metadata: Metadata,
    /// The article's blocks, in page order. Empty when the page has no article.
    pub kept: Vec<Block>,
    /// Everything removed, in page order, each with kind and evidence.
    pub removed: Vec<Removal>,
    /// Problems that did not stop cleaning.
    pub warnings: Vec<Warning>,
}

impl Cleaned {
    /// The kept blocks' text, one blank line between blocks.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.kept {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&b.text);
        }
        out
    }
}
