//! The byline near the headline: `By` + `Jane Doe` (two nodes), `By Jane
//! Doe` (one), a date line ending in the prefix (`July 27, 2017By` +
//! `Jane Doe`), or a bare name glued right before or after the date line.
//! Prefixes come from `lexicons/<lang>/byline_prefixes.txt`.

use rustc_hash::FxHashSet;

use super::classify::Label;
use super::segments::Segment;
use super::weights::{BYLINE_MAX_NAME_WORDS, BYLINE_WINDOW};

/// Words that join two names, glued to the first name's end when the
/// scraper dropped the space (`Jane Doeand` + `John Roe`).
const JOINERS: [&str; 5] = ["and", "und", "et", "y", "e"];

/// The byline prefixes, case-folded.
#[derive(Debug, Default)]
pub struct Prefixes {
    words: FxHashSet<String>,
    /// The longest, in bytes.
    longest: usize,
}

/// The longest ASCII text [`Prefixes::is_prefix`] folds on the stack.
const FOLD_BUF: usize = 64;

impl Prefixes {
    /// Build from the merged `byline_prefixes` word list.
    pub fn new(words: &[String]) -> Prefixes {
        let words: FxHashSet<String> = words.iter().map(|w| w.trim().to_lowercase()).collect();
        let longest = words.iter().map(String::len).max().unwrap_or(0);
        Prefixes { words, longest }
    }

    /// True when `text` is a prefix alone (`By`, `By:`).
    fn is_prefix(&self, text: &str) -> bool {
        let t = text.trim().trim_end_matches(':').trim();
        // Lowercasing keeps at least a quarter of a char's bytes (four at
        // most, one at least): a longer text is no prefix.
        if t.len() > 4 * self.longest {
            return false;
        }
        if t.is_ascii() && t.len() <= FOLD_BUF {
            let mut buf = [0u8; FOLD_BUF];
            let low = &mut buf[..t.len()];
            low.copy_from_slice(t.as_bytes());
            low.make_ascii_lowercase();
            return std::str::from_utf8(low).is_ok_and(|l| self.words.contains(l));
        }
        self.words.contains(&t.to_lowercase())
    }

    /// The rest of `text` after a leading prefix and a space (`By Jane Doe`).
    fn strip<'t>(&self, text: &'t str) -> Option<&'t str> {
        let mut end = 0;
        for (i, c) in text.char_indices() {
            if c == ' ' && self.is_prefix(&text[..i]) {
                end = i;
            }
            if i > 40 {
                break;
            }
        }
        (end > 0).then(|| text[end..].trim_start())
    }

    /// True when `text` ends with a prefix glued to a digit or after a space
    /// (`July 27, 2017By`).
    fn ends_with_prefix(&self, text: &str) -> bool {
        let word_start = text
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(text.len(), |(i, _)| i);
        let before = text[..word_start].chars().next_back();
        word_start < text.len()
            && before.is_some_and(|c| c.is_ascii_digit() || c == ' ')
            && self.is_prefix(&text[word_start..])
    }
}

/// True when `text` is shaped like a person's name (`Jane Doe`, `Brenda
/// Goodman, MA`, `Jane Doeand`): one to [`BYLINE_MAX_NAME_WORDS`] words,
/// every word capitalised but particles (`de`, `van`), no digits, no stop.
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    !words.is_empty()
        && words.len() <= BYLINE_MAX_NAME_WORDS
        && words.iter().filter(|w| capitalised(w)).count() * 2 > words.len()
        && words.first().is_some_and(|w| capitalised(w))
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || "!?|:@/".contains(c))
        && !text.trim_end().ends_with('.')
}

/// `Jane Doeand` -> `Jane Doe and`: a joiner glued to a name's last word.
fn unglue_joiner(name: &str) -> Option<String> {
    let last = name.split_whitespace().next_back()?;
    JOINERS.iter().find_map(|j| {
        let stem = last.strip_suffix(j)?;
        let upper_stem = stem.chars().next().is_some_and(char::is_uppercase);
        (stem.chars().count() >= 2 && upper_stem).then(|| {
            let head = &name[..name.len() - j.len()];
            format!("{head} {j}")
        })
    })
}

/// The byline found near the front: its segments (first and last,
/// inclusive) and its text as one line (`By Jane Doe`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// First segment.
    pub first: usize,
    /// Last segment.
    pub last: usize,
    /// The byline as one line.
    pub text: String,
}

/// Find the byline within [`BYLINE_WINDOW`] segments of the anchors (the
/// headline, the date line, the article start), among segments that are not
/// prose and not `taken` by other front matter.
pub fn find(
    flat: &str,
    segs: &[Segment],
    labels: &[Label],
    anchors: &[usize],
    date: Option<usize>,
    taken: &[usize],
    prefixes: &Prefixes,
) -> Option<Byline> {
    let text = |i: usize| {
        segs.get(i)
            .and_then(|s| flat.get(s.start..s.end))
            .unwrap_or("")
    };
    let lo = anchors.iter().min()?.saturating_sub(BYLINE_WINDOW);
    let hi = (anchors.iter().max()? + BYLINE_WINDOW).min(segs.len().saturating_sub(1));
    let free = |i: usize| i < segs.len() && !taken.contains(&i) && labels[i] != Label::Content;
    let name_at = |i: usize| free(i) && labels[i] == Label::Short && is_name(text(i));
    for i in (lo..=hi).filter(|&i| free(i) || Some(i) == date) {
        let t = text(i);
        // `By` + `Jane Doe`, or a date line ending in `By` + `Jane Doe`.
        let alone = prefixes.is_prefix(t);
        if (alone || prefixes.ends_with_prefix(t)) && name_at(i + 1) {
            let first = if alone { i } else { i + 1 };
            let mut last = i + 1;
            let mut line = format!("{} {}", prefix_word(t), text(i + 1));
            if let Some(joined) = unglue_joiner(text(i + 1)).filter(|_| name_at(i + 2)) {
                line = format!("{} {joined} {}", prefix_word(t), text(i + 2));
                last = i + 2;
            }
            return Some(Byline {
                first,
                last,
                text: line,
            });
        }
        // `By Jane Doe` in one piece, maybe with a handle (`@janedoe`).
        let name = prefixes
            .strip(t)
            .map(|n| n.split(['@', '|']).next().unwrap_or("").trim_end());
        if Some(i) != date && name.is_some_and(is_name) {
            let name = name.unwrap_or("");
            let prefix = t.get(..t.len() - t.trim_start().len()).unwrap_or("");
            let line = t.find(name).map_or(t, |at| &t[..at + name.len()]);
            return Some(Byline {
                first: i,
                last: i,
                text: format!("{prefix}{line}"),
            });
        }
    }
    // A bare name next to the date line: between the headline and the date
    // first, then right after the date, then right before it.
    let d = date?;
    let head = anchors.iter().copied().filter(|&a| a < d).min();
    head.map_or(d..d, |h| h + 1..d)
        .chain([d + 1, d.saturating_sub(1)])
        .find(|&i| name_at(i) && text(i).split_whitespace().count() >= 2)
        .map(|i| Byline {
            first: i,
            last: i,
            text: text(i).to_string(),
        })
}

/// The prefix word at the end of `text` (`By` of `July 27, 2017By`), or
/// `text` itself when it is the prefix alone.
fn prefix_word(text: &str) -> &str {
    let t = text.trim().trim_end_matches(':').trim_end();
    let start = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == ' ')
        .last()
        .map_or(0, |(i, _)| i);
    t[start..].trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segments::Features;

    fn prefixes() -> Prefixes {
        Prefixes::new(&["by".into(), "von".into(), "par".into()])
    }

    #[test]
    fn is_prefix_folds_as_to_lowercase_does() {
        let words: Vec<String> = ["by", "von", "Écrit par", "İle"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let p = Prefixes::new(&words);
        let folded: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let by_alloc = |t: &str| {
            let t = t.trim().trim_end_matches(':').trim();
            folded.contains(&t.to_lowercase())
        };
        let long = "By ".repeat(40);
        for t in [
            "By",
            " BY: ",
            "by:",
            "Von",
            "ÉCRIT PAR",
            "écrit par:",
            "İLE",
            "ile",
            "Byline",
            "",
            ":",
            long.as_str(),
            "By Jane Doe",
        ] {
            assert_eq!(p.is_prefix(t), by_alloc(t), "{t:?}");
        }
    }

    /// Segments of `pieces` glued together, labelled Date, Content (sentences) or Short.
    fn page(pieces: &[&str]) -> (String, Vec<Segment>, Vec<Label>) {
        let (flat, segs) = crate::text::segments::glued(pieces.iter().copied());
        let labels = pieces
            .iter()
            .map(|p| {
                if p.contains("2024") {
                    Label::Date("2024-05-02".into())
                } else if crate::text::classify::is_sentence(&Features::of(p)) {
                    Label::Content
                } else {
                    Label::Short
                }
            })
            .collect();
        (flat, segs, labels)
    }

    fn run(pieces: &[&str], headline: usize, date: Option<usize>) -> Option<Byline> {
        let (flat, segs, labels) = page(pieces);
        let taken: Vec<usize> = std::iter::once(headline).chain(date).collect();
        find(&flat, &segs, &labels, &taken, date, &taken, &prefixes())
    }

    #[test]
    fn prefix_and_name_in_two_pieces() {
        let b = run(
            &[
                "Menu",
                "Owls Return to the Valley",
                "By",
                "Mara Lindqvist",
                "May 2, 2024",
                "The owls came back in spring after a decade away, wardens said.",
            ],
            1,
            Some(4),
        );
        assert_eq!(
            b,
            Some(Byline {
                first: 2,
                last: 3,
                text: "By Mara Lindqvist".into()
            })
        );
    }

    #[test]
    fn one_piece_glued_joiner_and_date_prefix() {
        let b = run(
            &["Owls Return", "Von Anna Berger", "May 2, 2024"],
            0,
            Some(2),
        );
        assert_eq!(b.map(|b| b.text), Some("Von Anna Berger".into()));
        let b = run(&["Owls Return", "by Anna Berger@anna_b", "Home"], 0, None);
        assert_eq!(b.map(|b| b.text), Some("by Anna Berger".into()));
        let b = run(
            &[
                "Owls Return",
                "By",
                "Mara Lindqvistand",
                "Tom Reyes",
                "Home",
            ],
            0,
            None,
        );
        assert_eq!(
            b.map(|b| (b.last, b.text)),
            Some((3, "By Mara Lindqvist and Tom Reyes".into()))
        );
        let b = run(
            &["Owls Return", "Published May 2, 2024By", "Mara Lindqvist"],
            0,
            Some(1),
        );
        assert_eq!(
            b,
            Some(Byline {
                first: 2,
                last: 2,
                text: "By Mara Lindqvist".into()
            })
        );
    }

    #[test]
    fn bare_name_only_next_to_the_date() {
        let b = run(
            &["Owls Return", "Mara Lindqvist", "May 2, 2024"],
            0,
            Some(2),
        );
        assert_eq!(b.map(|b| b.first), Some(1));
        // Between headline and date first: the agency after the name is not it.
        let b = run(
            &[
                "Owls Return",
                "MARA LINDQVIST",
                "Valley Press",
                "May 2, 2024",
            ],
            0,
            Some(3),
        );
        assert_eq!(b.map(|b| b.text), Some("MARA LINDQVIST".into()));
        // A menu item near the headline is not a name without a prefix or a date.
        assert_eq!(
            run(&["Owls Return", "Local News", "Weather"], 0, None),
            None
        );
        // A prefix followed by prose is not a byline.
        assert_eq!(
            run(
                &[
                    "Owls Return",
                    "By",
                    "the river the owls nested again this year, wardens said."
                ],
                0,
                None
            ),
            None
        );
    }
}
