//! pith-clean: turn a scraped web page into article blocks, and say why every
//! other part of the page was removed.
//!
//! # The pipeline
//! Data flows one way, one module per stage:
//!
//! ```text
//! bytes ──decode──▶ String ──prescan──▶ guarded HTML ──dom──▶ scraper::Html
//!                     │                                         │ block::from_dom (one iterative walk)
//!                     └── flattened text ──text (boundary recovery)──▶ Vec<Block> ◀┘
//!                                                                      │ classify (signals + lexicons)
//!                                                                      ▼
//!                                          Cleaned { kept, removed (kind + evidence), metadata, warnings }
//! ```
//!
//! # Example
//! ```
//! use pith_clean::{Cleaner, Options};
//! let cleaner = Cleaner::new(Options::default());
//! let html = r#"<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
//!   <article><h1>Floods close schools</h1>
//!   <p>Heavy rain closed forty schools on Monday, officials said, and more closures are expected.</p>
//!   <p>The regional government said buses would run on a reduced timetable until Friday.</p></article>
//!   </body></html>"#;
//! let cleaned = cleaner.clean_html(html);
//! assert!(cleaned.text().contains("Heavy rain closed forty schools"));
//! assert!(!cleaned.text().contains("Home"));
//! ```
#![deny(missing_docs)]

pub mod block;
pub mod classify;
pub mod cleaned;
mod cleaner;
pub mod decode;
pub mod dom;
pub mod error;
pub mod lexicon;
pub mod metadata;
pub mod options;
pub mod prescan;
pub mod signals;
pub mod text;

pub use block::{Block, BlockKind, Hint};
pub use classify::evidence::{Attribute, Evidence, Place, Shape};
pub use classify::kind::BoilerplateKind;
pub use cleaned::{Cleaned, InputFormat, Metadata, Removal, SourceInfo};
pub use cleaner::Cleaner;
pub use error::{Error, Warning};
pub use options::{FormatChoice, Options};
