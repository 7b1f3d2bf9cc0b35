//! Pictures with their captions, whatever the tags: a `<figure>`, or the `<div>` that content
//! systems write for one (MediaWiki's `thumb` with its `thumbcaption`, WordPress's `wp-caption`
//! with its `wp-caption-text`). The finder keeps such a block however many links its caption
//! holds, and the assembler makes one figure of it, its caption attached to its image.

use super::{Document, NodeId};

/// A captioned picture is small: a few wrappers, a `<picture>` with its sources, an icon. A block
/// with more nodes than this is a section that happens to hold a picture; the bound also keeps
/// asking the question of every container cheap.
const MAX_FIGURE_NODES: usize = 120;

/// Text outside the caption of a captioned picture: an "Enlarge" or "Expand" control and credits
/// are a word or two; more than this is prose beside the picture, which is no figure.
const MAX_TEXT_OUTSIDE_CAPTION: usize = 40;

/// A captioned picture's wrappers and its caption's are this deep at most (MediaWiki:
/// `thumb` › `thumbinner` › `thumbcaption` › `magnify`).
const MAX_FIGURE_DEPTH: usize = 6;

/// Tags that a block shaped as a figure never holds: with one of them below it, it is a section or
/// a table with a picture in it, assembled as such; a `<figure>` in it is the figure.
const NOT_IN_FIGURES: &[&str] =
    &["figure", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "blockquote"];

/// A picture and its caption element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Captioned {
    pub image: NodeId,
    pub caption: Option<NodeId>,
}

/// Whether an element's `class` or `id` names a caption (`caption`, `thumbcaption`,
/// `wp-caption-text`, `image-caption`).
fn names_caption(doc: &Document, id: NodeId) -> bool {
    let named = |a: &str| doc.attr(id, a).is_some_and(|v| v.to_ascii_lowercase().contains("caption"));
    named("class") || named("id")
}

/// The one image of `id` and its caption, when `id` is a captioned picture: a `<figure>` (its
/// caption optional), or a block holding exactly one image, an element named as its caption, and
/// next to no other text.
pub fn captioned_image(doc: &Document, id: NodeId) -> Option<Captioned> {
    let is_figure = doc.is_tag(id, "figure");
    if !is_figure && !doc.tag(id).is_some_and(|t| matches!(&**t, "div" | "span" | "section" | "dl" | "center")) {
        return None;
    }
    let mut image = None;
    let mut figcaption = None;
    let mut named = None;
    let mut nodes = 0;
    for d in doc.descendants(id).skip(1) {
        nodes += 1;
        if nodes > MAX_FIGURE_NODES && !is_figure {
            return None;
        }
        let Some(tag) = doc.tag(d) else { continue };
        if doc.is_tag(d, "img") {
            if image.is_some() && !is_figure {
                return None;
            }
            image.get_or_insert(d);
        } else if &**tag == "figcaption" {
            figcaption.get_or_insert(d);
        } else if named.is_none() && names_caption(doc, d) {
            named = Some(d);
        } else if !is_figure && NOT_IN_FIGURES.contains(&&**tag) {
            return None;
        } else if !is_figure && &**tag == "p" && !is_image_wrapper(doc, d) && !within(doc, d, figcaption.or(named)) {
            // A paragraph of text beside the picture: a section, or a step of a how-to.
            return None;
        }
    }
    let image = image?;
    let caption = figcaption.or(named);
    if is_figure {
        return Some(Captioned { image, caption });
    }
    let caption = caption.filter(|&c| !within(doc, image, Some(c)))?;
    let outside = doc.collapsed_text(id).chars().count().saturating_sub(doc.collapsed_text(caption).chars().count());
    (outside <= MAX_TEXT_OUTSIDE_CAPTION).then_some(Captioned { image, caption: Some(caption) })
}

/// Whether paragraph `p` only wraps a picture (the finder wraps a linked image in one).
fn is_image_wrapper(doc: &Document, p: NodeId) -> bool {
    doc.collapsed_chars_within(p, 0) == Some(0)
}

/// Whether `d` lies inside `container`.
fn within(doc: &Document, d: NodeId, container: Option<NodeId>) -> bool {
    container.is_some_and(|c| doc.ancestors(d).any(|a| a == c))
}

/// Whether `id` is a captioned picture or part of one (its caption, a wrapper of its image).
pub fn within_captioned_image(doc: &Document, id: NodeId) -> bool {
    std::iter::once(id).chain(doc.ancestors(id)).take(MAX_FIGURE_DEPTH + 1).any(|a| captioned_image(doc, a).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(doc: &Document, ident: &str) -> NodeId {
        doc.descendants(doc.root()).find(|&n| doc.attr(n, "id") == Some(ident)).unwrap()
    }

    #[test]
    fn a_block_with_one_image_and_a_named_caption_is_a_figure_and_prose_beside_a_picture_is_not() {
        let doc = crate::parse::parse_html(
            "<div id=thumb class=thumb><div><a href=/f><img src=a.jpg></a><div class=thumbcaption id=cap>The <a href=/t>treaty</a></div></div></div>\
             <div id=prose><img src=b.jpg><p>A paragraph that runs on beside the picture, longer than any credit.</p><div class=caption>Caption</div></div>\
             <div id=two><img src=c.jpg><img src=d.jpg><div class=caption>Both</div></div>\
             <figure id=fig><img src=e.jpg></figure>",
        );
        let thumb = captioned_image(&doc, find(&doc, "thumb")).expect("a captioned picture");
        assert_eq!(thumb.caption, Some(find(&doc, "cap")));
        assert!(within_captioned_image(&doc, find(&doc, "cap")), "the caption is part of the picture");
        assert_eq!(captioned_image(&doc, find(&doc, "prose")), None, "a paragraph is no caption");
        assert_eq!(captioned_image(&doc, find(&doc, "two")), None, "two pictures are a gallery");
        assert_eq!(captioned_image(&doc, find(&doc, "fig")).and_then(|c| c.caption), None);
    }
}
