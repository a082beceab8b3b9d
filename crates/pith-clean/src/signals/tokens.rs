//! Class/id tokens read as words: each class word names one thing, and in a
//! compound the head (the last listed part) names it: `main-nav` is a nav,
//! `article-footer` a footer, `entry-content` content.

use crate::classify::evidence::Attribute;
use crate::lexicon::tokens::each_token;
use crate::lexicon::Lexicons;

/// Lists that mark content, not boilerplate.
pub const CONTENT: &str = "content";

/// Lists that only feed hints (byline, date, standfirst): neither content nor boilerplate.
pub const HINT_LISTS: &[&str] = &["byline", "date", "standfirst"];

/// Class/id words with more parts than this are slugs or generated names.
const MAX_WORD_PARTS: usize = 5;

/// The lexicon list matched as whole attribute words only: `hidden-xs` is a
/// responsive rule, not a hidden element.
const WHOLE_WORD_ONLY: &[&str] = &["hidden"];

/// One class/id word that names a lexicon list.
///
/// ```
/// use pith_clean::lexicon::Lexicons;
/// use pith_clean::signals::tokens::words;
/// use pith_clean::Attribute;
/// let hits = words("main-nav entry-content", Attribute::Class, Lexicons::builtin());
/// assert_eq!(hits[0].list, "navigation");
/// assert_eq!(hits[1].list, "content");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenHit {
    /// The list the head token belongs to.
    pub list: &'static str,
    /// The token that matched, lowercase.
    pub token: String,
    /// Where it came from.
    pub attribute: Attribute,
}

/// The list each word of a class or id value names, by its head token.
pub fn words(value: &str, attribute: Attribute, lex: &Lexicons) -> Vec<TokenHit> {
    value
        .split_ascii_whitespace()
        .filter_map(|word| word_head(word, lex))
        .map(|(list, token)| TokenHit {
            list,
            token,
            attribute,
        })
        .collect()
}

/// The head of one class/id word, or none for slugs and generated names.
fn word_head(word: &str, lex: &Lexicons) -> Option<(&'static str, String)> {
    // A word of many parts is a slug or a generated name
    // (`sharing-with-multiple-developers`), not a naming habit.
    let parts = word
        .split(['-', '_', ':', '.', '/'])
        .filter(|p| !p.is_empty())
        .count();
    if parts > MAX_WORD_PARTS {
        return None;
    }
    head(word, lex)
}

/// Reads the class/id words of a page's elements, splitting and looking up
/// each distinct word once: pages repeat the same few dozen class words on
/// thousands of elements, so this is where the class-token pass spends its time.
///
/// ```
/// use pith_clean::lexicon::Lexicons;
/// use pith_clean::signals::tokens::WordReader;
/// use pith_clean::Attribute;
/// let mut reader = WordReader::new(Lexicons::builtin());
/// let hits = reader.words("main-nav entry-content", Attribute::Class);
/// assert_eq!(hits[0].list, "navigation");
/// assert_eq!(reader.words("main-nav", Attribute::Id)[0].list, "navigation");
/// ```
pub struct WordReader<'l, 'a> {
    lex: &'l Lexicons,
    seen: rustc_hash::FxHashMap<&'a str, Option<(&'static str, Box<str>)>>,
}

impl<'l, 'a> WordReader<'l, 'a> {
    /// A reader with nothing seen yet.
    pub fn new(lex: &'l Lexicons) -> Self {
        WordReader {
            lex,
            seen: rustc_hash::FxHashMap::default(),
        }
    }

    /// The same as [`words`], remembering each word's head.
    pub fn words(&mut self, value: &'a str, attribute: Attribute) -> Vec<TokenHit> {
        let mut out = Vec::new();
        self.words_into(value, attribute, &mut out);
        out
    }

    /// [`WordReader::words`], appending to `out`.
    fn words_into(&mut self, value: &'a str, attribute: Attribute, out: &mut Vec<TokenHit>) {
        let lex = self.lex;
        for word in value.split_ascii_whitespace() {
            let head = self.seen.entry(word).or_insert_with(|| {
                word_head(word, lex).map(|(list, token)| (list, token.into_boxed_str()))
            });
            if let Some((list, token)) = head {
                out.push(TokenHit {
                    list,
                    token: token.to_string(),
                    attribute,
                });
            }
        }
    }

    /// The same as [`element_words`], remembering each word's head.
    pub fn element(&mut self, el: &'a scraper::node::Element) -> Vec<TokenHit> {
        self.class_and_id(crate::dom::attr(el, "class"), crate::dom::attr(el, "id"))
    }

    /// The same as [`WordReader::element`], for class and id values read before.
    pub fn class_and_id(&mut self, class: Option<&'a str>, id: Option<&'a str>) -> Vec<TokenHit> {
        let mut out = Vec::new();
        if let Some(c) = class {
            self.words_into(c, Attribute::Class, &mut out);
        }
        if let Some(i) = id {
            self.words_into(i, Attribute::Id, &mut out);
        }
        out
    }
}

/// The head token of one word: the listed token ending last in the word, the
/// longest when two end at the same place.
fn head(word: &str, lex: &Lexicons) -> Option<(&'static str, String)> {
    // Most words name no list: lowercase the word only once a token hits.
    let mut lower: Option<String> = None;
    let mut best: Option<(usize, usize, &'static str, String)> = None;
    each_token(word, |token| {
        let Some(list) = lex.class_token(token) else {
            return;
        };
        let lower = lower.get_or_insert_with(|| word.to_ascii_lowercase().replace('_', "-"));
        if WHOLE_WORD_ONLY.contains(&list) && token != lower.as_str() {
            return;
        }
        let end = lower.rfind(token).map_or(0, |s| s + token.len());
        let key = (end, token.len());
        if best.as_ref().map_or(true, |b| key > (b.0, b.1)) {
            best = Some((key.0, key.1, list, token.to_string()));
        }
    });
    best.map(|(_, _, list, token)| (list, token))
}

/// Both attributes of an element, class first.
pub fn element_words(el: &scraper::node::Element, lex: &Lexicons) -> Vec<TokenHit> {
    let mut out = Vec::new();
    if let Some(c) = crate::dom::attr(el, "class") {
        out.extend(words(c, Attribute::Class, lex));
    }
    if let Some(i) = crate::dom::attr(el, "id") {
        out.extend(words(i, Attribute::Id, lex));
    }
    out
}

/// The class weight of an element: per attribute, a content word adds
/// `weight`, a boilerplate word takes it away.
///
/// ```
/// use pith_clean::lexicon::Lexicons;
/// use pith_clean::signals::tokens::class_weight;
/// let doc = scraper::Html::parse_fragment(r#"<div class="entry-content" id="sidebar"></div>"#);
/// let div = doc.tree.nodes().find_map(|n| n.value().as_element().filter(|e| e.name() == "div")).unwrap();
/// assert_eq!(class_weight(div, Lexicons::builtin(), 25.0), 0.0);
/// ```
pub fn class_weight(el: &scraper::node::Element, lex: &Lexicons, weight: f32) -> f32 {
    hits_weight(&element_words(el, lex), weight)
}

/// The class weight from an element's hits (see [`class_weight`]).
pub fn hits_weight(hits: &[TokenHit], weight: f32) -> f32 {
    let mut w = 0.0;
    for which in [Attribute::Class, Attribute::Id] {
        let mut of = hits.iter().filter(|h| h.attribute == which);
        if of.clone().any(|h| h.list == CONTENT) {
            w += weight;
        }
        if of.any(|h| is_boilerplate_list(h.list)) {
            w -= weight;
        }
    }
    w
}

/// True when a list names boilerplate (not content, not a hint list).
pub fn is_boilerplate_list(list: &str) -> bool {
    list != CONTENT && !HINT_LISTS.contains(&list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(v: &str) -> Vec<&'static str> {
        words(v, Attribute::Class, Lexicons::builtin())
            .into_iter()
            .map(|h| h.list)
            .collect()
    }

    #[test]
    fn head_token_decides() {
        assert_eq!(lists("article-footer"), ["footer"]);
        assert_eq!(lists("main-nav"), ["navigation"]);
        assert_eq!(lists("entry-content"), ["content"]);
        assert_eq!(lists("post-share-bar"), ["share_widget"]);
        assert!(lists("canvas").is_empty());
        assert!(lists("sharing-with-multiple-developers-code-review").is_empty());
    }

    #[test]
    fn reader_remembers_and_agrees_with_words() {
        let lex = Lexicons::builtin();
        let mut reader = WordReader::new(lex);
        for v in [
            "main-nav entry-content",
            "main-nav",
            "mainNav sr-only hidden-xs",
            "post_share_bar x",
            "a-b-c-d-e-f-g-nav",
        ] {
            for attribute in [Attribute::Class, Attribute::Id] {
                assert_eq!(reader.words(v, attribute), words(v, attribute, lex), "{v}");
            }
        }
        assert!(reader.seen.contains_key("main-nav"));
        assert_eq!(reader.seen.get("canvas"), None);
    }

    #[test]
    fn hidden_only_as_a_whole_word() {
        assert_eq!(lists("sr-only"), ["hidden"]);
        assert!(lists("hidden-xs").is_empty());
    }
}
