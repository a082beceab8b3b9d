//! Assemble the result: body paragraphs from the kept segments, front-matter
//! blocks with hints, removals grouped into runs with kind and evidence, and
//! metadata (title, site, date, tags).

use rustc_hash::{FxHashMap, FxHashSet};

use super::boundary::{is_unspaced, Cut};
use super::byline::Byline;
use super::classify::{is_sentence, Label};
use super::segments::Segment;
use super::span::{Front, Span};
use super::title::Title;
use super::weights::*;
use crate::block::{Block, BlockKind, Hint};
use crate::classify::evidence::{Evidence, Place, Shape};
use crate::classify::kind::BoilerplateKind;
use crate::cleaned::{Cleaned, Metadata, Removal};

/// Everything the assembly needs, as the earlier stages left it.
#[derive(Debug)]
pub struct Parts<'a> {
    /// The flat text.
    pub flat: &'a str,
    /// Its segments.
    pub segs: &'a [Segment],
    /// One label per segment.
    pub labels: &'a [Label],
    /// The article span, if any.
    pub span: Option<Span>,
    /// The article's first part, when an embed cut it off the span.
    pub lead: Option<Span>,
    /// Headline, standfirst, date line.
    pub front: Front,
    /// The byline near the headline.
    pub byline: Option<&'a Byline>,
    /// The page title.
    pub title: &'a Title,
}

impl Parts<'_> {
    fn text(&self, i: usize) -> &str {
        self.segs
            .get(i)
            .and_then(|s| self.flat.get(s.start..s.end))
            .unwrap_or("")
    }

    fn is_front(&self, i: usize) -> bool {
        [self.front.headline, self.front.standfirst, self.front.date].contains(&Some(i))
            || self.byline.is_some_and(|b| (b.first..=b.last).contains(&i))
    }

    /// Boilerplate inside the span survives when it is a word inside a sentence
    /// (`he wrote on` + `Twitter` + `that ...`).
    fn is_embedded(&self, i: usize) -> bool {
        let s = &self.segs[i];
        let prev_open = i
            .checked_sub(1)
            .map(|p| self.text(p))
            .and_then(|t| t.chars().next_back())
            .is_some_and(char::is_lowercase);
        let prev_ok = i > 0 && !self.labels[i - 1].is_boiler();
        let next_ok = self.labels.get(i + 1).is_some_and(|l| !l.is_boiler());
        matches!(s.cut, Cut::Case | Cut::Script)
            && s.shape.words <= 2
            && prev_open
            && prev_ok
            && next_ok
    }

    /// Which segments are body text.
    fn body_mask(&self) -> Vec<bool> {
        let mut keep = vec![false; self.segs.len()];
        for span in [self.lead, self.span].into_iter().flatten() {
            for (i, k) in keep
                .iter_mut()
                .enumerate()
                .take(span.last + 1)
                .skip(span.first)
            {
                *k = !self.is_front(i) && (!self.labels[i].is_boiler() || self.is_embedded(i));
            }
        }
        keep
    }
}

/// Build the cleaned result.
pub fn assemble(parts: &Parts<'_>) -> Cleaned {
    let keep = parts.body_mask();
    let mut kept = front_blocks(parts);
    kept.extend(paragraphs(parts, &keep, &key(&parts.title.main)));
    kept.sort_by_key(|b| b.index);
    let (removed, tags) = removals(parts, &keep);
    let metadata = Metadata {
        title: parts
            .front
            .headline
            .map(|h| parts.text(h).to_string())
            .or_else(|| Some(parts.title.main.clone()).filter(|t| !t.is_empty())),
        site_name: parts.title.site.clone(),
        published: parts.front.date.and_then(|d| match &parts.labels[d] {
            Label::Date(iso) => Some(iso.clone()),
            _ => None,
        }),
        tags,
        ..Metadata::default()
    };
    Cleaned {
        metadata,
        kept,
        removed,
        ..Cleaned::default()
    }
}

fn front_blocks(parts: &Parts<'_>) -> Vec<Block> {
    let f = parts.front;
    let slots = [
        (f.headline, BlockKind::Heading { level: 1 }, Hint::Headline),
        (f.standfirst, BlockKind::Paragraph, Hint::Standfirst),
        (f.date, BlockKind::Paragraph, Hint::Date),
    ];
    slots
        .into_iter()
        .filter_map(|(i, kind, hint)| {
            let i = i?;
            let mut b = Block::new(kind, parts.text(i));
            b.index = i;
            b.hint = Some(hint);
            Some(b)
        })
        .chain(parts.byline.map(|by| {
            let mut b = Block::new(BlockKind::Paragraph, by.text.as_str());
            b.index = by.first;
            b.hint = Some(Hint::Byline);
            b
        }))
        .collect()
}

/// How two pieces of one paragraph are joined: nothing between scripts written
/// without spaces, a space otherwise (the scraper dropped it).
fn joiner(left: &str, right: &str) -> &'static str {
    let l = left.chars().next_back();
    let r = right.chars().next();
    if l.is_some_and(is_unspaced) || r.is_some_and(is_unspaced) {
        ""
    } else {
        " "
    }
}

/// A one-segment paragraph that reads as a heading when prose follows it.
/// Not a heading: a piece with no letters (`1`), a piece whose last number
/// is glued to the next word (`... an 1` + `Password`: a word cut at a
/// digit), or a piece that names the page title after the article started
/// (a heading matching the title is taken for the headline downstream, and
/// everything before it would be lost).
fn is_heading(parts: &Parts<'_>, i: usize, after_body: bool, title_key: &str) -> bool {
    let f = &parts.segs[i].shape;
    let glued_number = parts.segs.get(i + 1).is_some_and(|n| n.cut == Cut::Digit)
        && parts.text(i).ends_with(|c: char| c.is_ascii_digit());
    parts.labels[i] == Label::Short
        && f.words <= HEADING_MAX_WORDS
        && f.letters > 0
        && !f.ends_with_stop
        && !glued_number
        && !(after_body && names_title(&key(parts.text(i)), title_key))
        && parts
            .text(i)
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase())
}

/// Letters and digits only, lowercased: how headings and titles are compared.
fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// True when a text and the page title name each other, given their
/// [`key`]s `k` and `t`: equal, or one holds the other (the shorter at
/// least half the longer when the text is inside).
fn names_title(k: &str, t: &str) -> bool {
    !k.is_empty()
        && !t.is_empty()
        && (k == t || k.contains(t) || (t.contains(k) && k.len() * 2 > t.len()))
}

/// `text` without the TeX source a math renderer leaves next to the
/// rendered formula (`A{\displaystyle A^{\mathsf {H}}}`): a brace group
/// opened by `{\` and a letter, with its nested groups. A group cut off
/// by the end of the paragraph is dropped to the end. Prose has no `{\`.
fn strip_tex(text: String) -> String {
    let b = text.as_bytes();
    if !memchr::memchr_iter(b'{', b).any(|i| b.get(i + 1) == Some(&b'\\')) {
        return text;
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut i, mut kept) = (0, 0);
    while i + 2 < b.len() {
        if !(b[i] == b'{' && b[i + 1] == b'\\' && b[i + 2].is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        out.push_str(text.get(kept..i).unwrap_or(""));
        let mut depth = 0usize;
        let mut j = i;
        while j < b.len() {
            match b[j] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        // Past the closing brace (or the end): braces are ASCII, so this
        // is a char boundary.
        i = (j + 1).min(b.len());
        kept = i;
    }
    out.push_str(text.get(kept..).unwrap_or(""));
    out
}

/// The page's code names: words with an inner step from a lowercase
/// letter to an uppercase one (`bodyUsed`, `XMLHttpRequest`) that the page
/// prints at least twice, once at least as code: before a call or index
/// bracket (`XMLHttpRequest()`), or after a member dot with a lowercase
/// head of at least [`CODE_HEAD_MIN_CHARS`] letters (`res.bodyUsed`). A
/// sentence glued to the next (`agents.Credit`), a domain glued to a
/// sentence (`site.frPour`) or a name glued to a name (`ZealandNew`) is not.
///
/// Read on first use, from the code marks up ([`code_words`]); a word
/// printed as code is counted over the page when first asked about.
struct CodeNames<'a> {
    flat: &'a str,
    /// The words printed as code, each with its count test once made.
    words: Option<FxHashMap<&'a str, Option<bool>>>,
}

impl<'a> CodeNames<'a> {
    fn new(flat: &'a str) -> CodeNames<'a> {
        CodeNames { flat, words: None }
    }

    /// True when the word that byte `at` falls inside is a code name. A
    /// word with no step is none, and the page is not read for it.
    fn at(&mut self, at: usize) -> bool {
        let flat = self.flat;
        let word = word_around(flat, at);
        if !has_step(word) {
            return false;
        }
        let words = self
            .words
            .get_or_insert_with(|| code_words(flat).into_iter().map(|w| (w, None)).collect());
        match words.get_mut(word) {
            None => false,
            Some(twice) => *twice.get_or_insert_with(|| printed_twice(flat, word)),
        }
    }
}

/// The stepped words (see [`CodeNames`]) that `flat` prints as code at
/// least once. A word printed as code touches a `(`, `[` or `.`, which are
/// rare next to words: the scan jumps from one to the next.
fn code_words(flat: &str) -> FxHashSet<&str> {
    let b = flat.as_bytes();
    let mut code: FxHashSet<&str> = FxHashSet::default();
    for p in memchr::memchr3_iter(b'(', b'[', b'.', b) {
        let (start, end) = if b[p] == b'.' {
            // The word after a member dot, with a lowercase head: most dots
            // end a sentence, before a space.
            if !b
                .get(p + 1)
                .is_some_and(|c| !c.is_ascii() || c.is_ascii_lowercase())
            {
                continue;
            }
            let span = word_span(flat, p + 1);
            let word = flat.get(span.0..span.1).unwrap_or("");
            if lowercase_head(word) < CODE_HEAD_MIN_CHARS {
                continue;
            }
            span
        } else {
            // The word before a call or index bracket.
            if p == 0 || !after_alnum(flat, p) {
                continue;
            }
            word_span(flat, p)
        };
        let word = flat.get(start..end).unwrap_or("");
        if has_step(word) {
            code.insert(word);
        }
    }
    code
}

/// True when `word` has an inner step from a lowercase char to an uppercase one.
fn has_step(word: &str) -> bool {
    let mut prev_lower = false;
    for c in word.chars() {
        if prev_lower && c.is_uppercase() {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// True when `word` stands as a whole word (no alphanumeric char on either
/// side) at least twice in `flat`.
fn printed_twice(flat: &str, word: &str) -> bool {
    let mut n = 0;
    for s in memchr::memmem::find_iter(flat.as_bytes(), word.as_bytes()) {
        // `word` starts with a char, so a match starts on a char boundary.
        let whole = (s == 0 || !after_alnum(flat, s)) && alnum_at(flat, s + word.len()).is_none();
        n += usize::from(whole);
        if n >= 2 {
            return true;
        }
    }
    false
}

/// True when the char before byte `j` (a char boundary past 0) of `flat` is alphanumeric.
fn after_alnum(flat: &str, j: usize) -> bool {
    let p = flat.as_bytes()[j - 1];
    if p.is_ascii() {
        p.is_ascii_alphanumeric()
    } else {
        flat.get(..j)
            .and_then(|t| t.chars().next_back())
            .is_some_and(char::is_alphanumeric)
    }
}

/// The number of lowercase chars `word` starts with.
fn lowercase_head(word: &str) -> usize {
    word.chars().take_while(|c| c.is_lowercase()).count()
}

/// True when the char of `flat` that starts at byte `i` is alphanumeric;
/// its length in bytes.
fn alnum_at(flat: &str, i: usize) -> Option<usize> {
    let b = *flat.as_bytes().get(i)?;
    if b.is_ascii() {
        return b.is_ascii_alphanumeric().then_some(1);
    }
    let c = flat.get(i..)?.chars().next()?;
    c.is_alphanumeric().then(|| c.len_utf8())
}

/// The byte range of the whole word (alphanumeric chars) of `flat` that a
/// cut at `at` (a char boundary) falls inside; ASCII bytes are tested
/// without decoding.
fn word_span(flat: &str, at: usize) -> (usize, usize) {
    let b = flat.as_bytes();
    let mut start = at;
    while start > 0 {
        let p = b[start - 1];
        if p.is_ascii() {
            if !p.is_ascii_alphanumeric() {
                break;
            }
            start -= 1;
        } else {
            match flat.get(..start).and_then(|t| t.chars().next_back()) {
                Some(c) if c.is_alphanumeric() => start -= c.len_utf8(),
                _ => break,
            }
        }
    }
    let mut end = at;
    while let Some(n) = alnum_at(flat, end) {
        end += n;
    }
    (start, end)
}

/// The whole word of `flat` that a cut at `at` falls inside.
fn word_around(flat: &str, at: usize) -> &str {
    if !flat.is_char_boundary(at) {
        return "";
    }
    let (start, end) = word_span(flat, at);
    flat.get(start..end).unwrap_or("")
}

/// True when the case cut at segment `i` splits a code name of the page
/// ([`CodeNames`]): the pieces join with no space (`body` + `Used`).
fn splits_code_name(parts: &Parts<'_>, names: &mut CodeNames<'_>, i: usize) -> bool {
    let s = &parts.segs[i];
    matches!(s.cut, Cut::Case | Cut::Acronym) && names.at(s.start)
}

/// The kept segments grouped into blocks: first and last segment, and kind.
/// A run of kept segments with no strong cut is one paragraph, but a
/// one-segment heading ([`is_heading`]) before a sentence is a block of its own.
fn groups(parts: &Parts<'_>, keep: &[bool], title_key: &str) -> Vec<(usize, usize, BlockKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, _) in keep.iter().enumerate().filter(|(_, k)| **k) {
        let seg = &parts.segs[i];
        open = match open {
            Some((first, last)) if last + 1 == i && !seg.cut.is_strong() => {
                if first == last
                    && is_heading(parts, first, !out.is_empty(), title_key)
                    && is_sentence(&seg.shape)
                {
                    out.push((first, last, BlockKind::Heading { level: 2 }));
                    Some((i, i))
                } else {
                    Some((first, i))
                }
            }
            prev => {
                if let Some((first, last)) = prev {
                    out.push((first, last, BlockKind::Paragraph));
                }
                Some((i, i))
            }
        };
    }
    if let Some((first, last)) = open {
        out.push((first, last, BlockKind::Paragraph));
    }
    out
}

fn paragraphs(parts: &Parts<'_>, keep: &[bool], title_key: &str) -> Vec<Block> {
    let mut names = CodeNames::new(parts.flat);
    let groups = groups(parts, keep, title_key);
    let mut out = Vec::with_capacity(groups.len());
    for (first, last, kind) in groups {
        // One allocation per paragraph: its pieces and a joiner between each two.
        let len: usize = parts.segs[first..=last]
            .iter()
            .map(|s| s.end - s.start + 1)
            .sum();
        let mut text = String::with_capacity(len);
        text.push_str(parts.text(first));
        for i in first + 1..=last {
            let piece = parts.text(i);
            if !splits_code_name(parts, &mut names, i) {
                text.push_str(joiner(&text, piece));
            }
            text.push_str(piece);
        }
        let mut b = Block::new(kind, strip_tex(text));
        b.index = first;
        out.push(b);
    }
    out
}

/// Kinds whose short heading ("More Reading", "Topic", "Footer menu") names
/// the unlabelled items that follow it.
fn names_what_follows(kind: BoilerplateKind) -> bool {
    matches!(
        kind,
        BoilerplateKind::RelatedContent
            | BoilerplateKind::Tags
            | BoilerplateKind::Footer
            | BoilerplateKind::Navigation
            | BoilerplateKind::Comments
            | BoilerplateKind::SocialFollow
    )
}

/// The evidence of a removed segment: borrowed from a label when it has
/// one, and copied only into the removal; no allocation per segment.
#[derive(Debug, Clone, Copy)]
enum Ev<'a> {
    /// A label's evidence.
    Label(&'a [Evidence]),
    /// A label's evidence and a shape.
    LabelAnd(&'a [Evidence], Shape),
    /// A position.
    Position(Place),
    /// A shape.
    Shape(Shape),
}

impl Ev<'_> {
    /// The borrowed part.
    fn list(&self) -> &[Evidence] {
        match self {
            Ev::Label(l) | Ev::LabelAnd(l, _) => l,
            _ => &[],
        }
    }

    /// True when `self` and `other` are the same evidence (the same
    /// borrowed list, the same piece made here).
    fn same(&self, other: &Ev<'_>) -> bool {
        match (self, other) {
            (Ev::Label(a), Ev::Label(b)) => std::ptr::eq(*a, *b),
            (Ev::LabelAnd(a, x), Ev::LabelAnd(b, y)) => std::ptr::eq(*a, *b) && x == y,
            (Ev::Position(x), Ev::Position(y)) => x == y,
            (Ev::Shape(x), Ev::Shape(y)) => x == y,
            _ => false,
        }
    }

    /// The piece made here, after the borrowed part.
    fn extra(&self) -> Option<Evidence> {
        match *self {
            Ev::Label(_) => None,
            Ev::LabelAnd(_, shape) | Ev::Shape(shape) => Some(Evidence::Shape { shape }),
            Ev::Position(place) => Some(Evidence::Position { place }),
        }
    }
}

/// The kind and evidence of a removed segment.
type Verdict<'a> = Option<(BoilerplateKind, Ev<'a>)>;

/// Segments that sit in a run of at least [`MENU_MIN_ITEMS`] short removed
/// pieces (menu items, with or without a lexicon phrase).
fn menu_runs(parts: &Parts<'_>, keep: &[bool]) -> Vec<bool> {
    let n = parts.segs.len();
    let menuish = |i: usize| {
        !keep[i]
            && !parts.is_front(i)
            && parts.segs[i].shape.words <= 4
            && matches!(parts.labels[i], Label::Short | Label::Boiler { .. })
    };
    let mut out = vec![false; n];
    let mut i = 0;
    while i < n {
        let start = i;
        while i < n && menuish(i) {
            i += 1;
        }
        if i - start >= MENU_MIN_ITEMS {
            out[start..i].iter_mut().for_each(|m| *m = true);
        }
        i = i.max(start + 1);
    }
    out
}

/// The kind and evidence of every removed segment (None for kept ones and the title).
fn removal_kinds<'a>(parts: &Parts<'a>, keep: &[bool]) -> Vec<Verdict<'a>> {
    let n = parts.segs.len();
    let mut out: Vec<Verdict> = vec![None; n];
    let in_menu = menu_runs(parts, keep);
    let place = |i: usize| match parts.span {
        Some(s) if i > s.last => Place::AfterContent,
        _ => Place::BeforeContent,
    };
    let mut heading: Verdict = None;
    let mut i = 1;
    while i < n {
        if keep[i] || parts.is_front(i) {
            heading = None;
            i += 1;
            continue;
        }
        if let Label::Boiler { kind, evidence } | Label::Tainted { kind, evidence } =
            &parts.labels[i]
        {
            // Tag lists follow the article; before it, "Topics" is a menu item.
            let names = names_what_follows(*kind)
                && parts.segs[i].shape.words <= 4
                && (*kind != BoilerplateKind::Tags || place(i) == Place::AfterContent);
            heading = names.then_some((*kind, Ev::Label(evidence)));
            out[i] = Some(if *kind == BoilerplateKind::Tags && in_menu[i] && !names {
                // "Topics" in the site menu is a menu item, not a tag list.
                let ev = Ev::LabelAnd(evidence, Shape::TitleCaseRun);
                (BoilerplateKind::Navigation, ev)
            } else {
                (*kind, Ev::Label(evidence))
            });
            i += 1;
            continue;
        }
        // A run of unlabelled removed segments.
        let start = i;
        while i < n
            && !keep[i]
            && !parts.is_front(i)
            && matches!(
                parts.labels[i],
                Label::Short | Label::Content | Label::Date(_)
            )
        {
            i += 1;
        }
        let dates = (start..i)
            .filter(|&j| matches!(parts.labels[j], Label::Date(_)))
            .count();
        for j in start..i {
            let text = parts.text(j);
            out[j] = Some(if let Some((kind, ev)) = &heading {
                (*kind, *ev)
            } else if parts.title.site.as_deref() == Some(text) {
                let place = place(j);
                (BoilerplateKind::Header, Ev::Position(place))
            } else if dates >= 2 {
                let shape = Shape::DatedHeadlines;
                (BoilerplateKind::RelatedContent, Ev::Shape(shape))
            } else if in_menu[j] {
                let shape = Shape::TitleCaseRun;
                (BoilerplateKind::Navigation, Ev::Shape(shape))
            } else {
                let place = place(j);
                (BoilerplateKind::OutsideContent, Ev::Position(place))
            });
        }
        i = i.max(start + 1);
    }
    out
}

/// Group removed segments into runs of one kind; collect tag items.
fn removals(parts: &Parts<'_>, keep: &[bool]) -> (Vec<Removal>, Vec<String>) {
    let kinds = removal_kinds(parts, keep);
    let mut removed: Vec<Removal> = Vec::new();
    let mut tags = Vec::new();
    let mut i = 0;
    while i < kinds.len() {
        let Some((kind, first_ev)) = &kinds[i] else {
            i += 1;
            continue;
        };
        // The run: the removed segments after `i` of the same kind.
        let end = kinds[i + 1..]
            .iter()
            .position(|k| !matches!(k, Some((k, _)) if k == kind))
            .map_or(kinds.len(), |n| i + 1 + n);
        let len: usize = parts.segs[i..end].iter().map(|s| s.end - s.start + 1).sum();
        let mut text = String::with_capacity(len);
        let mut evidence: Vec<Evidence> = first_ev.list().to_vec();
        evidence.extend(first_ev.extra());
        let mut prev = *first_ev;
        for (j, slot) in kinds.iter().enumerate().take(end).skip(i) {
            let Some((_, ev)) = slot else { continue };
            let piece = parts.text(j);
            if *kind == BoilerplateKind::Tags && !parts.labels[j].is_boiler() {
                tags.push(piece.to_string());
            }
            // A piece with the evidence of the one before adds nothing (the
            // heading's evidence over its items, one position over a run).
            if j > i {
                text.push(' ');
                if evidence.len() < 6 && !ev.same(&prev) {
                    for e in ev.list() {
                        if evidence.len() < 6 && !evidence.contains(e) {
                            evidence.push(e.clone());
                        }
                    }
                    if let Some(e) = ev.extra() {
                        if evidence.len() < 6 && !evidence.contains(&e) {
                            evidence.push(e);
                        }
                    }
                }
            }
            text.push_str(piece);
            prev = *ev;
        }
        removed.push(Removal {
            kind: *kind,
            text,
            evidence,
        });
        i = end;
    }
    (removed, tags)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// The char-by-char definition the jumping [`code_names`] must match.
    fn code_names_by_chars(flat: &str) -> HashSet<&str> {
        let mut seen: std::collections::HashMap<&str, (usize, bool)> =
            std::collections::HashMap::new();
        let mut start: Option<usize> = None;
        let (mut step, mut prev_lower, mut before) = (false, false, ' ');
        let mut last = ' ';
        for (i, c) in flat
            .char_indices()
            .chain(std::iter::once((flat.len(), ' ')))
        {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                    before = last;
                }
                step |= prev_lower && c.is_uppercase();
                prev_lower = c.is_lowercase();
            } else {
                if let (Some(s), true) = (start, step) {
                    let word = &flat[s..i];
                    let head = word.chars().take_while(|c| c.is_lowercase()).count();
                    let code =
                        matches!(c, '(' | '[') || (before == '.' && head >= CODE_HEAD_MIN_CHARS);
                    let e = seen.entry(word).or_insert((0, false));
                    e.0 += 1;
                    e.1 |= code;
                }
                (start, step, prev_lower) = (None, false, false);
            }
            last = c;
        }
        seen.into_iter()
            .filter(|(_, (n, code))| *code && *n >= 2)
            .map(|(w, _)| w)
            .collect()
    }

    /// The whole set [`CodeNames`] answers from.
    fn code_names(flat: &str) -> FxHashSet<&str> {
        let mut words = code_words(flat);
        words.retain(|w| printed_twice(flat, w));
        words
    }

    #[test]
    fn code_names_match_the_char_definition() {
        let texts = [
            "Call res.bodyUsed to check; new PortReader() reads it, one PortReader a page.",
            "x.fooBar fooBar() fooBar ÉtéÉté(ÉtéÉté) straßeNAME straßeNAME[1] .abcdÉx .abcdÉx",
            "aB aB( aB[ .aB .aB 日本Abc 日本Abc( ΣίσυφοςΑ ΣίσυφοςΑ( 1aB 1aB(",
            "",
            "aB",
            "end with a step: xY",
            "obj.doThing doThing; obj.ab.doThing(x) fooBar.fooBar fooBar",
            "(xY) xY. xY( [aB]aB[ é.ñandúXy ñandúXy .Ab.cdEf cdEf a.( .[ ..",
        ];
        for t in texts {
            let slow = code_names_by_chars(t);
            let fast: HashSet<&str> = code_names(t).into_iter().collect();
            assert_eq!(fast, slow, "{t:?}");
            let mut names = CodeNames::new(t);
            for at in (0..=t.len()).filter(|&at| t.is_char_boundary(at)) {
                let want = slow.contains(word_around_by_chars(t, at));
                assert_eq!(names.at(at), want, "{t:?} {at}");
            }
        }
    }

    /// The char-by-char definition the byte-testing [`word_around`] must match.
    fn word_around_by_chars(flat: &str, at: usize) -> &str {
        let (Some(head), Some(tail)) = (flat.get(..at), flat.get(at..)) else {
            return "";
        };
        let start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric())
            .last()
            .map_or(at, |(i, _)| i);
        let end = tail
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(flat.len(), |(i, _)| at + i);
        &flat[start..end]
    }

    #[test]
    fn word_around_matches_the_char_definition_at_every_offset() {
        let texts = [
            "res.bodyUsed x",
            "ÉtéÉté(ÉtéÉté) straßeNAME 日本Abc ΣίσυφοςΑ 1aB",
            "",
            "a",
            "—ab—cd—",
        ];
        for t in texts {
            for at in 0..=t.len() + 1 {
                assert_eq!(
                    word_around(t, at),
                    word_around_by_chars(t, at),
                    "{t:?} {at}"
                );
            }
        }
    }

    #[test]
    fn key_matches_the_char_definition() {
        let by_chars = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        for s in [
            "Floods Close Schools!",
            "İstanbul'da ÉTÉ 2024",
            "日本 – Ωμέγα",
            "",
        ] {
            assert_eq!(key(s), by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn cased_chars_are_alphanumeric() {
        // `code_names` tests case alone: it relies on this.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_uppercase() || c.is_lowercase() {
                assert!(c.is_alphanumeric(), "{c:?}");
            }
        }
    }

    #[test]
    fn tex_source_next_to_a_formula_is_dropped() {
        let t = |s: &str| strip_tex(s.to_string());
        assert_eq!(
            t("the product A{\\displaystyle A^{\\mathsf {H}}} is real"),
            "the product A is real"
        );
        assert_eq!(t("cut off x{\\frac {1}{2"), "cut off x");
        assert_eq!(t("sets {a, b} and \\n stay"), "sets {a, b} and \\n stay");
    }

    #[test]
    fn code_names_are_camel_words_printed_as_code() {
        let flat = "Call res.bodyUsed to check; new PortReader() reads it, one PortReader a page. \
            Then bodyUsed is true.SeeAlso the guideFacebookShare at site.frPour \
            New ZealandNew Zealand, New ZealandNew Zealand; streaming onAmazon, onAmazon";
        let names = code_names(flat);
        assert!(names.contains("bodyUsed"));
        assert!(names.contains("PortReader"));
        assert!(!names.contains("SeeAlso") && !names.contains("guideFacebookShare"));
        assert!(!names.contains("frPour") && !names.contains("ZealandNew"));
        assert!(!names.contains("onAmazon"));
        let at = flat.find("Used is").unwrap();
        assert_eq!(word_around(flat, at), "bodyUsed");
    }

    #[test]
    fn a_cut_code_name_joins_with_no_space() {
        let lex = crate::lexicon::Lexicons::builtin();
        let flat = "Streams | Notes\
            The reader keeps a flag, and res.bodyUsed tells whether the body was read already. \
            Once read, bodyUsed stays true and a second read throws an error in every browser.";
        let text = super::super::clean(flat, lex).text();
        assert!(text.contains("Once read, bodyUsed stays true"), "{text}");
        // Two nodes glued by chance keep their space.
        let flat = "Streams | Notes\
            The reader keeps a flag that tells whether the body of the reply was readSome \
            browsers throw an error on a second read of the same body, others do not.";
        let text = super::super::clean(flat, lex).text();
        assert!(text.contains("was read Some browsers"), "{text}");
    }
}
