//! Stage 2: HTML -> DOM. (Being written.)

/// Parse an HTML document.
pub fn parse(html: &str) -> scraper::Html {
    scraper::Html::parse_document(html)
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
    if el.attr("hidden").is_some() {
        return Some("hidden".into());
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return Some("aria-hidden".into());
    }
    let style: String = el
        .attr("style")?
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
