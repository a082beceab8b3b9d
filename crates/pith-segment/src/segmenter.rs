//! The ordered pass: headline -> byline and date lines -> published date ->
//! standfirst -> body -> dateline -> quotes with speakers. Each stage is a module;
//! this file only runs them in order and hands results on.

use pith_clean::{Block, Cleaned, Hint};

use crate::article::{Article, Dateline, Paragraph};
use crate::byline;
use crate::date::{self, DateParser, FoundDate};
use crate::dateline::DatelineFinder;
use crate::headline;
use crate::lexicon::Lexicons;
use crate::options::Options;
use crate::quote::QuoteFinder;
use crate::{body, standfirst};

/// Longest block taken as a date line when the cleaner gave no hint, in chars.
const MAX_DATE_LINE_CHARS: usize = 120;

/// Longest block searched for a fallback date: longer ones are story text,
/// whose dates are events, not publication.
const MAX_HEADER_DATE_BLOCK_CHARS: usize = 300;

/// How many leading body paragraphs may hold the dateline (captions and photo
/// credits the cleaner kept can stand before the story's first paragraph).
const DATELINE_PARAGRAPHS: usize = 6;

/// Segments cleaned pages into articles. Build once (patterns compile here), reuse.
///
/// ```
/// use pith_clean::{Block, BlockKind, Cleaned};
/// use pith_segment::{Options, Segmenter};
/// let mut c = Cleaned::default();
/// c.kept = vec![
///     Block::new(BlockKind::Heading { level: 1 }, "Storm hits coast"),
///     Block::new(BlockKind::Paragraph, "By Jane Roe"),
///     Block::new(BlockKind::Paragraph, "MIAMI (AP) — A storm hit the coast on Monday, officials said."),
/// ];
/// let a = Segmenter::new(Options::default()).segment(&c);
/// assert_eq!(a.headline.as_deref(), Some("Storm hits coast"));
/// assert_eq!(a.byline, vec!["Jane Roe"]);
/// assert_eq!(a.dateline.unwrap().location.as_deref(), Some("MIAMI"));
/// assert_eq!(a.body[0].text, "A storm hit the coast on Monday, officials said.");
/// ```
#[derive(Debug)]
pub struct Segmenter {
    options: Options,
    lex: &'static Lexicons,
    dates: DateParser,
    datelines: DatelineFinder,
    quotes: QuoteFinder,
}

/// Blocks the header stages took, by index.
struct Header {
    byline: Vec<usize>,
    /// Author-slot blocks far below the headline: bios and credits, dropped from the body.
    late_bylines: Vec<usize>,
    dates: Vec<usize>,
}

impl Segmenter {
    /// A segmenter with these options.
    pub fn new(options: Options) -> Segmenter {
        let lex = Lexicons::builtin();
        Segmenter {
            quotes: QuoteFinder::new(lex, options.min_direct_words()),
            options,
            lex,
            dates: DateParser::new(lex),
            datelines: DatelineFinder::new(lex),
        }
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Segment one cleaned page.
    pub fn segment(&self, cleaned: &Cleaned) -> Article {
        let blocks = &cleaned.kept;
        let meta = &cleaned.metadata;
        let head = headline::choose(blocks, meta);
        let head_block = head.as_ref().and_then(|h| h.block);
        let header = self.header(blocks, head_block);
        let visible: Vec<FoundDate> = header
            .dates
            .iter()
            .chain(&header.byline)
            .filter_map(|&i| blocks.get(i))
            .flat_map(|b| self.dates.find_all(&b.text))
            .collect();
        let published = date::choose(&visible, meta.published.as_deref())
            .or_else(|| meta.url.as_deref().and_then(|u| self.dates.from_url(u)))
            .or_else(|| self.header_date(blocks, head_block));
        let mut names: Vec<String> = Vec::new();
        for b in header.byline.iter().filter_map(|&i| blocks.get(i)) {
            for n in byline::names(&b.text, self.lex) {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        if names.is_empty() {
            names = meta
                .authors
                .iter()
                .flat_map(|a| byline::names(a, self.lex))
                .collect();
            names.dedup();
        }
        drop_site_name(&mut names, meta.site_name.as_deref());
        let mut taken: Vec<usize> = header
            .byline
            .iter()
            .chain(&header.late_bylines)
            .chain(&header.dates)
            .copied()
            .collect();
        let stand = standfirst::choose(blocks, head_block, &taken);
        taken.extend(stand);
        taken.extend(
            blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| b.hint == Some(Hint::Headline))
                .map(|(i, _)| i),
        );
        // The headline printed again as a plain block (a second h1, a kicker copy) is not body.
        if let Some(k) = head
            .as_ref()
            .map(|h| headline::key(&h.text))
            .filter(|k| !k.is_empty())
        {
            let window = head_block.map_or(0, |h| h + 1) + self.options.header_window();
            taken.extend(
                blocks
                    .iter()
                    .enumerate()
                    .take(window)
                    .filter(|(_, b)| headline::key(&b.text) == k)
                    .map(|(i, _)| i),
            );
        }
        let mut body = body::build(blocks, head_block.map_or(0, |h| h + 1), &taken, self.lex);
        let dateline = self.take_dateline(&mut body);
        let quotes = self.quotes.find(&body);
        Article {
            headline: head.map(|h| h.text),
            standfirst: stand
                .and_then(|i| blocks.get(i))
                .map(|b| b.text.trim().to_string()),
            published,
            dateline,
            byline: names,
            quotes,
            body,
        }
    }

    /// Move the dateline out of the first body paragraph. A photo credit or
    /// caption the cleaner let through may stand before the story's first
    /// paragraph, so the first few paragraphs are tried; a dateline marks where
    /// the story starts, and what stands before it is dropped.
    fn take_dateline(&self, body: &mut Vec<Paragraph>) -> Option<Dateline> {
        let (at, (dateline, rest)) = body
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == "paragraph")
            .take(DATELINE_PARAGRAPHS)
            .enumerate()
            .find_map(|(n, (i, p))| {
                let (d, r) = self.datelines.find(&p.text)?;
                // Past the first paragraph only a wire-style dateline is trusted:
                // an agency, or a place in capitals.
                let strong = d.agency.is_some()
                    || d.location.as_deref().is_some_and(|l| {
                        l.chars()
                            .filter(|c| c.is_alphabetic())
                            .take(2)
                            .all(char::is_uppercase)
                    });
                (n == 0 || strong).then(|| (i, (d, r.to_string())))
            })?;
        body.drain(..at);
        if let Some(first) = body.first_mut() {
            first.text = rest;
        }
        Some(dateline)
    }

    /// Find the author and date slots: hinted blocks, else short blocks near the
    /// headline that open with a byline prefix or hold a date.
    fn header(&self, blocks: &[Block], head: Option<usize>) -> Header {
        let window = head.map_or(0, |h| h + 1) + self.options.header_window();
        // Author slots past the header are end credits and bios, never the byline.
        let (mut byline, late_bylines): (Vec<usize>, Vec<usize>) = blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.hint == Some(Hint::Byline))
            .map(|(i, _)| i)
            .partition(|&i| i < window);
        if byline.is_empty() {
            byline.extend(
                blocks
                    .iter()
                    .enumerate()
                    .take(window)
                    .filter(|(_, b)| byline::looks_like_byline(&b.text, self.lex))
                    .map(|(i, _)| i)
                    .take(1),
            );
        }
        let mut dates: Vec<usize> = blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.hint == Some(Hint::Date))
            .map(|(i, _)| i)
            .collect();
        if dates.is_empty() {
            dates.extend(
                blocks
                    .iter()
                    .enumerate()
                    .take(window)
                    .filter(|(i, b)| !byline.contains(i) && self.is_date_line(&b.text))
                    .map(|(i, _)| i),
            );
        }
        Header {
            byline,
            late_bylines,
            dates,
        }
    }

    /// The last resort for a page with no date line and no metadata date: the
    /// first date printed in a short block near the headline (a photo date or
    /// a date glued to a credit line).
    fn header_date(&self, blocks: &[Block], head: Option<usize>) -> Option<String> {
        let window = head.map_or(0, |h| h + 1) + self.options.header_window();
        blocks
            .iter()
            .take(window)
            .filter(|b| b.text.chars().count() <= MAX_HEADER_DATE_BLOCK_CHARS)
            .find_map(|b| self.dates.find(&b.text))
            .map(|d| d.iso())
    }

    /// A short line that is a date, maybe after "Published" or "Updated".
    fn is_date_line(&self, text: &str) -> bool {
        let t = text.trim();
        if t.chars().count() > MAX_DATE_LINE_CHARS {
            return false;
        }
        let Some(d) = self.dates.find(t) else {
            return false;
        };
        let before = t
            .get(..d.start)
            .unwrap_or("")
            .trim()
            .trim_end_matches([':', ',', '|']);
        let words = before.split_whitespace().count();
        before.is_empty()
            || self.lex.contains("date_prefixes", before)
            || words <= 1
            || self.lex.is_weekday(before)
    }
}

/// A desk line naming the site ("BuzzFeed News") is not an author, unless the
/// site is all the slot names ("Reuters").
fn drop_site_name(names: &mut Vec<String>, site: Option<&str>) {
    let Some(site) = site.map(str::to_lowercase).filter(|s| !s.is_empty()) else {
        return;
    };
    let is_site = |n: &String| {
        let l = n.to_lowercase();
        l.contains(&site) || site.contains(&l)
    };
    if names.iter().any(|n| !is_site(n)) {
        names.retain(|n| !is_site(n));
    }
}
