//! pith-segment: cleaned blocks -> the article's structure: headline, standfirst,
//! publication date, dateline, byline, quotes with speakers, and body paragraphs.
#![deny(missing_docs)]

pub mod article;

pub use article::{Article, Dateline, Paragraph, Quote, QuoteKind};
