//! Verdicts: each block is kept or removed, with the kind and evidence of the
//! element (or phrase, or position) that removed it.
//!
//! Inside the article, a block goes when an element above it carries a
//! boilerplate mark, when a container above it fails the conditional checks
//! (too many links, images, inputs or embeds for its text: Readability's
//! `cleanConditionally`), or when lexicon phrases make up most of it. Outside
//! the article everything goes, under the most specific kind known.

use crate::block::from_dom::Walk;
use crate::classify::evidence::{Evidence, Place};
use crate::classify::kind::BoilerplateKind;
use crate::classify::score::Choice;
use crate::classify::stats::Stats;
use crate::classify::weights::*;
use crate::lexicon::Lexicons;
use crate::signals::element::Signal;
use crate::signals::phrase::phrase_signal;

/// What removed a block: consecutive blocks with the same group merge into one removal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// An element's subtree.
    Element(usize),
    /// The block alone.
    Block(usize),
}

/// The decision for one block.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Article text.
    Keep,
    /// Not article text.
    Remove {
        /// What it is.
        kind: BoilerplateKind,
        /// Why.
        evidence: Vec<Evidence>,
        /// What removed it.
        group: Group,
    },
}

impl Verdict {
    /// True for [`Verdict::Keep`].
    pub fn is_keep(&self) -> bool {
        matches!(self, Verdict::Keep)
    }
}

/// What deciding needs to know about the page.
#[derive(Debug, Clone, Copy)]
pub struct Decider<'s, 'a> {
    /// The walk.
    pub walk: &'s Walk<'a>,
    /// Subtree sums.
    pub stats: &'s Stats,
    /// Class weight per element.
    pub weight: &'s [f32],
    /// Each element's own mark, if it is in force.
    pub marks: &'s [Option<&'s Signal>],
    /// The lexicons.
    pub lex: &'s Lexicons,
}

/// For each element, the outermost element at or above it that satisfies `hit`
/// (pre-order, so parents are settled before children).
pub fn outermost(walk: &Walk<'_>, hit: impl Fn(usize) -> bool) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = vec![None; walk.elements.len()];
    for i in 0..walk.elements.len() {
        let up = walk.elements[i].parent.and_then(|p| out[p]);
        out[i] = up.or_else(|| hit(i).then_some(i));
    }
    out
}

/// For each element, whether it or an element above it satisfies `hit`: what
/// [`outermost`] tells, at one byte per element instead of sixteen.
pub fn within(walk: &Walk<'_>, hit: impl Fn(usize) -> bool) -> Vec<bool> {
    let mut out = vec![false; walk.elements.len()];
    for i in 0..walk.elements.len() {
        out[i] = walk.elements[i].parent.is_some_and(|p| out[p]) || hit(i);
    }
    out
}

impl Decider<'_, '_> {
    /// One verdict per block.
    pub fn verdicts(&self, choice: &Choice) -> Vec<Verdict> {
        let w = self.walk;
        let marked = outermost(w, |i| self.marks[i].is_some());
        let cleaned = self.conditional(choice);
        let ranges: Vec<_> = choice
            .region
            .iter()
            .map(|&r| w.elements[r].blocks.clone())
            .collect();
        let first = ranges.iter().map(|r| r.start).min().unwrap_or(0);
        let last = ranges.iter().map(|r| r.end).max().unwrap_or(0);
        let mut groups: Vec<Option<usize>> = vec![None; w.elements.len()];
        let mut out = Vec::with_capacity(w.blocks.len());
        for (b, block) in w.blocks.iter().enumerate() {
            let owner = w.info[b].owner;
            let inside = ranges.iter().any(|r| r.contains(&b));
            let place = if b < first {
                Place::BeforeContent
            } else if b >= last {
                Place::AfterContent
            } else {
                Place::OutsideContainer
            };
            let v = if let Some(m) = marked[owner] {
                let s = self.marks[m].map(|s| (s.kind, s.evidence.clone()));
                let (kind, evidence) = s.unwrap_or((BoilerplateKind::Widget, Vec::new()));
                Verdict::Remove {
                    kind,
                    evidence,
                    group: Group::Element(m),
                }
            } else if let Some(c) = cleaned.get(owner).copied().flatten().filter(|_| inside) {
                let (kind, evidence) = self.check(c).unzip();
                Verdict::Remove {
                    kind: kind.unwrap_or(BoilerplateKind::Widget),
                    evidence: evidence.into_iter().collect(),
                    group: Group::Element(c),
                }
            } else if let Some((kind, e)) = phrase_signal(&block.text, self.lex) {
                Verdict::Remove {
                    kind,
                    evidence: vec![e],
                    group: Group::Block(b),
                }
            } else if inside {
                Verdict::Keep
            } else {
                let g = *groups[owner].get_or_insert_with(|| self.outside_group(owner, choice.top));
                Verdict::Remove {
                    kind: BoilerplateKind::OutsideContent,
                    evidence: vec![Evidence::Position { place }],
                    group: Group::Element(g),
                }
            };
            out.push(v);
        }
        out
    }

    /// The element just below the lowest ancestor of `owner` that also holds the article.
    fn outside_group(&self, owner: usize, top: usize) -> usize {
        let w = self.walk;
        let mut cur = owner;
        while let Some(p) = w.elements[cur].parent {
            if p <= top && top < w.elements[p].end {
                return cur;
            }
            cur = p;
        }
        cur
    }

    /// For each element inside the article, the outermost container above it that fails the checks.
    fn conditional(&self, choice: &Choice) -> Vec<Option<usize>> {
        let w = self.walk;
        let data_table = within(w, |i| w.elements[i].tag == "table" && self.is_data_table(i));
        let code = within(w, |i| matches!(w.elements[i].tag, "code" | "pre"));
        let figure = within(w, |i| w.elements[i].tag == "figure");
        let mut out: Vec<Option<usize>> = vec![None; w.elements.len()];
        for &r in &choice.region {
            for i in r + 1..w.elements[r].end.min(w.elements.len()) {
                let up = w.elements[i]
                    .parent
                    .filter(|&p| p != r)
                    .and_then(|p| out[p]);
                if up.is_some() {
                    out[i] = up;
                    continue;
                }
                let tag = w.elements[i].tag;
                let candidate = matches!(tag, "form" | "fieldset" | "table" | "ul" | "div");
                let protected = data_table[i] || code[i];
                if candidate && !protected && self.check_in(i, figure[i]).is_some() {
                    out[i] = Some(i);
                }
            }
        }
        out
    }

    fn check(&self, i: usize) -> Option<(BoilerplateKind, Evidence)> {
        let figure = {
            let mut cur = self.walk.elements[i].parent;
            let mut f = false;
            while let Some(p) = cur {
                f |= self.walk.elements[p].tag == "figure";
                cur = self.walk.elements[p].parent;
            }
            f
        };
        self.check_in(i, figure)
    }

    /// Readability's conditional checks on one container with few commas.
    fn check_in(&self, i: usize, in_figure: bool) -> Option<(BoilerplateKind, Evidence)> {
        let s = self.stats.of(self.walk, i);
        if s.commas >= CLEAN_MIN_COMMAS {
            return None;
        }
        let weight = self.weight.get(i).copied().unwrap_or(0.0);
        let tag = self.walk.elements[i].tag;
        let is_list =
            matches!(tag, "ul" | "ol") || s.list_chars as f32 > LIST_TEXT_SHARE * s.chars as f32;
        let ld = s.link_density();
        let density = |value: f32, limit: f32| Evidence::TextDensity { value, limit };
        if !in_figure && s.img > 1 && (s.p as f32 / s.img as f32) < 0.5 {
            return Some((
                BoilerplateKind::Widget,
                density(s.p as f32 / s.img as f32, 0.5),
            ));
        }
        let inputs_limit = (s.p / 3) as f32;
        if s.input as f32 > inputs_limit {
            return Some((
                BoilerplateKind::Widget,
                density(s.input as f32, inputs_limit),
            ));
        }
        let heading_density = if s.chars == 0 {
            0.0
        } else {
            s.heading_chars as f32 / s.chars as f32
        };
        if !is_list
            && !in_figure
            && heading_density < CLEAN_HEADING_DENSITY
            && s.chars < CLEAN_MIN_CHARS
            && (s.img == 0 || s.img > 2)
            && ld > 0.0
        {
            return Some((
                BoilerplateKind::Widget,
                density(s.chars as f32, CLEAN_MIN_CHARS as f32),
            ));
        }
        let link_kind = if is_list {
            BoilerplateKind::Navigation
        } else {
            BoilerplateKind::RelatedContent
        };
        if !is_list && weight < CLASS_WEIGHT && ld > CLEAN_LINK_DENSITY {
            return Some((
                link_kind,
                Evidence::LinkDensity {
                    value: ld,
                    limit: CLEAN_LINK_DENSITY,
                },
            ));
        }
        if weight >= CLASS_WEIGHT && ld > CLEAN_LINK_DENSITY_CONTENT {
            return Some((
                link_kind,
                Evidence::LinkDensity {
                    value: ld,
                    limit: CLEAN_LINK_DENSITY_CONTENT,
                },
            ));
        }
        None
    }

    /// A table of data (kept whole) rather than one used for layout.
    fn is_data_table(&self, i: usize) -> bool {
        let w = self.walk;
        let e = &w.elements[i];
        if e.attr("role") == Some("presentation") || e.attr("datatable") == Some("0") {
            return false;
        }
        if e.attr("summary").is_some() {
            return true;
        }
        let (mut rows, mut cols, mut cells) = (0usize, 0usize, 0usize);
        for d in &w.elements[i + 1..e.end.min(w.elements.len())] {
            match d.tag {
                "caption" | "thead" | "tfoot" | "th" | "col" | "colgroup" => return true,
                "table" => return false,
                "tr" => {
                    rows += 1;
                    cols = cols.max(cells);
                    cells = 0;
                }
                "td" => cells += 1,
                _ => {}
            }
        }
        cols = cols.max(cells);
        rows >= 10 || cols > 4 || rows * cols > 10
    }
}
