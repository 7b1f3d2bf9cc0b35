//! Errors of extraction, each with a message that says what happened and what to do.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtractError {
    /// Nothing to read: zero bytes or only whitespace.
    EmptyInput,
    /// The bytes are not text (images, archives, executables).
    NotHtml { control_percent: u32 },
    /// The page parsed, but holds no article (a home page, search results, a login wall).
    NoArticle { reason: String },
    /// The page URL given by the caller is not an absolute URL.
    InvalidUrl { url: String },
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::EmptyInput => write!(f, "the input is empty: pass the HTML of a page (a file, or `-` to read standard input)"),
            ExtractError::NotHtml { control_percent } => write!(
                f,
                "the input is not HTML: {control_percent}% of its first bytes are binary control codes; pass the page's HTML, not an image, archive or compressed file"
            ),
            ExtractError::NoArticle { reason } => write!(f, "no article found: {reason}"),
            ExtractError::InvalidUrl { url } => write!(f, "`{url}` is not an absolute URL; give the page's address like https://example.com/news/story"),
        }
    }
}

impl std::error::Error for ExtractError {}
