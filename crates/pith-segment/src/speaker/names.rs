//! Every name run of an article, to resolve a short form ("Holtby") to the
//! fullest one ("Miriam Holtby").

use crate::lexicon::Lexicons;

use super::words::{is_cap, is_particle, tokenize_for, Lookup};
use super::Attributor;

/// Every name run of the article, to resolve short forms to the fullest one.
///
/// ```
/// use pith_segment::{lexicon::Lexicons, speaker::Names};
/// let n = Names::from_texts(["Miriam Holtby, a director, spoke. Later Holtby left."], Lexicons::builtin());
/// assert_eq!(n.fullest("Holtby", 0), "Miriam Holtby");
/// assert_eq!(n.fullest("Mr. Holtby", 0), "Miriam Holtby");
/// ```
#[derive(Debug, Default, Clone)]
pub struct Names {
    /// Runs of two words or more, with the index of the text they came from.
    runs: Vec<(usize, Vec<String>)>,
    /// For each word, the runs holding it, in order.
    by_token: rustc_hash::FxHashMap<String, Vec<usize>>,
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
            let words = tokenize_for(text, lex, Lookup::NameRuns);
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
                // A name keeps at most the run's words (cores hold no space):
                // a one-word run never makes one of two words or more.
                if i - start < 2 {
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
        let mut by_token: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
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
pub(crate) type NameMemo = rustc_hash::FxHashMap<String, (String, Vec<usize>)>;

#[cfg(test)]
mod tests {
    use super::*;

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
