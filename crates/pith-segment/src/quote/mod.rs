//! Stage: quotations in the body. Finds spans in quote marks (straight, curly,
//! « », „ “, 「 」, and ‘ ’ when they pair up cleanly), drops what the guideline
//! says is not a quote (titles of works, unattributed scare quotes, nested
//! quotes), sorts the rest into direct and partial, and hands attribution to
//! [`speaker`](crate::speaker). Unbalanced marks never fail: an unclosed quote
//! runs to the end of its paragraph, the way run-on quotes are printed.

use crate::article::{Paragraph, Quote, QuoteKind};
use std::borrow::Cow;

use crate::lexicon::{with_folded, Lexicons};
use crate::speaker::{split_whitespace, tokenize, Attributor, NameMemo, Names, Who};

mod context;
pub mod marks;

use context::{
    earlier_in_sentence, is_abbreviation, sentence_after, sentence_before, starts_new_sentence,
};
use marks::{first_non_space, trim_span};
pub use marks::{scan, Span};

/// How many body paragraphs are read to pick the clause-marker language.
const LANGUAGE_SAMPLE_PARAGRAPHS: usize = 20;

/// Words that may stand between a title cue and the title ("the film", "his book").
const CUE_SKIP: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "new", "latest",
];

/// Short words a title-case span may keep in lowercase ("Burned Her Up From Within").
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from",
];

/// Direct (a clause of at least `min_words` words) or partial.
///
/// ```
/// use pith_segment::{quote::kind, lexicon::Lexicons, QuoteKind};
/// let lex = Lexicons::builtin();
/// assert_eq!(kind("we won't roll the dice on public safety", "en", lex, 4), QuoteKind::Direct);
/// assert_eq!(kind("will see the whole question differently", "en", lex, 4), QuoteKind::Partial);
/// assert_eq!(kind("It is working.", "en", lex, 4), QuoteKind::Partial);
/// assert_eq!(kind("the transcendent issue of our era.", "en", lex, 4), QuoteKind::Partial);
/// ```
pub fn kind(text: &str, lang: &str, lex: &Lexicons, min_words: usize) -> QuoteKind {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < min_words {
        return QuoteKind::Partial;
    }
    // A word's clause-marker test: its letters and apostrophes, curly ones
    // straightened, lowercased; a contraction in "n't" is a marker too.
    let marker = |w: &str, or_nt: bool| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let straight: Cow<str> = if bare.contains('’') {
            Cow::Owned(bare.replace('’', "'"))
        } else {
            Cow::Borrowed(bare)
        };
        with_folded(&straight, |b| {
            lex.contains_in(lang, "clause_markers", b) || (or_nt && b.ends_with("n't"))
        })
    };
    let first = words
        .first()
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .unwrap_or("");
    if first.chars().next().is_some_and(char::is_uppercase) {
        return if title_like(text) {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };
    }
    let first_is_verb = marker(first, false);
    let has_marker = words.iter().skip(1).any(|w| marker(w, true));
    if has_marker && !first_is_verb {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// Every word capitalised (small words aside) and no sentence end: a title or a name.
fn title_like(text: &str) -> bool {
    let t = text.trim();
    if t.ends_with(['.', '!', '?']) {
        return false;
    }
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !words.is_empty()
        && words.iter().enumerate().all(|(i, w)| {
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || (i > 0 && TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        })
}

/// One candidate quote while a paragraph is read.
struct Candidate {
    span: Span,
    start: usize,
    end: usize,
    text: String,
    kind: QuoteKind,
    who: Option<Who>,
    /// Nothing of its sentence stands before the quote.
    opens_sentence: bool,
}

/// Finds quotes and their speakers in body paragraphs. Build once per article.
#[derive(Debug)]
pub struct QuoteFinder {
    lex: &'static Lexicons,
    att: Attributor,
    min_words: usize,
}

impl QuoteFinder {
    /// A finder over these lexicons; `min_words` is the shortest direct quote.
    pub fn new(lex: &'static Lexicons, min_words: usize) -> QuoteFinder {
        QuoteFinder {
            lex,
            att: Attributor::new(lex),
            min_words,
        }
    }

    /// Every quote of the body, with speakers resolved across paragraphs.
    pub fn find(&self, body: &[Paragraph]) -> Vec<Quote> {
        let found = self.quoted(body);
        // People named after the last quote are nobody's speaker: reading stops there.
        let Some(last) = found.iter().rposition(|f| !f.cands.is_empty()) else {
            return Vec::new();
        };
        let names = Names::from_texts(body.iter().map(|p| p.text.as_str()), self.lex);
        let mut recent = Recent {
            names: &names,
            lex: self.lex,
            memo: NameMemo::default(),
            speaker: None,
            person: None,
        };
        let mut out = Vec::new();
        for (pi, (f, para)) in found.into_iter().zip(body).enumerate().take(last + 1) {
            // Sub-headings and pull quotes hold no quotes of their own, but
            // a person they name ("Fiona Parry issued a plea") is who a
            // following "she said" means.
            // The chars again, not kept from the first pass: held for every paragraph at
            // once they would cost four bytes per char of the article.
            let chars = chars_of(&para.text);
            let mut mentions = self
                .mentions(&para.text, &chars, &f.spans)
                .into_iter()
                .peekable();
            for c in f.cands {
                // Speakers named in reported speech before the quote count as the last speaker.
                while let Some((_, m)) = mentions.next_if(|(pos, _)| *pos <= c.span.open) {
                    recent.note(m, pi);
                }
                let speaker = recent.speaker_of(c.who, c.opens_sentence || f.run_on, pi);
                out.push(Quote {
                    text: c.text,
                    speaker,
                    kind: c.kind,
                    paragraph: pi,
                    start: c.start,
                    end: c.end,
                });
            }
            for (_, m) in mentions {
                recent.note(m, pi);
            }
        }
        out
    }

    /// Each paragraph's quoted spans and the quotes kept among them, with
    /// their own attributions: what can be read without the rest of the article.
    fn quoted(&self, body: &[Paragraph]) -> Vec<Quoted> {
        let mut lang: Option<&'static str> = None;
        let mut run_on = false;
        let mut out = Vec::with_capacity(body.len());
        for para in body {
            let chars = if marks::may_quote(&para.text) {
                chars_of(&para.text)
            } else {
                Vec::new()
            };
            let spans = scan(&chars);
            let entering = std::mem::replace(&mut run_on, false);
            let mut cands = Vec::new();
            if matches!(para.kind.as_str(), "paragraph" | "list_item") && !spans.is_empty() {
                // The clause-marker language, guessed once, when a page first quotes.
                let lang = *lang.get_or_insert_with(|| self.language(body));
                cands = self.candidates(&chars, &spans, entering, lang);
                resolve_within(&mut cands);
                run_on = spans.last().is_some_and(|s| !s.closed);
            }
            out.push(Quoted {
                spans,
                cands,
                run_on: entering,
            });
        }
        out
    }

    /// The language of the body's first paragraphs.
    fn language(&self, body: &[Paragraph]) -> &'static str {
        let sample = body
            .iter()
            .take(LANGUAGE_SAMPLE_PARAGRAPHS)
            .flat_map(|p| split_whitespace(&p.text));
        self.lex.guess_language_of(sample)
    }

    /// Named speakers of reported speech outside quotes ("Jones said that ..."),
    /// with the char offset where their sentence ends. `chars` are `text`'s chars.
    fn mentions(&self, text: &str, chars: &[char], spans: &[Span]) -> Vec<(usize, Mention)> {
        let mut out = Vec::new();
        // Each sentence is the text from its start with every quoted span in it
        // replaced by an ellipsis, built from byte slices of `text`: `from` is
        // where the piece not yet copied starts, `at` the byte offset of char `i`.
        let mut sentence = String::new();
        let mut in_span = spans.iter().peekable();
        let mut i = 0;
        let mut at = 0;
        let mut from = 0;
        while i < chars.len() {
            if let Some(sp) = in_span.next_if(|sp| sp.open == i) {
                sentence.push_str(text.get(from..at).unwrap_or(""));
                sentence.push_str(" … ");
                let skipped = chars
                    .get(i..=sp.end)
                    .unwrap_or(chars.get(i..).unwrap_or(&[]));
                at += skipped.iter().map(|c| c.len_utf8()).sum::<usize>();
                from = at;
                i = sp.end + 1;
                continue;
            }
            let c = chars.get(i).copied().unwrap_or(' ');
            at += c.len_utf8();
            let next_space = chars.get(i + 1).map_or(true, |n| n.is_whitespace());
            let ends = matches!(c, '.' | '!' | '?') && next_space && !is_abbreviation(chars, i);
            if ends || i + 1 == chars.len() {
                sentence.push_str(text.get(from..at).unwrap_or(""));
                from = at;
                let words = tokenize(&sentence, self.lex);
                if let Some(Who::Named(n)) = self.att.before_in(&words) {
                    out.push((i, Mention::Speaker(n)));
                } else if let Some(n) = self.att.sentence_subject_in(&words) {
                    out.push((i, Mention::Subject(n)));
                }
                drop(words);
                sentence.clear();
            }
            i += 1;
        }
        out
    }

    /// The quotes of one paragraph, filtered, with the attribution each has on its own.
    fn candidates(
        &self,
        chars: &[char],
        spans: &[Span],
        run_on: bool,
        lang: &str,
    ) -> Vec<Candidate> {
        let mut out = Vec::new();
        // Whether the span before this one was kept as a quote.
        let mut prev_kept = false;
        for (k, span) in spans.iter().enumerate() {
            let was_kept = std::mem::replace(&mut prev_kept, false);
            let Some((start, end)) = trim_span(chars, span) else {
                continue;
            };
            let text: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
            let prev_close = k
                .checked_sub(1)
                .and_then(|p| spans.get(p))
                .map_or(0, |p| (p.end + 1).min(span.open));
            let next_open = spans.get(k + 1).map_or(chars.len(), |n| n.open);
            let local = sentence_before(chars, prev_close, span.open);
            let after = sentence_after(chars, (span.end + 1).min(chars.len()), next_open);
            if self.is_title(&local, &text) {
                continue;
            }
            let earlier = earlier_in_sentence(chars, spans, k);
            let prev_ends = k
                .checked_sub(1)
                .and_then(|p| spans.get(p))
                .map_or(true, |p| {
                    let t: String = chars.get(p.start..p.end).unwrap_or(&[]).iter().collect();
                    t.trim_end().ends_with(['.', '!', '?'])
                });
            let opens_sentence = local.trim().is_empty() && prev_ends;
            let own_sentence = opens_sentence
                && text.chars().next().is_some_and(char::is_uppercase)
                && text.ends_with(['.', '!', '?']);
            let kind = kind(&text, lang, self.lex, self.min_words);
            let ends_sentence = text.ends_with(['.', '!', '?']) && !text.ends_with(['!', '?']);
            let local_w = tokenize(&local, self.lex);
            let after_w = tokenize(&after, self.lex);
            // The words of `earlier` then `local`: the ellipsis that ends
            // `earlier` already stops a name run across the seam.
            let mut before_w = tokenize(&earlier, self.lex);
            before_w.extend(local_w.iter().cloned());
            let after_who = if ends_sentence && starts_new_sentence(&after) {
                None
            } else {
                self.att.after_in(&after_w)
            };
            let has_after = after_who.is_some();
            let who = after_who.or_else(|| self.att.before_in(&before_w));
            let after_verb = self.att.has_verb_in(&after_w);
            let cues = Cues {
                verb_near: who.is_some() || self.att.has_verb_in(&before_w) || after_verb,
                own_verb: has_after || self.att.has_verb_in(&local_w) || after_verb,
                opens_sentence,
                own_sentence,
                paragraph_quote: span.open == first_non_space(chars)
                    && (run_on || kind == QuoteKind::Direct),
                after_rejected: k > 0 && !was_kept,
            };
            if !is_quote(&text, kind, &cues) {
                continue;
            }
            prev_kept = true;
            out.push(Candidate {
                span: *span,
                start,
                end,
                text,
                kind,
                who,
                opens_sentence,
            });
        }
        out
    }

    /// A title of a work: a cue word ("film", "titled") right before the mark.
    fn is_title(&self, before: &str, text: &str) -> bool {
        // Only the last few words count: read them from the end.
        let mut words = before.split_whitespace().rev().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        });
        let mut skipped = 0;
        let Some(cue) = words.find(|w| {
            let skip = CUE_SKIP.contains(&w.as_str());
            skipped += usize::from(skip);
            !skip
        }) else {
            return false;
        };
        let two = words.next().map(|w| format!("{w} {cue}"));
        let cued = self.lex.contains("title_cues", &cue)
            || two.is_some_and(|t| self.lex.contains("title_cues", &t));
        // "called" and "known as" also introduce quotes of speech ("called it "a disgrace""): only a title-case span is a title.
        // "the technique called "mental chronometry"": a naming verb right
        // before the mark names a term.
        let naming = skipped == 0 && matches!(cue.as_str(), "called" | "termed" | "named");
        let strong = naming
            || matches!(
                cue.as_str(),
                "titled" | "entitled" | "dubbed" | "nicknamed" | "so-called" | "hashtag"
            );
        cued && (strong || title_like(text))
    }
}

/// A person named outside quotes.
enum Mention {
    /// The subject of reported speech ("Jones said that ...").
    Speaker(String),
    /// The named subject opening a sentence.
    Subject(String),
}

/// One paragraph as [`QuoteFinder::quoted`] reads it.
struct Quoted {
    /// Its top-level quoted spans (char offsets).
    spans: Vec<Span>,
    /// The spans kept as quotes.
    cands: Vec<Candidate>,
    /// Whether a quote of the paragraph before runs on into it.
    run_on: bool,
}

/// Who the article named last, as its paragraphs are read in order.
struct Recent<'n> {
    names: &'n Names,
    lex: &'static Lexicons,
    memo: NameMemo,
    /// The last named speaker (for run-on and unattributed quotes).
    speaker: Option<String>,
    /// The last named person, speaker or sentence subject (for pronouns).
    person: Option<String>,
}

impl Recent<'_> {
    /// Take in a person named outside quotes in text `at`.
    fn note(&mut self, m: Mention, at: usize) {
        match m {
            Mention::Speaker(n) => {
                let full = self.names.fullest_memo(&mut self.memo, &n, at);
                self.speaker = Some(full.clone());
                if !self.lex.is_organisation(&full) {
                    self.person = Some(full);
                }
            }
            Mention::Subject(n) => {
                // Only a person's name moves pronouns on; a lone capitalised
                // word that opens a sentence ("Syria", "Children") is no person,
                // nor is an organisation.
                let full = self.names.fullest_memo(&mut self.memo, &n, at);
                if full.split_whitespace().count() >= 2 && !self.lex.is_organisation(&full) {
                    self.person = Some(full);
                }
            }
        }
    }

    /// The speaker of a quote in text `at` attributed to `who`; `inherits`
    /// when an unattributed quote takes the last speaker (it opens its
    /// sentence, or runs on from the paragraph before).
    fn speaker_of(&mut self, who: Option<Who>, inherits: bool, at: usize) -> Option<String> {
        match who {
            Some(Who::Named(n)) => {
                let full = self.names.fullest_memo(&mut self.memo, &n, at);
                self.speaker = Some(full.clone());
                if !self.lex.is_organisation(&full) {
                    self.person = Some(full.clone());
                }
                Some(full)
            }
            Some(Who::Described(d)) => Some(d),
            // "it said", "they said": a body or a group, the last speaker of any kind.
            Some(Who::Pronoun(p)) if matches!(p.as_str(), "it" | "they" | "we") => {
                self.speaker.clone()
            }
            Some(Who::Pronoun(_)) => self.person.clone().or_else(|| self.speaker.clone()),
            Some(Who::Passive) => None,
            None if inherits => self.speaker.clone(),
            None => None,
        }
    }
}

/// What the sentence around a quoted span says about it.
struct Cues {
    /// A speech verb stands in the sentence, or an attribution was read.
    verb_near: bool,
    /// A speech verb stands next to this span, not only across an earlier quote.
    own_verb: bool,
    /// Nothing of its sentence stands before the span.
    opens_sentence: bool,
    /// The span is a whole sentence of its own.
    own_sentence: bool,
    /// The span opens its paragraph as a quote paragraph or a run-on.
    paragraph_quote: bool,
    /// The span before it in the paragraph was no quote.
    after_rejected: bool,
}

/// Whether a quoted span is a quote by the guideline.
fn is_quote(text: &str, kind: QuoteKind, c: &Cues) -> bool {
    match kind {
        QuoteKind::Partial => {
            // A scare quote nobody is said to have said.
            let unattributed = !c.verb_near && !c.paragraph_quote && !c.own_sentence;
            // A verb reached only across an earlier quote of the sentence belongs
            // to that quote; when that quote was no quote, neither is this
            // fragment ("passengers called "surprise" fees ... a small "personal item" frame").
            let borrowed =
                !c.own_verb && !c.opens_sentence && c.after_rejected && !c.paragraph_quote;
            // A fragment in title case is a name, a title or a coined term
            // ("Human Rights in Central Asia"), whatever verb stands nearby.
            let name = text.split_whitespace().count() >= 2 && title_like(text);
            !(unattributed || borrowed || name)
        }
        QuoteKind::Direct => c.verb_near || !title_like(text),
    }
}

/// The chars of `text` in one exact allocation (collecting grows the vector
/// step by step from a quarter of the byte length).
fn chars_of(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.chars().count());
    chars.extend(text.chars());
    chars
}

/// Quotes with no attribution of their own take the nearest attributed quote's in the paragraph.
fn resolve_within(cands: &mut [Candidate]) {
    let whos: Vec<Option<Who>> = cands.iter().map(|c| c.who.clone()).collect();
    for (i, c) in cands.iter_mut().enumerate() {
        if c.who.is_some() {
            continue;
        }
        let prev = (0..i).rev().find_map(|j| whos.get(j).cloned().flatten());
        let next = (i + 1..whos.len()).find_map(|j| whos.get(j).cloned().flatten());
        c.who = prev.or(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(s: &str) -> Paragraph {
        Paragraph {
            kind: "paragraph".into(),
            text: s.into(),
        }
    }

    fn find(ps: &[&str]) -> Vec<Quote> {
        let body: Vec<Paragraph> = ps.iter().map(|p| para(p)).collect();
        QuoteFinder::new(Lexicons::builtin(), 4).find(&body)
    }

    fn texts(q: &[Quote]) -> Vec<(&str, Option<&str>)> {
        q.iter()
            .map(|q| (q.text.as_str(), q.speaker.as_deref()))
            .collect()
    }

    #[test]
    fn said_after_with_fullest_name() {
        let q = find(&[
            "Rights Monitor's Miriam Holtby spoke first.",
            "\"The ministry knowingly sent them home,\" said Holtby. \"It sets a dangerous example.\"",
        ]);
        assert_eq!(
            texts(&q),
            vec![
                (
                    "The ministry knowingly sent them home",
                    Some("Miriam Holtby")
                ),
                ("It sets a dangerous example.", Some("Miriam Holtby"))
            ]
        );
        assert_eq!(q[0].kind, QuoteKind::Direct);
        assert_eq!((q[0].paragraph, q[0].start, q[0].end), (1, 1, 38));
    }

    #[test]
    fn split_by_attribution_is_two_quotes_one_speaker() {
        let q = find(&["“We are ready,” she said, “and we will win the vote.”"]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "We are ready");
        assert_eq!(q[1].text, "and we will win the vote.");
    }

    #[test]
    fn run_on_across_paragraphs() {
        let q = find(&[
            "\"This is the first part of what I said,\" Jane Roe said. \"And it goes on and on",
            "\"And it ends here in this paragraph.\"",
        ]);
        assert_eq!(q.len(), 3);
        assert_eq!(q[2].speaker.as_deref(), Some("Jane Roe"));
        assert_eq!(q[1].text, "And it goes on and on");
    }

    #[test]
    fn pronoun_resolves_to_last_named_speaker() {
        let q = find(&[
            "\"We won the battle today,\" said Paul Brennan.",
            "\"The war is not over yet,\" he added.",
        ]);
        assert_eq!(q[1].speaker.as_deref(), Some("Paul Brennan"));
    }

    #[test]
    fn other_quote_marks() {
        let q = find(&[
            "« Nous avons gagné la bataille », a déclaré Marie Curie.",
            "„Wir haben das Spiel gewonnen“, sagte Anna Schmidt.",
            "「我们赢了这场比赛」",
        ]);
        assert_eq!(
            texts(&q)[..2],
            [
                ("Nous avons gagné la bataille", Some("Marie Curie")),
                ("Wir haben das Spiel gewonnen", Some("Anna Schmidt"))
            ]
        );
    }

    #[test]
    fn titles_and_scare_quotes_are_not_quotes() {
        let q = find(&[
            "She starred in the film \"Gone With the Wind\" and a \"skinny\" deal was signed.",
        ]);
        assert!(q.is_empty(), "{q:?}");
        let q = find(&["The campaign, dubbed \"Cleggmania\", grew."]);
        assert!(q.is_empty());
    }

    #[test]
    fn names_in_quotes_are_not_quotes() {
        let q = find(&["ACAT-France, the Association \"Human Rights in Central Asia,\" and others urged the government to stop."]);
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn terms_named_by_called_are_not_quotes() {
        let q =
            find(&["The researchers used the technique called \"mental chronometry\" to time it."]);
        assert!(q.is_empty(), "{q:?}");
        let q = find(&[
            "Senator Mitch McConnell called the debt \"the transcendent issue of our era.\"",
        ]);
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn pronoun_skips_organisations() {
        let q = find(&[
            "\"It was a tragedy that should never happen again,\" said Fiona Parry.",
            "\"We advise the public not to take these tablets,\" the Food Standards Agency said.",
            "\"She never understood how dangerous they were,\" she said.",
        ]);
        assert_eq!(q[2].speaker.as_deref(), Some("Fiona Parry"));
    }

    #[test]
    fn person_named_in_a_subheading_takes_the_next_pronoun() {
        let body = vec![
            para("\"We advise the public not to take them,\" said Helen Marchetti."),
            Paragraph {
                kind: "heading".into(),
                text: "Fiona Parry issued a plea to stay away from the pills.".into(),
            },
            para("\"She never understood how dangerous they were,\" she said."),
        ];
        let q = QuoteFinder::new(Lexicons::builtin(), 4).find(&body);
        assert_eq!(q[1].speaker.as_deref(), Some("Fiona Parry"));
    }

    #[test]
    fn fragment_borrowing_the_verb_of_a_rejected_term_is_no_quote() {
        let q = find(&["It follows complaints about what passengers called \"surprise\" fees, where bags that did not fit a small \"personal item\" frame were charged."]);
        assert!(q.is_empty(), "{q:?}");
        let q = find(&["Mr Whitfield said it was \"distressing\" not to have settled the dispute \"even after months of talks\"."]);
        assert_eq!(q.len(), 2);
    }

    #[test]
    fn nested_quotes_are_skipped() {
        let q = find(&["\"He told me 'we will win' and I believed it,\" said Jane Roe."]);
        assert_eq!(q.len(), 1);
        assert!(q[0].text.contains("'we will win'"));
    }

    #[test]
    fn partial_quotes_with_a_speech_verb() {
        let q = find(&[
            "In an interview, Mr Whitfield said it was \"distressing\" not to act.",
            "President Dana Whitfield spoke.",
        ]);
        assert_eq!(texts(&q), vec![("distressing", Some("Dana Whitfield"))]);
        assert_eq!(q[0].kind, QuoteKind::Partial);
    }

    #[test]
    fn passive_attribution_has_no_speaker() {
        let q = find(&[
            "A mass stranding that was described as \"unprecedented\" left the tribe scrambling.",
        ]);
        assert_eq!(texts(&q), vec![("unprecedented", None)]);
    }

    #[test]
    fn unbalanced_marks_never_fail() {
        for s in [
            "\"",
            "\"\"",
            "“",
            "”",
            "a \" b",
            "‘",
            "«",
            "»«",
            "he said \"",
            "\"   \"",
        ] {
            let _ = find(&[s]);
        }
        assert!(find(&["5'10\" tall"]).is_empty());
    }
}
