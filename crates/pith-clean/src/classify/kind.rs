//! The kinds of boilerplate pith removes, one variant per lexicon kind.

use serde::Serialize;

/// Why a part of the page is not article text.
///
/// ```
/// use pith_clean::BoilerplateKind;
/// assert_eq!(BoilerplateKind::CookieConsent.name(), "cookie_consent");
/// assert_eq!(BoilerplateKind::from_name("share_widget"), Some(BoilerplateKind::ShareWidget));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// Cookie and consent banners and dialogs.
    CookieConsent,
    /// Share buttons and bars.
    ShareWidget,
    /// Donation asks, amount pickers.
    Donation,
    /// Newsletter and e-mail sign-up forms.
    NewsletterSignup,
    /// Site menus and navigation lists.
    Navigation,
    /// Breadcrumb trails.
    Breadcrumb,
    /// "Skip to main content" links.
    SkipLink,
    /// Lists of languages the site is offered in.
    LanguageMenu,
    /// Search boxes.
    Search,
    /// Related, recommended, most-read lists.
    RelatedContent,
    /// Reader comments and comment forms.
    Comments,
    /// Advertising and sponsored slots.
    Advertisement,
    /// The site header (logo, masthead).
    Header,
    /// The site footer (legal, contact, copyright).
    Footer,
    /// "Follow us on" social profile links.
    SocialFollow,
    /// Print, e-mail, font-size tools.
    PrintTools,
    /// Tag and topic lists.
    Tags,
    /// Parts the page hides from readers (`hidden`, `display:none`, `aria-hidden`).
    Hidden,
    /// Text outside the main content that no more specific kind explains.
    OutsideContent,
    /// Photo credits, captions of decorative images, widgets' own chrome.
    Widget,
}

impl BoilerplateKind {
    /// Every kind, in declaration order.
    pub const ALL: [BoilerplateKind; 20] = [
        BoilerplateKind::CookieConsent,
        BoilerplateKind::ShareWidget,
        BoilerplateKind::Donation,
        BoilerplateKind::NewsletterSignup,
        BoilerplateKind::Navigation,
        BoilerplateKind::Breadcrumb,
        BoilerplateKind::SkipLink,
        BoilerplateKind::LanguageMenu,
        BoilerplateKind::Search,
        BoilerplateKind::RelatedContent,
        BoilerplateKind::Comments,
        BoilerplateKind::Advertisement,
        BoilerplateKind::Header,
        BoilerplateKind::Footer,
        BoilerplateKind::SocialFollow,
        BoilerplateKind::PrintTools,
        BoilerplateKind::Tags,
        BoilerplateKind::Hidden,
        BoilerplateKind::OutsideContent,
        BoilerplateKind::Widget,
    ];

    /// The snake_case name used in JSON and as the lexicon file stem.
    pub fn name(self) -> &'static str {
        match self {
            BoilerplateKind::CookieConsent => "cookie_consent",
            BoilerplateKind::ShareWidget => "share_widget",
            BoilerplateKind::Donation => "donation",
            BoilerplateKind::NewsletterSignup => "newsletter_signup",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Breadcrumb => "breadcrumb",
            BoilerplateKind::SkipLink => "skip_link",
            BoilerplateKind::LanguageMenu => "language_menu",
            BoilerplateKind::Search => "search",
            BoilerplateKind::RelatedContent => "related_content",
            BoilerplateKind::Comments => "comments",
            BoilerplateKind::Advertisement => "advertisement",
            BoilerplateKind::Header => "header",
            BoilerplateKind::Footer => "footer",
            BoilerplateKind::SocialFollow => "social_follow",
            BoilerplateKind::PrintTools => "print_tools",
            BoilerplateKind::Tags => "tags",
            BoilerplateKind::Hidden => "hidden",
            BoilerplateKind::OutsideContent => "outside_content",
            BoilerplateKind::Widget => "widget",
        }
    }

    /// The kind whose [`name`](Self::name) is `name`.
    pub fn from_name(name: &str) -> Option<BoilerplateKind> {
        BoilerplateKind::ALL.into_iter().find(|k| k.name() == name)
    }
}
