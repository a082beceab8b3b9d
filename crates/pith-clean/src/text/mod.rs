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
pub mod byline;
pub mod camel;
pub mod classify;
mod code_names;
pub mod date;
mod lazy_table;
pub mod phrases;
pub mod segments;
pub mod span;
mod swar;
pub mod title;
pub mod weights;

use std::sync::OnceLock;

use crate::cleaned::Cleaned;
use crate::lexicon::Lexicons;

use boundary::BoundaryRules;
use classify::Label;
use date::Months;

/// A small deterministic generator for the generated-input tests of the
/// text path (xorshift64): each call gives a number in `0..n`.
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}

/// The compiled word lists of the text path.
#[derive(Debug)]
struct Rules {
    boundary: BoundaryRules,
    months: Months,
    phrases: phrases::PhraseMatcher,
    bylines: byline::Prefixes,
}

impl Rules {
    fn build(lex: &Lexicons) -> Rules {
        Rules {
            boundary: BoundaryRules::new(lex.words("camel_words"), lex.words("abbreviations")),
            months: Months::new(lex.words("months")),
            phrases: phrases::PhraseMatcher::new(lex),
            bylines: byline::Prefixes::new(lex.words("byline_prefixes")),
        }
    }
}

/// The inner state of one page's cleaning, for inspection and debugging.
#[derive(Debug)]
pub struct Analysis {
    /// The page title.
    pub title: title::Title,
    /// The segments.
    pub segs: Vec<segments::Segment>,
    /// One label per segment.
    pub labels: Vec<Label>,
    /// One span weight per segment.
    pub weights: Vec<f32>,
    /// The article span.
    pub span: Option<span::Span>,
    /// The article's first part when an embed cut a numbered article in two.
    pub lead: Option<span::Span>,
    /// Headline, standfirst, date line.
    pub front: span::Front,
    /// The byline near the headline.
    pub byline: Option<byline::Byline>,
}

/// Run the stages up to the article span (everything but assembly).
pub fn analyse(flat: &str, lexicons: &Lexicons) -> Analysis {
    static BUILTIN: OnceLock<Rules> = OnceLock::new();
    let owned;
    let rules = if std::ptr::eq(lexicons, Lexicons::builtin()) {
        BUILTIN.get_or_init(|| Rules::build(lexicons))
    } else {
        owned = Rules::build(lexicons);
        &owned
    };
    let mut cuts = boundary::find(flat, &rules.boundary);
    let mut title_end = cuts.get(1).map_or(flat.len(), |b| b.at);
    if title_end > weights::TITLE_MAX_BYTES {
        if let Some(end) = title::repeated_prefix(flat) {
            cuts.insert(
                1,
                boundary::Boundary {
                    at: end,
                    cut: boundary::Cut::Forced,
                },
            );
            title_end = end;
        }
    }
    // One piece with no boundary in it is the page's text, not its title: the
    // page had no `<title>` (or no body), and the text is all it says.
    let mut title = if cuts.len() > 1 {
        title::Title::read(flat, title_end)
    } else {
        title::Title::default()
    };
    title.cut_repeats(flat, &mut cuts);
    let segs = segments::split(flat, &cuts);
    let labels = classify::label_all(flat, &segs, &rules.phrases, &rules.months);
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
    let mut weights = span::weights(&segs, &labels, &candidates);
    let mut walls = span::walls(flat, &segs, &labels);
    let stamped: Vec<bool> = segs
        .iter()
        .zip(&labels)
        .map(|(s, l)| {
            matches!(l, Label::Date(_)) && date::has_clock(flat.get(s.start..s.end).unwrap_or(""))
        })
        .collect();
    span::thread_stamps(&mut weights, &mut walls, &stamped);
    let slides = span::gallery_stamps_in(flat, &segs);
    span::thread_stamps(&mut weights, &mut walls, &slides);
    // A page with no prose run keeps all it has: everything but the title, or
    // the one segment when the page is a single line.
    let last = segs.len().saturating_sub(1);
    let mut span = span::densest(&weights, &walls, 1).or(match segs.len() {
        0 => None,
        1 => Some(span::Span { first: 0, last: 0 }),
        _ => Some(span::Span { first: 1, last }),
    });
    let lead = span.and_then(|s| span::earlier_part(flat, &segs, &weights, &walls, s));
    let front = match span.as_mut() {
        Some(s) => span::front_matter(&segs, &labels, &candidates, s),
        None => span::Front::default(),
    };
    let f = front;
    let taken: Vec<usize> = [f.headline, f.standfirst, f.date]
        .into_iter()
        .flatten()
        .collect();
    let anchors: Vec<usize> = [f.headline, f.date, span.map(|s| s.first)]
        .into_iter()
        .flatten()
        .collect();
    let byline = byline::find(
        flat,
        &segs,
        &labels,
        &anchors,
        f.date,
        &taken,
        &rules.bylines,
    );
    // The teasers of a box of links inside the article (headlines: short
    // pieces, or prose with no final stop) leave the body with the box's
    // heading as their evidence; a sentence there may be the article's own.
    let mut labels = labels;
    for (h, r) in span::boxes(flat, &segs, &labels) {
        if span.is_some_and(|s| s.contains(h)) {
            let heading = labels[h].clone();
            for (l, s) in labels[h + 1..r].iter_mut().zip(&segs[h + 1..r]) {
                let teaser = match l {
                    Label::Short => true,
                    Label::Content => !s.shape.ends_with_stop,
                    _ => false,
                };
                if teaser {
                    *l = heading.clone();
                }
            }
        }
    }
    // Teaser cards set inside the article leave the body too.
    for i in classify::card_pieces(flat, &segs, &labels) {
        if span.is_some_and(|s| s.contains(i)) {
            labels[i] = Label::Boiler {
                kind: crate::classify::kind::BoilerplateKind::RelatedContent,
                evidence: vec![crate::classify::evidence::Evidence::Shape {
                    shape: crate::classify::evidence::Shape::RepeatedTitle,
                }],
            };
        }
    }
    Analysis {
        title,
        segs,
        labels,
        weights,
        span,
        lead,
        front,
        byline,
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
    let a = analyse(flat, lexicons);
    if a.segs.is_empty() {
        return Cleaned::default();
    }
    assemble::assemble(&assemble::Parts {
        flat,
        segs: &a.segs,
        labels: &a.labels,
        span: a.span,
        lead: a.lead,
        front: a.front,
        byline: a.byline.as_ref(),
        title: &a.title,
    })
}
