//! Lexicon phrases in a block's text. A phrase decides alone only when it makes
//! up most of a short block ("Accept all cookies", "Share this article"); in a
//! real sentence about cookies, sharing or donations it is one word among many.

use crate::classify::evidence::Evidence;
use crate::classify::kind::BoilerplateKind;
use crate::classify::weights::{PHRASE_MAX_BLOCK_CHARS, PHRASE_MIN_COVER};
use crate::lexicon::{fold, Lexicons};

/// The phrase share of a block and the kind it points at.
///
/// ```
/// use pith_clean::lexicon::Lexicons;
/// use pith_clean::signals::phrase::phrase_signal;
/// let lex = Lexicons::builtin();
/// let (kind, _) = phrase_signal("Share this article", lex).unwrap();
/// assert_eq!(kind.name(), "share_widget");
/// assert!(phrase_signal("Grandmother shared her cookies with the soldiers, who thanked her.", lex).is_none());
/// ```
pub fn phrase_signal(text: &str, lex: &Lexicons) -> Option<(BoilerplateKind, Evidence)> {
    if text.chars().count() > PHRASE_MAX_BLOCK_CHARS {
        return None;
    }
    let folded = fold(text);
    let (kind, covered, evidence) = best_kind_folded(&folded, lex)?;
    let letters = folded.chars().filter(|c| !c.is_whitespace()).count();
    if letters == 0 || (covered as f32) < PHRASE_MIN_COVER * letters as f32 {
        return None;
    }
    Some((kind, evidence))
}

/// The kind whose phrases cover most of `text`: (kind, covered non-space chars, first phrase).
pub fn best_kind(text: &str, lex: &Lexicons) -> Option<(BoilerplateKind, usize, Evidence)> {
    best_kind_folded(&fold(text), lex)
}

/// [`best_kind`] of text already folded with [`fold`].
fn best_kind_folded(folded: &str, lex: &Lexicons) -> Option<(BoilerplateKind, usize, Evidence)> {
    let mut per_kind: Vec<(BoilerplateKind, usize, Evidence)> = Vec::new();
    for hit in lex.phrases_folded(folded) {
        let Some(kind) = BoilerplateKind::from_name(hit.entry.list) else {
            continue;
        };
        let covered = folded
            .get(hit.start..hit.end)
            .map_or(0, |s| s.chars().filter(|c| !c.is_whitespace()).count());
        match per_kind.iter_mut().find(|(k, _, _)| *k == kind) {
            Some(slot) => slot.1 += covered,
            None => per_kind.push((
                kind,
                covered,
                Evidence::Phrase {
                    lang: hit.entry.lang,
                    list: hit.entry.list,
                    phrase: hit.entry.phrase,
                },
            )),
        }
    }
    per_kind.into_iter().max_by_key(|(_, c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_blocks_made_of_phrases_are_marked() {
        let lex = Lexicons::builtin();
        assert_eq!(
            phrase_signal("Accept all cookies", lex).map(|p| p.0),
            Some(BoilerplateKind::CookieConsent)
        );
        assert_eq!(
            phrase_signal("Donate now", lex).map(|p| p.0),
            Some(BoilerplateKind::Donation)
        );
    }

    #[test]
    fn sentences_that_mention_the_topic_stay() {
        let lex = Lexicons::builtin();
        for s in [
            "The court heard that the company used tracking cookies without consent, and the judge said we use cookies is no defence.",
            "Residents were asked to share water with neighbours while the pipes were repaired.",
            "She said donations to the flood fund had doubled since Monday, reaching $2 million.",
        ] {
            assert!(phrase_signal(s, lex).is_none(), "{s}");
        }
    }
}
