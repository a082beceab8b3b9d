//! Evidence: the structured reason recorded with every removal.

use serde::Serialize;

/// Which attribute a class/id token came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// The `class` attribute.
    Class,
    /// The `id` attribute.
    Id,
}

/// Where a block sits relative to the main content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Before the first block of the main content.
    BeforeContent,
    /// After the last block of the main content.
    AfterContent,
    /// Outside the main content container, between its blocks in page order.
    OutsideContainer,
}

/// The shape of a flattened-text segment that marks it as boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Shape {
    /// A run of short title-case items (a menu).
    TitleCaseRun,
    /// A run of language self-names ("English", "Français", "日本語").
    LanguageNames,
    /// A run of prices or amounts ("$50$100$250").
    PriceList,
    /// A run of dated headlines (a listing).
    DatedHeadlines,
    /// Very short text with no sentence punctuation.
    Fragment,
    /// A title printed twice in a row with its teaser (a card linking to
    /// another page).
    RepeatedTitle,
    /// A copyright notice: `©` with a year.
    CopyrightLine,
}

/// One piece of evidence behind a removal. A removal carries one or more.
///
/// ```
/// use pith_clean::Evidence;
/// let e = Evidence::Role { role: "navigation".into() };
/// assert_eq!(serde_json::to_string(&e).unwrap(), r#"{"signal":"role","role":"navigation"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "signal", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Evidence {
    /// A whole class/id token from the lexicon of class/id tokens.
    ClassToken {
        /// The token as it matched (lowercased), e.g. `cookie`.
        token: String,
        /// Which attribute held it.
        attribute: Attribute,
    },
    /// An ARIA role.
    Role {
        /// The role value, e.g. `navigation`.
        role: String,
    },
    /// A semantic tag, e.g. `nav`, `footer`, `aside`, `form`.
    Tag {
        /// Lowercase tag name.
        tag: String,
    },
    /// A phrase from a language's lexicon. The strings are the lexicon
    /// entry's own ([`Entry`](crate::lexicon::Entry) lives as long as the
    /// program), so this evidence is made and cloned without allocating.
    Phrase {
        /// Language code of the lexicon, e.g. `en`, `any`.
        lang: &'static str,
        /// The lexicon list (the kind's name), e.g. `cookie_consent`.
        list: &'static str,
        /// The entry as written in the lexicon.
        phrase: &'static str,
    },
    /// Share of text inside links above a limit.
    LinkDensity {
        /// Measured value.
        value: f32,
        /// The limit it exceeded.
        limit: f32,
    },
    /// Too little text for its markup (e.g. a container of short fragments).
    TextDensity {
        /// Measured value (chars per block, or similar, as named by `measure`).
        value: f32,
        /// The limit it fell below.
        limit: f32,
    },
    /// Position relative to the main content.
    Position {
        /// Where it was.
        place: Place,
    },
    /// The element is hidden from readers.
    Hidden {
        /// How: `hidden`, `aria-hidden`, `display:none`, ...
        how: String,
    },
    /// The shape of a flattened-text segment.
    Shape {
        /// Which shape.
        shape: Shape,
    },
}
