//! Subtree sums in O(1): prefix sums over blocks (page order) and elements
//! (pre-order), so any element's text, links, commas and tag counts are two
//! lookups, whatever the depth of the page.

use crate::block::from_dom::Walk;
use crate::block::BlockKind;
use crate::classify::weights::MIN_SCORED_CHARS;

/// Counters over blocks and elements, as prefix sums.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    chars: Vec<usize>,
    links: Vec<usize>,
    commas: Vec<usize>,
    list_chars: Vec<usize>,
    heading_chars: Vec<usize>,
    prose: Vec<usize>,
    p: Vec<usize>,
    img: Vec<usize>,
    li: Vec<usize>,
    input: Vec<usize>,
    embed: Vec<usize>,
}

/// What [`Stats::of`] returns for one element's subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Subtree {
    /// Text chars.
    pub chars: usize,
    /// Chars inside links.
    pub links: usize,
    /// Commas (any script's comma).
    pub commas: usize,
    /// Chars of list items.
    pub list_chars: usize,
    /// Chars of headings.
    pub heading_chars: usize,
    /// Chars of paragraphs, quotes and rows long enough to vote for a container.
    pub prose: usize,
    /// `p` elements.
    pub p: usize,
    /// `img` elements.
    pub img: usize,
    /// `li` elements.
    pub li: usize,
    /// Form inputs.
    pub input: usize,
    /// `iframe`, `object`, `embed`.
    pub embed: usize,
}

impl Subtree {
    /// Share of text inside links.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            (self.links as f32 / self.chars as f32).min(1.0)
        }
    }
}

/// Commas in text, in the scripts that use their own.
pub fn commas(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(c, ',' | '،' | '﹐' | '︐' | '︑' | '、' | '，'))
        .count()
}

fn prefix(values: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = vec![0];
    let mut sum = 0;
    for v in values {
        sum += v;
        out.push(sum);
    }
    out
}

impl Stats {
    /// Sums over the walk's blocks and elements.
    pub fn new(walk: &Walk<'_>) -> Stats {
        let b = &walk.blocks;
        let e = &walk.elements;
        let tag = |names: &'static [&'static str]| {
            prefix(e.iter().map(move |x| usize::from(names.contains(&x.tag))))
        };
        Stats {
            chars: prefix(b.iter().map(|x| x.text.chars().count())),
            links: prefix(b.iter().map(|x| x.link_chars)),
            commas: prefix(b.iter().map(|x| commas(&x.text))),
            list_chars: prefix(b.iter().map(|x| {
                if x.kind == BlockKind::ListItem {
                    x.text.chars().count()
                } else {
                    0
                }
            })),
            heading_chars: prefix(b.iter().map(|x| {
                if matches!(x.kind, BlockKind::Heading { .. }) {
                    x.text.chars().count()
                } else {
                    0
                }
            })),
            prose: prefix(b.iter().map(|x| {
                let n = x.text.chars().count();
                let prose = matches!(
                    x.kind,
                    BlockKind::Paragraph
                        | BlockKind::Quote
                        | BlockKind::Preformatted
                        | BlockKind::TableRow
                );
                if prose && n >= MIN_SCORED_CHARS {
                    n
                } else {
                    0
                }
            })),
            p: tag(&["p"]),
            img: tag(&["img"]),
            li: tag(&["li"]),
            input: tag(&["input", "select", "textarea"]),
            embed: tag(&["iframe", "object", "embed"]),
        }
    }

    /// Sums over element `i`'s subtree (its blocks, and its descendant elements).
    pub fn of(&self, walk: &Walk<'_>, i: usize) -> Subtree {
        let Some(el) = walk.elements.get(i) else {
            return Subtree::default();
        };
        let (bs, be) = (el.blocks.start, el.blocks.end.min(self.chars.len() - 1));
        let (es, ee) = (i + 1, el.end.min(self.p.len() - 1).max(i + 1));
        let d = |v: &Vec<usize>, a: usize, b: usize| v[b].saturating_sub(v[a.min(b)]);
        Subtree {
            chars: d(&self.chars, bs, be),
            links: d(&self.links, bs, be),
            commas: d(&self.commas, bs, be),
            list_chars: d(&self.list_chars, bs, be),
            heading_chars: d(&self.heading_chars, bs, be),
            prose: d(&self.prose, bs, be),
            p: d(&self.p, es, ee),
            img: d(&self.img, es, ee),
            li: d(&self.li, es, ee),
            input: d(&self.input, es, ee),
            embed: d(&self.embed, es, ee),
        }
    }

    /// Text chars of blocks `range`.
    pub fn chars(&self, range: std::ops::Range<usize>) -> usize {
        let end = range.end.min(self.chars.len() - 1);
        self.chars[end].saturating_sub(self.chars[range.start.min(end)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::from_dom::walk;

    #[test]
    fn subtree_sums() {
        let doc = scraper::Html::parse_document(
            r#"<div id=a><p>One, two.</p><ul><li><a href=/>x</a></li></ul><img src=a></div><p>Out</p>"#,
        );
        let w = walk(&doc);
        let s = Stats::new(&w);
        let a = w
            .elements
            .iter()
            .position(|e| e.attr("id") == Some("a"))
            .unwrap();
        let t = s.of(&w, a);
        assert_eq!((t.chars, t.links, t.commas), (10, 1, 1));
        assert_eq!((t.p, t.li, t.img, t.list_chars), (1, 1, 1, 1));
    }
}
