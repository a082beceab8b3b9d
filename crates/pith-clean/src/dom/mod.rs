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
    read(el).hidden.map(str::to_string)
}

/// What the cleaner reads of an element's attributes, gathered in one scan of
/// them (each scan converts every attribute name, so each one counts on a page
/// of thousands of elements).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Read<'a> {
    /// The `class` attribute.
    pub class: Option<&'a str>,
    /// The `id` attribute.
    pub id: Option<&'a str>,
    /// The `role` attribute.
    pub role: Option<&'a str>,
    /// How the element is hidden from readers, as [`hidden`] says.
    pub hidden: Option<&'static str>,
}

/// Read an element's class, id, role and hiddenness in one scan of its attributes.
pub(crate) fn read(el: &scraper::node::Element) -> Read<'_> {
    let (mut flag, mut aria, mut style) = (false, None, None);
    let mut out = Read::default();
    for (name, value) in el.attrs() {
        match name {
            "class" => out.class = out.class.or(Some(value)),
            "id" => out.id = out.id.or(Some(value)),
            "role" => out.role = out.role.or(Some(value)),
            "hidden" => flag = true,
            "aria-hidden" => aria = Some(value),
            "style" => style = Some(value),
            _ => {}
        }
    }
    out.hidden = hidden_how(flag, aria, style);
    out
}

/// How an element is hidden, from its `hidden` flag, `aria-hidden` and `style` values.
fn hidden_how(flag: bool, aria: Option<&str>, style: Option<&str>) -> Option<&'static str> {
    if flag {
        return Some("hidden");
    }
    if aria.is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return Some("aria-hidden");
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
    ["display:none", "visibility:hidden"]
        .into_iter()
        .find(|how| style.split(';').any(|decl| decl.starts_with(how)))
}
