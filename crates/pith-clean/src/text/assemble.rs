//! Assemble the result: body paragraphs from the kept segments, front-matter
//! blocks with hints, removals grouped into runs with kind and evidence, and
//! metadata (title, site, date, tags).

use super::code_names::CodeNames;

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
    use super::*;

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
