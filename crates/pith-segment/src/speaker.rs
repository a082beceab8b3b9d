//! Stage: who said a quote. Reads the attribution next to the quote ("said
//! Rachel Denber", "Denber said", "according to ...", "she added", "a CoDesk
//! spokesperson told Reuters") and resolves names to their fullest form in the
//! article ("Denber" -> "Rachel Denber"), dropping titles such as Mr. or Gov.

use crate::lexicon::Lexicons;

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
/// assert_eq!(a.after(", said Rachel Denber, Europe director."), Some(Who::Named("Rachel Denber".into())));
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

/// One word of a context, with the punctuation that follows it.
#[derive(Debug, Clone)]
struct Word<'t> {
    core: &'t str,
    lower: String,
    /// A comma, colon, dash or possessive ends a name run after this word.
    stop_after: bool,
    /// A sentence ends after this word.
    end_sentence: bool,
    /// The word carries a possessive `'s`.
    possessive: bool,
}

fn tokenize<'t>(ctx: &'t str, lex: &Lexicons) -> Vec<Word<'t>> {
    let mut out = Vec::new();
    for raw in ctx.split_whitespace() {
        let lead = |c: char| !c.is_alphanumeric();
        let core = raw.trim_start_matches(lead);
        let core_end = core.trim_end_matches(|c: char| !c.is_alphanumeric());
        let tail = core.get(core_end.len()..).unwrap_or("");
        let (core, possessive) = match core_end
            .strip_suffix("'s")
            .or_else(|| core_end.strip_suffix("’s"))
        {
            Some(c) => (c, true),
            None => (core_end, false),
        };
        if core.is_empty() {
            // A lone dash or mark stops runs on both sides.
            if let Some(last) = out.last_mut() {
                let w: &mut Word = last;
                w.stop_after = true;
            }
            continue;
        }
        let initial = (core.chars().count() == 1 && core.chars().all(char::is_uppercase))
            || lex.is_honorific(core);
        let dot_ends = tail.starts_with('.') && !initial;
        out.push(Word {
            core,
            lower: core.to_lowercase(),
            possessive,
            stop_after: possessive
                || tail
                    .chars()
                    .any(|c| matches!(c, ',' | ':' | ';' | '—' | '–' | '(' | ')'))
                || dot_ends,
            end_sentence: dot_ends || tail.contains(['?', '!']),
        });
    }
    out
}

fn is_cap(w: &Word) -> bool {
    w.core.chars().next().is_some_and(char::is_uppercase)
}

fn is_particle(w: &Word) -> bool {
    matches!(
        w.lower.as_str(),
        "van"
            | "von"
            | "de"
            | "der"
            | "den"
            | "al"
            | "bin"
            | "la"
            | "le"
            | "du"
            | "of"
            | "against"
            | "for"
            | "da"
            | "dos"
            | "del"
    )
}

/// Reads attributions. Build once per lexicon set.
#[derive(Debug, Clone, Copy)]
pub struct Attributor {
    lex: &'static Lexicons,
}

impl Attributor {
    /// An attributor over these lexicons.
    pub fn new(lex: &'static Lexicons) -> Attributor {
        Attributor { lex }
    }

    /// Whether a speech verb stands anywhere in `ctx`.
    pub fn has_verb(&self, ctx: &str) -> bool {
        let words = tokenize(ctx, self.lex);
        (0..words.len()).any(|i| self.verb_at(&words, i).is_some())
    }

    /// The attribution right after a quote: `, said X`, `, X said`, `, she added`.
    pub fn after(&self, ctx: &str) -> Option<Who> {
        let mut words = tokenize(ctx, self.lex);
        if let Some(end) = words.iter().position(|w| w.end_sentence) {
            words.truncate(end + 1);
        }
        words.truncate(AFTER_WINDOW);
        let (k, len) = (0..words.len()).find_map(|i| self.verb_at(&words, i).map(|l| (i, l)))?;
        if k == 0 {
            let verb = words.first()?.lower.as_str();
            if LISTENER_VERBS.contains(&verb) {
                return None;
            }
            return self.object(words.get(len..)?);
        }
        // "by" after a quote marks a passive attribution: `"heartbreaking" by the department`.
        self.subject(words.get(..k)?)
    }

    /// The attribution before a quote in its sentence: `Denber said: "`, `According to X, "`.
    pub fn before(&self, ctx: &str) -> Option<Who> {
        let words = tokenize(ctx, self.lex);
        let verbs: Vec<(usize, usize)> = (0..words.len())
            .filter_map(|i| self.verb_at(&words, i).map(|l| (i, l)))
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
            .map(|w| w.lower.as_str())
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
            .is_some_and(|w| PASSIVE_AUX.contains(&w.lower.as_str()))
        {
            return Some(Who::Passive);
        }
        self.subject(before)
    }

    /// The length in words of a speech verb starting at `i`, if one does.
    fn verb_at(&self, words: &[Word], i: usize) -> Option<usize> {
        let first = &words.get(i)?.lower;
        self.lex
            .phrases_from("speech_verbs", first)
            .iter()
            .find(|parts| {
                parts
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(j, p)| words.get(i + j).is_some_and(|w| &w.lower == p))
            })
            .map(Vec::len)
    }

    /// A name right after the verb that stands alone ("said Tom Forte, who ..."),
    /// not the verb's object ("urged Moreau to step down", "said Moreau's order").
    fn inverted(&self, after: &[Word]) -> Option<String> {
        let first = after.first()?;
        if !is_cap(first) || self.lex.contains("name_stopwords", &first.lower) {
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
        if matches!(last.lower.as_str(), "but" | "and" | "or" | "yet") {
            return None;
        }
        if self.lex.is_pronoun(&last.lower) {
            return Some(Who::Pronoun(last.lower.clone()));
        }
        if last.stop_after {
            // An appositive sits before the verb: "Rachel Denber, director at HRW, said".
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
                .is_some_and(|w| DETERMINERS.contains(&w.lower.as_str()))
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
            .is_some_and(|w| ADVERBIAL_OPENERS.contains(&w.lower.as_str()))
        {
            return self.first_run(words).map(Who::Named);
        }
        let text = join(words.get(start..)?);
        (!text.is_empty()).then_some(Who::Described(text))
    }

    /// The speaker from the words after the verb ("said Senator Paul Brennan, a Democrat").
    fn object(&self, words: &[Word]) -> Option<Who> {
        let first = words.first()?;
        if self.lex.is_pronoun(&first.lower) {
            return Some(Who::Pronoun(first.lower.clone()));
        }
        // "said chief inspector Helen Marchetti": a lowercase job title before the name.
        let title_len = words
            .iter()
            .take(MAX_JOB_TITLE_WORDS + 1)
            .position(|w| is_cap(w) || w.stop_after || DETERMINERS.contains(&w.lower.as_str()));
        if let Some(t) = title_len.filter(|&t| t > 0) {
            if words
                .get(t)
                .is_some_and(|w| is_cap(w) && !self.lex.contains("name_stopwords", &w.lower))
                && words.get(..t)?.iter().all(|w| !w.stop_after)
            {
                return self.object(words.get(t..)?);
            }
        }
        if is_cap(first) && !self.lex.contains("name_stopwords", &first.lower) {
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
                    w.lower.as_str(),
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
        let words = tokenize(sentence, self.lex);
        let i = words
            .iter()
            .position(|w| is_cap(w) && !self.lex.contains("name_stopwords", &w.lower))?;
        let intro_ok = i == 0
            || words.get(i - 1).is_some_and(|w| w.stop_after)
            || words
                .get(..i)?
                .iter()
                .all(|w| self.lex.contains("name_stopwords", &w.lower));
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
            .is_some_and(|w| DETERMINERS.contains(&w.lower.as_str()))
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
    fn clean_run(&self, run: &[Word]) -> Option<String> {
        // "Veluvian President Mira Lund Ostby": the name starts after the last title.
        let after_title = run
            .iter()
            .rposition(|w| self.lex.is_honorific(&w.lower))
            .map_or(0, |i| i + 1);
        let keep: Vec<&Word> = run
            .get(after_title..)?
            .iter()
            .skip_while(|w| {
                // An acronym ("UN") is never a sentence opener, whatever other languages spell alike.
                let acronym =
                    w.core.chars().count() > 1 && w.core.chars().all(|c| c.is_uppercase());
                (!acronym && self.lex.contains("name_stopwords", &w.lower))
                    || self.lex.is_honorific(&w.lower)
                    || self.lex.is_weekday(&w.lower)
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
        self.lex.contains("attribution_fillers", &w.lower)
            || (w.lower.ends_with("ly") && w.lower.len() > 4 && !is_cap(w))
    }
}

fn join(words: &[Word]) -> String {
    words.iter().map(|w| w.core).collect::<Vec<_>>().join(" ")
}

/// Every name run of the article, to resolve short forms to the fullest one.
///
/// ```
/// use pith_segment::{lexicon::Lexicons, speaker::Names};
/// let n = Names::from_texts(["Rachel Denber, a director, spoke. Later Denber left."], Lexicons::builtin());
/// assert_eq!(n.fullest("Denber", 0), "Rachel Denber");
/// assert_eq!(n.fullest("Mr. Denber", 0), "Rachel Denber");
/// ```
#[derive(Debug, Default, Clone)]
pub struct Names {
    /// Runs of two words or more, with the index of the text they came from.
    runs: Vec<(usize, Vec<String>)>,
    /// For each word, the runs holding it, in order.
    by_token: std::collections::HashMap<String, Vec<usize>>,
    lex: Option<&'static Lexicons>,
}

impl Names {
    /// Collect the name runs of these texts.
    pub fn from_texts<'a>(
        texts: impl IntoIterator<Item = &'a str>,
        lex: &'static Lexicons,
    ) -> Names {
        let att = Attributor::new(lex);
        let mut runs = Vec::new();
        for (para, text) in texts.into_iter().enumerate() {
            let words = tokenize(text, lex);
            let mut i = 0;
            while i < words.len() {
                let start = i;
                while let Some(w) = words.get(i) {
                    let next_cap = words.get(i + 1).is_some_and(is_cap);
                    if !(is_cap(w) || (is_particle(w) && i > start && next_cap)) {
                        break;
                    }
                    i += 1;
                    if w.stop_after || w.end_sentence {
                        break;
                    }
                }
                if i == start {
                    i += 1;
                    continue;
                }
                if let Some(name) = words.get(start..i).and_then(|r| att.clean_run(r)) {
                    let toks: Vec<String> = name.split(' ').map(str::to_string).collect();
                    if toks.len() >= 2 {
                        runs.push((para, toks));
                    }
                }
            }
        }
        let mut by_token: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (r, (_, run)) in runs.iter().enumerate() {
            for tok in run {
                let list = by_token.entry(tok.clone()).or_default();
                if list.last() != Some(&r) {
                    list.push(r);
                }
            }
        }
        Names {
            runs,
            by_token,
            lex: Some(lex),
        }
    }

    /// The fullest form of `name` among the article's runs, titles dropped. When
    /// several people share the short form ("Parata"), the one named last before
    /// text `at` wins, else the first named after it.
    pub fn fullest(&self, name: &str, at: usize) -> String {
        let (base, matching) = self.matching(name);
        self.pick(base, &matching, at)
    }

    /// [`Names::fullest`], with the runs matching each name kept in `memo`, so
    /// an article naming one person in every paragraph is not read once per quote.
    pub(crate) fn fullest_memo(&self, memo: &mut NameMemo, name: &str, at: usize) -> String {
        if let Some((base, matching)) = memo.get(name) {
            return self.pick(base.clone(), matching, at);
        }
        let (base, matching) = self.matching(name);
        let full = self.pick(base.clone(), &matching, at);
        memo.insert(name.to_string(), (base, matching));
        full
    }

    /// The chosen run among `matching` (indices into `runs`, in article order) for text `at`.
    fn pick(&self, base: String, matching: &[usize], at: usize) -> String {
        let para = |r: &usize| self.runs.get(*r).map_or(usize::MAX, |(p, _)| *p);
        // Runs are in paragraph order: the last one at or before `at`, else the first.
        let before = matching
            .partition_point(|r| para(r) <= at)
            .checked_sub(1)
            .and_then(|i| matching.get(i));
        let chosen = before.or_else(|| matching.first());
        chosen
            .and_then(|r| self.runs.get(*r))
            .map_or(base, |(_, run)| run.join(" "))
    }

    /// The base form of `name` (titles dropped) and the runs that hold it, in order.
    fn matching(&self, name: &str) -> (String, Vec<usize>) {
        let mut toks: Vec<&str> = name
            .split_whitespace()
            .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        if let Some(lex) = self.lex {
            while toks.len() > 1 && toks.first().is_some_and(|t| lex.is_honorific(t)) {
                toks.remove(0);
            }
        }
        let base = toks.join(" ");
        let n = toks.len();
        let Some(first) = toks.first() else {
            return (name.to_string(), Vec::new());
        };
        let holds = |run: &[String]| {
            run.len() > n
                && run
                    .windows(n)
                    .any(|w| w.iter().zip(&toks).all(|(a, b)| a == b))
        };
        // A short form is mostly a surname: runs that end with it come first.
        let ends = |run: &[String]| {
            run.len() >= n
                && run
                    .get(run.len() - n..)
                    .is_some_and(|tail| tail.iter().zip(&toks).all(|(a, b)| a == b))
        };
        // Every run holding the name holds its first word.
        let held: Vec<usize> = self
            .by_token
            .get(*first)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .copied()
            .filter(|&r| self.runs.get(r).is_some_and(|(_, run)| holds(run)))
            .collect();
        let any_end = held
            .iter()
            .any(|&r| self.runs.get(r).is_some_and(|(_, run)| ends(run)));
        let matching = held
            .into_iter()
            .filter(|&r| !any_end || self.runs.get(r).is_some_and(|(_, run)| ends(run)))
            .collect();
        (base, matching)
    }
}

/// Per article: each looked-up name's base form and matching runs.
pub(crate) type NameMemo = std::collections::HashMap<String, (String, Vec<usize>)>;

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
            a().after(
                ", said Rachel Denber, Europe and Central Asia director at Human Rights Watch."
            ),
            named("Rachel Denber")
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
        assert_eq!(a().after(", Denber said."), named("Denber"));
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

    #[test]
    fn fullest_name() {
        let n = Names::from_texts(
            [
                "President Dana Whitfield spoke.",
                "Veluvian President Mira Lund Ostby left.",
            ],
            Lexicons::builtin(),
        );
        assert_eq!(n.fullest("Whitfield", 1), "Dana Whitfield");
        assert_eq!(n.fullest("Ostby", 1), "Mira Lund Ostby");
        assert_eq!(n.fullest("Smith", 1), "Smith");
    }

    #[test]
    fn shared_surname_resolves_to_the_nearest_earlier_mention() {
        let n = Names::from_texts(
            ["Hori Parata spoke.", "His son Te Kaurinui Parata spoke."],
            Lexicons::builtin(),
        );
        assert_eq!(n.fullest("Parata", 0), "Hori Parata");
        assert_eq!(n.fullest("Parata", 1), "Te Kaurinui Parata");
    }
}
