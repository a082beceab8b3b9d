//! The article span: the run of segments with the largest total weight
//! (maximum-sum subarray, one pass), then the front matter around its start:
//! the headline (the page title repeated), the date line and the standfirst.

use super::classify::{is_menu_item, Label};
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

/// One weight per segment: its label's weight, with two corrections. Headline
/// candidates weigh as short pieces. Prose with no prose on either side (a
/// teaser under a headline in a list) weighs [`ISOLATED_SHARE`] of its chars:
/// an article is a run of paragraphs.
pub fn weights(segs: &[Segment], labels: &[Label], candidates: &[usize]) -> Vec<f32> {
    let is_prose = |i: usize| matches!(labels.get(i), Some(Label::Content | Label::Tainted { .. }));
    segs.iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (s, l))| {
            if candidates.contains(&i) {
                return Label::Short.weight(&s.shape);
            }
            let w = l.weight(&s.shape);
            let alone = !is_prose(i + 1) && (i == 0 || !is_prose(i - 1));
            if matches!(l, Label::Content) && alone {
                w * ISOLATED_SHARE
            } else {
                w
            }
        })
        .collect()
}

/// The densest run of `weights[from..]`: runs grow while their sum stays
/// positive and the cost of walls (`walls[i]`, see [`walls`]) since their last prose, net of later prose, stays within
/// [`GAP_LIMIT`]; the run with the largest sum wins. Without the gap
/// limit this is the maximum-sum subarray; with it, the comments and teaser
/// lists after an article do not join it across a long stretch of chrome.
///
/// ```
/// use pith_clean::text::span::{densest, Span};
/// let walls = [5.0, 0.0, 1.0, 0.0, 9.0, 0.0];
/// assert_eq!(densest(&[-5.0, 3.0, -1.0, 4.0, -9.0, 2.0], &walls, 0), Some(Span { first: 1, last: 3 }));
/// assert_eq!(densest(&[-1.0, -2.0], &walls, 0), None);
/// ```
pub fn densest(weights: &[f32], walls: &[f32], from: usize) -> Option<Span> {
    let mut best: Option<(f32, Span)> = None;
    let mut i = from;
    while i < weights.len() {
        if weights[i] <= 0.0 {
            i += 1;
            continue;
        }
        let (sum, last) = grow(weights, walls, i);
        if best.map_or(true, |(b, _)| sum > b) {
            best = Some((sum, Span { first: i, last }));
        }
        i = last + 1;
    }
    best.map(|(_, s)| s)
}

/// Grow a run from `first` (a positive weight): its best sum and last index.
fn grow(weights: &[f32], walls: &[f32], first: usize) -> (f32, usize) {
    let (mut sum, mut gap) = (0.0f32, 0.0f32);
    let (mut best, mut last) = (f32::MIN, first);
    for (j, &w) in weights.iter().enumerate().skip(first) {
        sum += w;
        if w > 0.0 {
            gap = (gap - w).max(0.0);
        } else {
            gap += walls.get(j).copied().unwrap_or(-w);
        }
        if sum <= 0.0 || gap > GAP_LIMIT.max(best * GAP_SHARE) {
            break;
        }
        if sum > best {
            best = sum;
            last = j;
        }
    }
    (best, last)
}

/// What each segment adds to a gap: boilerplate and short pieces that look
/// like menu items (mostly capitalised, few words) their cost; code lines, numbers and lowercase fragments inside an article nothing.
pub fn walls(segs: &[Segment], labels: &[Label]) -> Vec<f32> {
    segs.iter()
        .zip(labels)
        .map(|(s, l)| match l {
            Label::Boiler { .. } => -l.weight(&s.shape),
            Label::Short if is_menu_item(&s.shape) => -l.weight(&s.shape),
            _ => 0.0,
        })
        .collect()
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
            densest(&[100.0, -1.0, 5.0], &[0.0, 1.0, 0.0], 1),
            Some(Span { first: 2, last: 2 })
        );
    }
}
