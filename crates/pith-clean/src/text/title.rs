//! The page title: the flat text starts with it (the scraper wrote `<title>`
//! first). Its main part usually comes back later as the visible headline; we
//! cut the text around each repeat so the headline is a segment of its own.

use memchr::memmem;

use super::boundary::{Boundary, Cut};
use super::weights::{HEADLINE_MAX_HITS, HEADLINE_MIN_CHARS, TITLE_MAX_BYTES};

/// Separators between a title and the site name.
const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " · ", " :: ", " » "];

/// The page title and its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Title {
    /// The whole title line (the first segment).
    pub full: String,
    /// Its longest part: the article's own title.
    pub main: String,
    /// The last part when it is not the main one: the site's name.
    pub site: Option<String>,
    /// Byte ranges where the headline (title or main part) is repeated.
    pub repeats: Vec<(usize, usize)>,
    /// Where the title line ends in the flat text.
    end: usize,
}

impl Title {
    /// Read the title from the first segment `flat[..end]`.
    ///
    /// ```
    /// use pith_clean::text::title::Title;
    /// let t = Title::read("Kazakhstan: Returns Illegal | Human Rights Watch", 48);
    /// assert_eq!(t.main, "Kazakhstan: Returns Illegal");
    /// assert_eq!(t.site.as_deref(), Some("Human Rights Watch"));
    /// ```
    pub fn read(flat: &str, end: usize) -> Title {
        let full = flat.get(..end).unwrap_or("").trim().to_string();
        let mut parts = vec![full.as_str()];
        // Most titles are split by one separator or none: they are looked
        // for in one pass before any is split on.
        if has_separator(&full) {
            for sep in SEPARATORS {
                parts = parts.iter().flat_map(|p| p.split(sep)).collect();
            }
        }
        let parts: Vec<&str> = parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        let main = parts
            .iter()
            .max_by_key(|p| p.chars().count())
            .copied()
            .unwrap_or("")
            .to_string();
        let site = parts
            .last()
            .filter(|p| parts.len() > 1 && **p != main)
            .map(|p| p.to_string());
        Title {
            full,
            main,
            site,
            repeats: Vec::new(),
            end,
        }
    }

    /// Find where the headline repeats after the title (the whole title first,
    /// then its main part) and add forced cuts around each repeat.
    pub fn cut_repeats(&mut self, flat: &str, cuts: &mut Vec<Boundary>) {
        let from = flat.len().min(self.end);
        let Some(rest) = flat.get(from..) else {
            return;
        };
        for (k, needle) in [self.full.as_str(), self.main.as_str()]
            .into_iter()
            .enumerate()
        {
            // A main part that is the whole title repeats where the title
            // does, and every such place was taken or passed over already.
            if needle.len() < HEADLINE_MIN_CHARS || (k == 1 && needle == self.full) {
                continue;
            }
            for at in memmem::find_iter(rest.as_bytes(), needle.as_bytes())
                .take(HEADLINE_MAX_HITS)
                .map(|at| at + from)
            {
                let end = at + needle.len();
                if self.repeats.iter().any(|&(a, _)| a == at) {
                    continue; // the main part at the start of a whole-title repeat
                }
                // A repeat that a sentence goes on from (`Lorem ipsum, dolor
                // ...`) opens a paragraph: the title was its first words.
                if flat.get(end..).is_some_and(|r| r.starts_with([',', ';'])) {
                    continue;
                }
                self.repeats.push((at, end));
                for pos in [at, end] {
                    if pos < flat.len() {
                        cuts.push(Boundary {
                            at: pos,
                            cut: Cut::Forced,
                        });
                    }
                }
            }
        }
        self.repeats.sort_unstable();
        if !self.repeats.is_empty() {
            cuts.sort_by_key(|b| b.at);
            // Keep the forced cut where it coincides with a found one: the
            // found one's rule is more telling, but both mark the same place.
            cuts.dedup_by_key(|b| b.at);
        }
    }
}

/// True when `title` holds one of the [`SEPARATORS`]: each starts with a
/// space, and the byte after it is one of few.
fn has_separator(title: &str) -> bool {
    let bytes = title.as_bytes();
    memchr::memchr_iter(b' ', bytes).any(|at| {
        matches!(bytes.get(at + 1), Some(b'|' | b'-' | b':' | 0xC2 | 0xE2))
            && SEPARATORS.iter().any(|sep| title[at..].starts_with(sep))
    })
}

/// Where the title ends when no boundary marks it (a CJK title glued to a CJK
/// menu): the end of the longest prefix of the text that appears again later
/// (the headline repeats the title). `None` when no prefix of at least
/// [`HEADLINE_MIN_CHARS`] bytes repeats. Binary search over the first
/// [`TITLE_MAX_BYTES`] bytes, one substring search per step.
///
/// ```
/// use pith_clean::text::title::repeated_prefix;
/// let flat = "海外留学生看两会：出国前后_教育频道首页新闻正文海外留学生看两会：出国前后发稿时间";
/// assert_eq!(&flat[..repeated_prefix(flat).unwrap()], "海外留学生看两会：出国前后");
/// ```
pub fn repeated_prefix(flat: &str) -> Option<usize> {
    let ends: Vec<usize> = flat
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|&e| e <= TITLE_MAX_BYTES)
        .collect();
    let repeats =
        |end: usize| memmem::find(&flat.as_bytes()[end..], &flat.as_bytes()[..end]).is_some();
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if repeats(ends[mid]) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let end = *ends.get(lo.checked_sub(1)?)?;
    (end >= HEADLINE_MIN_CHARS).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_found_in_one_pass() {
        for sep in SEPARATORS {
            assert!(has_separator(&format!("Title{sep}Site")), "{sep}");
            assert!(
                !has_separator(&format!("Title{}Site", sep.trim_start())),
                "{sep}"
            );
        }
        for plain in [
            "",
            " ",
            "A - ",
            "Plain title",
            "a-b | c",
            "x :y",
            "one –two",
        ] {
            let want = SEPARATORS.iter().any(|sep| plain.contains(sep));
            assert_eq!(has_separator(plain), want, "{plain:?}");
        }
        let t = Title::read("Rain Falls On The Plain", 23);
        assert_eq!((t.main.as_str(), t.site), ("Rain Falls On The Plain", None));
    }

    /// A title with no separator is its own main part: its repeats are
    /// searched once.
    #[test]
    fn a_title_that_is_its_main_part() {
        let flat =
            "Quiet Harbour TownsMenuQuiet Harbour Towns, the guide saysQuiet Harbour TownsBoats.";
        let mut t = Title::read(flat, 19);
        assert_eq!(t.main, t.full);
        let mut cuts = vec![Boundary {
            at: 0,
            cut: Cut::Start,
        }];
        t.cut_repeats(flat, &mut cuts);
        let last = flat.rfind("Quiet").unwrap();
        assert_eq!(t.repeats, vec![(last, last + 19)]);
        let at: Vec<usize> = cuts.iter().map(|b| b.at).collect();
        assert_eq!(at, vec![0, last, last + 19]);
    }

    #[test]
    fn cuts_around_repeated_headline() {
        let flat =
            "Floods Close Schools | Daily NewsMenuFloods Close SchoolsRain closed forty schools.";
        let mut t = Title::read(flat, 33);
        let mut cuts = vec![Boundary {
            at: 0,
            cut: Cut::Start,
        }];
        t.cut_repeats(flat, &mut cuts);
        assert_eq!(t.repeats, vec![(37, 57)]);
        let at: Vec<usize> = cuts.iter().map(|b| b.at).collect();
        assert_eq!(at, vec![0, 37, 57]);
    }

    #[test]
    fn a_repeat_that_a_sentence_goes_on_from_is_not_cut() {
        let flat = "Quiet Harbour Towns | Travel NotesQuiet Harbour Towns, the guide says, \
            are best seen in winter.Quiet Harbour TownsBoats leave at dawn.";
        let mut t = Title::read(flat, 34);
        let mut cuts = vec![Boundary {
            at: 0,
            cut: Cut::Start,
        }];
        t.cut_repeats(flat, &mut cuts);
        let second = flat.rfind("Quiet").unwrap();
        assert_eq!(t.repeats, vec![(second, second + 19)]);
    }
}
