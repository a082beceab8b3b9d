//! The segmented article: what segmentation hands on to the JSON record.

use serde::Serialize;

/// A dateline at the start of the first body paragraph.
///
/// ```
/// use pith_segment::Dateline;
/// let d = Dateline { text: "(Astana) -".into(), location: Some("Astana".into()), agency: None, date: None };
/// assert_eq!(d.location.as_deref(), Some("Astana"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Dateline {
    /// The prefix as printed, separator included: `WASHINGTON (Reuters) -`.
    pub text: String,
    /// The place part as printed: `WASHINGTON`, `BUFFALO, N.Y.`; null for `(CNN)`.
    pub location: Option<String>,
    /// The parenthesised source: `Reuters`, `AP`; null when none.
    pub agency: Option<String>,
    /// A date inside the dateline (`Sept 28`, `April 17, 2015`), as printed.
    pub date: Option<String>,
}

/// Whether a quote is a whole clause or a fragment woven into the reporter's sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A clause of four words or more.
    Direct,
    /// A fragment, or a sentence of fewer than four words.
    Partial,
}

/// A quotation in the body, with its speaker and where it stands.
///
/// ```
/// use pith_segment::{Quote, QuoteKind};
/// let q = Quote { text: "We will not stop".into(), speaker: Some("Jane Roe".into()),
///                 kind: QuoteKind::Direct, paragraph: 0, start: 1, end: 17 };
/// assert_eq!(q.kind, QuoteKind::Direct);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Who said it, in the fullest form the article gives; null when unknown.
    pub speaker: Option<String>,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// Index into `Article::body`.
    pub paragraph: usize,
    /// Char offset of the quote's first char in that paragraph's text.
    pub start: usize,
    /// Char offset just past the quote's last char.
    pub end: usize,
}

/// One body block.
///
/// ```
/// use pith_segment::Paragraph;
/// let p = Paragraph { kind: "paragraph".into(), text: "Text.".into() };
/// assert_eq!(p.kind, "paragraph");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// The block kind's name: `paragraph`, `heading`, `list_item`, `quote`, ...
    pub kind: String,
    /// The text.
    pub text: String,
}

/// The segmented article.
///
/// ```
/// use pith_segment::Article;
/// let a = Article::default();
/// assert!(a.headline.is_none() && a.body.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Article {
    /// The visible headline as printed.
    pub headline: Option<String>,
    /// The deck under the headline.
    pub standfirst: Option<String>,
    /// First publication, ISO 8601.
    pub published: Option<String>,
    /// The dateline of the first body paragraph.
    pub dateline: Option<Dateline>,
    /// Author names, one per person.
    pub byline: Vec<String>,
    /// Quotations in the body.
    pub quotes: Vec<Quote>,
    /// Body blocks, without headline, standfirst, byline, dateline prefix, captions, credits.
    pub body: Vec<Paragraph>,
}
