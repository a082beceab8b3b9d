//! Flattened text: the founding HRW page (read from `../shared` when present)
//! and small invented pages.

use std::path::PathBuf;

use pith_clean::{BlockKind, BoilerplateKind, Cleaned, Cleaner, Hint, Options};

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.is_dir().then_some(p)
}

fn clean(flat: &str) -> Cleaned {
    Cleaner::new(Options::default()).clean_text(flat)
}

fn hinted(c: &Cleaned, hint: Hint) -> Option<&str> {
    c.kept
        .iter()
        .find(|b| b.hint == Some(hint))
        .map(|b| b.text.as_str())
}

fn body(c: &Cleaned) -> Vec<&str> {
    c.kept
        .iter()
        .filter(|b| b.hint.is_none())
        .map(|b| b.text.as_str())
        .collect()
}

fn removed_kinds(c: &Cleaned, needle: &str) -> Vec<BoilerplateKind> {
    c.removed
        .iter()
        .filter(|r| r.text.contains(needle))
        .map(|r| r.kind)
        .collect()
}

#[test]
fn hrw_founding_page() {
    let Some(dir) = shared() else {
        println!("skipped: ../shared is absent (the founding page lives there)");
        return;
    };
    let path = dir.join("pages/hrw-kazakhstan-2011-06-10.txt");
    let flat = std::fs::read_to_string(&path).expect("founding page readable");
    let c = clean(&flat);

    assert_eq!(
        hinted(&c, Hint::Headline),
        Some("Kazakhstan: Forced Returns to Uzbekistan Illegal")
    );
    assert_eq!(
        hinted(&c, Hint::Standfirst),
        Some("Shocking Mass Extradition of Uzbeks to Risk of Torture")
    );
    assert_eq!(c.metadata.published.as_deref(), Some("2011-06-10"));
    assert_eq!(
        c.metadata.title.as_deref(),
        Some("Kazakhstan: Forced Returns to Uzbekistan Illegal")
    );

    let body = body(&c);
    assert!(body.len() >= 15, "body comes out as paragraphs: {body:?}");
    assert!(body[0].starts_with("(Astana) - The Kazakh government has violated international law"));
    assert!(body[0].ends_with("Human Rights Watch said today."));
    assert!(body[1].starts_with("The forced returns on June 9, 2011"));
    let last = body.last().copied().unwrap_or("");
    assert!(
        last.ends_with("not to make any more forced returns.\""),
        "{last}"
    );
    assert!(c
        .kept
        .iter()
        .filter(|b| b.hint.is_none())
        .all(|b| b.kind == BlockKind::Paragraph));

    let all = body.join("\n");
    for junk in [
        "cookie",
        "Skip to",
        "Share this",
        "Donate",
        "$50",
        "Français",
        "Videos & Photos",
        "Region / Country",
        "More Reading",
        "Most Viewed",
        "email address",
        "Privacy Policy",
        "tax deductible",
    ] {
        assert!(!all.contains(junk), "{junk:?} leaked into the body");
    }

    use BoilerplateKind::*;
    for (needle, kind) in [
        ("Skip to main content", SkipLink),
        ("Skip to cookie privacy notice", SkipLink),
        ("Please give now", Donation),
        ("Français", LanguageMenu),
        ("Videos & Photos", Navigation),
        ("Share this via Facebook", ShareWidget),
        ("$250", Donation),
        ("Your tax deductible gift", Donation),
        ("Region / Country", Tags),
        ("More Reading", RelatedContent),
        ("Most Viewed", RelatedContent),
        ("Enter an email address", NewsletterSignup),
        ("Privacy Policy", Footer),
    ] {
        let kinds = removed_kinds(&c, needle);
        assert!(
            kinds.contains(&kind),
            "{needle:?} removed as {kinds:?}, want {kind:?}"
        );
    }
    assert!(c.removed.iter().all(|r| !r.evidence.is_empty()));
    assert!(c.metadata.tags.iter().any(|t| t.contains("Kazakhstan")));
    assert!(c.metadata.tags.iter().any(|t| t.contains("Torture")));
}

/// An invented press release in the same flattened style.
const NGO: &str = "Rivers Run Dry: Dams Threaten Delta Farmers | Water Watch InternationalSkip to main contentAccept all cookiesWater Watch InternationalHomeNewsReportsAboutDonateMarch 3, 2024Rivers Run Dry: Dams Threaten Delta FarmersNew Report Documents Failing Harvests Across Three ProvincesShare this via FacebookShare this via LinkedIn(Dhaka) - Upstream dams have cut the dry-season flow of the delta's rivers by half, leaving thousands of farmers without water for their fields, Water Watch International said in a report released today.The 64-page report, \"Empty Channels,\" documents how harvests failed in three provinces in 2023. \"Families who farmed this land for generations are leaving,\" said Amina Rahman, senior researcher at Water Watch International.\"The authorities should share data on river flows and consult the people who depend on them.\"Donate NowYour gift supports independent research.$25$50$100Related ReportsMarch 1, 2024Drought Plans Fall ShortFebruary 2, 2024Coastal Towns Face Salt WaterSign up for our newsletterEnter your email© 2024 Water Watch International";

#[test]
fn invented_press_release() {
    let c = clean(NGO);
    assert_eq!(
        hinted(&c, Hint::Headline),
        Some("Rivers Run Dry: Dams Threaten Delta Farmers")
    );
    assert_eq!(c.metadata.published.as_deref(), Some("2024-03-03"));
    assert_eq!(
        c.metadata.site_name.as_deref(),
        Some("Water Watch International")
    );
    let body = body(&c);
    assert_eq!(body.len(), 3, "{body:?}");
    assert!(body[0].starts_with("(Dhaka) - Upstream dams"));
    assert!(body[2].ends_with("depend on them.\""));
    let all = body.join(" ");
    for junk in [
        "cookies",
        "Donate",
        "$25",
        "Drought Plans",
        "newsletter",
        "Share this",
    ] {
        assert!(!all.contains(junk), "{junk:?} leaked");
    }
    assert!(removed_kinds(&c, "$25").contains(&BoilerplateKind::Donation));
    assert!(removed_kinds(&c, "Accept all cookies").contains(&BoilerplateKind::CookieConsent));
}

#[test]
fn hostile_flat_text_does_not_hang_or_panic() {
    for flat in [
        String::new(),
        "x".repeat(200_000),
        "aAbB.C\"".repeat(20_000),
        "$1$2$3".repeat(10_000),
        "日本語English".repeat(10_000),
        "\u{0301}\u{200d}é.".repeat(10_000),
    ] {
        let c = clean(&flat);
        assert!(c.kept.len() + c.removed.len() <= flat.len() + 1);
    }
}

/// A page with no boundary in it (no `<title>`, one paragraph) is all body:
/// it must not become the title, which the segmenter would then take as the
/// headline and drop from the body.
#[test]
fn one_piece_page_is_body_not_title() {
    let flat =
        "Tide tables for the small harbour were printed weekly, and the fishermen read them aloud.";
    let c = clean(flat);
    assert_eq!(c.metadata.title, None);
    assert_eq!(body(&c), vec![flat]);
}

/// A short piece naming the page title after the article started is not
/// made a heading (downstream, a heading matching the title is taken for the
/// headline and the body before it would be lost); neither is a bare number.
#[test]
fn title_named_again_in_body_is_not_a_heading() {
    let flat = "New Lamps on the North Pier | Coast GazetteHomeNewsNew Lamps on the North PierThe old lamps on the north pier were replaced on Tuesday after forty years of service, the port authority said.Engineers worked through the night to fit the new lenses before the fishing fleet returned at dawn.Why new lamps on the north pier matterSailors rely on the pier lamps to find the channel when fog rolls in from the sea.The authority plans to repaint the lamp posts next spring, weather permitting.";
    let c = clean(flat);
    let heading = c
        .kept
        .iter()
        .find(|b| b.text.contains("Why new lamps"))
        .expect("kept");
    assert_eq!(heading.kind, BlockKind::Paragraph);
    assert!(c.text().contains("The old lamps on the north pier"));
}

/// A live ticker after the article (clock stamps glued to their items) is
/// not body.
#[test]
fn live_ticker_after_article_is_removed() {
    let flat = "Ferry Service Resumes | Island PostHomeFerry Service ResumesThe island ferry sailed again on Monday after a week of storms kept it in port, the operator said.Crews checked the hull and engines over the weekend before the harbour master allowed the first crossing.Passengers queued from dawn, and the first boat left full at seven.Live14:05Storm warning lifted for the north coast14:01Market reopens after the holiday13:58Council approves the new school budget after a long debate13:52Road works delay buses in the old town13:47Lighthouse keeper retires after thirty years on the rock";
    let c = clean(flat);
    let text = c.text();
    assert!(text.contains("The island ferry sailed again"));
    assert!(text.contains("the first boat left full at seven."));
    assert!(!text.contains("Council approves"), "{text}");
    assert!(removed_kinds(&c, "14:05").contains(&BoilerplateKind::RelatedContent));
}
