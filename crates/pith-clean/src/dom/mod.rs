//! Stage 2: HTML -> DOM. (Being written.)

/// Parse an HTML document.
pub fn parse(html: &str) -> scraper::Html {
    scraper::Html::parse_document(html)
}
