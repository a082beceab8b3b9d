//! Subtree sums in O(1): prefix sums over blocks (page order) and elements
//! (pre-order), so any element's text, links, commas and tag counts are two
//! lookups, whatever the depth of the page.

use crate::block::from_dom::Walk;
use crate::block::BlockKind;
use crate::classify::weights::MIN_SCORED_CHARS;

/// Counters over blocks and elements, as prefix sums. Each position's
/// counters sit together, so [`Stats::of`] reads four cache lines, not 22.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Prefix sums over blocks (page order); `blocks[0]` is all zeros.
    blocks: Vec<BlockSums>,
    /// Prefix sums over elements (pre-order); `elements[0]` is all zeros.
    elements: Vec<ElementSums>,
}

/// Running sums over blocks.
#[derive(Debug, Clone, Copy, Default)]
struct BlockSums {
    chars: usize,
    links: usize,
    commas: usize,
    list_chars: usize,
    heading_chars: usize,
    prose: usize,
}

/// Running counts of elements by tag.
#[derive(Debug, Clone, Copy, Default)]
struct ElementSums {
    p: usize,
    img: usize,
    li: usize,
    input: usize,
    embed: usize,
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
///
/// ```
/// assert_eq!(pith_clean::classify::stats::commas("a, b، c、d"), 3);
/// ```
pub fn commas(text: &str) -> usize {
    let bytes = text.as_bytes();
    let ascii = bytes.iter().filter(|&&b| b == b',').count();
    // The other commas are U+060C (D8 8C), U+3001 (E3 80 81) and U+FE10, U+FE11,
    // U+FE50, U+FF0C (EF ..): find their lead bytes, then read the rest.
    let others = memchr::memchr3_iter(0xD8, 0xE3, 0xEF, bytes)
        .filter(|&i| {
            let rest = bytes.get(i..).unwrap_or_default();
            [
                "\u{60C}", "\u{3001}", "\u{FE10}", "\u{FE11}", "\u{FE50}", "\u{FF0C}",
            ]
            .iter()
            .any(|c| rest.starts_with(c.as_bytes()))
        })
        .count();
    ascii + others
}

impl Stats {
    /// Sums over the walk's blocks and elements, in one pass over each.
    pub fn new(walk: &Walk<'_>) -> Stats {
        let mut blocks = Vec::with_capacity(walk.blocks.len() + 1);
        let mut sum = BlockSums::default();
        blocks.push(sum);
        for (x, info) in walk.blocks.iter().zip(&walk.info) {
            let n = info.chars;
            let prose = matches!(
                x.kind,
                BlockKind::Paragraph
                    | BlockKind::Quote
                    | BlockKind::Preformatted
                    | BlockKind::TableRow
            );
            sum.chars += n;
            sum.links += x.link_chars;
            sum.commas += commas(&x.text);
            if x.kind == BlockKind::ListItem {
                sum.list_chars += n;
            }
            if matches!(x.kind, BlockKind::Heading { .. }) {
                sum.heading_chars += n;
            }
            if prose && n >= MIN_SCORED_CHARS {
                sum.prose += n;
            }
            blocks.push(sum);
        }
        let mut elements = Vec::with_capacity(walk.elements.len() + 1);
        let mut sum = ElementSums::default();
        elements.push(sum);
        for e in &walk.elements {
            match e.tag {
                "p" => sum.p += 1,
                "img" => sum.img += 1,
                "li" => sum.li += 1,
                "input" | "select" | "textarea" => sum.input += 1,
                "iframe" | "object" | "embed" => sum.embed += 1,
                _ => {}
            }
            elements.push(sum);
        }
        Stats { blocks, elements }
    }

    /// Sums over element `i`'s subtree (its blocks, and its descendant elements).
    pub fn of(&self, walk: &Walk<'_>, i: usize) -> Subtree {
        let Some(el) = walk.elements.get(i) else {
            return Subtree::default();
        };
        let (Some(last_b), Some(last_e)) = (
            self.blocks.len().checked_sub(1),
            self.elements.len().checked_sub(1),
        ) else {
            return Subtree::default();
        };
        let (bs, be) = (el.blocks.start, el.blocks.end.min(last_b));
        let (es, ee) = (i + 1, el.end.min(last_e).max(i + 1));
        let (b0, b1) = (self.blocks[bs.min(be)], self.blocks[be]);
        let (e0, e1) = (self.elements[es.min(ee)], self.elements[ee]);
        Subtree {
            chars: b1.chars.saturating_sub(b0.chars),
            links: b1.links.saturating_sub(b0.links),
            commas: b1.commas.saturating_sub(b0.commas),
            list_chars: b1.list_chars.saturating_sub(b0.list_chars),
            heading_chars: b1.heading_chars.saturating_sub(b0.heading_chars),
            prose: b1.prose.saturating_sub(b0.prose),
            p: e1.p.saturating_sub(e0.p),
            img: e1.img.saturating_sub(e0.img),
            li: e1.li.saturating_sub(e0.li),
            input: e1.input.saturating_sub(e0.input),
            embed: e1.embed.saturating_sub(e0.embed),
        }
    }

    /// Text chars of blocks `range`.
    pub fn chars(&self, range: std::ops::Range<usize>) -> usize {
        let Some(last) = self.blocks.len().checked_sub(1) else {
            return 0;
        };
        let end = range.end.min(last);
        self.blocks[end]
            .chars
            .saturating_sub(self.blocks[range.start.min(end)].chars)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::from_dom::walk;

    #[test]
    fn commas_agree_with_a_char_count() {
        let text = "a, b، c、d ﹐ ︐ ︑ ，x ؛ 、、 é,ü — 〃 ﹑";
        let want = text
            .chars()
            .filter(|c| matches!(c, ',' | '،' | '﹐' | '︐' | '︑' | '、' | '，'))
            .count();
        assert_eq!(commas(text), want);
        assert_eq!(want, 10);
    }

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
