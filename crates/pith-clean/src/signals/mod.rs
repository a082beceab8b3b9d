//! Stage 4: signals. What the markup and the text say about a part of the page,
//! before any decision: class/id tokens ([`tokens`]), an element's own
//! boilerplate marks ([`element`]: hidden, ARIA role, semantic tag, tokens) and
//! the lexicon phrases of a block's text ([`phrase`]). The classify stage weighs
//! them against the page's structure.

pub mod element;
pub mod phrase;
pub mod tokens;
