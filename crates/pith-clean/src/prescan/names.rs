//! Tag names: what the guard needs to know about each (void, raw text, cut, block, scope).

// Name classes, as bit flags (see `class_of`).
/// Never has content or an end tag.
pub(super) const VOID: u16 = 1;
/// Content is raw text up to its end tag; kept whole.
pub(super) const RAW: u16 = 1 << 1;
/// Cut with its content.
pub(super) const CUT: u16 = 1 << 2;
/// The HTML spec's "special" category: stops the generic end-tag search.
pub(super) const SPECIAL: u16 = 1 << 3;
/// Its start tag closes an open `<p>`.
pub(super) const CLOSES_P: u16 = 1 << 4;
/// Block-level: a dropped tag becomes a space.
pub(super) const BLOCK: u16 = 1 << 5;
/// A boundary of the default scope.
pub(super) const SCOPE: u16 = 1 << 6;
/// `h1`..`h6`.
pub(super) const HEADING: u16 = 1 << 7;
/// `html`, `head`, `body`: merged by the parser, not tracked.
pub(super) const ROOT: u16 = 1 << 8;
/// The rest of the document is text.
pub(super) const PLAINTEXT: u16 = 1 << 9;

/// Flags for a lowercase tag name (names longer than 10 bytes are custom: no flags).
pub(super) fn class_of(key: &[u8]) -> u16 {
    pub(super) const B: u16 = SPECIAL | CLOSES_P | BLOCK;
    match key {
        b"area" | b"base" | b"basefont" | b"bgsound" | b"col" | b"embed" | b"frame" | b"img"
        | b"input" | b"keygen" | b"link" | b"meta" | b"param" | b"source" | b"track" | b"wbr" => {
            VOID | SPECIAL
        }
        b"br" => VOID | SPECIAL | BLOCK,
        b"hr" => VOID | B,
        b"title" | b"textarea" | b"xmp" | b"iframe" | b"noembed" | b"noframes" => RAW | SPECIAL,
        b"script" | b"style" | b"svg" | b"template" | b"noscript" => CUT,
        b"plaintext" => PLAINTEXT,
        b"html" | b"head" | b"body" => ROOT | SPECIAL,
        b"address" | b"article" | b"aside" | b"blockquote" | b"center" | b"details" | b"dialog"
        | b"dir" | b"div" | b"dl" | b"fieldset" | b"figcaption" | b"figure" | b"footer"
        | b"header" | b"hgroup" | b"main" | b"menu" | b"nav" | b"ol" | b"p" | b"pre"
        | b"listing" | b"section" | b"summary" | b"ul" | b"search" | b"form" | b"li" | b"dd"
        | b"dt" => B,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => B | HEADING,
        b"table" => B | SCOPE,
        b"td" | b"th" | b"caption" => SPECIAL | BLOCK | SCOPE,
        b"applet" | b"marquee" | b"object" => SPECIAL | SCOPE,
        b"tr" | b"tbody" | b"thead" | b"tfoot" | b"colgroup" => SPECIAL | BLOCK,
        b"button" | b"select" | b"frameset" => SPECIAL,
        _ => 0,
    }
}

/// The lowercase name as a small key, or `None` for names too long to be standard HTML.
pub(super) fn key_of(name: &[u8]) -> Option<([u8; 10], usize)> {
    if name.len() > 10 {
        return None;
    }
    let mut buf = [0u8; 10];
    for (b, n) in buf.iter_mut().zip(name) {
        *b = n.to_ascii_lowercase();
    }
    Some((buf, name.len()))
}

pub(super) fn class_of_name(name: &[u8]) -> u16 {
    key_of(name).map_or(0, |(k, n)| class_of(&k[..n]))
}

/// True when an attribute name (any case) is one some stage reads, or one that steers
/// the tree builder (`type` on `input` in a table, `color`/`face`/`size` on `font` in
/// foreign content, `encoding` on MathML `annotation-xml`). The guard cuts every other
/// attribute before parsing. `href` is read on `<link>` only (the canonical URL): on
/// links it is a tenth of a typical page's bytes, and no stage reads where a link goes.
pub(super) fn is_read_attribute(name: &[u8], tag: &[u8]) -> bool {
    let mut key = [0u8; 11];
    if name.len() > key.len() {
        return false;
    }
    for (k, n) in key.iter_mut().zip(name) {
        *k = n.to_ascii_lowercase();
    }
    match &key[..name.len()] {
        b"href" => tag.eq_ignore_ascii_case(b"link"),
        b"class" | b"id" | b"role" | b"style" | b"hidden" | b"aria-hidden" | b"itemprop"
        | b"rel" | b"name" | b"property" | b"content" | b"datetime" | b"lang" | b"type"
        | b"summary" | b"datatable" | b"charset" | b"http-equiv" | b"color" | b"face" | b"size"
        | b"encoding" => true,
        _ => false,
    }
}
