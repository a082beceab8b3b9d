//! Stage: who said a quote. Reads the attribution next to the quote ("said
//! Miriam Holtby", "Holtby said", "according to ...", "she added", "a CoDesk
//! spokesperson told Reuters") and resolves names to their fullest form in the
//! article ("Holtby" -> "Miriam Holtby"), dropping titles such as Mr. or Gov.

use crate::lexicon::Lexicons;

mod names;
mod words;

pub(crate) use names::NameMemo;
pub use names::Names;
use words::{is_cap, is_particle};
pub(crate) use words::{split_whitespace, tokenize, Word};

/// Most words scanned after a quote for its attribution.
const AFTER_WINDOW: usize = 12;

/// Most words in a described speaker ("a spokesperson with the Ministry of Foreign Affairs").
const MAX_DESCRIPTION_WORDS: usize = 8;

/// Verbs whose object is the listener, not the speaker ("told Reuters").
const LISTENER_VERBS: &[&str] = &["told", "tells", "telling"];

/// Most lowercase words of a job title before a name ("chief inspector").
const MAX_JOB_TITLE_WORDS: usize = 3;

/// Words that open a described speaker ("a spokesperson", "one commenter").
const DETERMINERS: &[&str] = &["a", "an", "the", "one", "another", "two", "some", "several"];

/// Words that open an adverbial phrase, never a described speaker ("in 2003").
const ADVERBIAL_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "since", "last", "this", "earlier", "later",
    "then",
];

/// Auxiliaries that make a following participle passive ("was described as").
const PASSIVE_AUX: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];

/// What an attribution says about who spoke.
///
/// ```
/// use pith_segment::{lexicon::Lexicons, speaker::{Attributor, Who}};
/// let a = Attributor::new(Lexicons::builtin());
/// assert_eq!(a.after(", said Miriam Holtby, Europe director."), Some(Who::Named("Miriam Holtby".into())));
/// assert_eq!(a.after(", she added."), Some(Who::Pronoun("she".into())));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A name as printed, titles dropped.
    Named(String),
    /// A pronoun (lowercase, as printed): the last named speaker.
    Pronoun(String),
    /// An unnamed source as the article describes it.
    Described(String),
    /// Attributed through a passive verb only: no speaker.
    Passive,
}

/// Reads attributions. Build once per lexicon set.
#[derive(Debug, Clone, Copy)]
pub struct Attributor {
    lex: &'static Lexicons,
    lists: Lists,
}

/// The bits of the lists an attribution reads (see [`WordBits`](crate::lexicon::WordBits)).
#[derive(Debug, Clone, Copy)]
struct Lists {
    speech_verbs: u64,
    name_stopwords: u64,
    pronouns: u64,
    honorifics: u64,
    weekdays: u64,
    attribution_fillers: u64,
}

impl Attributor {
    /// An attributor over these lexicons.
    pub fn new(lex: &'static Lexicons) -> Attributor {
        let lists = Lists {
            speech_verbs: lex.list_bit("speech_verbs"),
            name_stopwords: lex.list_bit("name_stopwords"),
            pronouns: lex.list_bit("pronouns"),
            honorifics: lex.list_bit("honorifics"),
            weekdays: lex.list_bit("weekdays"),
            attribution_fillers: lex.list_bit("attribution_fillers"),
        };
        Attributor { lex, lists }
    }

    /// Whether a speech verb stands anywhere in `ctx`.
    pub fn has_verb(&self, ctx: &str) -> bool {
        self.has_verb_in(&tokenize(ctx, self.lex))
    }

    /// [`Attributor::has_verb`] on words already split.
    pub(crate) fn has_verb_in(&self, words: &[Word]) -> bool {
        (0..words.len()).any(|i| self.verb_at(words, i).is_some())
    }

    /// The attribution right after a quote: `, said X`, `, X said`, `, she added`.
    pub fn after(&self, ctx: &str) -> Option<Who> {
        self.after_in(&tokenize(ctx, self.lex))
    }

    /// [`Attributor::after`] on words already split.
    pub(crate) fn after_in(&self, words: &[Word]) -> Option<Who> {
        let sentence = words
            .iter()
            .position(|w| w.end_sentence)
            .map_or(words.len(), |end| end + 1);
        let words = words.get(..sentence.min(AFTER_WINDOW))?;
        let (k, len) = (0..words.len()).find_map(|i| self.verb_at(words, i).map(|l| (i, l)))?;
        if k == 0 {
            let verb = words.first()?.lower.as_ref();
            if LISTENER_VERBS.contains(&verb) {
                return None;
            }
            return self.object(words.get(len..)?);
        }
        // "by" after a quote marks a passive attribution: `"heartbreaking" by the department`.
        self.subject(words.get(..k)?)
    }

    /// The attribution before a quote in its sentence: `Holtby said: "`, `According to X, "`.
    pub fn before(&self, ctx: &str) -> Option<Who> {
        self.before_in(&tokenize(ctx, self.lex))
    }

    /// [`Attributor::before`] on words already split.
    pub(crate) fn before_in(&self, words: &[Word]) -> Option<Who> {
        let verbs: Vec<(usize, usize)> = (0..words.len())
            .filter_map(|i| self.verb_at(words, i).map(|l| (i, l)))
            .collect();
        let (mut k, mut len) = *verbs.last()?;
        // "posted to Twitter asking if": the participle hangs on an earlier verb.
        let participle = words.get(k).is_some_and(|w| w.lower.ends_with("ing"));
        if participle {
            if let Some(&(k0, l0)) = verbs.iter().rev().nth(1) {
                (k, len) = (k0, l0);
            } else if k > 0
                && words
                    .get(k - 1)
                    .is_some_and(|w| w.stop_after || w.lower == "by")
            {
                // "Moreau apologized ..., saying": the clause's subject speaks.
                return self.first_run(words.get(..k)?).map(Who::Named);
            }
        }
        let verb = words
            .get(k..k + len)?
            .iter()
            .map(|w| w.lower.as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        if k == 0 || verb == "according to" || verb == "laut" || verb == "selon" || verb == "según"
        {
            return self.object(words.get(k + len..)?);
        }
        let before = words.get(..k)?;
        // Inverted after a clause: "The combination has been steady, said Tom Forte".
        if before.last().is_some_and(|w| w.stop_after) {
            if let Some(n) = self.inverted(words.get(k + len..)?) {
                return Some(Who::Named(n));
            }
        }
        if before
            .last()
            .is_some_and(|w| PASSIVE_AUX.contains(&w.lower.as_ref()))
        {
            return Some(Who::Passive);
        }
        self.subject(before)
    }

    /// The length in words of a speech verb starting at `i`, if one does.
    fn verb_at(&self, words: &[Word], i: usize) -> Option<usize> {
        let word = words.get(i)?;
        if word.bits.opens & self.lists.speech_verbs == 0 {
            return None;
        }
        let first = &word.lower;
        self.lex
            .phrases_from("speech_verbs", first)
            .iter()
            .find(|parts| {
                parts
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(j, p)| words.get(i + j).is_some_and(|w| w.lower == p.as_str()))
            })
            .map(Vec::len)
    }

    /// A name right after the verb that stands alone ("said Tom Forte, who ..."),
    /// not the verb's object ("urged Moreau to step down", "said Moreau's order").
    fn inverted(&self, after: &[Word]) -> Option<String> {
        let first = after.first()?;
        if !is_cap(first) || first.is(self.lists.name_stopwords) {
            return None;
        }
        let mut end = 0;
        while after.get(end).is_some_and(|w| is_cap(w) && !w.stop_after) {
            end += 1;
        }
        let last = after.get(end)?;
        let alone = is_cap(last) && (last.stop_after || last.end_sentence) && !last.possessive;
        alone.then(|| self.clean_run(after.get(..=end)?)).flatten()
    }

    /// The speaker from the words before the verb.
    fn subject(&self, words: &[Word]) -> Option<Who> {
        let mut end = words.len();
        while end > 0 && words.get(end - 1).is_some_and(|w| self.is_filler(w)) {
            end -= 1;
        }
        let words = words.get(..end)?;
        let last = words.last()?;
        // "... but insisted": a conjunction joins a second predicate, not a speaker.
        if matches!(last.lower.as_ref(), "but" | "and" | "or" | "yet") {
            return None;
        }
        if last.is(self.lists.pronouns) {
            return Some(Who::Pronoun(last.lower.to_string()));
        }
        if last.stop_after {
            // An appositive sits before the verb: "Miriam Holtby, director at the group, said".
            return self.first_run(words).map(Who::Named);
        }
        if is_cap(last) {
            let mut start = end;
            while start > 0 {
                let w = words.get(start - 1)?;
                let joins = is_cap(w) || (is_particle(w) && start < end);
                if !joins || (w.stop_after && start < end) {
                    break;
                }
                start -= 1;
            }
            return self.clean_run(words.get(start..)?).map(Who::Named);
        }
        // A described subject holds no verb of speech and no clause break:
        // "The lawyer said officers at the station told him" -> "officers at the station".
        let bound = (0..words.len())
            .rev()
            .find(|&i| {
                words.get(i).is_some_and(|w| w.stop_after) || self.verb_at(words, i).is_some()
            })
            .map_or(0, |i| i + 1);
        let from = words.len().saturating_sub(MAX_DESCRIPTION_WORDS).max(bound);
        let det = (from..words.len()).rev().find(|&i| {
            words
                .get(i)
                .is_some_and(|w| DETERMINERS.contains(&w.lower.as_ref()))
        });
        let start = match det {
            Some(d) => d,
            None if bound > 0 && words.len() - bound <= MAX_DESCRIPTION_WORDS => bound,
            None => {
                let stop = (0..words.len())
                    .rev()
                    .find(|&i| words.get(i).is_some_and(|w| w.stop_after));
                stop.map_or(0, |s| s + 1)
                    .max(words.len().saturating_sub(3))
                    .max(bound)
            }
        };
        // "Theo van Boven, then the UN rapporteur, in 2003 found": an adverbial
        // phrase is no speaker; the clause's named subject is.
        if words
            .get(start)
            .is_some_and(|w| ADVERBIAL_OPENERS.contains(&w.lower.as_ref()))
        {
            return self.first_run(words).map(Who::Named);
        }
        let text = join(words.get(start..)?);
        (!text.is_empty()).then_some(Who::Described(text))
    }

    /// The speaker from the words after the verb ("said Senator Paul Brennan, a Democrat").
    fn object(&self, words: &[Word]) -> Option<Who> {
        let first = words.first()?;
        if first.is(self.lists.pronouns) {
            return Some(Who::Pronoun(first.lower.to_string()));
        }
        // "said chief inspector Helen Marchetti": a lowercase job title before the name.
        let title_len = words
            .iter()
            .take(MAX_JOB_TITLE_WORDS + 1)
            .position(|w| is_cap(w) || w.stop_after || DETERMINERS.contains(&w.lower.as_ref()));
        if let Some(t) = title_len.filter(|&t| t > 0) {
            if words
                .get(t)
                .is_some_and(|w| is_cap(w) && !w.is(self.lists.name_stopwords))
                && words.get(..t)?.iter().all(|w| !w.stop_after)
            {
                return self.object(words.get(t..)?);
            }
        }
        if is_cap(first) && !first.is(self.lists.name_stopwords) {
            let mut end = 0;
            while let Some(w) = words.get(end) {
                if !(is_cap(w) || (is_particle(w) && words.get(end + 1).is_some_and(is_cap))) {
                    break;
                }
                end += 1;
                if w.stop_after {
                    break;
                }
            }
            return self.clean_run(words.get(..end)?).map(Who::Named);
        }
        let mut end = 0;
        while let Some(w) = words.get(end) {
            if end > 0
                && matches!(
                    w.lower.as_ref(),
                    "who" | "that" | "which" | "in" | "on" | "at"
                )
            {
                break;
            }
            end += 1;
            if w.stop_after || w.end_sentence || end >= MAX_DESCRIPTION_WORDS {
                break;
            }
        }
        let text = join(words.get(..end)?);
        (!text.is_empty()).then_some(Who::Described(text))
    }

    /// The named subject that opens a sentence ("Senator James Lankford, an
    /// Oklahoma Republican, ..."), after at most an introductory phrase ending
    /// in a comma; None when the sentence opens otherwise or with a possessive.
    pub fn sentence_subject(&self, sentence: &str) -> Option<String> {
        self.sentence_subject_in(&tokenize(sentence, self.lex))
    }

    /// [`Attributor::sentence_subject`] on words already split.
    pub(crate) fn sentence_subject_in(&self, words: &[Word]) -> Option<String> {
        let i = words
            .iter()
            .position(|w| is_cap(w) && !w.is(self.lists.name_stopwords))?;
        let intro_ok = i == 0
            || words.get(i - 1).is_some_and(|w| w.stop_after)
            || words
                .get(..i)?
                .iter()
                .all(|w| w.is(self.lists.name_stopwords));
        if !intro_ok {
            return None;
        }
        let mut end = i;
        while let Some(w) = words.get(end) {
            if !(is_cap(w) || (is_particle(w) && words.get(end + 1).is_some_and(is_cap))) {
                break;
            }
            end += 1;
            if w.stop_after {
                break;
            }
        }
        if words.get(end.checked_sub(1)?)?.possessive {
            return None;
        }
        self.clean_run(words.get(i..end)?)
    }

    /// The first name run of a clause, skipping a leading time phrase ("Earlier Saturday, Moreau").
    fn first_run(&self, words: &[Word]) -> Option<String> {
        // "The leader of Solidar, Tomas Ekberg, condemned": a described
        // subject followed by the person's name in apposition names the person.
        if words
            .first()
            .is_some_and(|w| DETERMINERS.contains(&w.lower.as_ref()))
        {
            let comma = words
                .iter()
                .take(MAX_DESCRIPTION_WORDS)
                .position(|w| w.stop_after);
            if let Some(name) = comma
                .and_then(|c| words.get(c + 1..))
                .filter(|rest| rest.first().is_some_and(is_cap))
                .and_then(|rest| {
                    let end = rest.iter().position(|w| w.stop_after || !is_cap(w))?;
                    let run = rest.get(..=end)?;
                    (run.iter().all(is_cap) && rest.get(end).is_some_and(|w| w.stop_after))
                        .then(|| self.clean_run(run))
                        .flatten()
                })
            {
                return Some(name);
            }
        }
        let mut i = 0;
        while i < words.len() {
            let Some(w) = words.get(i) else { break };
            if !is_cap(w) {
                i += 1;
                continue;
            }
            let start = i;
            while let Some(w) = words.get(i) {
                if !(is_cap(w) || (is_particle(w) && i > start)) {
                    break;
                }
                i += 1;
                if w.stop_after {
                    break;
                }
            }
            if let Some(name) = words.get(start..i).and_then(|run| self.clean_run(run)) {
                return Some(name);
            }
        }
        None
    }

    /// Drop sentence openers, titles, weekdays and months from a run; None when nothing is left.
    pub(crate) fn clean_run(&self, run: &[Word]) -> Option<String> {
        // "Veluvian President Mira Lund Ostby": the name starts after the last title.
        let after_title = run
            .iter()
            .rposition(|w| w.is(self.lists.honorifics))
            .map_or(0, |i| i + 1);
        let keep: Vec<&Word> = run
            .get(after_title..)?
            .iter()
            .skip_while(|w| {
                // An acronym ("UN") is never a sentence opener, whatever other languages spell alike.
                let acronym =
                    w.core.chars().count() > 1 && w.core.chars().all(|c| c.is_uppercase());
                (!acronym && w.is(self.lists.name_stopwords))
                    || w.is(self.lists.honorifics)
                    || w.is(self.lists.weekdays)
                    || self.lex.month(&w.lower).is_some()
            })
            .collect();
        let mut end = keep.len();
        while end > 0 && keep.get(end - 1).is_some_and(|w| is_particle(w)) {
            end -= 1;
        }
        let name = keep
            .get(..end)?
            .iter()
            .map(|w| w.core)
            .collect::<Vec<_>>()
            .join(" ");
        (!name.is_empty()).then_some(name)
    }

    fn is_filler(&self, w: &Word) -> bool {
        w.is(self.lists.attribution_fillers)
            || (w.lower.ends_with("ly") && w.lower.len() > 4 && !is_cap(w))
    }
}

fn join(words: &[Word]) -> String {
    words.iter().map(|w| w.core).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a() -> Attributor {
        Attributor::new(Lexicons::builtin())
    }

    fn named(s: &str) -> Option<Who> {
        Some(Who::Named(s.into()))
    }

    #[test]
    fn verb_first_after_quote() {
        assert_eq!(
            a().after(", said Miriam Holtby, regional director at Rights Monitor."),
            named("Miriam Holtby")
        );
        assert_eq!(
            a().after(", said Senator Paul Brennan, an Ohio Democrat."),
            named("Paul Brennan")
        );
        assert_eq!(
            a().after(", instructed Arturo Quiles, the agency's district supervisor."),
            named("Arturo Quiles")
        );
        assert_eq!(a().after(", told Reuters."), None);
    }

    #[test]
    fn job_title_before_name_after_verb() {
        assert_eq!(
            a().after(", said chief inspector Helen Marchetti from the Northfield police."),
            named("Helen Marchetti")
        );
    }

    #[test]
    fn name_then_verb_after_quote() {
        assert_eq!(a().after(", Holtby said."), named("Holtby"));
        assert_eq!(
            a().after(" Mr. Okafor said as he secured the clamp."),
            named("Okafor")
        );
        assert_eq!(a().after(", she added."), Some(Who::Pronoun("she".into())));
        assert_eq!(
            a().after(", a CoDesk spokesperson told Reuters."),
            Some(Who::Described("a CoDesk spokesperson".into()))
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(a().after(" are all believed to play a part, according to the regional Department of Fisheries."), None);
        assert_eq!(
            a().before("According to the doctor,"),
            Some(Who::Described("the doctor,".trim_end_matches(',').into()))
        );
    }

    #[test]
    fn subject_before_quote() {
        assert_eq!(
            a().before("In an interview with the radio station, Mr Whitfield said it was"),
            named("Whitfield")
        );
        assert_eq!(
            a().before("President Dana Whitfield has admitted that his failure to pass"),
            named("Dana Whitfield")
        );
        assert_eq!(
            a().before("Mr. Brennan, the Ohio Democrat, called last year's tax bill"),
            named("Brennan")
        );
        assert_eq!(
            a().before(
                "Earlier Saturday, Moreau apologized for her remarks in a short statement, saying they"
            ),
            named("Moreau")
        );
        assert_eq!(
            a().before("The recent run of dry summers has been described as"),
            Some(Who::Passive)
        );
        assert_eq!(
            a().before("the company claims its new prices have saved customers"),
            Some(Who::Described("the company".into()))
        );
        assert_eq!(
            a().before("He vowed that the country would be"),
            Some(Who::Pronoun("he".into()))
        );
    }

    #[test]
    fn described_subject_stops_at_an_earlier_verb() {
        assert_eq!(
            a().before("The lawyer said officers at Garissa police station told him that they were investigated for"),
            Some(Who::Described("officers at Garissa police station".into()))
        );
    }

    #[test]
    fn adverbial_before_verb_points_to_the_named_subject() {
        assert_eq!(
            a().before("Theo van Boven, then the UN Special Rapporteur on Torture, in 2003 found torture in Uzbekistan to be"),
            named("Theo van Boven")
        );
    }

    #[test]
    fn name_in_apposition_after_a_description() {
        assert_eq!(
            a().before("The leader of Solidar, Tomas Ekberg, condemned the attack, saying in a statement that it"),
            named("Tomas Ekberg")
        );
    }

    #[test]
    fn no_attribution() {
        assert_eq!(a().before("The museum houses"), None);
        assert!(!a().has_verb("a so-called"));
    }
}
