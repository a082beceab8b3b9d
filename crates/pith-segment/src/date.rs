//! Stage: the publication date. Parses visible date lines in English, German,
//! French and Spanish forms (month names come from `lexicons/<lang>/months.txt`)
//! and chooses between the visible date and the metadata date.

use regex::Regex;

use crate::lexicon::Lexicons;

/// A date found in a text, with where it stands (byte offsets).
///
/// ```
/// use pith_segment::date::DateParser;
/// let p = DateParser::new(pith_segment::lexicon::Lexicons::builtin());
/// let d = p.find("June 10, 2011 12:00AM EDT").unwrap();
/// assert_eq!(d.iso(), "2011-06-10T00:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// Four-digit year.
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
    /// Hour (24 h) and minute, when printed.
    pub time: Option<(u8, u8)>,
    /// Byte offset of the date's first char.
    pub start: usize,
    /// Byte offset just past the date (and its time).
    pub end: usize,
}

impl FoundDate {
    /// `YYYY-MM-DD`, with `THH:MM` when a time was printed.
    pub fn iso(&self) -> String {
        let date = self.iso_date();
        match self.time {
            Some((h, m)) => format!("{date}T{h:02}:{m:02}"),
            None => date,
        }
    }

    /// `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Finds dates in text. Build once: it compiles its patterns from the month lexicon.
///
/// ```
/// use pith_segment::{date::DateParser, lexicon::Lexicons};
/// let p = DateParser::new(Lexicons::builtin());
/// assert_eq!(p.find("10. Juni 2011").unwrap().iso(), "2011-06-10");
/// assert_eq!(p.find("10 de junio de 2011").unwrap().iso(), "2011-06-10");
/// ```
#[derive(Debug)]
pub struct DateParser {
    lex: &'static Lexicons,
    patterns: &'static Patterns,
}

/// The date patterns, compiled once per process (about 70 million instructions,
/// mostly the Unicode letter class) and shared by every parser.
#[derive(Debug)]
struct Patterns {
    iso: Regex,
    month_first: Regex,
    day_first: Regex,
    month_day: Regex,
    time: Regex,
}

static PATTERNS: std::sync::LazyLock<Patterns> = std::sync::LazyLock::new(|| {
    let month = r"(?P<m>\p{L}{3,10})\.?";
    let day = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er)?";
    let year = r"(?P<y>(?:1[89]|20)\d{2})";
    let build = |p: String| Regex::new(&p).expect("date pattern compiles");
    Patterns {
        iso: build(r"\b(?P<y>(?:1[89]|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<min>\d{2}))?".into()),
        month_first: build(format!(r"(?i)\b{month}\s+{day},?\s+{year}")),
        day_first: build(format!(r"(?i)(?:^|[^\d]){day}\.?\s+(?:de\s+)?{month}\s+(?:de\s+)?,?\s*{year}")),
        month_day: build(format!(r"(?i)^{month}\s+{day}\b")),
        time: build(r"(?i)^\s*(?:,|at|um|à|a las|\|)?\s*(?P<h>\d{1,2})[:.h](?P<min>\d{2})\s*(?P<ap>[ap]\.?m\.?)?".into()),
    }
});

impl DateParser {
    /// A parser over these lexicons (the patterns compile on first use, once per process).
    pub fn new(lex: &'static Lexicons) -> DateParser {
        DateParser {
            lex,
            patterns: &PATTERNS,
        }
    }

    /// The first date in `text`, if any.
    pub fn find(&self, text: &str) -> Option<FoundDate> {
        let mut best: Option<FoundDate> = None;
        for found in [
            self.find_iso(text),
            self.find_named(text, &self.patterns.month_first),
            self.find_named(text, &self.patterns.day_first),
        ]
        .into_iter()
        .flatten()
        {
            if best.map_or(true, |b| found.start < b.start) {
                best = Some(found);
            }
        }
        best
    }

    /// Every date in `text`, in order.
    pub fn find_all(&self, text: &str) -> Vec<FoundDate> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(rest) = text.get(from..) {
            let Some(mut d) = self.find(rest) else { break };
            d.start += from;
            d.end += from;
            from = d.end.max(d.start + 1);
            out.push(d);
        }
        out
    }

    /// A month-and-day without year at the start of `text` (`Sept 28`), as the
    /// byte length it covers. Used for dateline dates.
    pub fn month_day_prefix(&self, text: &str) -> Option<usize> {
        let c = self.patterns.month_day.captures(text)?;
        self.lex.month(c.name("m")?.as_str())?;
        Some(c.get(0)?.end())
    }

    fn find_iso(&self, text: &str) -> Option<FoundDate> {
        for c in self.patterns.iso.captures_iter(text) {
            let (Some(all), Some(y), Some(m), Some(d)) =
                (c.get(0), c.name("y"), c.name("m"), c.name("d"))
            else {
                continue;
            };
            let time = match (c.name("h"), c.name("min")) {
                (Some(h), Some(mi)) => h.as_str().parse().ok().zip(mi.as_str().parse().ok()),
                _ => None,
            };
            if let Some(found) = make(
                y.as_str(),
                m.as_str().parse().ok(),
                d.as_str(),
                time,
                all.start(),
                all.end(),
            ) {
                return Some(found);
            }
        }
        None
    }

    fn find_named(&self, text: &str, re: &Regex) -> Option<FoundDate> {
        // Both patterns end in a year that opens with 18, 19 or 20: without
        // those digits the regex has nothing to find, and skipping it is cheap.
        let century = |w: &[u8]| matches!(w, [b'1', b'8' | b'9'] | [b'2', b'0']);
        if !text.as_bytes().windows(2).any(century) {
            return None;
        }
        for c in re.captures_iter(text) {
            let (Some(all), Some(y), Some(m), Some(d)) =
                (c.get(0), c.name("y"), c.name("m"), c.name("d"))
            else {
                continue;
            };
            let month = self.lex.month(m.as_str());
            let start = all.start().max(d.start().min(m.start()));
            let Some(mut found) = make(y.as_str(), month, d.as_str(), None, start, all.end())
            else {
                continue;
            };
            if let Some((time, len)) = text
                .get(found.end..)
                .and_then(|rest| self.time_prefix(rest))
            {
                found.time = Some(time);
                found.end += len;
            }
            return Some(found);
        }
        None
    }

    fn time_prefix(&self, rest: &str) -> Option<((u8, u8), usize)> {
        let c = self.patterns.time.captures(rest)?;
        let mut h: u8 = c.name("h")?.as_str().parse().ok()?;
        let m: u8 = c.name("min")?.as_str().parse().ok()?;
        if let Some(ap) = c.name("ap") {
            let pm = ap.as_str().to_lowercase().starts_with('p');
            h = match (pm, h) {
                (true, 1..=11) => h + 12,
                (false, 12) => 0,
                _ => h,
            };
        }
        (h < 24 && m < 60).then_some(((h, m), c.get(0)?.end()))
    }
}

fn make(
    y: &str,
    month: Option<u8>,
    d: &str,
    time: Option<(u8, u8)>,
    start: usize,
    end: usize,
) -> Option<FoundDate> {
    let year: u16 = y.parse().ok()?;
    let month = month.filter(|m| (1..=12).contains(m))?;
    let day: u8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
    let time = time.filter(|&(h, m)| h < 24 && m < 60);
    Some(FoundDate {
        year,
        month,
        day,
        time,
        start,
        end,
    })
}

/// Choose the publication date: the earliest of the visible dates and the
/// metadata date, since first publication precedes every update a page may
/// print ("Updated ...") or stamp in its metadata. When the metadata names that
/// same day, its value is kept for its time.
pub fn choose(visible: &[FoundDate], metadata: Option<&str>) -> Option<String> {
    let meta = metadata.map(str::trim).filter(|m| !m.is_empty());
    let meta_day = meta.and_then(|m| m.get(..10)).and_then(parse_iso_day);
    let earliest = visible
        .iter()
        .map(|d| (d.year, d.month, d.day))
        .chain(meta_day)
        .min()?;
    if meta_day == Some(earliest) {
        return meta.map(str::to_string);
    }
    visible
        .iter()
        .filter(|d| (d.year, d.month, d.day) == earliest)
        .min_by_key(|d| d.time)
        .map(FoundDate::iso)
}

/// `YYYY-MM-DD` as numbers.
fn parse_iso_day(s: &str) -> Option<(u16, u8, u8)> {
    let mut parts = s.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts
        .next()?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let d = parts
        .next()?
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some((y, m, d))
}

impl DateParser {
    /// A date in a URL path: `/2015/03/18/` or `/2019/jan/03/`.
    ///
    /// ```
    /// use pith_segment::{date::DateParser, lexicon::Lexicons};
    /// let p = DateParser::new(Lexicons::builtin());
    /// assert_eq!(p.from_url("http://x.com/world/2015/03/18/story.html").as_deref(), Some("2015-03-18"));
    /// assert_eq!(p.from_url("https://x.com/env/2019/jan/03/whales").as_deref(), Some("2019-01-03"));
    /// assert_eq!(p.from_url("https://x.com/story-2015"), None);
    /// ```
    pub fn from_url(&self, url: &str) -> Option<String> {
        let segs: Vec<&str> = url.split(['/', '?', '#']).collect();
        segs.windows(3).find_map(|w| {
            let (y, m, d) = (w.first()?, w.get(1)?, w.get(2)?);
            if y.len() != 4 || !(y.starts_with("19") || y.starts_with("20")) {
                return None;
            }
            let month = m.parse::<u8>().ok().or_else(|| self.lex.month(m))?;
            if d.is_empty() || d.len() > 2 || !d.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            make(y, Some(month), d, None, 0, 0).map(|f| f.iso_date())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> DateParser {
        DateParser::new(Lexicons::builtin())
    }

    #[test]
    fn english_forms() {
        let p = p();
        assert_eq!(
            p.find("June 10, 2011 12:00AM EDT")
                .map(|d| d.iso())
                .as_deref(),
            Some("2011-06-10T00:00")
        );
        assert_eq!(
            p.find("Published 10 June 2011").map(|d| d.iso()).as_deref(),
            Some("2011-06-10")
        );
        assert_eq!(
            p.find("Feb. 23, 2015 --").map(|d| d.iso()).as_deref(),
            Some("2015-02-23")
        );
        assert_eq!(
            p.find("April 28, 2019 at 6:01 pm")
                .map(|d| d.iso())
                .as_deref(),
            Some("2019-04-28T18:01")
        );
        assert_eq!(
            p.find("2011-06-10").map(|d| d.iso()).as_deref(),
            Some("2011-06-10")
        );
        assert_eq!(
            p.find("by Lucas Nolan22 Dec 2016651")
                .map(|d| d.iso_date())
                .as_deref(),
            Some("2016-12-22")
        );
    }

    #[test]
    fn other_languages() {
        let p = p();
        assert_eq!(
            p.find("10. Juni 2011").map(|d| d.iso()).as_deref(),
            Some("2011-06-10")
        );
        assert_eq!(
            p.find("le 10 juin 2011").map(|d| d.iso()).as_deref(),
            Some("2011-06-10")
        );
        assert_eq!(
            p.find("10 de junio de 2011").map(|d| d.iso()).as_deref(),
            Some("2011-06-10")
        );
    }

    #[test]
    fn no_date_in_plain_text() {
        let p = p();
        assert!(p.find("He may 10 times have said so in 20 years").is_none());
        assert!(p.find("Flight 2011 left at dawn").is_none());
    }

    #[test]
    fn month_day_without_year() {
        assert_eq!(p().month_day_prefix("Sept 28 (Reuters)"), Some(7));
        assert_eq!(p().month_day_prefix("Seoul 28"), None);
    }

    #[test]
    fn visible_date_wins_and_earliest_is_first_publication() {
        let p = p();
        let v = p.find_all("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm");
        assert_eq!(v.len(), 2);
        assert_eq!(
            choose(&v, Some("2019-04-29")).as_deref(),
            Some("2019-04-28T06:01")
        );
        let same = p.find_all("July 24, 2015");
        assert_eq!(
            choose(&same, Some("2015-07-24T05:36:09+01:00")).as_deref(),
            Some("2015-07-24T05:36:09+01:00")
        );
        assert_eq!(
            choose(&[], Some("2015-07-24")).as_deref(),
            Some("2015-07-24")
        );
        assert_eq!(choose(&[], None), None);
    }
}
