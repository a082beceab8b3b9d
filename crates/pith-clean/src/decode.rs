//! Stage 1: bytes -> text, and HTML or flattened text?
//!
//! The encoding is chosen in this order, and the one used is reported:
//! 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 2. a declaration in the first [`DECLARATION_WINDOW`] bytes: `<meta charset>`,
//!    `<meta http-equiv="content-type" content="...; charset=...">`, or an XML declaration,
//!    resolved with the WHATWG label table (so `iso-8859-1` means windows-1252, as in browsers);
//! 3. UTF-8 when the bytes are valid UTF-8;
//! 4. windows-1252, the web's legacy default.
//!
//! Two exceptions to the declared encoding, both because mislabelled pages are common and the
//! bytes themselves are the stronger evidence: a page declared as a single-byte legacy encoding
//! whose bytes are valid UTF-8 with non-ASCII text is read as UTF-8; and an undeclared page that
//! is mostly valid UTF-8 with a few broken sequences is read as UTF-8 with replacements (and a
//! [`Warning::MalformedEncoding`]) rather than as windows-1252 mojibake.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::cleaned::InputFormat;
use crate::error::{Error, Warning};
use crate::options::Options;

/// How far into the page an encoding declaration is looked for. The HTML spec says 1024;
/// real pages often put `<meta charset>` after a long run of other `<meta>` tags, and looking
/// further costs nothing measurable.
pub const DECLARATION_WINDOW: usize = 4096;

/// How many bytes from the start (and as many from the middle) are sampled for the binary check.
const BINARY_SAMPLE: usize = 4096;

/// A sample is binary when more than 1 in this many bytes are control bytes that text never
/// holds. Text has none; random or compressed bytes have about 1 in 9. One stray NUL in a long
/// page stays under the bar; a short input that is mostly control bytes does not.
const BINARY_CONTROL_RATIO: usize = 100;

/// How far into the text the format sniffer looks for markup.
const SNIFF_WINDOW: usize = 64 * 1024;

/// Common HTML tag names: text that starts with one of these tags is HTML.
const SNIFF_TAGS: &[&str] = &[
    "html", "head", "body", "div", "p", "span", "a", "br", "table", "tr", "td", "li", "ul", "ol",
    "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "meta", "link", "title", "article",
    "section", "nav", "header", "footer", "main", "img", "em", "strong", "b", "i", "form",
];

/// Decoded text with the encoding used and any warnings.
///
/// ```
/// use pith_clean::{decode::decode, Options};
/// let d = decode("café".as_bytes(), &Options::default()).unwrap();
/// assert_eq!((&*d.text, d.encoding.as_str()), ("café", "utf-8"));
/// ```
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text, without any byte order mark: borrowed from the input when the bytes
    /// already are valid UTF-8 (most pages), so a large page is not held twice.
    pub text: Cow<'a, str>,
    /// WHATWG name of the encoding used, lowercase (`utf-8`, `windows-1252`, `shift_jis`).
    pub encoding: String,
    /// Problems met while decoding.
    pub warnings: Vec<Warning>,
}

/// Decode bytes into text (see the module doc for how the encoding is chosen).
///
/// Errors: [`Error::TooLarge`] over `options.max_bytes()`, [`Error::Empty`] for no text,
/// [`Error::Binary`] for bytes that are not a page.
pub fn decode<'a>(bytes: &'a [u8], options: &Options) -> Result<Decoded<'a>, Error> {
    if bytes.len() > options.max_bytes() {
        return Err(Error::TooLarge {
            bytes: bytes.len(),
            limit: options.max_bytes(),
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, len)) => (encoding, &bytes[len..]),
        None => match utf16_without_bom(bytes) {
            Some(encoding) => (encoding, bytes),
            None => {
                check_binary(bytes)?;
                (choose_encoding(bytes), bytes)
            }
        },
    };
    let mut warnings = Vec::new();
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        warnings.push(Warning::MalformedEncoding {
            encoding: encoding.name().to_ascii_lowercase(),
        });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name().to_ascii_lowercase(),
        warnings,
    })
}

/// Refuse inputs whose sampled bytes hold too many control bytes (see [`BINARY_CONTROL_RATIO`]).
fn check_binary(bytes: &[u8]) -> Result<(), Error> {
    let head = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    let mid_start = (bytes.len() / 2).max(head.len());
    let mid = &bytes[mid_start..bytes.len().min(mid_start + BINARY_SAMPLE)];
    let sampled = head.len() + mid.len();
    let control_bytes = head
        .iter()
        .chain(mid)
        .filter(|&&b| is_binary_byte(b))
        .count();
    // One stray control byte is damage, not a sign of binary content, however short the page.
    if control_bytes > 1 && control_bytes * BINARY_CONTROL_RATIO > sampled {
        return Err(Error::Binary {
            control_bytes,
            sampled,
        });
    }
    Ok(())
}

/// UTF-16 without a byte order mark: in the sampled head, nearly every other byte is NUL and
/// the bytes between are ASCII. Such a page would otherwise look binary.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(BINARY_SAMPLE) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let ascii_then_nul = head
        .chunks_exact(2)
        .filter(|p| p[0] != 0 && p[0].is_ascii() && p[1] == 0)
        .count();
    let nul_then_ascii = head
        .chunks_exact(2)
        .filter(|p| p[0] == 0 && p[1] != 0 && p[1].is_ascii())
        .count();
    // 90%: a page may hold some non-ASCII text, whose code units have no NUL half.
    if ascii_then_nul * 10 >= pairs * 9 {
        Some(UTF_16LE)
    } else if nul_then_ascii * 10 >= pairs * 9 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Control bytes that text does not hold: all C0 controls but tab, LF, FF, CR and ESC
/// (ESC is used by ISO-2022-JP), and DEL.
fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// The encoding for bytes without a BOM: declared, else UTF-8 if it fits, else windows-1252.
fn choose_encoding(bytes: &[u8]) -> &'static Encoding {
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    if let Some(declared) = declared_encoding(&bytes[..bytes.len().min(DECLARATION_WINDOW)]) {
        if declared.is_single_byte() && valid_utf8 && !bytes.is_ascii() {
            return UTF_8;
        }
        return declared;
    }
    if valid_utf8 || mostly_utf8(bytes) {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// True when valid multi-byte UTF-8 sequences outnumber invalid ones: a UTF-8 page with a few
/// broken bytes, not a legacy page (whose non-ASCII bytes are almost never valid UTF-8).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte > invalid
}

/// Find an encoding declared in the head of the page: `<meta charset>`, `<meta http-equiv
/// content-type>`, or `<?xml ... encoding="...">`. Comments are skipped.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'<', &head[pos..]) {
        let at = pos + off;
        let rest = &head[at..];
        if rest.starts_with(b"<!--") {
            let end = memchr::memmem::find(&rest[4..], b"-->")?;
            pos = at + 4 + end + 3;
            continue;
        }
        if starts_with_ignore_case(rest, b"<?xml") {
            let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
            let attrs = parse_attributes(&rest[5..end]);
            if let Some(enc) = attr(&attrs, "encoding").and_then(resolve_label) {
                return Some(enc);
            }
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest
                .get(5)
                .is_some_and(|&b| b.is_ascii_whitespace() || b == b'/')
        {
            let end = tag_end(rest).unwrap_or(rest.len());
            let attrs = parse_attributes(&rest[5..end]);
            if let Some(enc) = meta_encoding(&attrs) {
                return Some(enc);
            }
            pos = at + end;
            continue;
        }
        pos = at + 1;
    }
    None
}

/// The encoding a `<meta>` tag's attributes declare, if any.
fn meta_encoding(attrs: &[(String, String)]) -> Option<&'static Encoding> {
    if let Some(label) = attr(attrs, "charset") {
        return resolve_label(label);
    }
    let is_content_type =
        attr(attrs, "http-equiv").is_some_and(|v| v.trim().eq_ignore_ascii_case("content-type"));
    if !is_content_type {
        return None;
    }
    let content = attr(attrs, "content")?;
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let value = lower[at + "charset".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let value = value.trim_start().trim_start_matches(['"', '\'']);
    let end = value
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_ascii_whitespace())
        .unwrap_or(value.len());
    resolve_label(&value[..end])
}

/// A WHATWG label -> encoding, with the HTML spec's overrides: a UTF-16 declaration inside an
/// ASCII-compatible document means UTF-8, and x-user-defined means windows-1252.
fn resolve_label(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    if enc == UTF_16LE || enc == UTF_16BE {
        Some(UTF_8)
    } else if enc.name() == "x-user-defined" {
        Some(WINDOWS_1252)
    } else {
        Some(enc)
    }
}

/// The value of attribute `name` (already lowercase) in a parsed attribute list.
fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Index of the `>` that ends the tag starting at `tag[0]`, skipping quoted values.
fn tag_end(tag: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in tag.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i),
            None => {}
        }
    }
    None
}

/// Parse `name=value` pairs (quoted, unquoted or bare) from the inside of a tag. Names are
/// lowercased; values are decoded lossily (only ASCII labels matter here).
fn parse_attributes(inside: &[u8]) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut i = 0;
    let n = inside.len();
    while i < n {
        while i < n && (inside[i].is_ascii_whitespace() || inside[i] == b'/' || inside[i] == b'?') {
            i += 1;
        }
        let name_start = i;
        while i < n && !inside[i].is_ascii_whitespace() && !matches!(inside[i], b'=' | b'/' | b'>')
        {
            i += 1;
        }
        if i == name_start {
            i += 1;
            continue;
        }
        let name = String::from_utf8_lossy(&inside[name_start..i]).to_ascii_lowercase();
        while i < n && inside[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = Cow::Borrowed("");
        if i < n && inside[i] == b'=' {
            i += 1;
            while i < n && inside[i].is_ascii_whitespace() {
                i += 1;
            }
            let (v, next) = attribute_value(inside, i);
            value = String::from_utf8_lossy(v);
            i = next;
        }
        attrs.push((name, value.into_owned()));
    }
    attrs
}

/// The attribute value starting at `i` (quoted or not) and the index just past it.
fn attribute_value(inside: &[u8], i: usize) -> (&[u8], usize) {
    match inside.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            let start = i + 1;
            let end = memchr::memchr(q, &inside[start..]).map_or(inside.len(), |e| start + e);
            (&inside[start..end], (end + 1).min(inside.len()))
        }
        _ => {
            let end = inside[i..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'>')
                .map_or(inside.len(), |e| i + e);
            (&inside[i..end], end)
        }
    }
}

fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Decide whether decoded text is HTML or flattened text, by content only.
///
/// HTML when the text starts (after whitespace) with markup: `<!`, `<?` or a tag with a known
/// HTML name (every page of the dev corpus does). Otherwise only when tags cover at least
/// [`SNIFF_MIN_TAG_SHARE`] of the first [`SNIFF_WINDOW`] bytes: flattened text can hold tags
/// as literal text (an article about HTML glues its code samples in), but sparsely.
///
/// ```
/// use pith_clean::{decode::sniff_format, InputFormat};
/// assert_eq!(sniff_format("<!doctype html><title>x</title>"), InputFormat::Html);
/// assert_eq!(sniff_format("<p>One</p>"), InputFormat::Html);
/// assert_eq!(sniff_format("HomeNewsSport Floods close schools if a < b"), InputFormat::Text);
/// ```
pub fn sniff_format(text: &str) -> InputFormat {
    let bytes = text.as_bytes();
    let window = &bytes[..bytes.len().min(SNIFF_WINDOW)];
    let start = window
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let lead = &window[start..];
    if lead.starts_with(b"<!") || lead.starts_with(b"<?") || tag_at(lead).is_some_and(|t| t.known) {
        return InputFormat::Html;
    }
    let mut tags = 0usize;
    let mut tag_bytes = 0usize;
    for at in memchr::memchr_iter(b'<', window) {
        if let Some(tag) = tag_at(&window[at..]) {
            tags += 1;
            tag_bytes += tag.len;
        }
    }
    if tags >= 2 && tag_bytes as f64 >= SNIFF_MIN_TAG_SHARE * window.len() as f64 {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

/// Share of bytes that tags must cover for text not starting with markup to count as HTML.
/// The dev corpus's flattened pages reach 0.14 (code samples); HTML fragments sit near 0.3.
const SNIFF_MIN_TAG_SHARE: f64 = 0.2;

/// Longest tag the sniffer measures; past it, a `<` is taken as text.
const SNIFF_MAX_TAG: usize = 2048;

/// A tag found by the sniffer.
struct SniffedTag {
    /// Its length in bytes, `<` to `>`.
    len: usize,
    /// Whether its name is a common HTML tag name.
    known: bool,
}

/// The tag starting at `s[0]` (`<name ...>` or `</name>`), if it is one.
fn tag_at(s: &[u8]) -> Option<SniffedTag> {
    let rest = s.strip_prefix(b"<")?;
    let rest = rest.strip_prefix(b"/").unwrap_or(rest);
    let name_len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    if name_len == 0 || !rest[0].is_ascii_alphabetic() {
        return None;
    }
    let after = &rest[name_len..];
    if !matches!(
        after.first(),
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    ) {
        return None;
    }
    let scan = &s[..s.len().min(SNIFF_MAX_TAG)];
    let end = scan.iter().skip(1).position(|&b| b == b'>' || b == b'<')?;
    if scan[end + 1] != b'>' {
        return None;
    }
    Some(SniffedTag {
        len: end + 2,
        known: is_sniff_tag(&rest[..name_len]),
    })
}

fn is_sniff_tag(name: &[u8]) -> bool {
    SNIFF_TAGS
        .iter()
        .any(|t| t.as_bytes().eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Decoded<'_> {
        decode(bytes, &Options::default()).expect("decodes")
    }

    #[test]
    fn meta_charset_windows_1252() {
        let mut page =
            b"<html><head><meta charset=\"windows-1252\"><title>x</title></head><body><p>caf"
                .to_vec();
        page.extend_from_slice(&[0xE9, b' ', 0x93, b'q', 0x94]);
        let d = dec(&page);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("café \u{201C}q\u{201D}"), "{}", d.text);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn http_equiv_iso_8859_1_is_windows_1252() {
        let mut page = br#"<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1"></head><body>"#.to_vec();
        page.extend_from_slice(&[b'G', 0xFC, b'n', b't', b'e', b'r']);
        let d = dec(&page);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Günter"));
    }

    #[test]
    fn shift_jis_and_gbk() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("東京都の天気は晴れ");
        let mut page = b"<html><head><meta charset=shift_jis></head><body><p>".to_vec();
        page.extend_from_slice(&sjis);
        let d = dec(&page);
        assert_eq!(d.encoding, "shift_jis");
        assert!(d.text.contains("東京都の天気は晴れ"));

        let (gbk, _, _) = encoding_rs::GBK.encode("北京今天下雨");
        let mut page =
            b"<meta http-equiv='content-type' content='text/html;charset=gb2312'><p>".to_vec();
        page.extend_from_slice(&gbk);
        let d = dec(&page);
        assert_eq!(d.encoding, "gbk");
        assert!(d.text.contains("北京今天下雨"));
    }

    #[test]
    fn undeclared_legacy_falls_back_to_windows_1252() {
        let d = dec(&[b'c', b'a', b'f', 0xE9, b' ', b'o', b'k']);
        assert_eq!((&*d.text, d.encoding.as_str()), ("café ok", "windows-1252"));
    }

    #[test]
    fn mostly_utf8_with_a_broken_byte_is_utf8_with_a_warning() {
        let mut page = "Zürich, Genève, São Paulo ".as_bytes().to_vec();
        page.push(0xFF);
        let d = dec(&page);
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.starts_with("Zürich, Genève, São Paulo \u{FFFD}"));
        assert_eq!(
            d.warnings,
            vec![Warning::MalformedEncoding {
                encoding: "utf-8".into()
            }]
        );
    }

    #[test]
    fn declared_utf8_with_invalid_bytes_warns() {
        let page = b"<meta charset=utf-8><p>bad \xC3\x28 byte</p>";
        let d = dec(page);
        assert_eq!(d.encoding, "utf-8");
        assert!(matches!(
            d.warnings[..],
            [Warning::MalformedEncoding { .. }]
        ));
    }

    #[test]
    fn mislabelled_latin1_page_that_is_utf8_is_read_as_utf8() {
        let d = dec("<meta charset=iso-8859-1><p>Genève</p>".as_bytes());
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.contains("Genève"));
    }

    #[test]
    fn boms() {
        let d = dec(b"\xEF\xBB\xBF<p>hi</p>");
        assert_eq!((&*d.text, d.encoding.as_str()), ("<p>hi</p>", "utf-8"));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "<p>héllo</p>".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let d = dec(&utf16);
        assert_eq!(
            (&*d.text, d.encoding.as_str()),
            ("<p>héllo</p>", "utf-16le")
        );
        let mut utf16be = vec![0xFE, 0xFF];
        for u in "hi".encode_utf16() {
            utf16be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(dec(&utf16be).encoding, "utf-16be");
    }

    #[test]
    fn utf16_without_bom_is_not_binary() {
        let mut le = Vec::new();
        let mut be = Vec::new();
        for u in "<html><body><p>No byte order mark here.</p></body></html>".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = dec(&le);
        assert_eq!(d.encoding, "utf-16le");
        assert!(d.text.contains("No byte order mark here."));
        assert_eq!(dec(&be).encoding, "utf-16be");
    }

    #[test]
    fn errors() {
        let o = Options::default();
        assert_eq!(decode(b"", &o).unwrap_err(), Error::Empty);
        assert_eq!(decode(b" \n\t ", &o).unwrap_err(), Error::Empty);
        assert_eq!(decode(b"\xEF\xBB\xBF  ", &o).unwrap_err(), Error::Empty);
        assert!(matches!(
            decode(b"\x00\x01\x02abc", &o),
            Err(Error::Binary { .. })
        ));
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
        assert!(matches!(decode(png, &o), Err(Error::Binary { .. })));
        let small = Options::default().with_max_bytes(4);
        assert_eq!(
            decode(b"hello", &small).unwrap_err(),
            Error::TooLarge { bytes: 5, limit: 4 }
        );
    }

    #[test]
    fn one_stray_nul_in_a_short_page_is_not_binary() {
        assert!(decode(b"<p>A stray\x00 NUL</p>", &Options::default()).is_ok());
    }

    #[test]
    fn one_stray_nul_in_a_page_is_not_binary() {
        let mut page = "<p>".repeat(100).into_bytes();
        page.push(0);
        assert!(decode(&page, &Options::default()).is_ok());
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff_format("  <HTML><body>x"), InputFormat::Html);
        assert_eq!(sniff_format("Hello <b>world</b> again"), InputFormat::Html);
        assert_eq!(
            sniff_format("Use the <div> element for layout."),
            InputFormat::Text
        );
        assert_eq!(
            sniff_format("SkipToContentNewsSportWeather"),
            InputFormat::Text
        );
    }
}
