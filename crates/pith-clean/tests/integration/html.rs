//! Integration tests: the HTML path, page shapes end to end through `Cleaner::clean_html`.

use pith_clean::{BoilerplateKind, Cleaned, Cleaner, Evidence, Hint, Options, Warning};

fn clean(html: &str) -> Cleaned {
    Cleaner::new(Options::default()).clean_html(html)
}

fn removed_kinds(c: &Cleaned) -> Vec<BoilerplateKind> {
    c.removed.iter().map(|r| r.kind).collect()
}

const PRESS_RELEASE: &str = r##"<!doctype html><html lang="en"><head>
<title>Rights group urges release of detained journalists | Example Watch</title>
<meta property="article:published_time" content="2011-06-10T08:00:00Z">
</head><body>
<div id="cookie-banner" role="dialog"><p>We use cookies to improve your experience. By continuing to use this site, you agree to our cookie policy.</p><button>Accept all cookies</button></div>
<header class="site-header"><a href="/">Example Watch</a></header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/reports">Reports</a></li><li><a href="/about">About</a></li></ul></nav>
<main>
<article>
<h1>Rights group urges release of detained journalists</h1>
<div class="byline">By <a rel="author" href="/staff/ann">Ann Lee</a></div>
<time datetime="2011-06-10">June 10, 2011</time>
<div class="share-bar"><a href="#">Share this article</a> <a href="#">Tweet</a></div>
<p>(Astana) – The authorities should immediately release the four journalists detained last week, the rights group said today, after their families were denied visits for a fifth day.</p>
<p>The journalists, who had reported on the strike in the western oil town, were arrested on charges of “inciting social discord,” which carries a prison term of up to ten years, their lawyers said.</p>
<p>“Locking up reporters for covering a strike is a blatant attack on free expression,” said the group’s director, who added that the charges should be dropped without delay.</p>
</article>
<aside class="donate"><h2>Support our work</h2><p>Donate now</p></aside>
</main>
<footer><p>© 2011 Example Watch. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"##;

#[test]
fn ngo_press_release_keeps_the_story_and_explains_the_rest() {
    let c = clean(PRESS_RELEASE);
    let text = c.text();
    assert!(text.contains("release the four journalists"), "{text}");
    assert!(text.contains("blatant attack on free expression"));
    for gone in [
        "We use cookies",
        "Share this article",
        "Donate now",
        "All rights reserved",
        "Reports",
    ] {
        assert!(!text.contains(gone), "{gone} kept: {text}");
    }
    let kinds = removed_kinds(&c);
    for k in [
        BoilerplateKind::CookieConsent,
        BoilerplateKind::Header,
        BoilerplateKind::Donation,
        BoilerplateKind::Navigation,
        BoilerplateKind::ShareWidget,
        BoilerplateKind::Footer,
    ] {
        assert!(kinds.contains(&k), "{k:?} not in {kinds:?}");
    }
    assert!(c.removed.iter().all(|r| !r.evidence.is_empty()));
    let headline = c
        .kept
        .iter()
        .find(|b| b.hint == Some(Hint::Headline))
        .expect("headline");
    assert_eq!(
        headline.text,
        "Rights group urges release of detained journalists"
    );
    assert!(c
        .kept
        .iter()
        .any(|b| b.hint == Some(Hint::Byline) && b.text.contains("Ann Lee")));
    assert!(c.kept.iter().any(|b| b.hint == Some(Hint::Date)));
    assert_eq!(
        c.metadata.published.as_deref(),
        Some("2011-06-10T08:00:00Z")
    );
    assert_eq!(
        c.metadata.title.as_deref(),
        Some("Rights group urges release of detained journalists")
    );
}

#[test]
fn removals_come_in_page_order_one_per_container() {
    let c = clean(PRESS_RELEASE);
    let navs: Vec<_> = c
        .removed
        .iter()
        .filter(|r| r.kind == BoilerplateKind::Navigation)
        .collect();
    assert_eq!(navs.len(), 1, "{navs:?}");
    assert_eq!(navs[0].text, "News Reports About");
    let pos = |needle: &str| {
        c.removed
            .iter()
            .position(|r| r.text.contains(needle))
            .unwrap()
    };
    assert!(pos("We use cookies") < pos("News Reports"));
    assert!(pos("News Reports") < pos("All rights reserved"));
}

#[test]
fn sentences_about_cookies_sharing_and_donations_stay() {
    let html = r#"<html><head><title>Bakery fined</title></head><body><article>
    <h1>Bakery fined</h1>
    <p>The bakery was fined after inspectors found its cookies contained undeclared nuts, and the owner said he would share the report with customers.</p>
    <p>Neighbours said they would donate to a fund for the staff, who had been told to accept all the blame for the mislabelled boxes.</p>
    <p>The court will publish its decision on Friday, a spokesman said, adding that the cookie policy of the shop was not at issue.</p>
    </article></body></html>"#;
    let c = clean(html);
    assert_eq!(
        c.kept.iter().filter(|b| b.hint.is_none()).count(),
        3,
        "{:?}",
        c.removed
    );
    assert!(c.warnings.is_empty());
}

#[test]
fn listing_page_has_no_article() {
    let item = |i: usize| {
        format!(
            r#"<div class="teaser"><h2><a href="/story/{i}">Story number {i} about the city council vote</a></h2><p>Short teaser {i}.</p></div>"#
        )
    };
    let items: String = (0..12).map(item).collect();
    let html = format!(
        r#"<html><head><title>Latest news</title></head><body><nav><a href="/">Home</a></nav><div id="list">{items}</div></body></html>"#
    );
    let c = clean(&html);
    assert!(c.kept.is_empty(), "{:?}", c.kept);
    assert!(c.warnings.contains(&Warning::NoArticle));
    assert!(!c.removed.is_empty());
}

#[test]
fn div_soup_page() {
    let html = r#"<html><body><div><div><a href="/">Home</a> | <a href="/a">A</a> | <a href="/b">B</a></div>
    <div><div>First paragraph of the story, which is long enough and has commas, clauses, and a full stop.<br><br>Second paragraph, split from the first by two line breaks, carries on the story.</div>
    <div>Third paragraph sits loose in its own div, as old sites did, and ends with a full stop.</div></div>
    <div>Copyright 2020</div></div></body></html>"#;
    let c = clean(html);
    let texts: Vec<&str> = c.kept.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[1].starts_with("Second paragraph"));
    assert!(!c.text().contains("Home"));
    assert!(!c.text().contains("Copyright"));
}

#[test]
fn german_consent_dialog() {
    let html = r#"<html lang="de"><body>
    <div class="cmp-container" role="dialog"><p>Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.</p><p>Alle akzeptieren</p></div>
    <article><h1>Hochwasser schließt Schulen</h1>
    <p>Nach tagelangem Regen sind am Montag vierzig Schulen geschlossen worden, teilte die Behörde mit, und weitere Schließungen werden erwartet.</p>
    <p>Die Busse fahren bis Freitag nach einem eingeschränkten Fahrplan, sagte ein Sprecher der Landesregierung.</p>
    </article></body></html>"#;
    let c = clean(html);
    assert!(!c.text().contains("Cookies"), "{}", c.text());
    let consent = c
        .removed
        .iter()
        .find(|r| r.text.contains("Wir verwenden Cookies"))
        .expect("removed");
    assert_eq!(consent.kind, BoilerplateKind::CookieConsent);
    assert!(consent
        .evidence
        .iter()
        .any(|e| matches!(e, Evidence::Role { .. })));
    assert!(c.text().contains("vierzig Schulen"));
}

#[test]
fn page_wide_class_token_does_not_delete_the_page() {
    let html = r#"<html><body class="wp-cookie-notice single"><div class="wrap">
    <p>Heavy rain closed forty schools on Monday, officials said, and more closures are expected this week across the region.</p>
    <p>The regional government said buses would run on a reduced timetable until Friday, when the rain should ease.</p>
    <p>Parents were told to check the council website each morning, a spokesman said, as conditions change quickly.</p>
    </div></body></html>"#;
    let c = clean(html);
    assert_eq!(c.kept.len(), 3, "{:?}", c.removed);
}

#[test]
fn hidden_parts_are_removed_as_hidden() {
    let html = r#"<html><body><article>
    <p>Heavy rain closed forty schools on Monday, officials said, and more closures are expected this week.</p>
    <div style="display:none"><p>Secret text that readers never see.</p></div>
    <p>The regional government said buses would run on a reduced timetable until Friday, when the rain should ease.</p>
    </article></body></html>"#;
    let c = clean(html);
    assert!(!c.text().contains("Secret"));
    let r = c
        .removed
        .iter()
        .find(|r| r.text.contains("Secret"))
        .unwrap();
    assert_eq!(r.kind, BoilerplateKind::Hidden);
}

#[test]
fn deep_nesting_does_not_crash() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>Deep text, with a comma, and more words to make it count as a paragraph.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let c = clean(&html);
    assert!(c
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::DepthLimited { .. })));
    let all: String = c
        .kept
        .iter()
        .map(|b| b.text.clone())
        .chain(c.removed.iter().map(|r| r.text.clone()))
        .collect();
    assert!(all.contains("Deep text"));
}

#[test]
fn corpus_pages_do_not_panic() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/readability");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("note: {} absent, corpus check skipped", dir.display());
        return;
    };
    let cleaner = Cleaner::new(Options::default());
    let mut pages = 0;
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "html") {
            let html = std::fs::read_to_string(&p).unwrap_or_default();
            let c = cleaner.clean_html(&html);
            assert!(
                c.removed.iter().all(|r| !r.evidence.is_empty()),
                "{}",
                p.display()
            );
            pages += 1;
        }
    }
    assert!(pages > 0);
}

#[test]
fn visible_date_line_fills_published() {
    let html = r#"<html><head><title>Bridge reopens</title></head><body><article>
    <h1>Bridge reopens</h1><p class="date">Published June 10, 2011</p>
    <p>The bridge reopened on Friday after three months of repairs, officials said, and traffic returned to normal by noon.</p>
    <p>Engineers replaced the deck and two supports, a spokeswoman said, and the work came in under budget.</p>
    </article></body></html>"#;
    let c = clean(html);
    assert_eq!(c.metadata.published.as_deref(), Some("2011-06-10"));
    assert!(c.kept.iter().any(|b| b.hint == Some(Hint::Date)));
}
