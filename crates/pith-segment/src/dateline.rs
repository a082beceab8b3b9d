//! Stage: the dateline, the prefix that opens the first body paragraph:
//! `WASHINGTON (Reuters) -`, `BEIRUT (AP) —`, `LONDON, Sept 28 (Reuters) –`,
//! `BUFFALO, N.Y. —`, `DUBAI, United Arab Emirates —`, `(Astana) -`, `(CNN)`,
//! `April 17, 2015 --`. Only the start of the paragraph is looked at, so a place
//! named mid-sentence is never a dateline.

use regex::Regex;

use crate::article::Dateline;
use crate::date::DateParser;
use crate::lexicon::Lexicons;

/// Longest place part accepted, in chars: datelines are short.
const MAX_LOCATION_CHARS: usize = 50;

/// Most words in a title-case place (`Kuala Lumpur`); all-caps places may be longer.
const MAX_TITLE_CASE_WORDS: usize = 3;

/// Finds datelines. Build once.
///
/// ```
/// use pith_segment::{dateline::DatelineFinder, lexicon::Lexicons};
/// let f = DatelineFinder::new(Lexicons::builtin());
/// let (d, rest) = f.find("BEIRUT (AP) — Syrian troops advanced.").unwrap();
/// assert_eq!(d.location.as_deref(), Some("BEIRUT"));
/// assert_eq!(d.agency.as_deref(), Some("AP"));
/// assert_eq!(rest, "Syrian troops advanced.");
/// ```
#[derive(Debug)]
pub struct DatelineFinder {
    lex: &'static Lexicons,
    dates: DateParser,
    paren: &'static Regex,
    plain: &'static Regex,
}

/// `WASHINGTON (Reuters) -`, `(Astana) -`, `(CNN)`: compiled once per process.
static PAREN: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(
        r"^(?P<pre>[^()\n]{0,60}?)\s*\((?P<inner>[^()\n]{1,40})\)\s*(?:(?P<sep>--|—|–|-|:)\s*)?",
    )
    .expect("dateline pattern compiles")
});

/// `BEIRUT -`, `Astana:`: compiled once per process.
static PLAIN: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"^(?P<pre>[^\n]{1,60}?)\s*(?P<sep>--|—|–|\s-\s|:\s)\s*")
        .expect("dateline pattern compiles")
});

impl DatelineFinder {
    /// A finder over these lexicons (the patterns compile on first use, once per process).
    pub fn new(lex: &'static Lexicons) -> DatelineFinder {
        DatelineFinder {
            lex,
            dates: DateParser::new(lex),
            paren: &PAREN,
            plain: &PLAIN,
        }
    }

    /// The dateline at the start of `paragraph`, and the paragraph's text after it.
    pub fn find<'t>(&self, paragraph: &'t str) -> Option<(Dateline, &'t str)> {
        let text = paragraph.trim_start();
        let (dateline, end) = self.parenthesised(text).or_else(|| self.plain(text))?;
        let rest = text.get(end..)?.trim_start();
        // A dateline opens a sentence; the text after it must go on.
        rest.chars().next()?;
        Some((dateline, rest))
    }

    /// `WASHINGTON (Reuters) -`, `(Astana) -`, `(CNN)`.
    fn parenthesised(&self, text: &str) -> Option<(Dateline, usize)> {
        let c = self.paren.captures(text)?;
        let all = c.get(0)?;
        let pre = c.name("pre").map_or("", |m| m.as_str()).trim();
        let inner = c.name("inner")?.as_str().trim();
        let has_sep = c.name("sep").is_some();
        let is_agency = self.lex.is_agency(inner);
        let prefix = text.get(..all.end())?.trim_end().to_string();
        if pre.is_empty() {
            if is_agency {
                return Some((dateline(prefix, None, Some(inner), None), all.end()));
            }
            // NGO style `(Astana) -`: the separator is required, and the place must look like one.
            let place_like = has_sep && self.title_case_place(inner);
            return place_like.then(|| (dateline(prefix, Some(inner), None, None), all.end()));
        }
        if !is_agency {
            return None;
        }
        let (place, date) = self.place_and_date(pre)?;
        Some((dateline(prefix, Some(place), Some(inner), date), all.end()))
    }

    /// `BUFFALO, N.Y. —`, `DUBAI, United Arab Emirates —`, `April 17, 2015 --`.
    fn plain(&self, text: &str) -> Option<(Dateline, usize)> {
        let c = self.plain.captures(text)?;
        let all = c.get(0)?;
        let pre = c.name("pre")?.as_str().trim();
        let sep = c.name("sep")?.as_str().trim();
        let prefix = text.get(..all.end())?.trim_end().to_string();
        if let Some(d) = self.dates.find(pre) {
            let whole = d.start == 0
                && pre
                    .get(d.end..)
                    .is_some_and(|r| r.trim_matches([',', ' ']).is_empty());
            if whole && sep != ":" {
                return Some((dateline(prefix, None, None, Some(pre)), all.end()));
            }
        }
        let (head, _) = pre.split_once(',').unwrap_or((pre, ""));
        let caps = all_caps(head);
        // A colon opens too many ordinary sentences ("Update: ..."): only after an all-caps place.
        if sep == ":" && !caps {
            return None;
        }
        if !caps && !self.title_case_place(head) {
            return None;
        }
        let (place, date) = self.place_and_date(pre)?;
        Some((dateline(prefix, Some(place), None, date), all.end()))
    }

    /// Split `LONDON, Sept 28` into place and date, checking the place's shape.
    fn place_and_date<'p>(&self, pre: &'p str) -> Option<(&'p str, Option<&'p str>)> {
        if pre.chars().count() > MAX_LOCATION_CHARS {
            return None;
        }
        let (place, date) = match pre.rsplit_once(',') {
            Some((p, tail)) if self.dates.month_day_prefix(tail.trim()).is_some() => {
                (p.trim(), Some(tail.trim()))
            }
            _ => (pre, None),
        };
        let (head, tail) = place.split_once(',').unwrap_or((place, ""));
        if !(all_caps(head) || self.title_case_place(head)) {
            return None;
        }
        let tail_ok = tail.split_whitespace().count() <= 4
            && tail
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) || is_particle(w));
        tail_ok.then_some((place, date))
    }

    /// `Kuala Lumpur`, `Astana`: capitalised words, few of them, none a weekday or month.
    fn title_case_place(&self, s: &str) -> bool {
        let words: Vec<&str> = s.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= MAX_TITLE_CASE_WORDS
            && words.iter().all(|w| {
                (w.chars().next().is_some_and(char::is_uppercase) || is_particle(w))
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                    && !self.lex.is_weekday(w)
                    && self.lex.month(w).is_none()
            })
    }
}

fn dateline(
    text: String,
    location: Option<&str>,
    agency: Option<&str>,
    date: Option<&str>,
) -> Dateline {
    Dateline {
        text,
        location: location.map(str::to_string),
        agency: agency.map(str::to_string),
        date: date.map(str::to_string),
    }
}

/// `WASHINGTON`, `NEW YORK`, `ST. LOUIS`: letters all uppercase, at least two of them.
fn all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && s.split_whitespace().count() <= 5
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'))
}

/// Lowercase words that may sit inside a place name (`Rio de Janeiro`).
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "da"
            | "do"
            | "di"
            | "la"
            | "le"
            | "el"
            | "al"
            | "am"
            | "an"
            | "upon"
            | "of"
            | "y"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(s: &str) -> Option<(Dateline, String)> {
        DatelineFinder::new(Lexicons::builtin())
            .find(s)
            .map(|(d, r)| (d, r.to_string()))
    }

    fn parts(s: &str) -> (String, Option<String>, Option<String>, String) {
        let (d, rest) = find(s).unwrap_or_else(|| panic!("no dateline in {s:?}"));
        (d.text, d.location, d.agency, rest)
    }

    #[test]
    fn wire_style_with_agency() {
        let (t, l, a, r) = parts("WASHINGTON (Reuters) - The Senate voted.");
        assert_eq!(
            (t.as_str(), l.as_deref(), a.as_deref(), r.as_str()),
            (
                "WASHINGTON (Reuters) -",
                Some("WASHINGTON"),
                Some("Reuters"),
                "The Senate voted."
            )
        );
        let (t, l, a, _) = parts("BEIRUT (AP) — Syrian troops advanced.");
        assert_eq!(
            (t.as_str(), l.as_deref(), a.as_deref()),
            ("BEIRUT (AP) —", Some("BEIRUT"), Some("AP"))
        );
    }

    #[test]
    fn wire_style_with_date() {
        let (d, rest) = find("LONDON, Sept 28 (Reuters) – Shares fell.").expect("dateline");
        assert_eq!(d.location.as_deref(), Some("LONDON"));
        assert_eq!(d.date.as_deref(), Some("Sept 28"));
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        assert_eq!(rest, "Shares fell.");
    }

    #[test]
    fn place_with_region() {
        let (t, l, a, r) = parts("BUFFALO, N.Y. — Snow fell.");
        assert_eq!(
            (t.as_str(), l.as_deref(), a, r.as_str()),
            ("BUFFALO, N.Y. —", Some("BUFFALO, N.Y."), None, "Snow fell.")
        );
        let (_, l, _, _) = parts("DUBAI, United Arab Emirates — Oil rose.");
        assert_eq!(l.as_deref(), Some("DUBAI, United Arab Emirates"));
        let (_, l, _, _) = parts("SEOUL, South Korea — The vote failed.");
        assert_eq!(l.as_deref(), Some("SEOUL, South Korea"));
    }

    #[test]
    fn ngo_style_place_in_parentheses() {
        let (t, l, a, r) =
            parts("(Astana) - The Kazakh government has violated international law.");
        assert_eq!(
            (t.as_str(), l.as_deref(), a, r.as_str()),
            (
                "(Astana) -",
                Some("Astana"),
                None,
                "The Kazakh government has violated international law."
            )
        );
    }

    #[test]
    fn agency_only() {
        let (t, l, a, r) = parts("(CNN) The next president will face a choice.");
        assert_eq!(
            (t.as_str(), l, a.as_deref(), r.as_str()),
            (
                "(CNN)",
                None,
                Some("CNN"),
                "The next president will face a choice."
            )
        );
        let (_, l, a, _) = parts("(Reuters) — Stocks rose.");
        assert_eq!((l, a.as_deref()), (None, Some("Reuters")));
    }

    #[test]
    fn date_only() {
        let (t, l, a, r) = parts("April 17, 2015 -- Superbugs are spreading.");
        assert_eq!(
            (t.as_str(), l, a, r.as_str()),
            ("April 17, 2015 --", None, None, "Superbugs are spreading.")
        );
    }

    #[test]
    fn title_case_place_with_dash() {
        let (_, l, _, _) = parts("CAIRO — Gunmen opened fire.");
        assert_eq!(l.as_deref(), Some("CAIRO"));
    }

    #[test]
    fn not_a_dateline() {
        assert!(find("The talks in WASHINGTON (Reuters) - went on.").is_none());
        assert!(
            find("Officials in Cairo said the attack — the worst in years — was planned.")
                .is_none()
        );
        assert!(find("Update: the vote was delayed.").is_none());
        assert!(find("(Photo by Jane Roe) A man walks.").is_none());
        assert!(
            find("President Dana Whitfield has admitted that his failure — to pass laws.")
                .is_none()
        );
        assert!(find("Monday — the vote.").is_none());
        assert!(find("U.S.-Israeli relations are strained.").is_none());
    }
}
