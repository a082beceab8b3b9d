//! Stage 1b: guard the parser, in one linear pass before it runs.
//!
//! html5ever's cost grows with nesting depth times the number of elements (its scope checks
//! walk the stack of open elements) and with the square of one element's attribute count (it
//! checks each new attribute against the others): a 100,000-deep page or one element with
//! 200,000 attributes takes it tens of seconds. This pass bounds both, and cuts out what never
//! reaches an article's text, so the parser has less to build:
//!
//! - cut: `<script>` (but not `type="application/ld+json"`, which metadata reads), `<style>`,
//!   `<svg>`, `<template>`, `<noscript>`, comments (bogus ones too: `<?...>`, `<!...>`,
//!   `</ 1>`, and `<![CDATA[...]>` outside MathML).
//!   `<noscript>` is cut because with scripting on, as here and in every browser people read
//!   with, its content is raw text that is never shown; what it holds is "enable JavaScript"
//!   notices and tracking pixels. Kept, the walker would see its markup as literal text.
//! - depth: start tags that would open an element deeper than `Options::max_depth` are dropped
//!   with their matching end tags; their text is kept ([`Warning::DepthLimited`]). Block-level
//!   tags are replaced by a space so the words on either side stay apart.
//! - whitespace: runs of ASCII whitespace with a line break at the edges of a text (the
//!   indentation between tags) are cut to their first byte, except inside `<pre>` and
//!   `<listing>`: every later stage collapses them anyway, and they are about a third of a
//!   typical page's bytes once scripts and styles are cut.
//! - attributes: beyond `Options::max_attributes` on one tag they are dropped
//!   ([`Warning::AttributesLimited`]); attributes no stage reads (`data-*`, `srcset`,
//!   `onclick`, `width`, `href` but on `<link>`, a `style` that hides nothing, ...) are cut
//!   from start tags, which spares the parser a fifth of its work on a typical page.
//!
//! To know the depth the parser will reach, the pass keeps its own stack of open elements and
//! applies the tree builder's commonest implied closes: void elements, `<p>` closed by a block
//! start, `<li>`, `<dd>`/`<dt>`, headings, table rows and cells, `<option>`, nested `<a>`; end
//! tags close through the matching element in scope. Raw text elements (`<title>`,
//! `<textarea>`, `<iframe>`, ...) are skipped whole, so a `<` inside them is never a tag. When
//! nothing changes, the input is returned borrowed.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::error::Warning;
use crate::options::Options;

mod names;
mod raw;

use names::{
    class_of_name, key_of, BLOCK, CLOSES_P, CUT, HEADING, PLAINTEXT, RAW, ROOT, SCOPE, SPECIAL,
    VOID,
};
use raw::{
    comment_end, contains_ignore_case, find_end_tag, is_tag_delimiter, matches_any, name_at,
    script_end, starts_with_ignore_case,
};

/// HTML made safe for the parser, with warnings about what was changed.
///
/// ```
/// use pith_clean::{prescan, Options};
/// let g = prescan::guard("<p>Hi<script>x()</script></p>", &Options::default());
/// assert_eq!(g.html, "<p>Hi</p>");
/// ```
#[derive(Debug, Clone)]
pub struct Guarded<'a> {
    /// The HTML to parse.
    pub html: Cow<'a, str>,
    /// What the guard changed.
    pub warnings: Vec<Warning>,
}

/// Bound depth and attribute counts, cut script/style/svg/template/noscript and comments.
pub fn guard<'a>(html: &'a str, options: &Options) -> Guarded<'a> {
    let mut scanner = Scanner {
        text: html,
        src: html.as_bytes(),
        out: None,
        emitted: 0,
        stack: Vec::new(),
        open_p: 0,
        open_pre: 0,
        dropped: HashMap::new(),
        dropped_tags: 0,
        dropped_attributes: 0,
        max_depth: options.max_depth(),
        max_attributes: options.max_attributes(),
        attributes: Vec::new(),
    };
    scanner.run();
    let mut warnings = Vec::new();
    if scanner.dropped_tags > 0 {
        warnings.push(Warning::DepthLimited {
            limit: scanner.max_depth,
            dropped_tags: scanner.dropped_tags,
        });
    }
    if scanner.dropped_attributes > 0 {
        warnings.push(Warning::AttributesLimited {
            limit: scanner.max_attributes,
            dropped: scanner.dropped_attributes,
        });
    }
    let html = match scanner.out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(&html[scanner.emitted..]);
            Cow::Owned(out)
        }
    };
    Guarded { html, warnings }
}

/// From an attribute's first byte, the end of its name and the end of the whole
/// attribute (past its value, quoted or not).
fn attribute_span(src: &[u8], start: usize) -> (usize, usize) {
    let n = src.len();
    let mut i = start + 1; // The first char of a name may be `=`.
    while i < n && !is_tag_delimiter(src[i]) && src[i] != b'=' {
        i += 1;
    }
    let name_end = i;
    let mut j = i;
    while j < n && src[j].is_ascii_whitespace() {
        j += 1;
    }
    if j < n && src[j] == b'=' {
        j += 1;
        while j < n && src[j].is_ascii_whitespace() {
            j += 1;
        }
        i = match src.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                memchr::memchr(q, &src[j + 1..]).map_or(n, |e| j + 1 + e + 1)
            }
            _ => {
                let len = src[j..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || *b == b'>');
                len.map_or(n, |e| j + e)
            }
        };
    }
    (name_end, i)
}

/// `pre` or `listing` (any case): elements whose whitespace is printed as it is.
fn is_preformatted(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing")
}

/// One attribute of the tag last scanned, as byte offsets in the source.
#[derive(Debug, Clone, Copy)]
struct AttributeSpan {
    /// Where the whitespace before it starts (cutting the attribute cuts this too).
    before: usize,
    /// Its name.
    name: (usize, usize),
    /// Just past its value.
    end: usize,
}

/// One start or end tag as scanned.
struct Tag {
    /// The name's byte range in the source.
    name: (usize, usize),
    /// Index just past the closing `>`, or the source length when the tag is unterminated.
    end: usize,
    /// Whether a `>` was found.
    terminated: bool,
    /// Whether the tag ends with `/>`.
    self_closing: bool,
    /// Number of attributes.
    attributes: usize,
    /// Where the first attribute over the limit starts, if any.
    over_limit_at: Option<usize>,
}

struct Scanner<'a> {
    text: &'a str,
    src: &'a [u8],
    /// The rewritten document, created at the first change.
    out: Option<String>,
    /// Source bytes before this index have been copied to `out` (or cut).
    emitted: usize,
    /// Open elements, as name ranges in the source.
    stack: Vec<(usize, usize, u16)>,
    /// How many `<p>` are on the stack: most start tags close an open `<p>`, and this spares
    /// them a walk down the stack when there is none.
    open_p: usize,
    /// How many `<pre>` and `<listing>` are on the stack: whitespace inside them is kept
    /// as it is, everywhere else runs of it are collapsed.
    open_pre: usize,
    /// Dropped start tags still waiting for their end tag, by lowercase name.
    dropped: HashMap<Vec<u8>, usize>,
    dropped_tags: usize,
    dropped_attributes: usize,
    max_depth: usize,
    max_attributes: usize,
    /// The attributes of the tag last scanned (within the limit).
    attributes: Vec<AttributeSpan>,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let mut pos = 0;
        while let Some(off) = memchr::memchr(b'<', &self.src[pos..]) {
            let at = pos + off;
            self.collapse_whitespace(pos, at);
            pos = match self.src.get(at + 1) {
                Some(b'!') => self.markup_declaration(at),
                Some(b'?') => self.cut_to_gt(at),
                Some(b'/') => self.end_tag(at),
                Some(c) if c.is_ascii_alphabetic() => match self.start_tag(at) {
                    Some(next) => next,
                    None => return,
                },
                _ => at + 1,
            };
        }
        self.collapse_whitespace(pos, self.src.len());
    }

    /// In the text `src[from..to]` (between two tags), cut the run of ASCII whitespace it
    /// starts or ends with down to its first byte when the run holds a line break, unless a
    /// `<pre>` or `<listing>` is open. Outside those the parser keeps such runs as they are
    /// and every later stage collapses them, so they only cost: a third of a typical page's
    /// bytes after the cuts are the indentation and line breaks between tags. Runs inside a
    /// text (a hard-wrapped paragraph) are left: they are rare, and looking for them would
    /// cost a scan of every text.
    fn collapse_whitespace(&mut self, from: usize, to: usize) {
        if self.open_pre > 0 || to - from < 2 {
            return;
        }
        let src = self.src;
        let is_space = |b: &&u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C');
        let is_break = |b: &u8| matches!(b, b'\n' | b'\r');
        let lead = src[from..to].iter().take_while(is_space).count();
        if lead > 1 && src[from..from + lead].iter().any(is_break) {
            self.replace(from + 1, from + lead, "");
        }
        if lead == to - from {
            return;
        }
        let trail = src[from..to].iter().rev().take_while(is_space).count();
        if trail > 1 && src[to - trail..to].iter().any(is_break) {
            self.replace(to - trail + 1, to, "");
        }
    }

    /// Replace `src[from..to]` with `with` in the output.
    fn replace(&mut self, from: usize, to: usize, with: &str) {
        let ok = from >= self.emitted
            && from <= to
            && self.text.is_char_boundary(from)
            && self.text.is_char_boundary(to);
        if !ok {
            return; // Never happens: cut points sit at ASCII delimiters. Keep the bytes.
        }
        let text = self.text;
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[self.emitted..from]);
        out.push_str(with);
        self.emitted = to;
    }

    /// Cut a bogus comment `<?...>` / `<!...>` / `</ ...>` up to and including the next `>`.
    fn cut_to_gt(&mut self, at: usize) -> usize {
        let end = memchr::memchr(b'>', &self.src[at..]).map_or(self.src.len(), |e| at + e + 1);
        self.replace(at, end, "");
        end
    }

    /// `<!--...-->`, `<!doctype ...>`, `<![CDATA[...]]>` or a bogus comment.
    fn markup_declaration(&mut self, at: usize) -> usize {
        let rest = &self.src[at..];
        if rest.starts_with(b"<!--") {
            let end = comment_end(self.src, at + 4);
            self.replace(at, end, "");
            return end;
        }
        if starts_with_ignore_case(rest, b"<!doctype") {
            return memchr::memchr(b'>', rest).map_or(self.src.len(), |e| at + e + 1);
        }
        if rest.starts_with(b"<![CDATA[") && self.open(b"math").is_some() {
            return memchr::memmem::find(rest, b"]]>").map_or(self.src.len(), |e| at + e + 3);
        }
        self.cut_to_gt(at)
    }

    /// An end tag: drop it if its start tag was dropped, else close the matching element.
    fn end_tag(&mut self, at: usize) -> usize {
        match self.src.get(at + 2) {
            Some(c) if c.is_ascii_alphabetic() => {}
            Some(b'>') => return at + 3, // `</>` is ignored by the parser.
            Some(_) => return self.cut_to_gt(at),
            None => return at + 2,
        }
        let tag = self.scan_tag(at + 2);
        let name = &self.src[tag.name.0..tag.name.1];
        let class = class_of_name(name);
        if !self.dropped.is_empty() {
            let lower = name.to_ascii_lowercase();
            if let Some(n) = self.dropped.get_mut(&lower).filter(|n| **n > 0) {
                *n -= 1;
                let with = if class & BLOCK != 0 { " " } else { "" };
                self.replace(at, tag.end, with);
                return tag.end;
            }
        }
        if class & ROOT == 0 {
            self.close_by_end_tag(name, class);
        }
        self.limit_attributes(&tag);
        tag.end
    }

    /// A start tag. Returns where to go on, or `None` when the rest is plain text.
    fn start_tag(&mut self, at: usize) -> Option<usize> {
        let tag = self.scan_tag(at + 1);
        let name = &self.src[tag.name.0..tag.name.1];
        let class = class_of_name(name);
        if class & CUT != 0 {
            return Some(self.cut_element(at, &tag));
        }
        if !tag.terminated || class & (VOID | ROOT | RAW | PLAINTEXT) != 0 {
            self.drop_unread_attributes(&tag);
            self.limit_attributes(&tag);
            if !tag.terminated || class & (VOID | ROOT) != 0 {
                return Some(tag.end);
            }
            if class & PLAINTEXT != 0 {
                return None;
            }
            return Some(find_end_tag(self.src, tag.end, name).map_or(self.src.len(), |(_, e)| e));
        }
        self.implied_closes(name, class);
        if self.stack.len() >= self.max_depth {
            *self.dropped.entry(name.to_ascii_lowercase()).or_insert(0) += 1;
            self.dropped_tags += 1;
            let with = if class & BLOCK != 0 { " " } else { "" };
            self.replace(at, tag.end, with);
        } else {
            self.drop_unread_attributes(&tag);
            self.limit_attributes(&tag);
            self.push(tag.name, class);
        }
        Some(tag.end)
    }

    /// Cut a script/style/svg/template/noscript element with its content.
    fn cut_element(&mut self, at: usize, tag: &Tag) -> usize {
        let name = &self.src[tag.name.0..tag.name.1];
        let is_script = name.eq_ignore_ascii_case(b"script");
        if is_script && contains_ignore_case(&self.src[at..tag.end], b"ld+json") {
            self.limit_attributes(tag);
            return find_end_tag(self.src, tag.end, name).map_or(self.src.len(), |(_, e)| e);
        }
        let is_svg = name.eq_ignore_ascii_case(b"svg");
        let end = if is_svg && tag.self_closing {
            tag.end
        } else if is_script {
            script_end(self.src, tag.end)
        } else if is_svg || name.eq_ignore_ascii_case(b"template") {
            self.find_nested_end(tag.end, name)
        } else {
            find_end_tag(self.src, tag.end, name).map_or(self.src.len(), |(_, e)| e)
        };
        self.replace(at, end, "");
        end
    }

    /// The end of the element whose content starts at `from`, counting nested same-name
    /// elements (`<svg>` in `<svg>`, `<template>` in `<template>`).
    fn find_nested_end(&mut self, from: usize, name: &[u8]) -> usize {
        let mut depth = 0usize;
        let mut pos = from;
        while let Some(off) = memchr::memchr(b'<', &self.src[pos..]) {
            let at = pos + off;
            let rest = &self.src[at..];
            if rest.starts_with(b"</") && name_at(rest, 2, name) {
                let end = memchr::memchr(b'>', rest).map_or(self.src.len(), |e| at + e + 1);
                if depth == 0 {
                    return end;
                }
                depth -= 1;
                pos = end;
            } else if name_at(rest, 1, name) {
                let tag = self.scan_tag(at + 1);
                if !tag.self_closing {
                    depth += 1;
                }
                pos = tag.end;
            } else {
                pos = at + 1;
            }
        }
        self.src.len()
    }

    /// Drop the attributes over the limit (or an unterminated tag that has too many).
    fn limit_attributes(&mut self, tag: &Tag) {
        let Some(cut_from) = tag.over_limit_at else {
            return;
        };
        self.dropped_attributes += tag.attributes - self.max_attributes;
        if tag.terminated {
            let gt = tag.end - 1;
            let gt = if tag.self_closing { gt - 1 } else { gt };
            self.replace(cut_from, gt.max(cut_from), "");
        } else {
            // At end of input the parser drops an unterminated tag anyway.
            let start = tag.name.0.saturating_sub(2);
            let lt =
                memchr::memrchr(b'<', &self.src[start..tag.name.0]).map_or(start, |p| start + p);
            self.replace(lt, self.src.len(), "");
        }
    }

    /// Scan a tag from its name at `name_start` to its closing `>`, counting attributes and
    /// honouring quotes (a `>` inside a quoted value does not end the tag). The spans of the
    /// attributes within the limit are left in `self.attributes` for
    /// [`Self::drop_unread_attributes`], so no tag is read twice.
    fn scan_tag(&mut self, name_start: usize) -> Tag {
        let src = self.src;
        self.attributes.clear();
        let n = src.len();
        let mut i = name_start;
        while i < n && !is_tag_delimiter(src[i]) {
            i += 1;
        }
        let name = (name_start, i);
        let mut attributes = 0;
        let mut over_limit_at = None;
        let mut slash = false;
        loop {
            let before = i;
            while i < n && (src[i].is_ascii_whitespace() || src[i] == b'/') {
                slash = src[i] == b'/';
                i += 1;
            }
            if i >= n {
                return Tag {
                    name,
                    end: n,
                    terminated: false,
                    self_closing: false,
                    attributes,
                    over_limit_at,
                };
            }
            if src[i] == b'>' {
                return Tag {
                    name,
                    end: i + 1,
                    terminated: true,
                    self_closing: slash,
                    attributes,
                    over_limit_at,
                };
            }
            slash = false;
            attributes += 1;
            if attributes == self.max_attributes + 1 {
                over_limit_at = Some(i);
            }
            let (name_end, end) = attribute_span(src, i);
            if over_limit_at.is_none() {
                self.attributes.push(AttributeSpan {
                    before,
                    name: (i, name_end),
                    end,
                });
            }
            i = end;
        }
    }

    /// Cut the attributes of a start tag that no later stage reads (`data-*`, `srcset`,
    /// `onclick`, `width`, ...; see [`names::is_read_attribute`]): a fifth of a typical page's
    /// markup after scripts are cut, and a fifth of the parser's time. Attributes past the
    /// limit are left to [`Self::limit_attributes`]; unterminated tags are left alone.
    fn drop_unread_attributes(&mut self, tag: &Tag) {
        if !tag.terminated {
            return;
        }
        let spans = std::mem::take(&mut self.attributes);
        let name = &self.src[tag.name.0..tag.name.1];
        for a in &spans {
            let attribute = &self.src[a.name.0..a.name.1];
            // An inline style is read only for `display: none` or `visibility: hidden`.
            let hides = |value: &[u8]| {
                contains_ignore_case(value, b"none") || contains_ignore_case(value, b"hidden")
            };
            let unread = !names::is_read_attribute(attribute, name)
                || (attribute.eq_ignore_ascii_case(b"style") && !hides(&self.src[a.name.1..a.end]));
            if unread {
                self.replace(a.before, a.end, "");
            }
        }
        self.attributes = spans;
    }

    /// Open an element, with its name's class (kept, so scope searches down the stack do
    /// not classify each name again).
    fn push(&mut self, name: (usize, usize), class: u16) {
        let tag = &self.src[name.0..name.1];
        if tag.eq_ignore_ascii_case(b"p") {
            self.open_p += 1;
        }
        if is_preformatted(tag) {
            self.open_pre += 1;
        }
        self.stack.push((name.0, name.1, class));
    }

    /// Pop the element at `i` and everything above it.
    fn pop_to(&mut self, i: usize) {
        let src = self.src;
        let popped_p = self.stack[i..]
            .iter()
            .filter(|&&(s, e, _)| src[s..e].eq_ignore_ascii_case(b"p"))
            .count();
        self.open_p = self.open_p.saturating_sub(popped_p);
        let popped_pre = self.stack[i..]
            .iter()
            .filter(|&&(s, e, _)| is_preformatted(&src[s..e]))
            .count();
        self.open_pre = self.open_pre.saturating_sub(popped_pre);
        self.stack.truncate(i);
    }

    /// The index in the stack of the topmost open element named `name`, if any.
    fn open(&self, name: &[u8]) -> Option<usize> {
        self.stack
            .iter()
            .rposition(|&(s, e, _)| self.src[s..e].eq_ignore_ascii_case(name))
    }

    fn stack_name(&self, i: usize) -> &[u8] {
        let (s, e, _) = self.stack[i];
        &self.src[s..e]
    }

    /// Topmost element for which `is_target` holds, searching down from the current node and
    /// stopping at an element for which `stops` holds.
    fn find_in_scope(
        &self,
        is_target: impl Fn(&[u8]) -> bool,
        stops: impl Fn(&[u8], u16) -> bool,
    ) -> Option<usize> {
        for i in (0..self.stack.len()).rev() {
            let name = self.stack_name(i);
            if is_target(name) {
                return Some(i);
            }
            if stops(name, self.stack[i].2) {
                return None;
            }
        }
        None
    }

    /// The tree builder's implied end tags for the start tag `name`, in outline.
    fn implied_closes(&mut self, name: &[u8], class: u16) {
        let default_scope = |_: &[u8], c: u16| c & SCOPE != 0;
        if class & CLOSES_P != 0 && self.open_p > 0 {
            let button_scope =
                |n: &[u8], c: u16| c & SCOPE != 0 || n.eq_ignore_ascii_case(b"button");
            if let Some(i) = self.find_in_scope(|n| n.eq_ignore_ascii_case(b"p"), button_scope) {
                self.pop_to(i);
            }
        }
        let Some((key, len)) = key_of(name) else {
            return;
        };
        let key = &key[..len];
        // Which open elements this start tag closes, and where the search stops.
        let special_but_div =
            |n: &[u8], c: u16| c & SPECIAL != 0 && !matches_any(n, &[b"address", b"div", b"p"]);
        let found = match key {
            b"li" => self.find_in_scope(|n| n.eq_ignore_ascii_case(b"li"), special_but_div),
            b"dd" | b"dt" => {
                self.find_in_scope(|n| matches_any(n, &[b"dd", b"dt"]), special_but_div)
            }
            b"td" | b"th" => self.find_in_scope(
                |n| matches_any(n, &[b"td", b"th"]),
                |n, _| matches_any(n, &[b"tr", b"table", b"template", b"html"]),
            ),
            b"tr" => self.find_in_scope(
                |n| n.eq_ignore_ascii_case(b"tr"),
                |n, _| matches_any(n, &[b"table", b"tbody", b"thead", b"tfoot", b"template"]),
            ),
            b"tbody" | b"thead" | b"tfoot" => self.find_in_scope(
                |n| matches_any(n, &[b"tbody", b"thead", b"tfoot"]),
                |n, _| matches_any(n, &[b"table", b"template"]),
            ),
            b"a" | b"nobr" | b"button" | b"select" => {
                self.find_in_scope(|n| n.eq_ignore_ascii_case(key), default_scope)
            }
            b"option" | b"optgroup" => self
                .stack
                .len()
                .checked_sub(1)
                .filter(|&i| self.stack_name(i).eq_ignore_ascii_case(b"option")),
            _ if class & HEADING != 0 => self
                .stack
                .len()
                .checked_sub(1)
                .filter(|&i| self.stack[i].2 & HEADING != 0),
            _ => None,
        };
        if let Some(i) = found {
            self.pop_to(i);
        }
    }

    /// Close the element an end tag names: through the matching element in scope for block
    /// names, else through the topmost match above any special element.
    fn close_by_end_tag(&mut self, name: &[u8], class: u16) {
        let found = if class & HEADING != 0 {
            self.find_in_scope(|n| class_of_name(n) & HEADING != 0, |_, c| c & SCOPE != 0)
        } else if class & SPECIAL != 0 {
            self.find_in_scope(|n| n.eq_ignore_ascii_case(name), |_, c| c & SCOPE != 0)
        } else {
            self.find_in_scope(|n| n.eq_ignore_ascii_case(name), |_, c| c & SPECIAL != 0)
        };
        if let Some(i) = found {
            self.pop_to(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(html: &str) -> Guarded<'_> {
        guard(html, &Options::default())
    }

    #[test]
    fn untouched_page_is_borrowed() {
        let page = "<!DOCTYPE html><html><head><title>a < b</title></head>\
                    <body><p class=\"x>y\">One<br/>two</p><ul><li>a<li>b</ul></body></html>";
        let out = g(page);
        assert!(matches!(out.html, Cow::Borrowed(_)));
        assert!(out.warnings.is_empty());
    }

    #[test]
    fn collapses_whitespace_runs_outside_preformatted_text() {
        let page =
            "<div>\n    <p>One  two\t\t three</p>\n\n  <pre>a\n    b  <b>c\n  d</b>\n</pre>  \
                    <p>x \n y</p><listing>\n  l  m</listing> <p>z</p>\r\n\r\n</div>  \n";
        assert_eq!(
            g(page).html,
            "<div>\n<p>One  two\t\t three</p>\n<pre>a\n    b  <b>c\n  d</b>\n</pre>  \
             <p>x \n y</p><listing>\n  l  m</listing> <p>z</p>\r</div> "
        );
        // A page with no run holding a line break is not copied.
        assert!(matches!(g("<p>a  b</p>\n<p>c</p>").html, Cow::Borrowed(_)));
    }

    #[test]
    fn cuts_attributes_no_stage_reads() {
        let page = r#"<div data-x="a>b" CLASS="nav" onclick='f("<p>")' id=main srcset=a.jpg/><img src="x.png" alt="A cat"><p hidden>t</p></div>"#;
        assert_eq!(
            g(page).html,
            r#"<div CLASS="nav" id=main><img><p hidden>t</p></div>"#
        );
        let kept = r#"<meta property="og:title" content="T"><link rel="canonical" HREF="/c"><a rel="author">A</a>"#;
        assert!(matches!(g(kept).html, Cow::Borrowed(_)));
        // An inline style is kept only when it may hide the element.
        assert_eq!(
            g(r#"<p style="color: red">a</p><p STYLE="Display: None">b</p><p style=visibility:hidden>c</p>"#).html,
            r#"<p>a</p><p STYLE="Display: None">b</p><p style=visibility:hidden>c</p>"#
        );
        // Where a link goes is read on `<link>` only.
        assert_eq!(
            g(r#"<a rel="author" href="/a">A</a><LINK href=/b rel=canonical>"#).html,
            r#"<a rel="author">A</a><LINK href=/b rel=canonical>"#
        );
    }

    #[test]
    fn cuts_script_style_svg_template_noscript_comments() {
        let page = "<p>a<script>if (x < 1) {}</script>b<style>p{}</style>c<!-- x -->d\
                    <svg><svg></svg><text>t</text></svg>e<template><template></template>t</template>f\
                    <noscript><img src=x></noscript>g<?php x ?>h<!-->i<![CDATA[x]]>j<!--- z --->k</p>";
        assert_eq!(g(page).html, "<p>abcdefghijk</p>");
    }

    #[test]
    fn script_with_escaped_script_inside() {
        let page = "<script><!-- x <script src=a></script> --></script><p>a</p>";
        assert_eq!(g(page).html, "<p>a</p>");
        assert_eq!(g("<script>a='<!--'</script><p>b</p>").html, "<p>b</p>");
    }

    #[test]
    fn keeps_json_ld() {
        let page = r#"<script type="application/ld+json">{"a":"</p>"}</script><p>x</p>"#;
        assert!(matches!(g(page).html, Cow::Borrowed(_)));
    }

    #[test]
    fn unclosed_script_runs_to_the_end() {
        assert_eq!(g("<p>a</p><script>var s = '<p>b</p>';").html, "<p>a</p>");
    }

    #[test]
    fn depth_is_bounded_and_text_kept() {
        let o = Options::default().with_max_depth(8);
        let page = format!("{}deep{}", "<div>".repeat(20), "</div>".repeat(20));
        let out = guard(&page, &o);
        assert_eq!(
            out.html,
            format!(
                "{}{}deep{}{}",
                "<div>".repeat(8),
                " ".repeat(12),
                " ".repeat(12),
                "</div>".repeat(8)
            )
        );
        assert_eq!(
            out.warnings,
            vec![Warning::DepthLimited {
                limit: 8,
                dropped_tags: 12
            }]
        );
    }

    #[test]
    fn implied_closes_do_not_count_as_depth() {
        let o = Options::default().with_max_depth(8);
        let page = format!(
            "<body>{}<ul>{}</ul><table>{}</table><p>{}",
            "<p>para".repeat(50),
            "<li>item".repeat(50),
            "<tr><td>a<td>b".repeat(50),
            "<a href=x>link".repeat(50)
        );
        let out = guard(&page, &o);
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn attributes_are_bounded() {
        let o = Options::default().with_max_attributes(2);
        let out = guard(
            r#"<p id="1>" class=2 role d='4'>x</p><img id name lang/>"#,
            &o,
        );
        assert_eq!(out.html, r#"<p id="1>" class=2 >x</p><img id name />"#);
        assert_eq!(
            out.warnings,
            vec![Warning::AttributesLimited {
                limit: 2,
                dropped: 3
            }]
        );
    }

    #[test]
    fn unterminated_tag_with_too_many_attributes_is_cut() {
        let o = Options::default().with_max_attributes(2);
        assert_eq!(guard("<p>x</p><div a b c d", &o).html, "<p>x</p>");
    }

    #[test]
    fn plaintext_stops_the_scan() {
        let out = g("<plaintext><script>x</script>");
        assert!(matches!(out.html, Cow::Borrowed(_)));
    }
}
