//! Every number the flattened-text path decides with, named, with the reason.
//!
//! The article span is the run of segments with the largest total weight
//! (see `span.rs`); these constants set what each segment adds or costs.

/// A sentence-like segment adds its chars: the article is where most sentence
/// text is. Boundaries are node boundaries, so long runs of sentences are prose.
pub const CONTENT_PER_CHAR: f32 = 1.0;

/// A sentence-like segment also costs this much, so a lone sentence far from
/// the article (a footer blurb) does not pull the span across a menu.
pub const CONTENT_COST: f32 = 10.0;

/// A short piece (menu item, heading, inline-link piece) costs this much: a
/// heading or a link inside prose is paid for by the prose around it, a run of
/// twenty menu items is not.
pub const SHORT_COST: f32 = 12.0;

/// Prose with no prose next to it counts this share of its weight: teaser
/// lists alternate a headline and one paragraph, articles run paragraphs.
pub const ISOLATED_SHARE: f32 = 0.3;

/// The article span does not cross chrome that costs more than this (net of
/// prose inside it): about a dozen short pieces, or a boilerplate block and a
/// few more. Articles pause for a caption or a related link, not for a
/// comment form or a teaser list.
pub const GAP_LIMIT: f32 = 250.0;

/// A comment-thread control ("Reply", "Report") costs this much more than
/// other boilerplate: a thread repeats it under every comment, so a thread
/// never outweighs the article it follows.
pub const COMMENT_COST: f32 = 200.0;

/// A short piece that is not menu-like (a lowercase fragment, a code line, a
/// number) costs only this much: it is mostly a piece of prose or code cut
/// at an inline element.
pub const FRAGMENT_COST: f32 = 6.0;

/// A long article may pause longer (a data table, a navigation box between
/// sections): the gap limit grows to this share of the run's weight so far.
pub const GAP_SHARE: f32 = 0.1;

/// Below this many bytes per piece on average the text is not a page (see
/// `boundary::bound_density`); real glued pages average 20 to 60.
pub const MIN_AVG_SEGMENT_BYTES: usize = 8;

/// A word glued to one digit (`1Password`) printed this many times on a
/// page is a name: a list number glued to its item (`1Introduction`) is
/// printed once.
pub const DIGIT_NAME_MIN_REPEATS: usize = 3;

/// A date line is nearly free: it often sits between headline and body.
pub const DATE_COST: f32 = 4.0;

/// Boilerplate (by lexicon or shape) costs its chars plus this much, so the span
/// never ends on it and only crosses it for much more prose on the other side.
pub const BOILER_COST: f32 = 60.0;

/// A sentence holding a phrase of a strong boilerplate list ("your
/// tax-deductible gift") costs this share of its chars: kept inside the
/// article, trimmed at its edges.
pub const TAINTED_PER_CHAR: f32 = 0.5;

/// A phrase decides a segment alone when its matches cover at least this share
/// of the segment's text ("Share this via Facebook" is all phrase).
pub const PHRASE_COVER: f32 = 0.5;

/// Segments longer than this many words are searched for phrases only in
/// their first [`PHRASE_HEAD_BYTES`] bytes (most of the text's bytes, skipped).
pub const PHRASE_MAX_WORDS: usize = 30;

/// How much of a long segment's head is searched for phrases.
pub const PHRASE_HEAD_BYTES: usize = 120;

/// Up to this many words, one phrase of a strong list decides a segment
/// ("Enter an email address"); longer sentences are only tainted.
pub const STRONG_PHRASE_MAX_WORDS: usize = 12;

/// A segment with at least this many words and a final stop reads as a sentence.
pub const SENTENCE_MIN_WORDS: usize = 5;

/// A segment with at least this many words reads as prose even without a stop.
pub const PROSE_MIN_WORDS: usize = 10;

/// Above this share of capitalised words, a segment reads as a title or a menu,
/// not a sentence (headline lists: "Open Letter to the Interior Minister").
pub const TITLE_CASE_SHARE: f32 = 0.5;

/// In scripts without spaces, a sentence has at least this many chars...
pub const UNSPACED_SENTENCE_CHARS: usize = 15;

/// ...and prose without a stop at least this many.
pub const UNSPACED_PROSE_CHARS: usize = 40;

/// A date line has at most this many words (a date with its time and zone).
pub const DATE_LINE_MAX_WORDS: usize = 10;

/// A standfirst has at least this many words.
pub const STANDFIRST_MIN_WORDS: usize = 4;

/// Candidate headlines (title parts) shorter than this many chars are not
/// searched for: short parts ("Code") match inside prose.
pub const HEADLINE_MIN_CHARS: usize = 12;

/// A first segment longer than this swallowed more than the title (no
/// boundary after it); the title is then cut where its repeat ends.
pub const TITLE_MAX_BYTES: usize = 300;

/// At most this many occurrences of the headline are considered.
pub const HEADLINE_MAX_HITS: usize = 8;

/// A heading inside the body has at most this many words.
pub const HEADING_MAX_WORDS: usize = 12;

/// A menu item has at most this many words.
pub const MENU_ITEM_MAX_WORDS: usize = 6;

/// Items of a menu glued with separators (`首页|新闻|图片`) average at most
/// this many chars.
pub const MENU_ITEM_MAX_CHARS: usize = 16;

/// A run of at least this many short items outside the article is a menu.
pub const MENU_MIN_ITEMS: usize = 3;

/// A byline is looked for this many segments around the headline, the date
/// line and the article start: it sits between them, often after a photo
/// credit or a share bar.
pub const BYLINE_WINDOW: usize = 4;

/// A name in a byline has at most this many words (`Maria de la Cruz Ortega`).
pub const BYLINE_MAX_NAME_WORDS: usize = 5;

/// Date lines with a clock time make a thread (comments, a feed) from this
/// many on: an article has one date line, maybe an update line.
pub const THREAD_MIN_STAMPS: usize = 3;

/// Slide counters of one total (`1/50`, `2/50`, `3/50`) on this many
/// distinct slides make a slideshow: its captions are other stories, and
/// the article does not run through it. A lone `1 / 5` over a lead photo
/// is one slide, not a show.
pub const GALLERY_MIN_SLIDES: usize = 3;

/// The wall of a thread stamp: more than any gap limit, so no run crosses it.
pub const THREAD_WALL: f32 = 1.0e9;

/// A related-list or comments heading has at most this many words.
pub const SECTION_HEADING_MAX_WORDS: usize = 4;

/// After a related-list heading, the article goes on when a paragraph of
/// at least [`RESUME_MIN_CHARS`] chars comes within this many segments.
pub const RESUME_WINDOW: usize = 12;

/// A paragraph of the article has at least this many chars; a teaser's
/// summary line in a list has fewer (one or two sentences).
pub const RESUME_MIN_CHARS: usize = 250;

/// An ad slot's label ("Advertisement", "Anzeige") has at most this many
/// words; it interrupts an article rather than ending it.
pub const AD_LABEL_MAX_WORDS: usize = 2;

/// A text cut off with an ellipsis is a truncated teaser up to this many
/// words (a list trims teasers to a line or two).
pub const TEASER_MAX_WORDS: usize = 25;

/// A closing bracket glued to a capital ends a node when the bracket holds
/// at most this many words (`(español)Argentina`, `comments(27)Read`): a
/// label's tail. A longer bracket is a photo credit set inside a caption.
pub const BRACKET_MAX_WORDS: usize = 2;

/// How far back (in chars) the opening bracket of such a label is looked for.
pub const BRACKET_MAX_CHARS: usize = 40;

/// A camel-case word printed after a dot is a member name (`res.bodyUsed`)
/// when its lowercase head has at least this many letters; a short head
/// (`blanket.js` + `As`) is a file extension glued to the next sentence.
pub const CODE_HEAD_MIN_CHARS: usize = 3;

/// A card's title printed twice in a row is matched down to this many
/// chars (a copy cut short to fit the card); shorter repeats (`Reply`
/// `Reply`) are not titles.
pub const CARD_TITLE_MIN_CHARS: usize = 20;

/// A numbered article cut by an embed (a video player with its controls,
/// an ad) goes on at most this many segments after its last item.
pub const LIST_GAP_MAX_SEGMENTS: usize = 100;
