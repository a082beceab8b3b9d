//! The JSON wire format: one record per input, versioned by `schema_version`.
//!
//! These types are kept apart from the library's: the library may grow or rename fields, the
//! wire format changes only with `SCHEMA_VERSION`. Evidence and warnings are the two places
//! where the library's own serialisation is passed through (as JSON values), because they are
//! open-ended by design and every variant is already a stable snake_case tagged object.

use serde::Serialize;
use serde_json::{Map, Value};

/// Bump when a field changes meaning or is removed (adding one is compatible).
pub const SCHEMA_VERSION: u32 = 1;

/// One output record: a cleaned page or an error, with where it came from.
#[derive(Debug, Serialize)]
pub struct Record {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The input.
    pub source: Source,
    /// The page, or what went wrong.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// Where a record came from, and what the input was.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Source {
    /// The file path as given or found (`-` for standard input).
    pub path: String,
    /// The file stem (`001.glued` for `001.glued.txt`), or the record's own `id`.
    pub id: Value,
    /// `html` or `text`; null when the input could not be read.
    pub format: Option<&'static str>,
    /// The encoding the bytes were decoded with; null when not decoded.
    pub encoding: Option<String>,
    /// Size of the input in bytes (after decompression); null when not read.
    pub bytes: Option<usize>,
    /// The record's `url`, for JSON Lines record inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The 1-based line of a JSON Lines record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Fields of a JSON Lines record that pith does not use, passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra: Option<Map<String, Value>>,
}

/// A cleaned page or an error.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Outcome {
    /// The page was cleaned.
    Page(Box<Page>),
    /// It could not be.
    Error {
        /// What went wrong.
        error: ErrorBody,
    },
}

/// What went wrong with one input.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ErrorBody {
    /// A short snake_case name: `empty`, `binary`, `too_large`, `io`, `decompress`,
    /// `bad_record`, `timeout`, `panic`.
    pub kind: String,
    /// A human-readable message.
    pub message: String,
}

impl ErrorBody {
    /// An error of `kind` with `message`.
    pub fn new(kind: &str, message: impl Into<String>) -> ErrorBody {
        ErrorBody {
            kind: kind.to_owned(),
            message: message.into(),
        }
    }
}

/// A cleaned, segmented page.
#[derive(Debug, Serialize)]
pub struct Page {
    /// Page-level metadata.
    pub metadata: Metadata,
    /// The segmented article.
    pub article: Article,
    /// The body as plain text, one blank line between blocks.
    pub text: String,
    /// Everything removed, in page order.
    pub removed: Vec<Removed>,
    /// Problems that did not stop cleaning.
    pub warnings: Vec<Value>,
}

/// Page metadata on the wire.
#[derive(Debug, Serialize, Default)]
pub struct Metadata {
    /// The page title without the site-name suffix.
    pub title: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The page language.
    pub language: Option<String>,
    /// First publication, ISO 8601.
    pub published: Option<String>,
    /// Last modification, ISO 8601.
    pub modified: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// The page's description.
    pub description: Option<String>,
    /// Tags and topics.
    pub tags: Vec<String>,
}

/// The segmented article on the wire.
#[derive(Debug, Serialize, Default)]
pub struct Article {
    /// The visible headline.
    pub headline: Option<String>,
    /// The deck under the headline.
    pub standfirst: Option<String>,
    /// First publication, ISO 8601.
    pub published: Option<String>,
    /// The dateline of the first body paragraph.
    pub dateline: Option<Dateline>,
    /// Author names.
    pub byline: Vec<String>,
    /// Quotations in the body.
    pub quotes: Vec<Quote>,
    /// Body blocks.
    pub body: Vec<Block>,
}

/// A dateline on the wire.
#[derive(Debug, Serialize)]
pub struct Dateline {
    /// As printed, separator included.
    pub text: String,
    /// The place.
    pub location: Option<String>,
    /// The agency in parentheses.
    pub agency: Option<String>,
    /// A date inside the dateline.
    pub date: Option<String>,
}

/// A quotation on the wire.
#[derive(Debug, Serialize)]
pub struct Quote {
    /// The quoted words.
    pub text: String,
    /// Who said it.
    pub speaker: Option<String>,
    /// `direct` or `partial`.
    pub kind: &'static str,
    /// Index into `body`.
    pub paragraph: usize,
    /// Char offset of the first quoted char in that block.
    pub start: usize,
    /// Char offset just past the last quoted char.
    pub end: usize,
}

/// One body block on the wire.
#[derive(Debug, Serialize)]
pub struct Block {
    /// `paragraph`, `heading`, `list_item`, `quote`, ...
    pub kind: String,
    /// The text.
    pub text: String,
}

/// One removed block on the wire.
#[derive(Debug, Serialize)]
pub struct Removed {
    /// The boilerplate kind (`cookie_consent`, `navigation`, ...).
    pub kind: &'static str,
    /// Its text.
    pub text: String,
    /// Why it was removed.
    pub evidence: Vec<Value>,
}

impl From<&pith_clean::Metadata> for Metadata {
    fn from(m: &pith_clean::Metadata) -> Self {
        Metadata {
            title: m.title.clone(),
            site_name: m.site_name.clone(),
            url: m.url.clone(),
            language: m.language.clone(),
            published: m.published.clone(),
            modified: m.modified.clone(),
            authors: m.authors.clone(),
            description: m.description.clone(),
            tags: m.tags.clone(),
        }
    }
}

impl From<pith_segment::Article> for Article {
    fn from(a: pith_segment::Article) -> Self {
        Article {
            headline: a.headline,
            standfirst: a.standfirst,
            published: a.published,
            dateline: a.dateline.map(|d| Dateline {
                text: d.text,
                location: d.location,
                agency: d.agency,
                date: d.date,
            }),
            byline: a.byline,
            quotes: a
                .quotes
                .into_iter()
                .map(|q| Quote {
                    text: q.text,
                    speaker: q.speaker,
                    kind: match q.kind {
                        pith_segment::QuoteKind::Direct => "direct",
                        pith_segment::QuoteKind::Partial => "partial",
                    },
                    paragraph: q.paragraph,
                    start: q.start,
                    end: q.end,
                })
                .collect(),
            body: a
                .body
                .into_iter()
                .map(|p| Block {
                    kind: p.kind,
                    text: p.text,
                })
                .collect(),
        }
    }
}

impl From<&pith_clean::Removal> for Removed {
    fn from(r: &pith_clean::Removal) -> Self {
        Removed {
            kind: r.kind.name(),
            text: r.text.clone(),
            evidence: r.evidence.iter().map(to_value).collect(),
        }
    }
}

/// A library value as JSON; `null` if it cannot be serialised (it always can: plain enums).
pub fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

impl Page {
    /// The wire page for a cleaned page and its segmented article.
    pub fn new(cleaned: &pith_clean::Cleaned, article: pith_segment::Article) -> Page {
        let article = Article::from(article);
        let text = article
            .body
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        Page {
            metadata: Metadata::from(&cleaned.metadata),
            article,
            text,
            removed: cleaned.removed.iter().map(Removed::from).collect(),
            warnings: cleaned.warnings.iter().map(to_value).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_record_shape() {
        let r = Record {
            schema_version: SCHEMA_VERSION,
            source: Source {
                path: "a.html".into(),
                id: "a".into(),
                ..Source::default()
            },
            outcome: Outcome::Error {
                error: ErrorBody::new("empty", "the input is empty"),
            },
        };
        let v = to_value(&r);
        assert_eq!(
            v,
            serde_json::json!({"schema_version": 1,
                "source": {"path": "a.html", "id": "a", "format": null, "encoding": null, "bytes": null},
                "error": {"kind": "empty", "message": "the input is empty"}})
        );
    }

    #[test]
    fn page_record_keys_in_order() {
        let cleaned = pith_clean::Cleaned::default();
        let mut article = pith_segment::Article::default();
        article.body.push(pith_segment::Paragraph {
            kind: "paragraph".into(),
            text: "One.".into(),
        });
        article.body.push(pith_segment::Paragraph {
            kind: "paragraph".into(),
            text: "Two.".into(),
        });
        let r = Record {
            schema_version: SCHEMA_VERSION,
            source: Source::default(),
            outcome: Outcome::Page(Box::new(Page::new(&cleaned, article))),
        };
        let s = serde_json::to_string(&r).expect("serialises");
        let keys = [
            "schema_version",
            "source",
            "metadata",
            "article",
            "text",
            "removed",
            "warnings",
        ];
        let positions: Vec<usize> = keys
            .iter()
            .map(|k| s.find(&format!("\"{k}\"")).expect(k))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{s}");
        assert!(
            s.contains(r#"]},"text":"One.\n\nTwo.","removed":[],"warnings":[]}"#),
            "{s}"
        );
    }
}
