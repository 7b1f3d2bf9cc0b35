//! Picture credits: whether a line of text closes with the credit of a picture ("… © AFP /
//! Name", "(Foto: Getty)"), which makes it the picture's caption wherever it stands. Takes `&str`,
//! gives a yes or no; the finder (lead-ins) and the label cleaner (captions set apart) both ask.

/// Most credits are a name and an agency.
pub const MAX_CREDIT_WORDS: usize = 10;

/// Marks that open a picture credit at the end of a caption ("… am Westufer. © WSNA", "…im
/// Überblick. (Foto: Getty)", "Roman Prymula, photo: Archives du Gouvernement"). A caption set
/// apart from its picture, as a paragraph of its own, is the picture's, not the story's: the credit
/// closing it says so.
const TRAILING_CREDIT_MARKS: &[&str] = &[
    "©", "foto:", "fotos:", "photo:", "photos:", "bild:", "credit:", "crédito:", "crédit photo", "fotografía:",
    "fotografia:", "zdjęcie:", "fot.", "фото:", "صورة:", "عکس:", "写真：", "图片：",
];

/// Whether `text` closes with a picture credit: one of [`TRAILING_CREDIT_MARKS`], after some
/// words of caption, followed by at most [`MAX_CREDIT_WORDS`] words (the photographer, the agency)
/// with no sentence after them. A credit with figures in it ("© 2003 Jamie Zawinski") is a
/// copyright line, which closes a page's masthead as often as a caption.
pub fn ends_with_credit(text: &str) -> bool {
    let lower = text.to_lowercase();
    TRAILING_CREDIT_MARKS.iter().any(|mark| {
        lower.rmatch_indices(mark).next().is_some_and(|(at, _)| {
            let before = &lower[..at];
            let after = lower[at + mark.len()..].trim();
            // A mark that opens with a letter must start a word: "foto:" but not "autofoto:".
            let starts_word = !mark.starts_with(char::is_alphabetic) || !before.ends_with(char::is_alphanumeric);
            let credit_words = after.split_whitespace().count();
            starts_word
                && before.chars().any(char::is_alphabetic)
                && (1..=MAX_CREDIT_WORDS).contains(&credit_words)
                && !after.contains(|c: char| c.is_numeric())
                && !after.trim_end_matches([')', ']', '.']).contains(['.', '!', '?'])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::ends_with_credit;

    #[test]
    fn a_caption_closed_by_a_credit_ends_with_one_and_a_sentence_after_the_mark_does_not() {
        assert!(ends_with_credit("Rust am Westufer des Neusiedler Sees. © WSNA"));
        assert!(ends_with_credit("Die Übertragungszeiten im Überblick. (Foto: Getty)"));
        assert!(ends_with_credit("Зал заседаний. Фото: ТАСС"));
        assert!(!ends_with_credit("© AFP"), "a credit alone is for the credit-line rule");
        assert!(!ends_with_credit("Her photo: a blurred shot. Nobody saw the ship."));
        assert!(!ends_with_credit("linux usability. © 2002, 2003 Jamie Zawinski"));
        assert!(!ends_with_credit("He bought the autofoto: cheap."));
    }
}
