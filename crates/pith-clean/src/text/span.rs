//! The article span: the run of segments with the largest total weight
//! (maximum-sum subarray, one pass), then the front matter around its start:
//! the headline (the page title repeated), the date line and the standfirst.

use super::classify::Label;
use super::segments::Segment;
use super::weights::*;

/// A run of segments, first and last index inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First segment of the run.
    pub first: usize,
    /// Last segment of the run.
    pub last: usize,
}

impl Span {
    /// True when segment `i` lies in the run.
    pub fn contains(&self, i: usize) -> bool {
        (self.first..=self.last).contains(&i)
    }
}

/// The run of `weights[from..]` with the largest positive sum (Kadane), if any.
///
/// ```
/// use pith_clean::text::span::{densest, Span};
/// assert_eq!(densest(&[-5.0, 3.0, -1.0, 4.0, -9.0, 2.0], 0), Some(Span { first: 1, last: 3 }));
/// assert_eq!(densest(&[-1.0, -2.0], 0), None);
/// ```
pub fn densest(weights: &[f32], from: usize) -> Option<Span> {
    let mut best: Option<(f32, Span)> = None;
    let mut run = 0.0f32;
    let mut run_start = from;
    for (i, &w) in weights.iter().enumerate().skip(from) {
        if run <= 0.0 {
            run = 0.0;
            run_start = i;
        }
        run += w;
        if run > 0.0 && best.map_or(true, |(b, _)| run > b) {
            best = Some((
                run,
                Span {
                    first: run_start,
                    last: i,
                },
            ));
        }
    }
    best.map(|(_, s)| s)
}

/// The segments around the article start that are kept with a hint.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Front {
    /// The headline segment.
    pub headline: Option<usize>,
    /// The standfirst segment.
    pub standfirst: Option<usize>,
    /// The date line segment.
    pub date: Option<usize>,
}

/// Pick the headline among `candidates` (segments that repeat the page title),
/// then the date line and standfirst near it; may move the span start past the
/// headline when the headline sits at the head of the span.
pub fn front_matter(
    segs: &[Segment],
    labels: &[Label],
    candidates: &[usize],
    span: &mut Span,
) -> Front {
    let mut front = Front::default();
    let before = candidates.iter().rev().find(|&&c| c < span.first).copied();
    let leading = candidates.iter().find(|&&c| {
        span.contains(c) && (span.first..c).all(|i| !matches!(labels[i], Label::Content))
    });
    if let Some(&c) = leading {
        front.headline = Some(c);
        if c < span.last {
            span.first = c + 1;
        }
    } else {
        front.headline = before;
    }
    let region_end = span.first;
    if let Some(h) = front.headline {
        front.date = (h + 1..region_end)
            .find(|&i| matches!(labels[i], Label::Date(_)))
            .or_else(|| {
                (h.saturating_sub(6)..h)
                    .rev()
                    .find(|&i| matches!(labels[i], Label::Date(_)))
            });
        let next = (h + 1..region_end).find(|&i| !matches!(labels[i], Label::Date(_)));
        front.standfirst = next.filter(|&i| {
            segs[i].shape.words >= STANDFIRST_MIN_WORDS
                && matches!(labels[i], Label::Content | Label::Short)
        });
    } else {
        front.date = (span.first.saturating_sub(10)..span.first)
            .rev()
            .find(|&i| matches!(labels[i], Label::Date(_)));
    }
    front
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn densest_skips_leading_index() {
        assert_eq!(
            densest(&[100.0, -1.0, 5.0], 1),
            Some(Span { first: 2, last: 2 })
        );
    }
}
