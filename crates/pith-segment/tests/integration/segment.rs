//! Integration tests: whole pages, built by hand as cleaned blocks, segmented end to end.

use pith_clean::{Block, BlockKind, Cleaned, Hint, Metadata};
use pith_segment::{Options, QuoteKind, Segmenter};

fn block(kind: BlockKind, text: &str, hint: Option<Hint>) -> Block {
    let mut b = Block::new(kind, text);
    b.hint = hint;
    b
}

/// An NGO press release in the founding page's shape (invented text): date line above the
/// headline, deck, NGO dateline, run of quotes.
fn ngo_page() -> Cleaned {
    let p = |t: &str| block(BlockKind::Paragraph, t, None);
    Cleaned {
        metadata: Metadata { title: Some("Moldavia: Mass Deportations to Vardistan Unlawful | Rights Monitor".into()), ..Metadata::default() },
        kept: vec![
            block(BlockKind::Paragraph, "June 10, 2011 12:00AM EDT", Some(Hint::Date)),
            block(BlockKind::Heading { level: 1 }, "Moldavia: Mass Deportations to Vardistan Unlawful", Some(Hint::Headline)),
            block(BlockKind::Heading { level: 2 }, "Dozens of Refugees Sent Back to Face Prison", Some(Hint::Standfirst)),
            p("(Tirvel) - The Moldavian authorities have broken their treaty duties by deporting at least 31 refugees to Vardistan, Rights Monitor said today."),
            p("\"The authorities knowingly sent these people back to a country where prison and abuse await them,\" said Miriam Holtby, deputy regional director at Rights Monitor. \"This sets a dangerous example for every neighbour.\""),
            p("The UN Committee against Torture has called abuse in Vardistan's prisons \"routine.\""),
            p("\"With these deportations, Moldavia has shown it ignores the promises it signed,\" Holtby said."),
            block(BlockKind::Caption, "Refugees in a border camp.", None),
            p("Copyright 2011 Rights Monitor"),
        ],
        ..Cleaned::default()
    }
}

#[test]
fn ngo_page_segments_into_every_field() {
    let a = Segmenter::new(Options::default()).segment(&ngo_page());
    assert_eq!(
        a.headline.as_deref(),
        Some("Moldavia: Mass Deportations to Vardistan Unlawful")
    );
    assert_eq!(
        a.standfirst.as_deref(),
        Some("Dozens of Refugees Sent Back to Face Prison")
    );
    assert_eq!(a.published.as_deref(), Some("2011-06-10T00:00"));
    let d = a.dateline.expect("dateline");
    assert_eq!(
        (d.text.as_str(), d.location.as_deref(), d.agency.as_deref()),
        ("(Tirvel) -", Some("Tirvel"), None)
    );
    assert!(a.body[0]
        .text
        .starts_with("The Moldavian authorities have broken"));
    assert_eq!(
        a.body.len(),
        4,
        "caption and copyright line are not body: {:?}",
        a.body
    );
    let q: Vec<(&str, Option<&str>, QuoteKind)> = a
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref(), q.kind))
        .collect();
    assert_eq!(q.len(), 4, "{q:?}");
    assert_eq!(
        q[1],
        (
            "This sets a dangerous example for every neighbour.",
            Some("Miriam Holtby"),
            QuoteKind::Direct
        )
    );
    assert_eq!(
        q[2],
        (
            "routine.",
            Some("UN Committee against Torture"),
            QuoteKind::Partial
        )
    );
    assert_eq!(
        q[3].1,
        Some("Miriam Holtby"),
        "short form resolves to the fullest name"
    );
}

#[test]
fn quote_offsets_point_into_the_body_paragraph() {
    let a = Segmenter::new(Options::default()).segment(&ngo_page());
    for q in &a.quotes {
        let para: Vec<char> = a.body[q.paragraph].text.chars().collect();
        let span: String = para[q.start..q.end].iter().collect();
        assert_eq!(span, q.text);
    }
}

#[test]
fn wire_page_with_byline_and_metadata_fallbacks() {
    let page = Cleaned {
        metadata: Metadata {
            title: Some("Storm hits coast - Daily".into()),
            published: Some("2015-04-17".into()),
            authors: vec!["Meg Kinnard".into()],
            ..Metadata::default()
        },
        kept: vec![
            block(BlockKind::Heading { level: 1 }, "Storm hits coast", None),
            block(
                BlockKind::Paragraph,
                "By MEG KINNARD and ERRIN HAINES, Associated Press",
                Some(Hint::Byline),
            ),
            block(
                BlockKind::Paragraph,
                "COLUMBIA, S.C. (AP) — A storm hit the coast, officials said.",
                None,
            ),
            block(
                BlockKind::Paragraph,
                "(Reporting by Jane Roe; Editing by John Doe)",
                None,
            ),
        ],
        ..Cleaned::default()
    };
    let a = Segmenter::new(Options::default()).segment(&page);
    assert_eq!(a.byline, vec!["Meg Kinnard", "Errin Haines"]);
    assert_eq!(a.published.as_deref(), Some("2015-04-17"));
    let d = a.dateline.expect("dateline");
    assert_eq!(
        (d.location.as_deref(), d.agency.as_deref()),
        (Some("COLUMBIA, S.C."), Some("AP"))
    );
    assert_eq!(a.body.len(), 1);
}

#[test]
fn empty_page_gives_empty_article() {
    let a = Segmenter::new(Options::default()).segment(&Cleaned::default());
    assert!(a.headline.is_none() && a.body.is_empty() && a.quotes.is_empty());
}

#[test]
fn dateline_after_a_kept_photo_credit_starts_the_body() {
    let page = Cleaned {
        kept: vec![
            block(BlockKind::Heading { level: 1 }, "Valley Towns Count the Cost of the Floods", None),
            block(BlockKind::Paragraph, "Aid workers reached a flooded valley in the north on Monday.", None),
            block(BlockKind::Paragraph, "LONDON — After nearly 20 years of neglect, the government plans to rebuild the dams.", None),
            block(BlockKind::Paragraph, "The valley is one of the poorest regions in the country.", None),
        ],
        ..Cleaned::default()
    };
    let a = Segmenter::new(Options::default()).segment(&page);
    assert_eq!(
        a.dateline.and_then(|d| d.location).as_deref(),
        Some("LONDON")
    );
    assert!(
        a.body[0].text.starts_with("After nearly 20 years"),
        "{:?}",
        a.body[0]
    );
    assert_eq!(a.body.len(), 2);
}

#[test]
fn title_case_line_past_the_first_paragraph_is_not_a_dateline() {
    let page = Cleaned {
        kept: vec![
            block(BlockKind::Heading { level: 1 }, "Headline", None),
            block(
                BlockKind::Paragraph,
                "The first paragraph of the story tells what happened.",
                None,
            ),
            block(
                BlockKind::Paragraph,
                "Kuala Lumpur — the city where it happened — was calm.",
                None,
            ),
        ],
        ..Cleaned::default()
    };
    let a = Segmenter::new(Options::default()).segment(&page);
    assert!(a.dateline.is_none());
    assert_eq!(a.body.len(), 2);
}

#[test]
fn date_near_the_headline_is_the_last_resort_for_published() {
    let page = Cleaned {
        kept: vec![
            block(BlockKind::Heading { level: 1 }, "Headline", None),
            block(BlockKind::Paragraph, "March 18, 2015 Security forces secure the area after the attack.", None),
            block(BlockKind::Paragraph, "The story, which mentions May 1, 2016 as a later event, goes on for long enough to be story text and not a credit or caption line, with many more words than any caption would carry in a page like this one, and then some more words to pass three hundred characters in all.", None),
        ],
        ..Cleaned::default()
    };
    let a = Segmenter::new(Options::default()).segment(&page);
    assert_eq!(a.published.as_deref(), Some("2015-03-18"));
}

#[test]
fn headline_printed_again_is_not_body() {
    let page = Cleaned {
        metadata: Metadata {
            title: Some("County approves bridge repairs | Ledger".into()),
            ..Metadata::default()
        },
        kept: vec![
            block(BlockKind::Paragraph, "County approves bridge repairs", None),
            block(
                BlockKind::Paragraph,
                "By GREG PAULSEN Ledger Staff Writer",
                None,
            ),
            block(
                BlockKind::Paragraph,
                "The county board voted on Tuesday to fund the repairs.",
                None,
            ),
        ],
        ..Cleaned::default()
    };
    let a = Segmenter::new(Options::default()).segment(&page);
    assert_eq!(
        a.headline.as_deref(),
        Some("County approves bridge repairs")
    );
    assert_eq!(a.byline, vec!["Greg Paulsen"]);
    assert_eq!(a.body.len(), 1, "{:?}", a.body);
}
