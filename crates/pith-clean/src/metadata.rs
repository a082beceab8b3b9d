//! Page metadata from `<head>` (meta, link, title), JSON-LD and microdata.
//!
//! Sources are read in order of trust: JSON-LD (the publisher's structured
//! statement), Open Graph / article meta, other meta names, then visible markup.
//! Malformed JSON-LD is skipped silently: metadata is a bonus, never a failure.

use std::sync::OnceLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::block::from_dom::Element;
use crate::cleaned::Metadata;

/// Separators between a page title and the site name (`Title | Site`).
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " / ", " » ", " · "];

/// Most JSON-LD nodes read per page (a bound on hostile input).
const MAX_LD_NODES: usize = 2_000;

fn selector(cell: &'static OnceLock<Selector>, css: &str) -> &'static Selector {
    cell.get_or_init(|| Selector::parse(css).expect("static selector parses"))
}

macro_rules! sel {
    ($css:literal) => {{
        static CELL: OnceLock<Selector> = OnceLock::new();
        selector(&CELL, $css)
    }};
}

/// The elements metadata reads, gathered in one walk over the document (each
/// `select` would be a walk of its own), in document order.
#[derive(Default)]
struct Index<'a> {
    /// `<meta>` tags as (lowercase name or property, content).
    metas: Vec<(String, String)>,
    /// `<script type="application/ld+json">`.
    ld_scripts: Vec<ElementRef<'a>>,
    /// The first `<title>`.
    title: Option<ElementRef<'a>>,
    /// `<h1>` elements (the title of last resort).
    h1s: Vec<ElementRef<'a>>,
    /// The first `<link rel="canonical">`'s href.
    canonical: Option<&'a str>,
    /// The first `<html lang>`.
    lang: Option<&'a str>,
    /// The first `<time datetime>` value.
    time: Option<&'a str>,
    /// Elements with an `itemprop`.
    itemprops: Vec<ElementRef<'a>>,
    /// `a[rel~=author]` and `[itemprop~=author]`.
    author_marks: Vec<ElementRef<'a>>,
}

fn has_token(value: Option<&str>, token: &str) -> bool {
    value.is_some_and(|v| v.split_ascii_whitespace().any(|t| t == token))
}

impl<'a> Index<'a> {
    fn of(doc: &'a Html) -> Index<'a> {
        let mut ix = Index::default();
        for e in doc.tree.root().descendants().filter_map(ElementRef::wrap) {
            let itemprop = crate::dom::attr(e.value(), "itemprop");
            ix.add(e, itemprop);
        }
        ix
    }

    /// The same from the walk's element table (every element, in document
    /// order, with `itemprop` already read): no second walk over the tree.
    fn of_elements(doc: &'a Html, elements: &[Element<'a>]) -> Index<'a> {
        let mut ix = Index::default();
        for e in elements {
            let wanted = e.itemprop.is_some()
                || matches!(
                    e.tag,
                    "meta" | "script" | "title" | "h1" | "link" | "html" | "time" | "a"
                );
            if let Some(el) = wanted
                .then(|| doc.tree.get(e.node))
                .flatten()
                .and_then(ElementRef::wrap)
            {
                ix.add(el, e.itemprop);
            }
        }
        ix
    }

    /// Take in one element, whose `itemprop` is given.
    fn add(&mut self, e: ElementRef<'a>, itemprop: Option<&'a str>) {
        let ix = self;
        let el = e.value();
        let attr = |name: &str| crate::dom::attr(el, name);
        match el.name() {
            "meta" => ix.metas.extend(meta(el)),
            "script" if attr("type") == Some("application/ld+json") => ix.ld_scripts.push(e),
            "title" if ix.title.is_none() => ix.title = Some(e),
            "h1" => ix.h1s.push(e),
            "link" if ix.canonical.is_none() => {
                let rel = attr("rel").unwrap_or("");
                if rel
                    .split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
                {
                    ix.canonical = attr("href").map(str::trim).filter(|h| !h.is_empty());
                }
            }
            "html" if ix.lang.is_none() => {
                ix.lang = attr("lang").map(str::trim).filter(|l| !l.is_empty());
            }
            "time" if ix.time.is_none() => ix.time = attr("datetime"),
            _ => {}
        }
        if itemprop.is_some() {
            ix.itemprops.push(e);
        }
        if (el.name() == "a" && has_token(attr("rel"), "author")) || has_token(itemprop, "author") {
            ix.author_marks.push(e);
        }
    }
}

/// One `<meta>` tag as (lowercase name or property, content), if it has both.
fn meta(el: &scraper::node::Element) -> Option<(String, String)> {
    let attr = |name: &str| crate::dom::attr(el, name);
    let key = attr("property").or(attr("name")).or(attr("itemprop"))?;
    let content = attr("content")?.trim();
    (!content.is_empty()).then(|| (key.trim().to_ascii_lowercase(), collapse(content)))
}

/// Whitespace collapsed to single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(el: ElementRef<'_>) -> String {
    collapse(&el.text().collect::<String>())
}

/// Metadata of a parsed page.
///
/// ```
/// let doc = scraper::Html::parse_document(r#"<html lang="en"><head>
///   <title>Floods close schools | Daily News</title>
///   <meta property="article:published_time" content="2011-06-10T09:00:00Z">
///   <script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Ann Lee"}}</script>
///   </head><body></body></html>"#);
/// let m = pith_clean::metadata::extract(&doc);
/// assert_eq!(m.title.as_deref(), Some("Floods close schools"));
/// assert_eq!(m.site_name.as_deref(), Some("Daily News"));
/// assert_eq!(m.published.as_deref(), Some("2011-06-10T09:00:00Z"));
/// assert_eq!(m.authors, ["Ann Lee"]);
/// assert_eq!(m.language.as_deref(), Some("en"));
/// ```
pub fn extract(doc: &Html) -> Metadata {
    from_index(Index::of(doc))
}

/// [`extract`], reading the elements from the walk's table.
pub(crate) fn extract_with(doc: &Html, elements: &[Element<'_>]) -> Metadata {
    from_index(Index::of_elements(doc, elements))
}

fn from_index(ix: Index<'_>) -> Metadata {
    let metas = &ix.metas;
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| metas.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    };
    let ld = json_ld(&ix.ld_scripts);
    let (doc_title, suffix) = split_title(ix.title);
    let mut m = Metadata {
        title: ld
            .title
            .clone()
            .or_else(|| meta(&["og:title", "twitter:title", "dc.title"]))
            .or(doc_title),
        site_name: meta(&["og:site_name", "application-name"])
            .or(ld.publisher.clone())
            .or(suffix),
        url: ix
            .canonical
            .map(str::to_string)
            .or_else(|| meta(&["og:url"])),
        language: ix
            .lang
            .map(str::to_string)
            .or_else(|| meta(&["og:locale"]).map(|l| l.replace('_', "-"))),
        description: meta(&["og:description", "description", "twitter:description"])
            .or(ld.description.clone()),
        section: ld.section.clone().or_else(|| meta(&["article:section"])),
        ..Metadata::default()
    };
    if m.title.is_none() {
        m.title = ix.h1s.iter().map(|&h| text_of(h)).find(|t| !t.is_empty());
    }
    m.published = ld
        .published
        .clone()
        .or_else(|| {
            meta(&[
                "article:published_time",
                "datepublished",
                "og:published_time",
                "date",
                "pubdate",
                "publishdate",
                "dc.date",
                "dc.date.issued",
                "citation_publication_date",
                "sailthru.date",
                "parsely-pub-date",
            ])
        })
        .or_else(|| microdata_date(&ix.itemprops, "datePublished"))
        .or_else(|| ix.time.map(str::to_string))
        .and_then(|d| iso_date(&d));
    m.modified = ld
        .modified
        .clone()
        .or_else(|| {
            meta(&[
                "article:modified_time",
                "datemodified",
                "og:updated_time",
                "last-modified",
            ])
        })
        .or_else(|| microdata_date(&ix.itemprops, "dateModified"))
        .and_then(|d| iso_date(&d));
    m.authors = authors(&ix.author_marks, metas, &ld);
    m.tags = tags(metas, &ld);
    m
}

/// The `<title>` without its site part, and the site part.
fn split_title(title: Option<ElementRef<'_>>) -> (Option<String>, Option<String>) {
    let Some(raw) = title.map(text_of).filter(|t| !t.is_empty()) else {
        return (None, None);
    };
    for sep in TITLE_SEPARATORS {
        if let Some(at) = raw.rfind(sep) {
            let (head, tail) = (raw[..at].trim(), raw[at + sep.len()..].trim());
            // The site name is the shorter side; a long tail is part of the title.
            if !head.is_empty() && !tail.is_empty() && tail.split_whitespace().count() <= 5 {
                return (Some(head.to_string()), Some(tail.to_string()));
            }
        }
    }
    (Some(raw), None)
}

fn microdata_date(itemprops: &[ElementRef<'_>], prop: &str) -> Option<String> {
    itemprops
        .iter()
        .copied()
        .filter(|e| {
            e.value()
                .attr("itemprop")
                .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == prop))
        })
        .find_map(|e| {
            let v = e.value();
            v.attr("datetime")
                .or(v.attr("content"))
                .map(str::to_string)
                .or_else(|| Some(text_of(e)))
        })
}

fn authors(marks: &[ElementRef<'_>], metas: &[(String, String)], ld: &LinkedData) -> Vec<String> {
    let mut out: Vec<String> = ld.authors.clone();
    if out.is_empty() {
        out.extend(
            metas
                .iter()
                .filter(|(k, v)| {
                    (k == "author"
                        || k == "article:author"
                        || k == "dc.creator"
                        || k == "sailthru.author")
                        && !v.starts_with("http")
                })
                .map(|(_, v)| v.clone()),
        );
    }
    if out.is_empty() {
        for &e in marks {
            let name = e
                .select(sel!("[itemprop~=name]"))
                .next()
                .map(text_of)
                .unwrap_or_else(|| text_of(e));
            if !name.is_empty() && name.chars().count() <= 80 {
                out.push(name);
            }
        }
    }
    dedup(out)
}

fn tags(metas: &[(String, String)], ld: &LinkedData) -> Vec<String> {
    let mut out: Vec<String> = metas
        .iter()
        .filter(|(k, _)| k == "article:tag")
        .map(|(_, v)| v.clone())
        .collect();
    if let Some((_, kw)) = metas
        .iter()
        .find(|(k, _)| k == "keywords" || k == "news_keywords")
    {
        out.extend(kw.split(',').map(|s| s.trim().to_string()));
    }
    out.extend(ld.keywords.iter().cloned());
    dedup(out)
}

fn dedup(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in v {
        let s = collapse(&s);
        if !s.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
            out.push(s);
        }
    }
    out
}

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default)]
struct LinkedData {
    title: Option<String>,
    description: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    keywords: Vec<String>,
    section: Option<String>,
}

/// Types that describe the page's article.
fn is_article_type(v: &Value) -> bool {
    let t = |s: &str| {
        s.ends_with("Article")
            || s.ends_with("Posting")
            || matches!(
                s,
                "Report" | "WebPage" | "CreativeWork" | "BlogPosting" | "LiveBlogPosting"
            )
    };
    match v.get("@type") {
        Some(Value::String(s)) => t(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(t)),
        _ => false,
    }
}

fn json_ld(scripts: &[ElementRef<'_>]) -> LinkedData {
    let mut nodes: Vec<Value> = Vec::new();
    for s in scripts {
        let raw: String = s.text().collect();
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        // Flatten arrays and @graph without recursion: an explicit work list.
        let mut work = vec![v];
        while let Some(v) = work.pop() {
            if nodes.len() >= MAX_LD_NODES {
                break;
            }
            match v {
                Value::Array(a) => work.extend(a.into_iter().rev()),
                Value::Object(mut o) => {
                    if let Some(g) = o.remove("@graph") {
                        work.push(g);
                    }
                    nodes.push(Value::Object(o));
                }
                _ => {}
            }
        }
    }
    let mut ld = LinkedData::default();
    // Article nodes first; the first value found wins.
    nodes.sort_by_key(|n| !is_article_type(n));
    for n in nodes.iter().filter(|n| is_article_type(n)) {
        ld.title = ld
            .title
            .or_else(|| string(n.get("headline")).or_else(|| string(n.get("name"))));
        ld.description = ld.description.or_else(|| string(n.get("description")));
        ld.published = ld.published.or_else(|| string(n.get("datePublished")));
        ld.modified = ld.modified.or_else(|| string(n.get("dateModified")));
        ld.section = ld.section.or_else(|| string(n.get("articleSection")));
        ld.publisher = ld
            .publisher
            .or_else(|| names(n.get("publisher")).into_iter().next());
        if ld.authors.is_empty() {
            ld.authors = names(n.get("author"));
        }
        if ld.keywords.is_empty() {
            ld.keywords = match n.get("keywords") {
                Some(Value::String(s)) => s
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
                Some(Value::Array(a)) => a.iter().filter_map(|x| string(Some(x))).collect(),
                _ => Vec::new(),
            };
        }
    }
    ld
}

/// A plain string value (the first, for arrays).
fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        _ => None,
    }
}

/// Names from a person/organisation value: a string, an object with `name`, or an array of either.
fn names(v: Option<&Value>) -> Vec<String> {
    let items: Vec<&Value> = match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(x) => vec![x],
        None => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|x| match x {
            Value::String(s) => Some(collapse(s)),
            Value::Object(o) => string(o.get("name")),
            _ => None,
        })
        .filter(|s| !s.is_empty() && !s.starts_with("http"))
        .collect()
}

/// English month names (full and short) to numbers, for visible dates.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// A date as ISO 8601: ISO-shaped input is kept as given (trimmed); `YYYY/MM/DD`,
/// `June 10, 2011` and `10 June 2011` become `YYYY-MM-DD`.
///
/// ```
/// use pith_clean::metadata::iso_date;
/// assert_eq!(iso_date("2011-06-10T09:00:00+02:00").as_deref(), Some("2011-06-10T09:00:00+02:00"));
/// assert_eq!(iso_date("Posted June 10, 2011").as_deref(), Some("2011-06-10"));
/// assert_eq!(iso_date("10 Jun 2011").as_deref(), Some("2011-06-10"));
/// assert_eq!(iso_date("no date"), None);
/// ```
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    if digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
    {
        return Some(s.split_whitespace().next().unwrap_or(s).to_string());
    }
    if digits(0..4)
        && b.get(4) == Some(&b'/')
        && digits(5..7)
        && b.get(7) == Some(&b'/')
        && digits(8..10)
    {
        return Some(format!("{}-{}-{}", &s[0..4], &s[5..7], &s[8..10]));
    }
    textual_date(s)
}

fn textual_date(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(&(_, month)) = MONTHS.iter().find(|(n, _)| n == w) else {
            continue;
        };
        let num = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .and_then(|x| x.parse::<u32>().ok())
        };
        let year = |y: Option<u32>| y.filter(|y| (1900..=2100).contains(y));
        // "June 10, 2011" or "10 June 2011".
        let (day, yr) = match (
            num(Some(i + 1)),
            year(num(Some(i + 2))),
            num(i.checked_sub(1)),
            year(num(Some(i + 1))),
        ) {
            (Some(d), Some(y), _, _) if (1..=31).contains(&d) => (d, y),
            (_, _, Some(d), Some(y)) if (1..=31).contains(&d) => (d, y),
            _ => continue,
        };
        return Some(format!("{yr:04}-{month:02}-{day:02}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_and_arrays_and_bad_json() {
        let doc = Html::parse_document(
            r#"<head><script type="application/ld+json">{not json</script>
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"Head","datePublished":"2020-01-02",
               "author":[{"@type":"Person","name":"A B"},"C D"],"keywords":["x","y"]}]}</script></head>"#,
        );
        let m = extract(&doc);
        assert_eq!(m.title.as_deref(), Some("Head"));
        assert_eq!(m.published.as_deref(), Some("2020-01-02"));
        assert_eq!(m.authors, ["A B", "C D"]);
        assert_eq!(m.tags, ["x", "y"]);
    }

    #[test]
    fn meta_fallbacks() {
        let doc = Html::parse_document(
            r#"<head><meta name="author" content="Jo Writer"><meta name="keywords" content="a, b">
            <link rel="canonical" href="https://ex.org/a"></head><body><h1>Only h1</h1></body>"#,
        );
        let m = extract(&doc);
        assert_eq!(m.authors, ["Jo Writer"]);
        assert_eq!(m.tags, ["a", "b"]);
        assert_eq!(m.url.as_deref(), Some("https://ex.org/a"));
        assert_eq!(m.title.as_deref(), Some("Only h1"));
    }
}
