//! Finding the main content: paragraphs vote for their ancestors, the best
//! container wins, and siblings that belong to the article join it. The votes
//! and the climbing rules are Readability's (the reference most extractors are
//! measured against); the class weights come from whole-token lexicons.

use crate::block::from_dom::Walk;
use crate::block::BlockKind;
use crate::classify::stats::{commas, Stats};
use crate::classify::weights::*;

/// The chosen main content.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The best container (element index).
    pub top: usize,
    /// The elements whose subtrees make up the article, in page order (includes `top`).
    pub region: Vec<usize>,
}

/// Inputs to scoring.
#[derive(Debug, Clone, Copy)]
pub struct Scoring<'s, 'a> {
    /// The walk.
    pub walk: &'s Walk<'a>,
    /// Subtree sums.
    pub stats: &'s Stats,
    /// Class weight per element.
    pub weight: &'s [f32],
    /// Blocks that may not vote (inside boilerplate marks).
    pub excluded: &'s [bool],
}

/// Block kinds whose text votes for a container.
fn votes(kind: BlockKind) -> bool {
    !matches!(
        kind,
        BlockKind::ListItem | BlockKind::Caption | BlockKind::Heading { level: 1 }
    )
}

/// The children (element indices) of element `p`.
pub fn children(walk: &Walk<'_>, p: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let end = walk.elements.get(p).map_or(0, |e| e.end);
    let mut i = p + 1;
    while i < end {
        out.push(i);
        i = walk.elements[i].end.max(i + 1);
    }
    out
}

impl Scoring<'_, '_> {
    /// Choose the main content, or `None` when nothing votes.
    pub fn choose(&self) -> Option<Choice> {
        let score = self.scores();
        let mut ranked: Vec<(usize, f32)> = score
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (i, s)))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let &(mut top, _) = ranked.first()?;
        top = self.shared_ancestor(top, &ranked, &score);
        top = self.climb(top, &score);
        let region = self.siblings(top, &score);
        Some(Choice { top, region })
    }

    /// The initial score of a candidate: its tag and class words.
    fn base(&self, i: usize) -> f32 {
        let e = &self.walk.elements[i];
        let tag = match e.tag {
            "div" => DIV_BONUS,
            "pre" | "td" | "blockquote" => TEXT_CELL_BONUS,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => LIST_PENALTY,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => HEADING_PENALTY,
            "article" | "main" => ARTICLE_TAG_BONUS,
            _ => 0.0,
        };
        let body = if e
            .attr("itemprop")
            .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "articleBody"))
        {
            ARTICLE_BODY_BONUS
        } else {
            0.0
        };
        tag + body + self.weight.get(i).copied().unwrap_or(0.0)
    }

    /// Every candidate's score, after link density.
    fn scores(&self) -> Vec<Option<f32>> {
        let w = self.walk;
        let mut score: Vec<Option<f32>> = vec![None; w.elements.len()];
        let mut p_like: Vec<Option<bool>> = vec![None; w.elements.len()];
        for (bi, b) in w.blocks.iter().enumerate() {
            let chars = b.text.chars().count();
            if self.excluded.get(bi).copied().unwrap_or(true)
                || !votes(b.kind)
                || chars < MIN_SCORED_CHARS
            {
                continue;
            }
            let points = 1.0
                + commas(&b.text) as f32
                + (chars as f32 / 100.0).floor().min(MAX_LENGTH_POINTS);
            let owner = w.info[bi].owner;
            let own_only = *p_like[owner].get_or_insert_with(|| {
                w.elements[owner]
                    .blocks
                    .clone()
                    .all(|x| w.info[x].owner == owner)
            });
            let mut cur = if b.kind == BlockKind::TableRow || !own_only {
                Some(owner)
            } else {
                w.elements[owner].parent
            };
            for level in 0..=ANCESTOR_LEVELS {
                let Some(e) = cur else { break };
                if w.elements[e].tag == "html" {
                    break;
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                let base = self.base(e);
                *score[e].get_or_insert(base) += points / divider;
                cur = w.elements[e].parent;
            }
        }
        // Link density over the text that may vote: marked parts are not in the page
        // the votes describe (Readability removes them before measuring).
        let mut chars = vec![0usize];
        let mut links = vec![0usize];
        for (bi, b) in w.blocks.iter().enumerate() {
            let keep = !self.excluded.get(bi).copied().unwrap_or(true);
            let (c, l) = if keep {
                (b.text.chars().count(), b.link_chars)
            } else {
                (0, 0)
            };
            chars.push(chars[bi] + c);
            links.push(links[bi] + l);
        }
        for (i, s) in score.iter_mut().enumerate() {
            if let Some(v) = s {
                let r = &w.elements[i].blocks;
                let end = r.end.min(w.blocks.len());
                let start = r.start.min(end);
                let c = chars[end] - chars[start];
                let ld = if c == 0 {
                    0.0
                } else {
                    (links[end] - links[start]) as f32 / c as f32
                };
                *v *= 1.0 - ld.min(1.0);
            }
        }
        score
    }

    /// When several near-best candidates share an ancestor, the article spans them.
    fn shared_ancestor(&self, top: usize, ranked: &[(usize, f32)], score: &[Option<f32>]) -> usize {
        let best = score[top].unwrap_or(0.0);
        let alts: Vec<usize> = ranked
            .iter()
            .skip(1)
            .take(TOP_CANDIDATES - 1)
            .filter(|(_, s)| best > 0.0 && s / best >= ALTERNATIVE_RATIO)
            .map(|&(i, _)| i)
            .collect();
        if alts.len() < MIN_ALTERNATIVES {
            return top;
        }
        let mut cur = self.walk.elements[top].parent;
        while let Some(p) = cur {
            if self.is_root(p) {
                break;
            }
            let end = self.walk.elements[p].end;
            if alts.iter().filter(|&&a| a > p && a < end).count() >= MIN_ALTERNATIVES {
                return p;
            }
            cur = self.walk.elements[p].parent;
        }
        top
    }

    fn is_root(&self, i: usize) -> bool {
        matches!(self.walk.elements[i].tag, "body" | "html")
    }

    /// Climb to a parent that scores better, and out of single-child wrappers.
    fn climb(&self, mut top: usize, score: &[Option<f32>]) -> usize {
        let mut last = score[top].unwrap_or(0.0);
        let floor = last * PARENT_SCORE_FLOOR;
        let mut cur = self.walk.elements[top].parent;
        while let Some(p) = cur {
            if self.is_root(p) {
                break;
            }
            if let Some(ps) = score[p] {
                if ps < floor {
                    break;
                }
                if ps > last {
                    top = p;
                    break;
                }
                last = ps;
            }
            cur = self.walk.elements[p].parent;
        }
        while let Some(p) = self.walk.elements[top].parent {
            if self.is_root(p) || children(self.walk, p).len() != 1 {
                break;
            }
            top = p;
        }
        top
    }

    /// The top candidate and the siblings that belong with it.
    fn siblings(&self, top: usize, score: &[Option<f32>]) -> Vec<usize> {
        let w = self.walk;
        let Some(parent) = w.elements[top].parent.filter(|_| !self.is_root(top)) else {
            return vec![top];
        };
        let best = score[top].unwrap_or(0.0);
        let threshold = SIBLING_MIN_SCORE.max(best * SIBLING_SCORE_RATIO);
        let top_class = w.elements[top]
            .attr("class")
            .filter(|c| !c.trim().is_empty());
        let mut region = Vec::new();
        for c in children(w, parent) {
            if c == top {
                region.push(c);
                continue;
            }
            let bonus = match (top_class, w.elements[c].attr("class")) {
                (Some(a), Some(b)) if a == b => best * SIBLING_SCORE_RATIO,
                _ => 0.0,
            };
            if score[c].is_some_and(|s| s + bonus >= threshold) {
                region.push(c);
                continue;
            }
            if w.elements[c].tag == "p" && self.prose_paragraph(c) {
                region.push(c);
            }
        }
        region
    }

    /// A sibling `p` that reads as prose: long with few links, or a short sentence with none.
    fn prose_paragraph(&self, c: usize) -> bool {
        let s = self.stats.of(self.walk, c);
        let ld = s.link_density();
        if s.chars > SIBLING_PARAGRAPH_CHARS {
            return ld < SIBLING_MAX_LINK_DENSITY;
        }
        let text: String = self.walk.blocks[self.walk.elements[c].blocks.clone()]
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        s.chars > 0 && ld == 0.0 && (text.contains(". ") || text.ends_with('.'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::from_dom::walk;

    fn choose(html: &str) -> Option<String> {
        let doc = scraper::Html::parse_document(html);
        let w = walk(&doc);
        let stats = Stats::new(&w);
        let weight = vec![0.0; w.elements.len()];
        let excluded = vec![false; w.blocks.len()];
        let c = Scoring {
            walk: &w,
            stats: &stats,
            weight: &weight,
            excluded: &excluded,
        }
        .choose()?;
        Some(w.elements[c.top].attr("id").unwrap_or("?").to_string())
    }

    #[test]
    fn the_paragraph_container_wins() {
        let para = "<p>Officials said on Monday, after a long meeting, that the bridge would reopen next week, weather permitting.</p>";
        let html = format!(
            r#"<body><div id=menu><p><a href=/>Home</a></p></div><div id=story>{p}{p}{p}</div></body>"#,
            p = para
        );
        assert_eq!(choose(&html).as_deref(), Some("story"));
    }

    #[test]
    fn nothing_votes_nothing_chosen() {
        assert_eq!(choose("<body><p>Hi</p></body>"), None);
    }
}
