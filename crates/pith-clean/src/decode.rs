//! Stage 1: bytes -> text. (Placeholder: UTF-8 only; being written.)

use crate::cleaned::InputFormat;
use crate::error::{Error, Warning};
use crate::options::Options;

/// Decoded text with the encoding used and any warnings.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// WHATWG name of the encoding used, lowercase.
    pub encoding: &'static str,
    /// Problems met while decoding.
    pub warnings: Vec<Warning>,
}

/// Decode bytes into text.
pub fn decode(bytes: &[u8], options: &Options) -> Result<Decoded, Error> {
    let _ = options;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    Ok(Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: "utf-8",
        warnings: Vec::new(),
    })
}

/// Decide whether decoded text is HTML or flattened text, by content.
pub fn sniff_format(text: &str) -> InputFormat {
    let head = &text[..text.len().min(4096)];
    if head.contains("<html")
        || head.contains("<!DOCTYPE")
        || head.contains("<div")
        || head.contains("<p>")
    {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}
