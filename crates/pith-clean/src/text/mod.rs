//! Flattened text -> cleaned blocks.
//!
//! A naive scraper glued every text node to the next with no separator
//! (`...Human Rights WatchSkip to main contentHelp us continue...`). The stages:
//!
//! 1. [`boundary`]: recover where nodes met (case, punctuation, script,
//!    currency and bracket signals), one linear pass;
//! 2. [`title`]: the first segment is the page title; cut around its repeats
//!    later in the text, which are headline candidates;
//! 3. [`segments`]: cut the text into trimmed segments with shape features;
//! 4. [`classify`]: label each segment: prose, short piece, date line, or
//!    boilerplate from the multilingual lexicons and from shape;
//! 5. [`span`]: the article is the run with the largest weight (prose adds,
//!    the rest costs; weights in [`weights`]); headline, date line and standfirst
//!    are picked around its start;
//! 6. [`assemble`]: paragraphs, hinted front matter, removals with kind and
//!    evidence, metadata.
//!
//! Every stage is linear in the text (plus a sort of the boundaries).

pub mod assemble;
pub mod boundary;
pub mod classify;
pub mod date;
pub mod segments;
pub mod span;
pub mod title;
pub mod weights;

use std::sync::OnceLock;

use crate::cleaned::Cleaned;
use crate::lexicon::Lexicons;

use boundary::BoundaryRules;
use classify::Label;
use date::Months;

/// The compiled word lists of the text path.
#[derive(Debug)]
struct Rules {
    boundary: BoundaryRules,
    months: Months,
}

impl Rules {
    fn build(lex: &Lexicons) -> Rules {
        Rules {
            boundary: BoundaryRules::new(lex.words("camel_words"), lex.words("abbreviations")),
            months: Months::new(lex.words("months")),
        }
    }
}

/// Clean flattened text: kept blocks (body paragraphs and hinted front matter),
/// removals with kind and evidence, metadata.
///
/// ```
/// use pith_clean::lexicon::Lexicons;
/// let flat = "Floods Close Schools | Daily NewsHomeNewsSportFloods Close Schools\
///     Heavy rain closed forty schools on Monday, officials said, and more closures are expected.\
///     The regional government said buses would run on a reduced timetable until Friday.\
///     Share this via FacebookShare this via Twitter";
/// let c = pith_clean::text::clean(flat, Lexicons::builtin());
/// assert_eq!(c.metadata.title.as_deref(), Some("Floods Close Schools"));
/// assert!(c.text().contains("Heavy rain closed forty schools"));
/// assert!(!c.text().contains("Share this"));
/// ```
pub fn clean(flat: &str, lexicons: &Lexicons) -> Cleaned {
    static BUILTIN: OnceLock<Rules> = OnceLock::new();
    let owned;
    let rules = if std::ptr::eq(lexicons, Lexicons::builtin()) {
        BUILTIN.get_or_init(|| Rules::build(lexicons))
    } else {
        owned = Rules::build(lexicons);
        &owned
    };
    let mut cuts = boundary::find(flat, &rules.boundary);
    let title_end = cuts.get(1).map_or(flat.len(), |b| b.at);
    let mut title = title::Title::read(flat, title_end);
    title.cut_repeats(flat, &mut cuts);
    let segs = segments::split(flat, &cuts);
    if segs.is_empty() {
        return Cleaned::default();
    }
    let labels = classify::label_all(flat, &segs, lexicons, &rules.months);
    let candidates: Vec<usize> = segs
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            title
                .repeats
                .iter()
                .any(|&(a, b)| s.start == a && s.end <= b)
        })
        .map(|(i, _)| i)
        .collect();
    let weights: Vec<f32> = segs
        .iter()
        .zip(&labels)
        .enumerate()
        .map(|(i, (s, l))| {
            if candidates.contains(&i) {
                Label::Short.weight(&s.shape)
            } else {
                l.weight(&s.shape)
            }
        })
        .collect();
    let mut span = span::densest(&weights, 1);
    let front = match span.as_mut() {
        Some(s) => span::front_matter(&segs, &labels, &candidates, s),
        None => span::Front::default(),
    };
    assemble::assemble(&assemble::Parts {
        flat,
        segs: &segs,
        labels: &labels,
        span,
        front,
        title: &title,
    })
}
