//! Stage 5: signals -> verdicts. Each block is kept or removed with a kind and evidence.
//!
//! For HTML, [`clean_document`] runs:
//! 1. [`from_dom::walk`]: blocks and the element table, one iterative walk;
//! 2. [`signals::element`]: each element's own marks (hidden, role, tag, tokens);
//!    the guard rail drops token marks on parts holding most of the page's text;
//! 3. [`score`]: paragraphs vote for containers, the best one and its
//!    article siblings become the main content; if that comes out short, it is
//!    chosen again without token marks (they may have hidden the article);
//!    marks on the main content's ancestors are dropped (a body class
//!    `wp-cookie-notice` says nothing about the text);
//! 4. [`decide`]: one verdict per block;
//! 5. [`hints`]: headline, standfirst, byline, date, caption;
//! 6. assembly: kept blocks, removals merged per container, metadata, warnings.
//!
//! Thresholds live in [`weights`], each with its reason.

pub mod decide;
pub mod evidence;
pub mod hints;
pub mod kind;
pub mod score;
pub mod stats;
pub mod weights;

use crate::block::from_dom::{self, Walk};
use crate::block::{Block, BlockKind, Hint};
use crate::cleaned::{Cleaned, Removal};
use crate::error::Warning;
use crate::lexicon::Lexicons;
use crate::signals;
use crate::signals::element::{Signal, Strength};
use crate::signals::tokens::{TokenHit, WordReader};
use decide::{Decider, Group, Verdict};
use hints::Hinter;
use score::{Choice, Scoring};
use stats::Stats;
use weights::*;

/// Clean a parsed document: keep the article's blocks, explain every removal.
///
/// ```
/// use pith_clean::{classify::clean_document, lexicon::Lexicons};
/// let doc = scraper::Html::parse_document(r#"<body><nav><a href="/">Home</a></nav><article>
///   <p>Heavy rain closed forty schools on Monday, officials said, and more closures are expected.</p>
///   <p>The regional government said buses would run on a reduced timetable until Friday.</p>
///   </article></body>"#);
/// let c = clean_document(&doc, Lexicons::builtin());
/// assert_eq!(c.kept.len(), 2);
/// assert_eq!(c.removed[0].kind.name(), "navigation");
/// ```
pub fn clean_document(document: &scraper::Html, lexicons: &Lexicons) -> Cleaned {
    let walk = from_dom::walk(document);
    let metadata = crate::metadata::extract_with(document, &walk.elements);
    let page = Page::new(&walk, lexicons);
    let (choice, mut verdicts) = match page.attempt(true) {
        Some((c, v, chars)) if chars >= RETRY_MIN_CHARS && c.score >= RETRY_MIN_SCORE => {
            (Some(c), v)
        }
        first => {
            let second = page.attempt(false);
            match (first, second) {
                (Some(a), Some(b)) if b.2 > a.2 => (Some(b.0), b.1),
                (Some(a), _) => (Some(a.0), a.1),
                (None, Some(b)) => (Some(b.0), b.1),
                (None, None) => page
                    .fragment()
                    .map_or((None, Vec::new()), |(c, v, _)| (Some(c), v)),
            }
        }
    };
    if choice.is_none() {
        verdicts = page.nothing_kept();
    }
    // Hints go to a side table while the walk is shared; the blocks move out at the end
    // instead of being copied (they hold the page's whole text).
    let mut hints: Vec<Option<Hint>> = walk.blocks.iter().map(|b| b.hint).collect();
    Hinter {
        walk: &walk,
        words: &page.hits,
        title: metadata.title.as_deref(),
    }
    .apply(&mut hints, &mut verdicts);
    let mut metadata = metadata;
    if metadata.published.is_none() {
        // A visible date line of the article, when the head had none.
        metadata.published = walk
            .blocks
            .iter()
            .zip(&hints)
            .zip(&verdicts)
            .filter(|((_, h), v)| v.is_keep() && **h == Some(Hint::Date))
            .find_map(|((b, _), _)| crate::metadata::iso_date(&b.text));
    }
    let mut cleaned = Cleaned {
        metadata,
        ..Cleaned::default()
    };
    let fragment = page.is_fragment();
    if choice.is_none() || (!fragment && is_listing(&walk.blocks, &hints, &verdicts)) {
        verdicts = page.nothing_kept();
        cleaned.warnings.push(Warning::NoArticle);
    }
    drop(page);
    let mut blocks = walk.blocks;
    for (block, hint) in blocks.iter_mut().zip(hints) {
        block.hint = hint;
    }
    assemble(&mut cleaned, blocks, verdicts);
    cleaned
}

/// The page and its marks, shared by both attempts.
struct Page<'s, 'a> {
    walk: &'s Walk<'a>,
    lex: &'s Lexicons,
    stats: Stats,
    weight: Vec<f32>,
    signals: Vec<Option<Signal>>,
    /// Each element's class/id words that name a lexicon list.
    hits: Vec<Vec<TokenHit>>,
}

impl<'s, 'a> Page<'s, 'a> {
    fn new(walk: &'s Walk<'a>, lex: &'s Lexicons) -> Page<'s, 'a> {
        let stats = Stats::new(walk);
        let mut reader = WordReader::new(lex);
        let hits: Vec<Vec<TokenHit>> = walk
            .elements
            .iter()
            .map(|e| reader.class_and_id(e.class, e.id))
            .collect();
        let weight = hits
            .iter()
            .map(|h| signals::tokens::hits_weight(h, CLASS_WEIGHT))
            .collect();
        // Prose, not all text: a gallery of captions or a link farm can outweigh the story.
        let total = walk
            .elements
            .iter()
            .position(|e| e.tag == "html")
            .map_or(0, |h| stats.of(walk, h).prose)
            .max(1);
        let mut signals: Vec<Option<Signal>> = (0..walk.elements.len())
            .map(|i| signals::element::signal_with(walk, i, &hits[i]))
            .collect();
        // Guard rail: a token mark on most of the page is a page-wide flag, and
        // so is the same class value anywhere else on the page.
        let mut flags: Vec<&str> = Vec::new();
        for (i, s) in signals.iter_mut().enumerate() {
            let token = s.as_ref().is_some_and(|s| s.strength == Strength::Token);
            if token && stats.of(walk, i).prose as f32 >= GUARD_TEXT_SHARE * total as f32 {
                *s = None;
                flags.extend(walk.elements[i].attr("class"));
            }
        }
        for (i, s) in signals.iter_mut().enumerate() {
            let token = s.as_ref().is_some_and(|s| s.strength == Strength::Token);
            if token
                && walk.elements[i]
                    .attr("class")
                    .is_some_and(|c| flags.contains(&c))
            {
                *s = None;
            }
        }
        Page {
            walk,
            lex,
            stats,
            weight,
            signals,
            hits,
        }
    }

    /// Choose the article and decide every block. Returns the kept text's size too.
    fn attempt(&self, with_tokens: bool) -> Option<(Choice, Vec<Verdict>, usize)> {
        let w = self.walk;
        let marks: Vec<Option<&Signal>> = self
            .signals
            .iter()
            .map(|s| {
                s.as_ref().filter(|s| {
                    s.strength != Strength::Token || (with_tokens && s.excludes_voters())
                })
            })
            .collect();
        let marked = decide::within(w, |i| marks[i].is_some());
        let excluded: Vec<bool> = w.info.iter().map(|b| marked[b.owner]).collect();
        let choice = Scoring {
            walk: w,
            stats: &self.stats,
            weight: &self.weight,
            excluded: &excluded,
        }
        .choose()?;
        Some(self.decide(choice))
    }

    /// A page this small is a fragment: nothing votes, but its text is the content.
    fn is_fragment(&self) -> bool {
        self.stats.chars(0..self.walk.blocks.len()) < FRAGMENT_MAX_CHARS
    }

    /// For a fragment, the whole body is the article.
    fn fragment(&self) -> Option<(Choice, Vec<Verdict>, usize)> {
        if !self.is_fragment() {
            return None;
        }
        let w = self.walk;
        let top = w.elements.iter().position(|e| e.tag == "body").unwrap_or(0);
        (!w.elements.is_empty()).then(|| {
            self.decide(Choice {
                top,
                region: vec![top],
                score: 0.0,
            })
        })
    }

    /// Decide every block for a chosen article.
    fn decide(&self, choice: Choice) -> (Choice, Vec<Verdict>, usize) {
        let w = self.walk;
        // Guard rail: nothing that holds the article is removed for its own mark,
        // and token marks come back for the parts inside the article.
        // A token mark on a part holding most of the article is a naming habit
        // (`share-btns-containerParent` around the story), not boilerplate.
        let start = choice.top;
        let article: usize = choice
            .region
            .iter()
            .map(|&r| self.stats.of(w, r).prose)
            .sum();
        let marks: Vec<Option<&Signal>> = self
            .signals
            .iter()
            .enumerate()
            .map(|(i, s)| {
                s.as_ref().filter(|s| {
                    let holds = |r: usize| i <= r && w.elements[r].end <= w.elements[i].end;
                    let holds_top = holds(start) || choice.region.iter().any(|&r| holds(r));
                    let most = s.strength == Strength::Token
                        && self.stats.of(w, i).prose as f32 >= GUARD_TEXT_SHARE * article as f32;
                    !holds_top && !most
                })
            })
            .collect();
        let verdicts = Decider {
            walk: w,
            stats: &self.stats,
            weight: &self.weight,
            marks: &marks,
            lex: self.lex,
        }
        .verdicts(&choice);
        let chars = kept_chars(w, &verdicts);
        (choice, verdicts, chars)
    }

    /// Every block removed: a page with no article.
    fn nothing_kept(&self) -> Vec<Verdict> {
        let w = self.walk;
        let marks: Vec<Option<&Signal>> = self.signals.iter().map(Option::as_ref).collect();
        let marked = decide::outermost(w, |i| marks[i].is_some());
        (0..w.blocks.len())
            .map(|b| {
                let owner = w.info[b].owner;
                match marked[owner].and_then(|m| marks[m]) {
                    Some(s) => Verdict::Remove {
                        kind: s.kind,
                        evidence: s.evidence.clone(),
                        group: Group::Element(marked[owner].unwrap_or(owner)),
                    },
                    None => Verdict::Remove {
                        kind: crate::BoilerplateKind::OutsideContent,
                        evidence: vec![crate::Evidence::TextDensity {
                            value: 0.0,
                            limit: MIN_ARTICLE_CHARS as f32,
                        }],
                        group: Group::Element(top_group(w, owner)),
                    },
                }
            })
            .collect()
    }
}

/// The child of `body` holding element `i` (or `i` itself).
fn top_group(w: &Walk<'_>, mut i: usize) -> usize {
    while let Some(p) = w.elements[i].parent {
        if matches!(w.elements[p].tag, "body" | "html") {
            return i;
        }
        i = p;
    }
    i
}

/// Chars of kept prose blocks.
fn kept_chars(w: &Walk<'_>, verdicts: &[Verdict]) -> usize {
    w.blocks
        .iter()
        .zip(&w.info)
        .zip(verdicts)
        .filter(|((b, _), v)| v.is_keep() && !matches!(b.kind, BlockKind::Heading { .. }))
        .map(|((_, info), _)| info.chars)
        .sum()
}

/// No article: too little sentence text, or linked headings whose teasers are
/// all the prose there is (a listing).
fn is_listing(blocks: &[Block], hints: &[Option<Hint>], verdicts: &[Verdict]) -> bool {
    let kept: Vec<(&Block, bool)> = blocks
        .iter()
        .zip(hints)
        .zip(verdicts)
        .filter(|(_, v)| v.is_keep())
        .map(|((b, h), _)| (b, h.is_none()))
        .collect();
    let is_prose =
        |&(b, unhinted): &(&Block, bool)| unhinted && !matches!(b.kind, BlockKind::Heading { .. });
    let prose: usize = kept
        .iter()
        .filter(|b| is_prose(b))
        .map(|(b, _)| b.text.chars().count())
        .sum();
    if prose < MIN_ARTICLE_CHARS {
        return true;
    }
    let linked = |b: &Block| {
        matches!(b.kind, BlockKind::Heading { .. }) && b.link_density() > LINKED_HEADING_DENSITY
    };
    let linked_headings = kept.iter().filter(|(b, _)| linked(b)).count();
    let mut own_prose = 0;
    let mut after_link = false;
    for entry @ (b, _) in &kept {
        let chars = b.text.chars().count();
        if is_prose(entry) && !(after_link && chars <= TEASER_MAX_CHARS) {
            own_prose += chars;
        }
        after_link = linked(b);
    }
    linked_headings >= LISTING_MIN_HEADINGS && own_prose < LISTING_MAX_OWN_PROSE
}

/// Fill `kept` and `removed`, merging consecutive removals of one container.
fn assemble(cleaned: &mut Cleaned, blocks: Vec<Block>, verdicts: Vec<Verdict>) {
    let mut last_group: Option<Group> = None;
    for (block, verdict) in blocks.into_iter().zip(verdicts) {
        match verdict {
            Verdict::Keep => {
                last_group = None;
                cleaned.kept.push(block);
            }
            Verdict::Remove {
                kind,
                evidence,
                group,
            } => {
                let merge = last_group == Some(group)
                    && cleaned.removed.last().is_some_and(|r| r.kind == kind);
                match cleaned.removed.last_mut().filter(|_| merge) {
                    Some(r) => {
                        r.text.push(' ');
                        r.text.push_str(&block.text);
                    }
                    None => cleaned.removed.push(Removal {
                        kind,
                        text: block.text,
                        evidence,
                    }),
                }
                last_group = Some(group);
            }
        }
    }
}
