//! Label each segment from its own text: sentence, short piece, date line, or
//! boilerplate (by multilingual lexicon or by shape), with evidence.

use super::boundary::is_unspaced;
use super::date::{find_date, Months};
use super::phrases::{PhraseMatcher, Scratch};
use super::segments::{Features, Segment};
use super::weights::*;
use crate::classify::evidence::{Evidence, Shape};
use crate::classify::kind::BoilerplateKind;

/// What a segment is, judged from its own text.
#[derive(Debug, Clone, PartialEq)]
pub enum Label {
    /// Sentence-like text.
    Content,
    /// A sentence holding a phrase of a strong boilerplate list: kept inside the
    /// article, cut at its edges.
    Tainted {
        /// The list's kind.
        kind: BoilerplateKind,
        /// The phrase.
        evidence: Vec<Evidence>,
    },
    /// A short piece: menu item, heading, piece of prose around an inline link.
    Short,
    /// A date line, with the date read as ISO.
    Date(String),
    /// Boilerplate.
    Boiler {
        /// What kind.
        kind: BoilerplateKind,
        /// Why.
        evidence: Vec<Evidence>,
    },
}

impl Label {
    /// The segment's weight for the article span: prose adds, the rest costs.
    pub fn weight(&self, f: &Features) -> f32 {
        // A CJK or Thai char carries about a word: count it twice.
        let chars = (f.chars + f.unspaced) as f32;
        match self {
            Label::Content => chars * CONTENT_PER_CHAR - CONTENT_COST,
            Label::Tainted { .. } => -chars * TAINTED_PER_CHAR,
            Label::Short if is_menu_item(f) => -SHORT_COST,
            Label::Short => -FRAGMENT_COST,
            Label::Date(_) => -DATE_COST,
            Label::Boiler {
                kind: BoilerplateKind::Comments,
                ..
            } => -chars - BOILER_COST - COMMENT_COST,
            // An ad slot's label ("Advertisement") sits between paragraphs
            // of the article: it costs what a short piece costs.
            Label::Boiler {
                kind: BoilerplateKind::Advertisement,
                ..
            } if f.words <= AD_LABEL_MAX_WORDS => -SHORT_COST,
            Label::Boiler { .. } => -chars - BOILER_COST,
        }
    }

    /// True for boilerplate.
    pub fn is_boiler(&self) -> bool {
        matches!(self, Label::Boiler { .. })
    }
}

/// Lists whose phrases are rare in article prose, so one match in a short
/// segment decides it.
fn is_strong_list(list: &str) -> bool {
    matches!(
        list,
        "cookie_consent"
            | "donation"
            | "newsletter_signup"
            | "skip_link"
            | "share_widget"
            | "social_follow"
            | "language_menu"
    )
}

/// A phrase of several words (or of three or more chars in a script written
/// without spaces).
fn is_phrase_of_words(phrase: &str) -> bool {
    phrase.contains(' ') || (phrase.chars().all(is_unspaced) && phrase.chars().count() >= 3)
}

/// The first `max` bytes of `text` or fewer, cut at a char boundary.
fn head(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A short piece that looks like a menu item: few words, mostly capitalised,
/// closed at both ends (no lowercase start, no stop, no lowercase last word).
pub fn is_menu_item(f: &Features) -> bool {
    f.words <= MENU_ITEM_MAX_WORDS
        && f.capital_share() >= 0.5
        && !f.ends_with_stop
        && !f.open_end
        && !f.starts_lower
}

/// True when the shape reads as a sentence or prose, not a title or a menu item.
pub fn is_sentence(f: &Features) -> bool {
    if f.separators >= MENU_MIN_ITEMS && f.chars < f.separators * MENU_ITEM_MAX_CHARS {
        return false; // "Home | News | Sport | ..."
    }
    if f.unspaced * 2 > f.letters {
        return f.unspaced >= UNSPACED_PROSE_CHARS
            || (f.unspaced >= UNSPACED_SENTENCE_CHARS && f.stops > 0);
    }
    let titled = f.capital_share() > TITLE_CASE_SHARE;
    (f.words >= SENTENCE_MIN_WORDS && f.ends_with_stop && f.capital_share() < 0.7)
        || (f.words >= PROSE_MIN_WORDS && !titled)
}

/// Label one segment.
///
/// `scratch` holds buffers reused from segment to segment.
pub fn label<'m>(
    text: &str,
    f: &Features,
    phrases: &'m PhraseMatcher,
    months: &Months,
    scratch: &mut Scratch<'m>,
) -> Label {
    if f.letters == 0 && f.currency > 0 {
        return Label::Boiler {
            kind: BoilerplateKind::Donation,
            evidence: vec![Evidence::Shape {
                shape: Shape::PriceList,
            }],
        };
    }
    if f.words <= DATE_LINE_MAX_WORDS && f.digits >= 4 {
        if let Some(iso) = find_date(text, months) {
            return Label::Date(iso);
        }
    }
    if is_time_stamp(text) {
        return Label::Boiler {
            kind: BoilerplateKind::RelatedContent,
            evidence: vec![Evidence::Shape {
                shape: Shape::DatedHeadlines,
            }],
        };
    }
    if is_copyright_line(text, f) {
        return Label::Boiler {
            kind: BoilerplateKind::Footer,
            evidence: vec![Evidence::Shape {
                shape: Shape::CopyrightLine,
            }],
        };
    }
    let sentence = is_sentence(f);
    // Long prose is searched only at its head, where a banner states what it
    // is ("We use cookies and similar technologies to ...").
    let searched = if f.words <= PHRASE_MAX_WORDS {
        text
    } else {
        head(text, PHRASE_HEAD_BYTES)
    };
    if let Some(cover) = phrases.cover_in(searched, scratch) {
        let share = cover.share * searched.len() as f32 / text.len().max(1) as f32;
        let list = cover.list;
        // One common word ("Share", "Donate") can be prose; a phrase rarely is.
        let strong =
            is_strong_list(list) && cover.entries().iter().any(|e| is_phrase_of_words(e.phrase));
        let decides = share >= PHRASE_COVER || (strong && f.words <= STRONG_PHRASE_MAX_WORDS);
        if let Some(kind) = BoilerplateKind::from_name(list) {
            if decides || (sentence && strong) {
                let mut evidence = cover.evidence();
                if kind == BoilerplateKind::LanguageMenu {
                    evidence.push(Evidence::Shape {
                        shape: Shape::LanguageNames,
                    });
                }
                return if decides {
                    Label::Boiler { kind, evidence }
                } else {
                    Label::Tainted { kind, evidence }
                };
            }
        }
    }
    if sentence && !is_truncated_teaser(text, f) {
        Label::Content
    } else {
        Label::Short
    }
}

/// A copyright notice (`Copyright © 2002–2015 The Company`, `Portions
/// are ©1998–2015 by contributors`): `©` and a year, in at most
/// [`PHRASE_MAX_WORDS`] words. It closes a page, not an article.
///
/// ```
/// use pith_clean::text::{classify::is_copyright_line, segments::Features};
/// let t = "Copyright © 2015 Harbour Press. All rights reserved.";
/// assert!(is_copyright_line(t, &Features::of(t)));
/// let c = "A ferry at dawn. © Harbour Press";
/// assert!(!is_copyright_line(c, &Features::of(c)));
/// ```
#[inline]
pub fn is_copyright_line(text: &str, f: &Features) -> bool {
    // Most segments fail the shape test: answered here, inlined.
    f.words <= PHRASE_MAX_WORDS && f.digits >= 4 && holds_copyright(text)
}

/// [`is_copyright_line`] past its shape test: `©`, then a year.
#[inline(never)]
fn holds_copyright(text: &str) -> bool {
    let Some(at) = text.find('©') else {
        return false;
    };
    let year = |w: &[u8]| {
        w.iter().all(u8::is_ascii_digit) && (w.starts_with(b"19") || w.starts_with(b"20"))
    };
    text.as_bytes()
        .get(at..)
        .is_some_and(|tail| tail.windows(4).any(year))
}

/// A short text cut off with an ellipsis right after a word (`Ten ways to
/// fix a bike…`) is a teaser truncated to fit a list, not a sentence.
fn is_truncated_teaser(text: &str, f: &Features) -> bool {
    let t = text.trim_end();
    let cut = t
        .strip_suffix('…')
        .or_else(|| t.strip_suffix("..."))
        .and_then(|head| head.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    cut && f.words <= TEASER_MAX_WORDS
}

/// True when `text` opens with a clock time that stands as its own node:
/// alone (`14:05`, `6:32 PM`) or glued to the item it stamps
/// (`14:05Storm closes the port`). A feed of such stamps (a live ticker,
/// a comment thread) follows articles; prose does not open on a bare time.
///
/// ```
/// use pith_clean::text::classify::is_time_stamp;
/// assert!(is_time_stamp("14:05"));
/// assert!(is_time_stamp("9:41 pm"));
/// assert!(is_time_stamp("14:05Storm closes the port"));
/// assert!(!is_time_stamp("14:05 is when the ferry leaves."));
/// assert!(!is_time_stamp("At 14:05 the ferry left."));
/// ```
#[inline]
pub fn is_time_stamp(text: &str) -> bool {
    // Most segments start with an ASCII byte that is no digit and no
    // space: answered here, inlined, with no trim.
    match text.as_bytes().first() {
        Some(&b) if b.is_ascii() && !b.is_ascii_digit() && !char::from(b).is_whitespace() => false,
        _ => is_time_stamp_trimmed(text),
    }
}

/// [`is_time_stamp`] past its first test.
#[inline(never)]
fn is_time_stamp_trimmed(text: &str) -> bool {
    // Most segments do not start with a digit: no need to trim their end.
    if !text.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let b = text.trim().as_bytes();
    let hour = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let clock = (1..=2).contains(&hour)
        && b.get(hour) == Some(&b':')
        && b.get(hour + 1..hour + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit));
    if !clock {
        return false;
    }
    let rest = &text.trim()[hour + 3..];
    rest.is_empty()
        || rest.starts_with(|c: char| c.is_alphabetic())
        || matches!(
            rest.trim().to_ascii_lowercase().as_str(),
            "am" | "pm" | "a.m." | "p.m."
        )
}

/// Label every segment of `flat`.
pub fn label_all(
    flat: &str,
    segs: &[Segment],
    phrases: &PhraseMatcher,
    months: &Months,
) -> Vec<Label> {
    let mut scratch = Scratch::default();
    let mut labels: Vec<Label> = segs
        .iter()
        .map(|s| {
            let text = flat.get(s.start..s.end).unwrap_or("");
            label(text, &s.shape, phrases, months, &mut scratch)
        })
        .collect();
    fill_price_gaps(segs, &mut labels);
    labels
}

/// A one- or two-word piece between two amounts is part of the price list
/// (`$500` `Other` `$`).
fn fill_price_gaps(segs: &[Segment], labels: &mut [Label]) {
    let is_price = |l: &Label| {
        matches!(l, Label::Boiler { evidence, .. }
            if evidence.first() == Some(&Evidence::Shape { shape: Shape::PriceList }))
    };
    for i in 1..labels.len().saturating_sub(1) {
        if labels[i] == Label::Short
            && segs[i].shape.words <= 2
            && is_price(&labels[i - 1])
            && is_price(&labels[i + 1])
        {
            labels[i] = labels[i - 1].clone();
        }
    }
}

/// The pieces of teaser cards: a short title printed twice or more in a
/// row (an image's alt text, the link, the heading: `Ten quiet harbours`
/// `Ten quiet harbours` `Ten quiet harbou`, a copy may be cut short), and
/// the teaser cut off with an ellipsis right after it. An article prints
/// a line twice at most for a figure's caption, with no teaser after it.
pub fn card_pieces(flat: &str, segs: &[Segment], labels: &[Label]) -> Vec<usize> {
    let text = |i: usize| flat.get(segs[i].start..segs[i].end).unwrap_or("");
    let copies = |a: &str, b: &str| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        long.starts_with(short) && short.chars().count() >= CARD_TITLE_MIN_CHARS
    };
    let mut out = Vec::new();
    let mut i = 1;
    while i < segs.len() {
        let titled = |j: usize| labels[j] == Label::Short && labels[j - 1] == Label::Short;
        if !(titled(i) && copies(text(i - 1), text(i))) {
            i += 1;
            continue;
        }
        let first = i - 1;
        while i + 1 < segs.len() && titled(i + 1) && copies(text(i), text(i + 1)) {
            i += 1;
        }
        let teaser = i + 1 < segs.len() && {
            let next = text(i + 1).trim_end();
            next.ends_with('…') || next.ends_with("...")
        };
        // A figure's caption printed under its image twice is not a card:
        // a card ends on its truncated teaser.
        if teaser {
            out.extend(first..=i + 1);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(text: &str) -> Label {
        let lex = crate::lexicon::Lexicons::builtin();
        let months = Months::new(lex.words("months"));
        let phrases = PhraseMatcher::new(lex);
        label(
            text,
            &Features::of(text),
            &phrases,
            &months,
            &mut Scratch::default(),
        )
    }

    #[test]
    fn ad_label_costs_a_short_piece_and_clock_stamps_are_feed_items() {
        let ad = lab("Advertisement");
        assert!(matches!(
            ad,
            Label::Boiler {
                kind: BoilerplateKind::Advertisement,
                ..
            }
        ));
        assert_eq!(ad.weight(&Features::of("Advertisement")), -SHORT_COST);
        assert!(matches!(
            lab("13:20Ferry timetable changes for winter"),
            Label::Boiler {
                kind: BoilerplateKind::RelatedContent,
                ..
            }
        ));
        assert_eq!(
            lab("At 13:20 the ferry left the harbour for the last time."),
            Label::Content
        );
        // A teaser cut to fit a list is not a sentence; a trailing-off
        // quote after a stop is.
        assert_eq!(
            lab("Ten quiet harbours you can still visit in winter without…"),
            Label::Short
        );
        assert_eq!(
            lab("The ferry left the harbour, and the town went quiet again. ..."),
            Label::Content
        );
    }

    #[test]
    fn time_stamps_read_past_leading_spaces_of_any_kind() {
        for (t, want) in [
            (" 14:05", true),
            ("\u{a0}14:05", true),
            ("\u{2003}9:41 pm", true),
            ("\u{b}14:05Storm closes the port", true),
            ("\t14:05 is when the ferry leaves.", false),
            ("x14:05", false),
            ("é14:05", false),
            ("", false),
        ] {
            assert_eq!(is_time_stamp(t), want, "{t:?}");
        }
    }

    #[test]
    fn titles_printed_twice_in_a_row_are_cards() {
        let pieces = [
            (
                "The ferry left at dawn and the town went quiet again.",
                Label::Content,
            ),
            ("Ten Quiet Harbours to Visit", Label::Short),
            ("Ten Quiet Harbours to Visit", Label::Short),
            ("Ten Quiet Harbours to Vi", Label::Short),
            ("Some harbours stay open all winter, and…", Label::Content),
            ("The council met on Thursday.", Label::Content),
            ("Lorem ipsum dolor", Label::Short),
            ("Lorem ipsum dolor", Label::Content),
            ("A harbour at dawn, seen from the pier", Label::Short),
            ("A harbour at dawn, seen from the pier", Label::Short),
            ("The ferry left.", Label::Content),
        ];
        let (flat, segs) = super::super::segments::glued(pieces.iter().map(|(p, _)| *p));
        let labels: Vec<Label> = pieces.iter().map(|(_, l)| l.clone()).collect();
        assert_eq!(card_pieces(&flat, &segs, &labels), [1, 2, 3, 4]);
    }

    #[test]
    fn labels_by_lexicon_shape_and_sentence() {
        assert!(matches!(
            lab("Share this via Facebook"),
            Label::Boiler {
                kind: BoilerplateKind::ShareWidget,
                ..
            }
        ));
        assert!(matches!(
            lab("$250"),
            Label::Boiler {
                kind: BoilerplateKind::Donation,
                ..
            }
        ));
        assert!(matches!(
            lab("Deutsch"),
            Label::Boiler {
                kind: BoilerplateKind::LanguageMenu,
                ..
            }
        ));
        assert_eq!(
            lab("June 10, 2011 12:00AM EDT"),
            Label::Date("2011-06-10".into())
        );
        assert_eq!(
            lab("The forced returns on June 9, 2011, signal a disturbing willingness."),
            Label::Content
        );
        assert_eq!(lab("Videos & Photos"), Label::Short);
        assert_eq!(
            lab("Moldavia: Open Letter to the Interior Minister on 14 Detained Reporters"),
            Label::Short
        );
        assert!(matches!(
            lab("Your tax deductible gift can help stop human rights violations and save lives around the world."),
            Label::Tainted { kind: BoilerplateKind::Donation, .. }
        ));
    }
}
