//! Every threshold of HTML classification, named, with the reason for its value.
//! The scoring constants follow Readability's, the yardstick most pages are
//! judged by, so that a score here means what it means there.

/// A block longer than this is prose even when it names a lexicon phrase.
pub const PHRASE_MAX_BLOCK_CHARS: usize = 200;
/// Share of a short block's letters that lexicon phrases must cover to decide alone.
pub const PHRASE_MIN_COVER: f32 = 0.5;

/// Paragraphs shorter than this say too little to vote for a container.
pub const MIN_SCORED_CHARS: usize = 25;
/// Each 100 chars of a paragraph add one point, up to this many.
pub const MAX_LENGTH_POINTS: f32 = 3.0;
/// A paragraph votes for its parent and this many further ancestors.
pub const ANCESTOR_LEVELS: usize = 5;
/// A class or id word that says content (or boilerplate) adds (or takes) this much.
pub const CLASS_WEIGHT: f32 = 25.0;
/// `div`s are the usual article wrappers.
pub const DIV_BONUS: f32 = 5.0;
/// `pre`, `td`, `blockquote` often hold text directly.
pub const TEXT_CELL_BONUS: f32 = 3.0;
/// Lists, forms and addresses seldom wrap an article.
pub const LIST_PENALTY: f32 = -3.0;
/// Headings are labels, not containers.
pub const HEADING_PENALTY: f32 = -5.0;
/// `<article>` and `<main>` say what they hold, but pages also wrap teasers in them.
pub const ARTICLE_TAG_BONUS: f32 = 10.0;
/// `itemprop=articleBody` is the page stating where the body is.
pub const ARTICLE_BODY_BONUS: f32 = 25.0;

/// How many top candidates are compared when looking for a shared ancestor.
pub const TOP_CANDIDATES: usize = 5;
/// Candidates within this ratio of the best are alternatives to it.
pub const ALTERNATIVE_RATIO: f32 = 0.75;
/// This many alternatives under one ancestor mean the article is split across them.
pub const MIN_ALTERNATIVES: usize = 3;
/// Climbing stops at a parent scoring under this share of the best.
pub const PARENT_SCORE_FLOOR: f32 = 1.0 / 3.0;

/// A candidate scoring this share of the best, marked up alike and meeting it at
/// most [`SPLIT_LEVELS`] above, is another part of an article split by figures or ads.
pub const SPLIT_RATIO: f32 = 0.3;
/// ...and holding at least this much text (a deck or a caption is not a part).
pub const SPLIT_MIN_CHARS: usize = 500;
/// How far above the best candidate the parts of a split article may meet.
pub const SPLIT_LEVELS: usize = 3;

/// Siblings need at least this score to join the article...
pub const SIBLING_MIN_SCORE: f32 = 10.0;
/// ...and at least this share of the best candidate's score.
pub const SIBLING_SCORE_RATIO: f32 = 0.2;
/// A sibling paragraph this long with few links belongs to the article.
pub const SIBLING_PARAGRAPH_CHARS: usize = 80;
/// Link density under which a long sibling paragraph is prose.
pub const SIBLING_MAX_LINK_DENSITY: f32 = 0.25;

/// A class-token mark on a part holding this share of the page's text is a page-wide flag, not boilerplate.
pub const GUARD_TEXT_SHARE: f32 = 0.5;
/// An article shorter than this after the first attempt is retried without class-token marks.
pub const RETRY_MIN_CHARS: usize = 500;

/// A best candidate scoring under this (about two real paragraphs) was chosen by
/// leftovers: choose again without class-token marks.
pub const RETRY_MIN_SCORE: f32 = 10.0;

/// Containers with this many commas are prose and are never cleaned conditionally.
pub const CLEAN_MIN_COMMAS: usize = 10;
/// Containers under this many chars with links are chrome.
pub const CLEAN_MIN_CHARS: usize = 25;
/// Link density above which a container with no content token is a link list.
pub const CLEAN_LINK_DENSITY: f32 = 0.2;
/// Link density above which even a container with a content token is a link list.
pub const CLEAN_LINK_DENSITY_CONTENT: f32 = 0.5;
/// Headings making up this share of a container's text make it a section, not chrome.
pub const CLEAN_HEADING_DENSITY: f32 = 0.9;
/// List text above this share of a container's text makes it a list.
pub const LIST_TEXT_SHARE: f32 = 0.9;

/// A page with less text than this is a fragment (a snippet, a test page): its text is the content.
pub const FRAGMENT_MAX_CHARS: usize = 500;
/// Less sentence text than this, and the page has no article.
pub const MIN_ARTICLE_CHARS: usize = 140;
/// A listing: at least this many linked headings...
pub const LISTING_MIN_HEADINGS: usize = 4;
/// ...and less prose than this outside the teasers under them.
pub const LISTING_MAX_OWN_PROSE: usize = 400;
/// A teaser: a paragraph this short right under a linked heading.
pub const TEASER_MAX_CHARS: usize = 300;
/// Link density above which a heading is a link to another page.
pub const LINKED_HEADING_DENSITY: f32 = 0.5;

/// Bylines and date lines are short.
pub const HINT_MAX_CHARS: usize = 120;
/// Hint marks are looked for on the block's element and this many ancestors.
pub const HINT_ANCESTOR_LEVELS: usize = 3;
/// A standfirst is a sentence or two.
pub const STANDFIRST_MAX_CHARS: usize = 400;
/// The headline is looked for this many blocks before the article.
pub const HEADLINE_LOOKBACK: usize = 25;
/// Share of the shorter of title and `h1` that the other must hold to be the headline...
pub const TITLE_MATCH: f32 = 0.75;
/// ...and at least this share of the longer one's words (titles carry a site name).
pub const TITLE_MATCH_LONG: f32 = 0.4;
