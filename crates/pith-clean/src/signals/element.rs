//! An element's own boilerplate marks: hidden, ARIA role, semantic tag, and
//! whole class/id tokens. Each mark becomes a [`Signal`] with typed evidence;
//! whether it removes anything is decided later, against the page's structure.

use crate::block::from_dom::Walk;
use crate::classify::evidence::Evidence;
use crate::classify::kind::BoilerplateKind;
use crate::lexicon::Lexicons;
use crate::signals::tokens::{element_words, is_boilerplate_list, TokenHit, CONTENT};

/// How strong a mark is: the guard rails only overrule token marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// A whole class/id token: a naming habit, often right, sometimes a page-wide flag.
    Token,
    /// An ARIA role or semantic tag: the page says what the part is.
    Structural,
    /// Hidden from readers.
    Hidden,
}

/// A boilerplate mark on one element.
///
/// ```
/// use pith_clean::block::from_dom::walk;
/// use pith_clean::lexicon::Lexicons;
/// use pith_clean::signals::element::signal;
/// let doc = scraper::Html::parse_document(r#"<nav><a href="/">Home</a></nav>"#);
/// let w = walk(&doc);
/// let nav = w.elements.iter().position(|e| e.tag == "nav").unwrap();
/// let s = signal(&w, nav, Lexicons::builtin()).unwrap();
/// assert_eq!(s.kind.name(), "navigation");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    /// What the element is.
    pub kind: BoilerplateKind,
    /// Why; at least one entry.
    pub evidence: Vec<Evidence>,
    /// How much to trust it.
    pub strength: Strength,
}

impl Signal {
    /// True when the part's text may not vote for the main content. Token marks
    /// of kinds that often name article wrappers (`share-wrapper`, `post-tags`)
    /// only weigh the vote, as in Readability, where they are class weights.
    pub fn excludes_voters(&self) -> bool {
        self.strength != Strength::Token
            || !matches!(
                self.kind,
                BoilerplateKind::ShareWidget
                    | BoilerplateKind::PrintTools
                    | BoilerplateKind::Tags
                    | BoilerplateKind::Donation
                    | BoilerplateKind::NewsletterSignup
                    | BoilerplateKind::Search
                    | BoilerplateKind::LanguageMenu
            )
    }
}

/// The mark element `i` carries on its own, if any.
pub fn signal(walk: &Walk<'_>, i: usize, lex: &Lexicons) -> Option<Signal> {
    let el = walk.elements.get(i)?;
    signal_with(walk, i, &element_words(el.el, lex))
}

/// The mark element `i` carries on its own, from its class/id `hits` read before.
pub fn signal_with(walk: &Walk<'_>, i: usize, hits: &[TokenHit]) -> Option<Signal> {
    let el = walk.elements.get(i)?;
    if let Some(how) = el.hidden {
        return Some(Signal {
            kind: BoilerplateKind::Hidden,
            evidence: vec![Evidence::Hidden { how: how.into() }],
            strength: Strength::Hidden,
        });
    }
    if let Some(mut s) = structural(walk, i) {
        // The tokens usually say more precisely what the part is (`aside.related`).
        if let Some(t) = boiler_hit(hits) {
            if let Some(kind) = BoilerplateKind::from_name(t.list) {
                s.kind = kind;
                s.evidence.push(token_evidence(t));
            }
        }
        return Some(s);
    }
    if hits.iter().any(|h| h.list == CONTENT) {
        return None;
    }
    let t = boiler_hit(hits)?;
    Some(Signal {
        kind: BoilerplateKind::from_name(t.list)?,
        evidence: vec![token_evidence(t)],
        strength: Strength::Token,
    })
}

fn boiler_hit(hits: &[TokenHit]) -> Option<&TokenHit> {
    hits.iter()
        .find(|h| is_boilerplate_list(h.list) && BoilerplateKind::from_name(h.list).is_some())
}

fn token_evidence(t: &TokenHit) -> Evidence {
    Evidence::ClassToken {
        token: t.token.clone(),
        attribute: t.attribute,
    }
}

pub use crate::dom::hidden;

/// A mark from an ARIA role or a semantic tag.
fn structural(walk: &Walk<'_>, i: usize) -> Option<Signal> {
    let el = &walk.elements[i];
    if let Some(role) = el.attr("role") {
        let role = role
            .split_ascii_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let kind = match role.as_str() {
            "navigation" | "menu" | "menubar" => Some(BoilerplateKind::Navigation),
            "banner" => Some(BoilerplateKind::Header),
            "contentinfo" => Some(BoilerplateKind::Footer),
            "complementary" => Some(BoilerplateKind::Widget),
            "search" => Some(BoilerplateKind::Search),
            "dialog" | "alertdialog" => Some(BoilerplateKind::Widget),
            _ => None,
        };
        if let Some(kind) = kind {
            return Some(Signal {
                kind,
                evidence: vec![Evidence::Role { role }],
                strength: Strength::Structural,
            });
        }
    }
    let kind = match el.tag {
        "nav" => BoilerplateKind::Navigation,
        "footer" => BoilerplateKind::Footer,
        "aside" | "dialog" => BoilerplateKind::Widget,
        "header" if !inside(walk, i, &["article", "main"]) => BoilerplateKind::Header,
        "form" => form_kind(walk, i)?,
        _ => return None,
    };
    Some(Signal {
        kind,
        evidence: vec![Evidence::Tag {
            tag: el.tag.to_string(),
        }],
        strength: Strength::Structural,
    })
}

/// True when element `i` has an ancestor with one of `tags`.
pub fn inside(walk: &Walk<'_>, i: usize, tags: &[&str]) -> bool {
    let mut cur = walk.elements[i].parent;
    while let Some(p) = cur {
        if tags.contains(&walk.elements[p].tag) {
            return true;
        }
        cur = walk.elements[p].parent;
    }
    false
}

/// A form is a search box or a sign-up form by its inputs; other forms are left to structure.
fn form_kind(walk: &Walk<'_>, i: usize) -> Option<BoilerplateKind> {
    let el = &walk.elements[i];
    let mut kind = None;
    for d in &walk.elements[i + 1..el.end.min(walk.elements.len())] {
        if d.tag != "input" {
            continue;
        }
        let ty = d.attr("type").unwrap_or("text").to_ascii_lowercase();
        let name = d.attr("name").unwrap_or("").to_ascii_lowercase();
        if ty == "search" || matches!(name.as_str(), "q" | "s" | "search" | "query") {
            return Some(BoilerplateKind::Search);
        }
        if ty == "email" || name.contains("email") {
            kind = Some(BoilerplateKind::NewsletterSignup);
        }
    }
    kind
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::from_dom::walk;

    fn kind_of(html: &str, tag: &str) -> Option<(&'static str, Strength)> {
        let doc = scraper::Html::parse_document(html);
        let w = walk(&doc);
        let i = w.elements.iter().position(|e| e.tag == tag)?;
        signal(&w, i, Lexicons::builtin()).map(|s| (s.kind.name(), s.strength))
    }

    #[test]
    fn hidden_marks() {
        let h = Some(("hidden", Strength::Hidden));
        assert_eq!(kind_of("<section hidden>x</section>", "section"), h);
        assert_eq!(
            kind_of(r#"<section aria-hidden="true">x</section>"#, "section"),
            h
        );
        assert_eq!(
            kind_of(r#"<section style="display: none">x</section>"#, "section"),
            h
        );
        assert_eq!(
            kind_of(r#"<section style="color:red">x</section>"#, "section"),
            None
        );
    }

    #[test]
    fn roles_and_tags() {
        assert_eq!(
            kind_of(r#"<div role="navigation">x</div>"#, "div"),
            Some(("navigation", Strength::Structural))
        );
        assert_eq!(kind_of("<footer>x</footer>", "footer").unwrap().0, "footer");
        assert_eq!(kind_of("<header>x</header>", "header").unwrap().0, "header");
        assert_eq!(
            kind_of("<article><header>x</header></article>", "header"),
            None
        );
        assert_eq!(
            kind_of(r#"<aside class="related">x</aside>"#, "aside")
                .unwrap()
                .0,
            "related_content"
        );
    }

    #[test]
    fn forms_by_inputs() {
        assert_eq!(
            kind_of(r#"<form><input name="q"></form>"#, "form")
                .unwrap()
                .0,
            "search"
        );
        assert_eq!(
            kind_of(r#"<form><input type="email"></form>"#, "form")
                .unwrap()
                .0,
            "newsletter_signup"
        );
        assert_eq!(
            kind_of(r#"<form><input type="text" name="comment"></form>"#, "form"),
            None
        );
    }

    #[test]
    fn tokens_and_content_veto() {
        assert_eq!(
            kind_of(r#"<div class="cookie-banner">x</div>"#, "div"),
            Some(("cookie_consent", Strength::Token))
        );
        assert_eq!(
            kind_of(r#"<div class="share entry-content">x</div>"#, "div"),
            None
        );
    }
}
