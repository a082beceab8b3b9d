//! The article span: the run of segments with the largest total weight
//! (maximum-sum subarray, one pass), then the front matter around its start:
//! the headline (the page title repeated), the date line and the standfirst.

use super::classify::{is_menu_item, Label};
use super::segments::{Features, Segment};
use super::weights::*;
use crate::classify::kind::BoilerplateKind;

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
pub fn walls(flat: &str, segs: &[Segment], labels: &[Label]) -> Vec<f32> {
    let single = single_headings(flat, segs, labels);
    let once = |i: usize| single.contains(&i);
    segs.iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (s, l))| match l {
            // Prose after a comments heading is the comments (or the
            // thread's rules), not the article going on.
            Label::Boiler { kind, .. }
                if ends_article(*kind, &s.shape)
                    && once(i)
                    && (*kind == BoilerplateKind::Comments
                        || !prose_resumes(segs, labels, i + 1)) =>
            {
                THREAD_WALL
            }
            // A link label repeated down the page ("Read more" on every
            // card of teasers set inside the article) walls like a short piece.
            Label::Boiler { kind, .. } if ends_article(*kind, &s.shape) && !once(i) => SHORT_COST,
            Label::Boiler { .. } => -l.weight(&s.shape),
            Label::Short if is_menu_item(&s.shape) => -l.weight(&s.shape),
            _ => 0.0,
        })
        .collect()
}

/// Date lines with a clock time (`April 6, 2018 2:20 PM`) printed again and
/// again down the page stamp the items of a thread (comments, a feed): from
/// [`THREAD_MIN_STAMPS`] of them on, each one after the first prose weighs
/// like boilerplate and is a wall no run crosses, so the article span ends
/// where the thread starts. An article prints its own date once, before
/// its prose.
pub fn thread_stamps(weights: &mut [f32], walls: &mut [f32], stamped: &[bool]) {
    if stamped.iter().filter(|&&s| s).count() < THREAD_MIN_STAMPS {
        return;
    }
    let Some(first_prose) = weights.iter().position(|&w| w > 0.0) else {
        return;
    };
    for (i, _) in stamped.iter().enumerate().filter(|(_, &s)| s) {
        if i > first_prose {
            if let (Some(w), Some(wall)) = (weights.get_mut(i), walls.get_mut(i)) {
                *w = -BOILER_COST;
                *wall = THREAD_WALL;
            }
        }
    }
}

/// A slide counter in `text` (`3/50`, `GETTY IMAGES12/50`, `7/50An
/// Australian court`): the first `k/n` with `1 <= k <= n`, not part of a
/// longer number, a date (`12/05/2016`) or a decimal (`4.5/5`).
///
/// ```
/// use pith_clean::text::span::slide_counter;
/// assert_eq!(slide_counter("AFP12/50"), Some((12, 50)));
/// assert_eq!(slide_counter("3 / 8In this photo"), Some((3, 8)));
/// assert_eq!(slide_counter("on 12/05/2016"), None);
/// assert_eq!(slide_counter("rated 4.5/5"), None);
/// assert_eq!(slide_counter("9/4"), None);
/// ```
pub fn slide_counter(text: &str) -> Option<(u32, u32)> {
    let b = text.as_bytes();
    let digits_back = |end: usize| {
        b[..end]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let digits_on = |start: usize| b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
    let number = |s: usize, e: usize| text.get(s..e).and_then(|t| t.parse::<u32>().ok());
    let glue = |c: Option<&u8>| c.is_some_and(|c| matches!(c, b'/' | b'.' | b',' | b':'));
    for slash in memchr::memchr_iter(b'/', b) {
        let k_end = if slash > 0 && b[slash - 1] == b' ' {
            slash - 1
        } else {
            slash
        };
        let n_start = if b.get(slash + 1) == Some(&b' ') {
            slash + 2
        } else {
            slash + 1
        };
        let (kd, nd) = (digits_back(k_end), digits_on(n_start.min(b.len())));
        if !(1..=3).contains(&kd) || !(1..=3).contains(&nd) {
            continue;
        }
        let (k_start, n_end) = (k_end - kd, n_start + nd);
        let before = k_start.checked_sub(1).and_then(|i| b.get(i));
        if glue(before) || glue(b.get(n_end)) || b.get(n_end).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        if let (Some(k), Some(n)) = (number(k_start, k_end), number(n_start, n_end)) {
            if (1..=n).contains(&k) {
                return Some((k, n));
            }
        }
    }
    None
}

/// The segments of a slideshow: slide counters of one total (`1/50`,
/// `2/50`, ...) on at least [`GALLERY_MIN_SLIDES`] distinct slides. Each
/// slide stamps one caption, as a clock stamps a comment: see
/// [`thread_stamps`].
pub fn gallery_stamps<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let counters: Vec<Option<(u32, u32)>> = texts.map(slide_counter).collect();
    stamps(&counters)
}

/// [`gallery_stamps`] of the segments of `flat`: one scan for `/` over the
/// text, and the counters read only in the segments that hold one.
pub fn gallery_stamps_in(flat: &str, segs: &[Segment]) -> Vec<bool> {
    let mut counters = vec![None; segs.len()];
    let mut k = 0;
    let mut read = usize::MAX;
    for slash in memchr::memchr_iter(b'/', flat.as_bytes()) {
        while segs.get(k).is_some_and(|s| s.end <= slash) {
            k += 1;
        }
        let Some(s) = segs.get(k) else { break };
        if s.start <= slash && read != k {
            read = k;
            counters[k] = slide_counter(flat.get(s.start..s.end).unwrap_or(""));
        }
    }
    stamps(&counters)
}

/// The slides of a slideshow, given each segment's slide counter.
fn stamps(counters: &[Option<(u32, u32)>]) -> Vec<bool> {
    if counters.iter().flatten().count() < GALLERY_MIN_SLIDES {
        return vec![false; counters.len()];
    }
    let mut totals: Vec<(u32, Vec<u32>)> = Vec::new();
    for &(k, n) in counters.iter().flatten() {
        match totals.iter_mut().find(|(t, _)| *t == n) {
            Some((_, ks)) if !ks.contains(&k) => ks.push(k),
            Some(_) => {}
            None => totals.push((n, vec![k])),
        }
    }
    let gallery = |n: u32| {
        totals
            .iter()
            .any(|(t, ks)| *t == n && ks.len() >= GALLERY_MIN_SLIDES)
    };
    counters
        .iter()
        .map(|c| c.is_some_and(|(_, n)| gallery(n)))
        .collect()
}

/// A short heading that opens a list of other pages or a comment thread
/// ("Related articles", "Most read", "Comments"): an article does not go
/// on past it, so no run crosses it.
fn ends_article(kind: BoilerplateKind, f: &Features) -> bool {
    matches!(
        kind,
        BoilerplateKind::RelatedContent | BoilerplateKind::Comments
    ) && f.words <= SECTION_HEADING_MAX_WORDS
        && !f.ends_with_stop
}

/// The list headings ([`ends_article`]) printed once on the page. Headings
/// printed more than once ("Read more" under every teaser) are link
/// labels, not the one heading that opens a list.
fn single_headings(flat: &str, segs: &[Segment], labels: &[Label]) -> Vec<usize> {
    let text = |s: &Segment| flat.get(s.start..s.end).unwrap_or("").to_lowercase();
    let headings: Vec<(usize, String)> = segs
        .iter()
        .zip(labels)
        .enumerate()
        .filter(
            |(_, (s, l))| matches!(l, Label::Boiler { kind, .. } if ends_article(*kind, &s.shape)),
        )
        .map(|(i, (s, _))| (i, text(s)))
        .collect();
    headings
        .iter()
        .filter(|(_, t)| headings.iter().filter(|(_, u)| u == t).count() == 1)
        .map(|(i, _)| *i)
        .collect()
}

/// True when a long paragraph follows within [`RESUME_WINDOW`] segments
/// from `from`: the box before it ("Related articles") sat inside the
/// article, which goes on. Teasers in a list are shorter.
fn prose_resumes(segs: &[Segment], labels: &[Label], from: usize) -> bool {
    resume_at(segs, labels, from).is_some()
}

/// The first paragraph of at least [`RESUME_MIN_CHARS`] chars within
/// [`RESUME_WINDOW`] segments from `from`.
fn resume_at(segs: &[Segment], labels: &[Label], from: usize) -> Option<usize> {
    (from..from + RESUME_WINDOW).find(|&i| {
        labels.get(i) == Some(&Label::Content)
            && segs
                .get(i)
                .is_some_and(|s| s.shape.chars >= RESUME_MIN_CHARS)
    })
}

/// Boxes of links set inside an article: a related-list heading printed
/// once, then the article's next paragraph within [`RESUME_WINDOW`]
/// segments. Returns (heading, paragraph) index pairs; the segments
/// between them are the box's teasers, not the article.
pub fn boxes(flat: &str, segs: &[Segment], labels: &[Label]) -> Vec<(usize, usize)> {
    single_headings(flat, segs, labels)
        .into_iter()
        .filter(|&h| {
            !matches!(
                labels[h],
                Label::Boiler {
                    kind: BoilerplateKind::Comments,
                    ..
                }
            )
        })
        .filter_map(|h| resume_at(segs, labels, h + 1).map(|r| (h, r)))
        .collect()
}

/// The list number a text opens with (`3. Check the lock`, `3) Check`):
/// one or two digits, a `.` or `)`, then a space or a capital.
///
/// ```
/// use pith_clean::text::span::list_number;
/// assert_eq!(list_number("3. Check the lock"), Some(3));
/// assert_eq!(list_number("12)Bring a map"), Some(12));
/// assert_eq!(list_number("3.5 million people"), None);
/// assert_eq!(list_number("2015. The year"), None);
/// ```
pub fn list_number(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let mark = b.get(digits).is_some_and(|&c| c == b'.' || c == b')');
    let next = b
        .get(digits + 1)
        .is_some_and(|&c| c == b' ' || c.is_ascii_uppercase());
    if !(1..=2).contains(&digits) || !mark || !next {
        return None;
    }
    text.get(..digits)?.parse().ok()
}

/// The first part of a numbered article that an embed (a video player, an
/// ad) cut in two: the span opens its list at item `n` (2 or more) and the
/// densest run before it holds item `n - 1` within
/// [`LIST_GAP_MAX_SEGMENTS`] segments. A list counts on across the embed
/// (whose player controls may look like a wall: `0:00`); a teaser list
/// before an article does not stop at the number the article starts from.
pub fn earlier_part(
    flat: &str,
    segs: &[Segment],
    weights: &[f32],
    walls: &[f32],
    span: Span,
) -> Option<Span> {
    let text = |i: usize| flat.get(segs[i].start..segs[i].end).unwrap_or("");
    let n = (span.first..=span.last).find_map(|i| list_number(text(i)))?;
    if n < 2 {
        return None;
    }
    let lo = span.first.saturating_sub(LIST_GAP_MAX_SEGMENTS);
    let k = (lo..span.first)
        .rev()
        .find(|&i| list_number(text(i)) == Some(n - 1))?;
    let before = densest(weights.get(..span.first)?, walls.get(..span.first)?, 1)?;
    // The item's number may head the run's first paragraph.
    (before.first <= k + 1 && k <= before.last).then_some(Span {
        first: before.first.min(k),
        last: before.last,
    })
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
    fn thread_stamps_wall_off_comments() {
        // prose, prose, stamp, comment, stamp, comment, stamp, comment
        let mut w = vec![300.0, 200.0, -4.0, 150.0, -4.0, 150.0, -4.0, 150.0];
        let mut walls = vec![0.0; 8];
        let stamped = [false, false, true, false, true, false, true, false];
        thread_stamps(&mut w, &mut walls, &stamped);
        assert_eq!(w[2], -BOILER_COST);
        assert_eq!(walls[4], THREAD_WALL);
        assert_eq!(densest(&w, &walls, 0), Some(Span { first: 0, last: 1 }));
        // Two stamps are a date line and an update line, not a thread.
        let mut w2 = vec![300.0, -4.0, 200.0, -4.0];
        thread_stamps(&mut w2, &mut [0.0; 4], &[false, true, false, true]);
        assert_eq!(w2[3], -4.0);
    }

    fn page(pieces: &[(&str, Label)]) -> (String, Vec<Segment>, Vec<Label>) {
        let (flat, segs) = super::super::segments::glued(pieces.iter().map(|(p, _)| *p));
        (flat, segs, pieces.iter().map(|(_, l)| l.clone()).collect())
    }

    fn related() -> Label {
        Label::Boiler {
            kind: BoilerplateKind::RelatedContent,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn list_heading_walls_off_teasers_but_not_the_article() {
        let long = "The council met again on Thursday. ".repeat(8);
        let teaser = "A short summary of another story.";
        // Teasers after the heading: a wall.
        let (flat, segs, labels) = page(&[
            (&long, Label::Content),
            ("Most Read", related()),
            (teaser, Label::Content),
            (teaser, Label::Content),
        ]);
        assert_eq!(walls(&flat, &segs, &labels)[1], THREAD_WALL);
        // The article's own paragraphs after a box: no wall.
        let (flat, segs, labels) = page(&[
            (&long, Label::Content),
            ("Most Read", related()),
            (teaser, Label::Content),
            (&long, Label::Content),
        ]);
        assert!(walls(&flat, &segs, &labels)[1] < THREAD_WALL);
        // A heading printed twice is a link label: walls as a short piece.
        let (flat, segs, labels) = page(&[
            (&long, Label::Content),
            ("Read more", related()),
            (teaser, Label::Content),
            ("Read more", related()),
        ]);
        assert_eq!(walls(&flat, &segs, &labels)[1], SHORT_COST);
        // A box inside the article: heading, then the next long paragraph.
        let (flat, segs, labels) = page(&[
            (&long, Label::Content),
            ("Most Read", related()),
            (teaser, Label::Content),
            ("Ten quiet harbours", Label::Short),
            (&long, Label::Content),
        ]);
        assert_eq!(boxes(&flat, &segs, &labels), [(1, 4)]);
        // Long prose after a comments heading is a comment: still a wall.
        let comments = Label::Boiler {
            kind: BoilerplateKind::Comments,
            evidence: Vec::new(),
        };
        let (flat, segs, labels) = page(&[
            (&long, Label::Content),
            ("Comments", comments),
            (&long, Label::Content),
        ]);
        assert_eq!(walls(&flat, &segs, &labels)[1], THREAD_WALL);
    }

    #[test]
    fn slide_counters_of_one_total_make_a_gallery() {
        let texts = [
            "The council met again on Thursday.",
            "1 / 5In this photo, the harbour at dawn.",
            "Photos of the week",
            "1/40",
            "A ferry leaves the harbour.",
            "PRESS2/40",
            "3/40A storm closes the port.",
            "on 12/05/2016",
        ];
        let g = gallery_stamps(texts.iter().copied());
        assert_eq!(g, [false, false, false, true, false, true, true, false]);
        // The same read off the glued text, with one scan for `/`.
        let (flat, segs) = super::super::segments::glued(texts.iter().copied());
        assert_eq!(gallery_stamps_in(&flat, &segs), g);
        let (flat, segs) = super::super::segments::glued(texts[..6].iter().copied());
        assert_eq!(gallery_stamps_in(&flat, &segs), [false; 6]);
        // Two slides are not a show.
        assert!(!gallery_stamps(texts[..6].iter().copied()).contains(&true));
    }

    #[test]
    fn a_numbered_list_counts_on_across_an_embed() {
        let pieces = [
            ("Menu", -12.0),
            ("1. Lock the door", -6.0),
            ("The lock on most hotel doors is enough.", 300.0),
            ("Play Video", -12.0),
            ("0:00", -12.0),
            ("2. Check the window", -6.0),
            ("Windows on the ground floor are the weak spot.", 400.0),
        ];
        let (flat, segs) = super::super::segments::glued(pieces.iter().map(|(p, _)| *p));
        let w: Vec<f32> = pieces.iter().map(|(_, w)| *w).collect();
        let walls = vec![0.0; w.len()];
        let span = Span { first: 5, last: 6 };
        assert_eq!(
            earlier_part(&flat, &segs, &w, &walls, span),
            Some(Span { first: 1, last: 2 })
        );
        // A span that opens no numbered item joins nothing.
        let span = Span { first: 6, last: 6 };
        assert_eq!(earlier_part(&flat, &segs, &w, &walls, span), None);
    }

    #[test]
    fn densest_skips_leading_index() {
        assert_eq!(
            densest(&[100.0, -1.0, 5.0], &[0.0, 1.0, 0.0], 1),
            Some(Span { first: 2, last: 2 })
        );
    }
}
