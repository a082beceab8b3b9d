//! Stage: the byline. Turns an author slot ("By MEG KINNARD and ERRIN HAINES,
//! Associated Press") into one name per person, without the "By", agency, job
//! title or a date glued on.

use crate::lexicon::Lexicons;

/// Most words in one person's name; longer parts are prose, not a name.
const MAX_NAME_WORDS: usize = 5;

/// Longest author slot accepted, in chars: a longer block is a sentence.
pub const MAX_BYLINE_CHARS: usize = 160;

/// Names in an author slot, one per person.
///
/// ```
/// use pith_segment::{byline::names, lexicon::Lexicons};
/// let n = names("By MEG KINNARD and ERRIN HAINES, Associated Press", Lexicons::builtin());
/// assert_eq!(n, vec!["Meg Kinnard", "Errin Haines"]);
/// ```
pub fn names(slot: &str, lex: &Lexicons) -> Vec<String> {
    let text = cut_at_date_or_digits(slot, lex);
    let text = strip_prefix(text, lex);
    let mut out: Vec<String> = Vec::new();
    let mut orgs: Vec<String> = Vec::new();
    for part in split_people(text) {
        let Some(part) = strip_parenthetical(part.trim_matches(trim_chars), lex) else {
            continue;
        };
        let part = keep_shouted_name(strip_roles(part.trim_matches(trim_chars), lex));
        if part.is_empty() || part.contains('@') || part.contains("://") {
            continue;
        }
        let first = part.split_whitespace().next().unwrap_or("");
        if lex.contains("byline_prefixes", part) || lex.contains("date_prefixes", first) {
            continue;
        }
        if lex.is_agency(part) {
            orgs.push(part.to_string());
            continue;
        }
        let words = part.split_whitespace().count();
        if words > MAX_NAME_WORDS || !is_name_shaped(part) {
            continue;
        }
        let name = fix_case(part);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    // An organisation alone in the slot is the byline ("Reuters").
    if out.is_empty() {
        out = orgs;
    }
    out
}

/// Whether a block's text looks like an author slot: opens with a byline prefix.
///
/// ```
/// use pith_segment::{byline::looks_like_byline, lexicon::Lexicons};
/// assert!(looks_like_byline("By Erin Cunningham", Lexicons::builtin()));
/// assert!(!looks_like_byline("By the end of the day, nothing was left.", Lexicons::builtin()));
/// ```
pub fn looks_like_byline(text: &str, lex: &Lexicons) -> bool {
    let t = text.trim();
    if t.chars().count() > MAX_BYLINE_CHARS {
        return false;
    }
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_end_matches(':');
    let next = words.next().unwrap_or("");
    lex.contains("byline_prefixes", first) && next.chars().next().is_some_and(char::is_uppercase)
}

/// "JAMES FLETCHER Associated Press", "GREG PAULSEN Ledger": a name in capitals
/// followed by a desk or outlet in ordinary case keeps the capitals only.
fn keep_shouted_name(part: &str) -> &str {
    let shouting = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
    };
    let words: Vec<&str> = part.split_whitespace().collect();
    let caps = words.iter().take_while(|w| shouting(w)).count();
    if caps < 2 || caps == words.len() {
        return part;
    }
    let Some(last) = words.get(caps - 1) else {
        return part;
    };
    // Cut just after the last shouted word, found by position in `part`.
    let end = part
        .match_indices(last)
        .map(|(i, _)| i + last.len())
        .find(|&e| {
            part.get(..e)
                .is_some_and(|h| h.split_whitespace().count() == caps)
        });
    end.and_then(|e| part.get(..e)).unwrap_or(part)
}

/// Every word capitalised, save name particles: "Miriam Holtby", "Ludwig van
/// Beethoven"; not "based in Hong Kong" or "Seattle Times business".
fn is_name_shaped(part: &str) -> bool {
    part.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                w,
                "de" | "da"
                    | "di"
                    | "del"
                    | "van"
                    | "von"
                    | "der"
                    | "den"
                    | "la"
                    | "le"
                    | "bin"
                    | "al"
                    | "y"
            )
    })
}

/// "Eleanor Ainge Roy (reporting)" -> "Eleanor Ainge Roy"; None for a credit
/// to a non-author ("Adrian Malloch (photography)").
fn strip_parenthetical<'s>(part: &'s str, lex: &Lexicons) -> Option<&'s str> {
    let Some((name, rest)) = part.split_once('(') else {
        return Some(part);
    };
    let role = rest.split(')').next().unwrap_or("").trim();
    (!lex.contains("credit_roles", role)).then_some(name.trim())
}

fn trim_chars(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|' | '-' | '–' | '—' | '·' | '•' | '/')
}

/// Cut the slot at the first date or digit: "Lucas Nolan22 Dec 2016", "By X March 11, 2015".
fn cut_at_date_or_digits<'s>(slot: &'s str, lex: &Lexicons) -> &'s str {
    let mut cut = slot.len();
    if let Some((i, _)) = slot.char_indices().find(|(_, c)| c.is_ascii_digit()) {
        cut = i;
    }
    // A month name right before the digits ("March 11") goes too.
    let head = slot.get(..cut).unwrap_or(slot);
    let head = match head.trim_end().rsplit_once(char::is_whitespace) {
        Some((before, last)) if lex.month(last.trim_end_matches(',')).is_some() => before,
        _ => head,
    };
    // Lines after the first hold desks and dates ("WebMD Health News").
    let head = head.split(['\n', '|', '•']).next().unwrap_or(head);
    head.split(" - ").next().unwrap_or(head)
}

fn strip_prefix<'s>(text: &'s str, lex: &Lexicons) -> &'s str {
    let t = text.trim();
    match t.split_once(char::is_whitespace) {
        Some((first, rest)) if lex.contains("byline_prefixes", first.trim_end_matches(':')) => {
            rest.trim()
        }
        _ => t,
    }
}

/// Split at commas, semicolons, "&" and the word "and" (and its other-language forms).
fn split_people(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for chunk in text.split([',', ';', '&']) {
        let mut rest = chunk;
        loop {
            let found = [" and ", " And ", " AND ", " und ", " et ", " y "]
                .iter()
                .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
                .min();
            match found {
                Some((i, len)) => {
                    parts.push(rest.get(..i).unwrap_or(""));
                    rest = rest.get(i + len..).unwrap_or("");
                }
                None => {
                    parts.push(rest);
                    break;
                }
            }
        }
    }
    parts
}

/// Drop job titles and desks at the end of a part ("Meg Kinnard Staff Writer").
fn strip_roles<'s>(part: &'s str, lex: &Lexicons) -> &'s str {
    let mut p = part.trim();
    for role in lex.list("byline_roles") {
        if p.to_lowercase() == *role {
            return "";
        }
        let lower = p.to_lowercase();
        if lower.ends_with(&format!(" {role}")) {
            let cut = p.len().saturating_sub(role.len() + 1);
            if let Some(head) = p.get(..cut) {
                p = head.trim();
            }
        }
    }
    p
}

/// "MEG KINNARD" -> "Meg Kinnard"; mixed case is kept as printed.
fn fix_case(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    let collapsed = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if !shouting {
        return collapsed;
    }
    let mut out = String::with_capacity(collapsed.len());
    let mut start = true;
    for c in collapsed.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Vec<String> {
        names(s, Lexicons::builtin())
    }

    #[test]
    fn agency_and_shouting_names() {
        assert_eq!(
            n("By MEG KINNARD and ERRIN HAINES, Associated Press"),
            vec!["Meg Kinnard", "Errin Haines"]
        );
    }

    #[test]
    fn glued_date_is_cut() {
        assert_eq!(n("by Lucas Nolan22 Dec 2016651"), vec!["Lucas Nolan"]);
        assert_eq!(
            n("By GILLIAN MOHNEY\n March 11, 2015 3:46 PM"),
            vec!["Gillian Mohney"]
        );
    }

    #[test]
    fn degrees_and_desks_removed() {
        assert_eq!(
            n("By Brenda  Goodman, MA\n WebMD Health News"),
            vec!["Brenda Goodman"]
        );
        assert_eq!(
            n("By Kelli  Miller\n WebMD Health News"),
            vec!["Kelli Miller"]
        );
    }

    #[test]
    fn lists_of_people() {
        assert_eq!(
            n("Stella Kim, Jennifer Jett"),
            vec!["Stella Kim", "Jennifer Jett"]
        );
        assert_eq!(
            n("Von Anna Schmidt und Jan Weber"),
            vec!["Anna Schmidt", "Jan Weber"]
        );
    }

    #[test]
    fn slot_split_over_lines_and_credits_in_parentheses() {
        assert!(n("By").is_empty());
        assert!(n("Seattle Times business reporter").is_empty());
        assert_eq!(
            n("by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)"),
            vec!["Eleanor Ainge Roy"]
        );
        assert!(n("based in Hong Kong.").is_empty());
    }

    #[test]
    fn shouted_name_before_desk_or_agency() {
        assert_eq!(n("JAMES FLETCHER Associated Press"), vec!["James Fletcher"]);
        assert_eq!(
            n("By GREG PAULSEN Ledger Staff Writer"),
            vec!["Greg Paulsen"]
        );
        assert!(n("Publié le").is_empty());
    }

    #[test]
    fn organisation_alone_is_kept() {
        assert_eq!(n("Reuters"), vec!["Reuters"]);
        assert!(n("https://www.facebook.com/someone").is_empty());
    }
}
