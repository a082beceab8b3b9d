//! Stage 2: HTML -> DOM, and the element facts every later stage reads.

/// Parse an HTML document.
///
/// ```
/// let doc = pith_clean::dom::parse("<p>Hi <b>there</b></p>");
/// assert_eq!(doc.root_element().text().collect::<String>(), "Hi there");
/// ```
pub fn parse(html: &str) -> scraper::Html {
    scraper::Html::parse_document(html)
}

/// An attribute's value, read by scanning the element's few attributes: cheaper
/// than `scraper`'s `attr`, which interns the name on every call.
///
/// ```
/// let doc = scraper::Html::parse_fragment(r#"<p class="lead" id="x">Hi</p>"#);
/// let p = doc.tree.nodes().find_map(|n| n.value().as_element().filter(|e| e.name() == "p")).unwrap();
/// assert_eq!(pith_clean::dom::attr(p, "class"), Some("lead"));
/// assert_eq!(pith_clean::dom::attr(p, "role"), None);
/// ```
pub fn attr<'a>(el: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    el.attrs().find_map(|(k, v)| (k == name).then_some(v))
}

/// True when `needle` (lowercase ASCII) occurs in `hay`, ignoring ASCII case.
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// How an element is hidden from readers, if it is: the `hidden` attribute,
/// `aria-hidden="true"`, or an inline style with `display:none` / `visibility:hidden`.
///
/// ```
/// let doc = scraper::Html::parse_fragment(r#"<span style="display: none">x</span>"#);
/// let span = doc.tree.nodes().find_map(|n| n.value().as_element().filter(|e| e.name() == "span")).unwrap();
/// assert_eq!(pith_clean::dom::hidden(span).as_deref(), Some("display:none"));
/// ```
pub fn hidden(el: &scraper::node::Element) -> Option<String> {
    let (mut flag, mut aria, mut style) = (false, None, None);
    for (name, value) in el.attrs() {
        match name {
            "hidden" => flag = true,
            "aria-hidden" => aria = Some(value),
            "style" => style = Some(value),
            _ => {}
        }
    }
    if flag {
        return Some("hidden".into());
    }
    if aria.is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return Some("aria-hidden".into());
    }
    let style = style?;
    // Most inline styles hide nothing: only read those that say `none` or `hidden`.
    if !contains_ignore_case(style, "none") && !contains_ignore_case(style, "hidden") {
        return None;
    }
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    for how in ["display:none", "visibility:hidden"] {
        if style.split(';').any(|decl| decl.starts_with(how)) {
            return Some(how.into());
        }
    }
    None
}
