//! Stage 3 for HTML: the DOM becomes blocks in one iterative walk.
//!
//! The walk uses ego-tree's `traverse()` (open/close edges), so a page nested
//! 100,000 deep costs no stack. Text is buffered until a block-level element
//! opens or closes; the buffer then becomes one [`Block`] owned by the innermost
//! open block-level element. Inline elements keep the page's own spacing
//! (`<b>Wat</b>ch` stays `Watch`), block boundaries never glue text
//! (`<li>Watch</li><li>Skip</li>` gives two blocks), `<br><br>` splits a
//! paragraph, and loose text in a `div` becomes a paragraph of that `div`.
//!
//! Besides the blocks, the walk records every element in pre-order with its
//! parent, the end of its subtree and the range of blocks it holds, so later
//! stages can aggregate over subtrees without walking the DOM again.

use std::ops::Range;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node};

use crate::block::{Block, BlockKind};

/// One element of the page, in pre-order.
///
/// ```
/// use pith_clean::block::from_dom::walk;
/// let doc = scraper::Html::parse_document("<div><p>Hi there.</p></div>");
/// let w = walk(&doc);
/// let div = w.elements.iter().find(|e| e.tag == "div").unwrap();
/// assert_eq!(div.blocks, 0..1);
/// ```
#[derive(Debug, Clone)]
pub struct Element<'a> {
    /// The DOM node.
    pub node: NodeId,
    /// The element itself (attributes).
    pub el: &'a scraper::node::Element,
    /// Lowercase tag name.
    pub tag: &'a str,
    /// Index of the parent element in [`Walk::elements`], if any.
    pub parent: Option<usize>,
    /// One past the pre-order index of the last descendant: descendants are `self+1..end`.
    pub end: usize,
    /// The blocks inside this element (exact for block-level elements).
    pub blocks: Range<usize>,
    /// The `class` attribute, read once by the walk.
    pub class: Option<&'a str>,
    /// The `id` attribute, read once by the walk.
    pub id: Option<&'a str>,
    /// The `role` attribute, read once by the walk.
    pub role: Option<&'a str>,
    /// How the element is hidden from readers, if it is (as [`crate::dom::hidden`] says).
    pub hidden: Option<&'static str>,
}

impl<'a> Element<'a> {
    /// An attribute's value (`class`, `id` and `role` without a scan).
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        match name {
            "class" => self.class,
            "id" => self.id,
            "role" => self.role,
            _ => crate::dom::attr(self.el, name),
        }
    }
}

/// Facts about one block that later stages need besides its text.
#[derive(Debug, Clone, Default)]
pub struct BlockInfo {
    /// Index in [`Walk::elements`] of the innermost block-level element that holds it.
    pub owner: usize,
    /// Inline elements (indices) whose text is part of the block, in order (at most 16).
    pub inline: Vec<usize>,
    /// The block's text length in chars.
    pub chars: usize,
}

/// The result of the walk: blocks in page order and the element table.
#[derive(Debug, Clone, Default)]
pub struct Walk<'a> {
    /// Blocks in page order; `blocks[i].index == i`.
    pub blocks: Vec<Block>,
    /// One entry per block.
    pub info: Vec<BlockInfo>,
    /// Every element, in pre-order.
    pub elements: Vec<Element<'a>>,
}

/// Elements whose content is never text a reader sees as the article.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "button"
            | "select"
            | "option"
            | "input"
            | "textarea"
            | "head"
            | "title"
            | "object"
            | "embed"
            | "canvas"
            | "datalist"
    )
}

/// Most inline elements a block remembers (enough for bylines and dates).
const MAX_INLINE: usize = 16;

/// True for tags that start and end blocks: elements that end the text before
/// them and start a new block. A `match`, not a list search: the walk asks this
/// of every element of the page.
pub fn is_block_level(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// How an open element affects the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Skip,
    Block,
    Cell,
    Link,
    Inline,
}

/// The text being gathered for the next block.
#[derive(Debug, Default)]
struct Buffer {
    text: String,
    link_chars: usize,
    space: bool,
    after_br: bool,
    inline: Vec<usize>,
}

impl Buffer {
    /// Append text with each whitespace run collapsed to one space. Runs of words
    /// separated by single spaces, most of any text, are copied whole.
    fn push_collapsed(&mut self, s: &str, in_link: bool) {
        let bytes = s.as_bytes();
        let mut i = 0;
        let mut from = 0;
        while i < bytes.len() {
            // Most bytes are letters: jump to the next one that may start whitespace.
            i += bytes[i..]
                .iter()
                .position(|&b| MAY_START_SPACE[usize::from(b)])
                .unwrap_or(bytes.len() - i);
            let Some(n) = whitespace_at(s, i) else {
                i += 1;
                continue;
            };
            let inner_space = i > from
                && bytes[i] == b' '
                && i + 1 < bytes.len()
                && whitespace_at(s, i + 1).is_none();
            if inner_space {
                i += 1;
                continue;
            }
            self.push_words(&s[from..i], in_link);
            i += n;
            while let Some(m) = whitespace_at(s, i) {
                i += m;
            }
            if !self.space && !self.text.is_empty() {
                self.text.push(' ');
                self.space = true;
                if in_link {
                    self.link_chars += 1;
                }
            }
            from = i;
        }
        self.push_words(&s[from..], in_link);
    }

    /// Append words that need no collapsing (no whitespace at either end).
    fn push_words(&mut self, words: &str, in_link: bool) {
        if words.is_empty() {
            return;
        }
        self.text.push_str(words);
        self.space = false;
        self.after_br = false;
        if in_link {
            self.link_chars += words.bytes().filter(|b| b & 0xC0 != 0x80).count();
        }
    }

    fn push_raw(&mut self, s: &str, in_link: bool) {
        self.text.push_str(s);
        if in_link {
            self.link_chars += s.chars().count();
        }
        self.after_br = false;
        self.space = s.ends_with(char::is_whitespace);
    }
}

/// Bytes that may start a whitespace char (see [`whitespace_at`]): ASCII spaces
/// and controls, and the lead bytes of the Unicode spaces. Every other byte is
/// inside a word, so a scan may skip it without decoding.
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    table
};

/// The byte length of the whitespace char starting at byte `i` of `s`, if one does
/// (`char::is_whitespace`: ASCII spaces and controls, and the Unicode spaces, whose
/// UTF-8 forms start with 0xC2, 0xE1, 0xE2 or 0xE3). Other bytes, continuation bytes
/// included, give `None`, so a scan may step over a word one byte at a time.
fn whitespace_at(s: &str, i: usize) -> Option<usize> {
    match *s.as_bytes().get(i)? {
        b'\t'..=b'\r' | b' ' => Some(1),
        0xC2 | 0xE1 | 0xE2 | 0xE3 => s
            .get(i..)?
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
        _ => None,
    }
}

struct Walker<'a> {
    out: Walk<'a>,
    buf: Buffer,
    /// Open elements: (element index, role).
    open: Vec<(usize, Role)>,
    /// Open block-level elements (element indices), innermost last.
    blocks_open: Vec<usize>,
    skip: usize,
    links: usize,
    pre: usize,
}

/// Walk the document into blocks and the element table.
///
/// ```
/// use pith_clean::block::from_dom::walk;
/// let doc = scraper::Html::parse_document("<ul><li>Watch</li><li>Skip</li></ul><p>a<br><br>b</p>");
/// let texts: Vec<_> = walk(&doc).blocks.into_iter().map(|b| b.text).collect();
/// assert_eq!(texts, ["Watch", "Skip", "a", "b"]);
/// ```
pub fn walk(document: &Html) -> Walk<'_> {
    let mut w = Walker {
        out: Walk::default(),
        buf: Buffer::default(),
        open: Vec::new(),
        blocks_open: Vec::new(),
        skip: 0,
        links: 0,
        pre: 0,
    };
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => w.open_element(node.id(), el, node),
                Node::Text(t) if w.skip == 0 => w.text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    w.close_element();
                }
            }
        }
    }
    w.flush();
    w.out
}

impl<'a> Walker<'a> {
    fn open_element(
        &mut self,
        id: NodeId,
        el: &'a scraper::node::Element,
        node: ego_tree::NodeRef<'a, Node>,
    ) {
        let tag = el.name();
        let index = self.out.elements.len();
        let block_level = is_block_level(tag);
        let read = crate::dom::read(el);
        let role = if self.skip > 0 || is_skipped(tag) {
            Role::Skip
        } else if !block_level && read.hidden.is_some() {
            // Hidden inline text (screen-reader copies, MathML behind a rendered
            // image) would glue into the visible sentence around it.
            Role::Skip
        } else if block_level || ((tag == "td" || tag == "th") && has_block_child(node)) {
            Role::Block
        } else if tag == "td" || tag == "th" {
            Role::Cell
        } else if tag == "a" {
            Role::Link
        } else {
            Role::Inline
        };
        match role {
            Role::Skip => self.skip += 1,
            Role::Block => {
                self.flush();
                self.blocks_open.push(index);
            }
            Role::Cell => {
                if !self.buf.text.trim().is_empty() {
                    self.buf.push_raw(" | ", self.links > 0);
                }
            }
            Role::Link => self.links += 1,
            Role::Inline => {}
        }
        if tag == "pre" && role == Role::Block {
            self.pre += 1;
        }
        if tag == "br" && self.skip == 0 {
            self.br();
        }
        if matches!(role, Role::Link | Role::Inline | Role::Cell)
            && self.buf.inline.len() < MAX_INLINE
        {
            self.buf.inline.push(index);
        }
        let start = self.out.blocks.len();
        self.out.elements.push(Element {
            node: id,
            el,
            tag,
            parent: self.open.last().map(|&(i, _)| i),
            end: index + 1,
            blocks: start..start,
            class: read.class,
            id: read.id,
            role: read.role,
            hidden: read.hidden,
        });
        self.open.push((index, role));
    }

    fn close_element(&mut self) {
        let Some((index, role)) = self.open.pop() else {
            return;
        };
        let tag = self.out.elements[index].tag;
        match role {
            Role::Skip => self.skip = self.skip.saturating_sub(1),
            Role::Block => {
                self.flush();
                self.blocks_open.pop();
            }
            Role::Link => self.links = self.links.saturating_sub(1),
            _ => {}
        }
        if tag == "pre" && role == Role::Block {
            self.pre = self.pre.saturating_sub(1);
        }
        let end = self.out.elements.len();
        let blocks_end = self.out.blocks.len();
        let e = &mut self.out.elements[index];
        e.end = end;
        e.blocks.end = blocks_end.max(e.blocks.start);
    }

    fn text(&mut self, t: &scraper::node::Text) {
        let in_link = self.links > 0;
        if self.pre > 0 {
            self.buf.push_raw(t, in_link);
        } else {
            self.buf.push_collapsed(t, in_link);
        }
    }

    /// One `<br>` is a space; a second one with only whitespace since ends the paragraph.
    fn br(&mut self) {
        if self.pre > 0 {
            self.buf.push_raw("\n", false);
            return;
        }
        if self.buf.after_br && !self.buf.text.trim().is_empty() {
            self.flush();
        } else {
            self.buf.push_collapsed(" ", false);
            self.buf.after_br = true;
        }
    }

    /// The kind of block the innermost open block-level element makes. A
    /// paragraph or loose text inside a list item, quote or caption takes that
    /// kind; table cells, tables and sections reset the search.
    fn kind(&self) -> BlockKind {
        let Some(&inner) = self.blocks_open.last() else {
            return BlockKind::Paragraph;
        };
        if let Some(k) = own_kind(self.out.elements[inner].tag) {
            return k;
        }
        for &i in self.blocks_open.iter().rev().skip(1) {
            match self.out.elements[i].tag {
                "li" | "dt" | "dd" => return BlockKind::ListItem,
                "blockquote" => return BlockKind::Quote,
                "caption" | "figcaption" => return BlockKind::Caption,
                "td" | "th" | "tr" | "table" | "article" | "section" | "main" | "body" => break,
                _ => {}
            }
        }
        BlockKind::Paragraph
    }

    /// End the buffered block. The buffer's text allocation is kept for the
    /// next block; the block gets an exact copy of the trimmed text.
    fn flush(&mut self) {
        let link_chars = std::mem::take(&mut self.buf.link_chars);
        let inline = std::mem::take(&mut self.buf.inline);
        self.buf.space = false;
        self.buf.after_br = false;
        if self.buf.text.is_empty() {
            return;
        }
        let kind = self.kind();
        let raw = self.buf.text.as_str();
        let trimmed = if kind == BlockKind::Preformatted {
            raw.trim_matches('\n').trim_end()
        } else {
            raw.trim()
        };
        let text = trimmed.to_string();
        self.buf.text.clear();
        if text.is_empty() {
            return;
        }
        let owner = self.blocks_open.last().copied().unwrap_or(0);
        let chars = text.chars().count();
        let index = self.out.blocks.len();
        self.out.blocks.push(Block {
            kind,
            link_chars: link_chars.min(chars),
            text,
            index,
            hint: None,
        });
        self.out.info.push(BlockInfo {
            owner,
            inline,
            chars,
        });
    }
}

/// The kind a block-level tag gives its own text, if it is not a plain container.
fn own_kind(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "h1" => BlockKind::Heading { level: 1 },
        "h2" => BlockKind::Heading { level: 2 },
        "h3" => BlockKind::Heading { level: 3 },
        "h4" => BlockKind::Heading { level: 4 },
        "h5" => BlockKind::Heading { level: 5 },
        "h6" => BlockKind::Heading { level: 6 },
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "blockquote" => BlockKind::Quote,
        "pre" => BlockKind::Preformatted,
        "tr" => BlockKind::TableRow,
        "caption" | "figcaption" => BlockKind::Caption,
        _ => return None,
    })
}

/// True when a table cell holds block-level elements (a layout cell, read as a container).
fn has_block_child(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.descendants().skip(1).any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| is_block_level(e.name()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(BlockKind, String)> {
        let doc = Html::parse_document(html);
        walk(&doc)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn whitespace_at_agrees_with_char_is_whitespace() {
        // Every whitespace char is below U+3001; past it, a sample.
        let codes = (0..=0x3100u32).chain((0x3101..=0x10FFFF).step_by(61));
        for c in codes.filter_map(char::from_u32) {
            let s = format!("{c}x");
            let want = c.is_whitespace().then(|| c.len_utf8());
            assert_eq!(super::whitespace_at(&s, 0), want, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn collapses_runs_across_calls() {
        let mut b = Buffer::default();
        b.push_collapsed("  one  two\tthree \n four five ", false);
        b.push_collapsed(" six seven", false);
        b.push_collapsed("eight", false);
        assert_eq!(b.text, "one two three four five six seveneight");
        assert!(!b.space);
    }

    #[test]
    fn collapses_unicode_spaces_and_counts_link_chars() {
        let mut b = Buffer::default();
        b.push_collapsed("  caf\u{e9}\u{a0}\u{2003} d\u{e9}j\u{e0}\n", true);
        assert_eq!(b.text, "caf\u{e9} d\u{e9}j\u{e0} ");
        assert_eq!(b.link_chars, 10);
    }

    #[test]
    fn blocks_never_glue_and_inline_keeps_spacing() {
        let t = texts("<div><span>Wat</span>ch <b>this</b><div>Skip</div></div>");
        assert_eq!(t[0].1, "Watch this");
        assert_eq!(t[1].1, "Skip");
    }

    #[test]
    fn kinds() {
        let t = texts(
            "<h2>Head</h2><p>Para</p><ul><li><p>Item</p></li></ul><blockquote><p>Q</p></blockquote>\
             <table><tr><td>a</td><td>b</td></tr></table><figure><figcaption>Cap</figcaption></figure>\
             <pre>x\n  y</pre>",
        );
        let kinds: Vec<_> = t.iter().map(|(k, _)| k.name()).collect();
        assert_eq!(
            kinds,
            [
                "heading",
                "paragraph",
                "list_item",
                "quote",
                "table_row",
                "caption",
                "preformatted"
            ]
        );
        assert_eq!(t[4].1, "a | b");
        assert_eq!(t[6].1, "x\n  y");
    }

    #[test]
    fn skipped_content_and_brs() {
        let t = texts("<p>one<script>var x</script><br>two<br> <br>three</p><button>Go</button>");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].1, "one two");
        assert_eq!(t[1].1, "three");
    }

    #[test]
    fn link_chars_and_ranges() {
        let doc = Html::parse_document("<div id=x><p><a href=/>Home</a> page</p><p>b</p></div>");
        let w = walk(&doc);
        assert_eq!(w.blocks[0].link_chars, 4);
        let div = w
            .elements
            .iter()
            .find(|e| e.attr("id") == Some("x"))
            .unwrap();
        assert_eq!(div.blocks, 0..2);
        let p = &w.elements[w.info[1].owner];
        assert_eq!(p.tag, "p");
    }

    #[test]
    fn layout_cells_are_containers() {
        let t = texts("<table><tr><td>Menu</td><td><p>Body text.</p></td></tr></table>");
        assert_eq!(t[0].1, "Menu");
        assert_eq!(t[1].1, "Body text.");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(5_000) + "deep" + &"</div>".repeat(5_000);
        let doc = Html::parse_document(&html);
        let w = walk(&doc);
        assert_eq!(w.blocks.len(), 1);
        assert_eq!(w.blocks[0].text, "deep");
    }
}
