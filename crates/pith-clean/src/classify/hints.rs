//! Hints for segmentation: the headline (the `h1` matching the title), the
//! standfirst under it, bylines, date lines and captions. The article header
//! often sits just outside the main container; its headline, byline and date
//! blocks are kept so segmentation can use (and strip) them.

use crate::block::from_dom::Walk;
use crate::block::{Block, BlockKind, Hint};
use crate::classify::decide::Verdict;
use crate::classify::kind::BoilerplateKind;
use crate::classify::weights::*;
use crate::signals::tokens::TokenHit;

/// What the hints pass reads.
#[derive(Debug, Clone, Copy)]
pub struct Hinter<'s, 'a> {
    /// The walk.
    pub walk: &'s Walk<'a>,
    /// Each element's class/id words naming a lexicon list (by element index).
    pub words: &'s [Vec<TokenHit>],
    /// The page title, if known.
    pub title: Option<&'s str>,
}

/// Lowercase words of a text, letters and digits only.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when `heading` is the page title (or the title with a site name around it).
pub fn matches_title(heading: &str, title: &str) -> bool {
    let h = words(heading);
    let t = words(title);
    if h.is_empty() || t.is_empty() {
        return false;
    }
    let shared = h.iter().filter(|w| t.contains(w)).count() as f32;
    let (short, long) = (h.len().min(t.len()) as f32, h.len().max(t.len()) as f32);
    shared / short >= TITLE_MATCH && shared / long >= TITLE_MATCH_LONG
}

impl Hinter<'_, '_> {
    /// Set each block's hint in `hints` (one per block of the walk, starting from the
    /// walk's own) and keep the article header's blocks that sit just before the article.
    pub fn apply(&self, hints: &mut [Option<Hint>], verdicts: &mut [Verdict]) {
        let blocks = &self.walk.blocks;
        let first_kept = verdicts.iter().position(Verdict::is_keep);
        if let Some(h) = self.headline(blocks, verdicts, first_kept) {
            hints[h] = Some(Hint::Headline);
            verdicts[h] = Verdict::Keep;
            let end = (h + 1..blocks.len())
                .find(|&b| verdicts[b].is_keep())
                .unwrap_or(blocks.len());
            for b in h + 1..end {
                if let Some(hint) = self.line_hint(b, &blocks[b]) {
                    hints[b] = Some(hint);
                    if !hidden(&verdicts[b]) {
                        verdicts[b] = Verdict::Keep;
                    }
                }
            }
            self.standfirst(h, hints, verdicts);
        }
        for b in 0..blocks.len() {
            if !verdicts[b].is_keep() || hints[b].is_some() {
                continue;
            }
            hints[b] = if blocks[b].kind == BlockKind::Caption {
                Some(Hint::Caption)
            } else {
                self.line_hint(b, &blocks[b])
            };
        }
    }

    /// The headline: the first `h1` matching the title, else the first kept `h1`,
    /// else the last `h1` shortly before the article.
    fn headline(
        &self,
        blocks: &[Block],
        verdicts: &[Verdict],
        first_kept: Option<usize>,
    ) -> Option<usize> {
        let first_kept = first_kept?;
        let h1s: Vec<usize> = (0..blocks.len())
            .filter(|&b| blocks[b].kind == BlockKind::Heading { level: 1 } && !hidden(&verdicts[b]))
            .collect();
        let near = |b: usize| {
            verdicts[b].is_keep() || (b < first_kept && first_kept - b <= HEADLINE_LOOKBACK)
        };
        if let Some(t) = self.title {
            if let Some(&b) = h1s
                .iter()
                .find(|&&b| near(b) && matches_title(&blocks[b].text, t))
            {
                return Some(b);
            }
        }
        if let Some(&b) = h1s.iter().find(|&&b| verdicts[b].is_keep()) {
            return Some(b);
        }
        h1s.iter().rev().find(|&&b| near(b)).copied()
    }

    /// The deck under the headline: a block with a standfirst token, an `h2`
    /// right after the `h1`, or a `p` sharing the headline's parent while the body sits elsewhere.
    fn standfirst(&self, h: usize, hints: &mut [Option<Hint>], verdicts: &mut [Verdict]) {
        let blocks = &self.walk.blocks;
        let next = h + 1;
        let Some(block) = blocks.get(next) else {
            return;
        };
        if hints[next].is_some()
            || block.text.chars().count() > STANDFIRST_MAX_CHARS
            || hidden(&verdicts[next])
        {
            return;
        }
        let w = self.walk;
        let parent = |b: usize| w.elements[w.info[b].owner].parent;
        let marked = self.marked(next, "standfirst");
        let h2 = block.kind == BlockKind::Heading { level: 2 };
        let p_in_header = block.kind == BlockKind::Paragraph
            && parent(next) == parent(h)
            && blocks
                .get(next + 1)
                .is_some_and(|_| parent(next + 1) != parent(next));
        if marked || h2 || p_in_header {
            hints[next] = Some(Hint::Standfirst);
            if verdicts[h].is_keep() && !verdicts[next].is_keep() && marked {
                verdicts[next] = Verdict::Keep;
            }
        }
    }

    /// Byline or date, from markup on the block, its inline elements, or its near ancestors.
    fn line_hint(&self, b: usize, block: &Block) -> Option<Hint> {
        if block.text.chars().count() > HINT_MAX_CHARS
            || matches!(block.kind, BlockKind::Heading { .. })
        {
            return None;
        }
        if self.marked(b, "byline") {
            return Some(Hint::Byline);
        }
        if self.marked(b, "date") {
            return Some(Hint::Date);
        }
        None
    }

    /// True when the block's inline elements, owner or near ancestors carry the `list` mark.
    fn marked(&self, b: usize, list: &str) -> bool {
        let w = self.walk;
        let info = &w.info[b];
        let mut els: Vec<usize> = info.inline.clone();
        let mut cur = Some(info.owner);
        for _ in 0..=HINT_ANCESTOR_LEVELS {
            let Some(e) = cur else { break };
            els.push(e);
            cur = w.elements[e].parent;
        }
        els.into_iter().any(|e| self.element_marked(e, list))
    }

    fn element_marked(&self, e: usize, list: &str) -> bool {
        let el = &self.walk.elements[e];
        let itemprop = el.attr("itemprop").unwrap_or("");
        let rel = el.attr("rel").unwrap_or("");
        let by_markup = match list {
            "byline" => {
                itemprop.contains("author") || rel.split_ascii_whitespace().any(|r| r == "author")
            }
            "date" => el.tag == "time" || itemprop.starts_with("date"),
            _ => false,
        };
        by_markup
            || self
                .words
                .get(e)
                .is_some_and(|hits| hits.iter().any(|h| h.list == list))
    }
}

fn hidden(v: &Verdict) -> bool {
    matches!(
        v,
        Verdict::Remove {
            kind: BoilerplateKind::Hidden,
            ..
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_matching() {
        assert!(matches_title(
            "Floods close schools",
            "Floods close schools | Daily News"
        ));
        assert!(!matches_title(
            "Weather",
            "Floods close schools | Daily News"
        ));
    }
}
