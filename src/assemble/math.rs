//! MathML formulas: a `<math>` element of the page in, an [`Inline::Math`] out — the formula's
//! elements and attributes that draw it (from an allowlist: no links, styles, handlers or foreign
//! markup), and the text that stands for it where MathML cannot: the TeX the page annotated it
//! with, else its `alttext`, else its characters written out on one line (`x^2`, `(a)/(b)`).

use crate::model::{Inline, Math, MathNode};
use crate::parse::{Document, NodeData, NodeId};
use crate::text::collapse_whitespace;

/// MathML elements that draw a formula (MathML Core, and the older layout elements browsers
/// still draw). Others are left out and their children kept; `annotation` and `annotation-xml`
/// are left out with their content (the TeX is read from them first; an `annotation-xml` may
/// carry HTML or SVG).
const MATH_ELEMENTS: &[&str] = &[
    "math", "semantics", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msub", "msup", "msubsup", "mfrac",
    "msqrt", "mroot", "mstyle", "merror", "mpadded", "mphantom", "mfenced", "menclose", "munder", "mover",
    "munderover", "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr",
];

/// Attributes that change how a formula is drawn. No `href` (MathML allows links on any element),
/// no `style`, no event handlers.
const MATH_ATTRIBUTES: &[&str] = &[
    "display", "mathvariant", "displaystyle", "linethickness", "accent", "accentunder", "stretchy", "notation", "open",
    "close", "columnspan", "rowspan", "dir",
];

/// Formulas nest a few levels (a fraction in a root in a superscript); deeper than this is not a
/// formula a reader could follow, and the rest is kept as text so a hostile page cannot recurse.
const MAX_MATH_DEPTH: usize = 64;

/// The formula `math` (a `<math>` element).
pub(super) fn formula(doc: &Document, math: NodeId) -> Inline {
    let root = node(doc, math, 0).into_iter().next().unwrap_or(MathNode::Text(String::new()));
    let tex = annotation_tex(doc, math);
    let (text, is_tex) = match tex {
        Some(tex) => (tex, true),
        None => match doc.attr(math, "alttext").map(collapse_whitespace).filter(|t| !t.is_empty()) {
            Some(alt) => (alt, false),
            None => (collapse_whitespace(&linear(&root)), false),
        },
    };
    let block = doc.attr(math, "display").is_some_and(|d| d.eq_ignore_ascii_case("block"));
    Inline::Math(Box::new(Math { root, text, tex: is_tex, block }))
}

/// The MathML nodes that stand for `id`: the element itself when it is allowed, else its children.
fn node(doc: &Document, id: NodeId, depth: usize) -> Vec<MathNode> {
    match &doc.node(id).data {
        // Whitespace between a formula's elements means nothing, and a token's own is trimmed
        // (MathML draws `<mi> x </mi>` as `x`).
        NodeData::Text(t) => {
            let t = collapse_whitespace(t);
            if t.is_empty() {
                Vec::new()
            } else {
                vec![MathNode::Text(t)]
            }
        }
        NodeData::Element(e) => {
            let tag = &*e.name.local;
            if tag.starts_with("annotation") {
                return Vec::new();
            }
            if depth >= MAX_MATH_DEPTH {
                return vec![MathNode::Text(doc.text_content(id))];
            }
            let children: Vec<MathNode> = doc.children(id).flat_map(|c| node(doc, c, depth + 1)).collect();
            match MATH_ELEMENTS.iter().find(|&&m| m == tag) {
                Some(&name) => {
                    let attrs =
                        MATH_ATTRIBUTES.iter().filter_map(|&a| doc.attr(id, a).map(|v| (a, v.to_string()))).collect();
                    vec![MathNode::Element { name, attrs, children }]
                }
                None => children,
            }
        }
        _ => Vec::new(),
    }
}

/// The TeX source the page annotated formula `math` with, if any.
fn annotation_tex(doc: &Document, math: NodeId) -> Option<String> {
    doc.descendants(math)
        .filter(|&d| doc.is_tag(d, "annotation"))
        .find(|&d| doc.attr(d, "encoding").is_some_and(|e| e.to_ascii_lowercase().contains("tex")))
        .map(|d| doc.text_content(d).trim().to_string())
        .filter(|t| !t.is_empty())
}

/// A formula written out on one line: scripts with `^` and `_`, fractions with `/`, roots with
/// `√`, each part in parentheses when it is longer than one character, symbols that would run
/// together spaced apart.
fn linear(n: &MathNode) -> String {
    match n {
        MathNode::Text(t) => t.trim().to_string(),
        MathNode::Element { name, children, .. } => {
            let part = |i: usize| children.get(i).map(linear).unwrap_or_default();
            let grouped = |s: String| if s.chars().count() > 1 { format!("({s})") } else { s };
            match *name {
                "msup" => format!("{}^{}", grouped(part(0)), grouped(part(1))),
                "msub" => format!("{}_{}", grouped(part(0)), grouped(part(1))),
                "msubsup" => format!("{}_{}^{}", grouped(part(0)), grouped(part(1)), grouped(part(2))),
                "mfrac" => format!("{}/{}", grouped(part(0)), grouped(part(1))),
                "msqrt" => format!("√{}", grouped(spaced(children.iter().map(linear)))),
                "mroot" => format!("{}√{}", grouped(part(1)), grouped(part(0))),
                // Operators and identifiers are spaced as the formula is read: "a + b".
                "mo" => format!(" {} ", children.iter().map(linear).collect::<String>()),
                _ => spaced(children.iter().map(linear)),
            }
        }
    }
}

/// `parts` one after another, with a space between two that would otherwise run together into
/// one word: the identifiers of `a x` are two symbols, not the name "ax".
fn spaced(parts: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for part in parts {
        let joins = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if joins(out.chars().next_back()) && joins(part.chars().next()) {
            out.push(' ');
        }
        out.push_str(&part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formula_of(html: &str) -> Math {
        let doc = crate::parse::parse_html(html);
        let math = doc.descendants(doc.root()).find(|&n| doc.is_tag(n, "math")).expect("a <math> element");
        match formula(&doc, math) {
            Inline::Math(m) => *m,
            other => panic!("not a formula: {other:?}"),
        }
    }

    #[test]
    fn the_tex_annotation_stands_for_the_formula_in_text() {
        let m = formula_of(
            r#"<p><math><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">x^{2}</annotation></semantics></math></p>"#,
        );
        assert_eq!((m.text.as_str(), m.tex), ("x^{2}", true));
    }

    #[test]
    fn without_tex_the_formula_is_written_out_on_one_line() {
        let m = formula_of(
            "<p><math><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mfrac><mn>1</mn><mrow><mi>b</mi><mo>+</mo><mn>1</mn></mrow></mfrac><mo>=</mo><msqrt><mn>2</mn></msqrt></math></p>",
        );
        assert_eq!(m.text, "a x^2 + 1/(b + 1) = √2");
        assert!(!m.tex);
    }

    #[test]
    fn whitespace_between_the_elements_is_no_part_of_the_formula() {
        let m =
            formula_of("<p><math>\n  <msup>\n    <mi>\n      x\n    </mi>\n    <mn> 2 </mn>\n  </msup>\n</math></p>");
        assert_eq!(m.text, "x^2");
    }

    #[test]
    fn links_styles_handlers_and_foreign_markup_do_not_survive() {
        let m = formula_of(
            r#"<p><math href="javascript:alert(1)" onclick="x()" style="color:red" display="block"><mi href="https://evil.example/">x</mi><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml><mglyph src="x.png"/></math></p>"#,
        );
        let MathNode::Element { name, attrs, children } = &m.root else { panic!("no root element") };
        assert_eq!(*name, "math");
        assert_eq!(attrs, &[("display", "block".to_string())]);
        assert!(m.block);
        let MathNode::Element { name, attrs, .. } = &children[0] else { panic!("no <mi>") };
        assert_eq!((*name, attrs.len()), ("mi", 0));
        assert_eq!(children.len(), 1, "annotation-xml and mglyph are left out: {children:?}");
    }

    #[test]
    fn a_formula_nested_deeper_than_any_reader_follows_is_cut_to_text() {
        let depth = 5_000;
        let html = format!("<p><math>{}<mi>x</mi>{}</math></p>", "<mrow>".repeat(depth), "</mrow>".repeat(depth));
        let m = formula_of(&html);
        assert_eq!(m.text, "x");
    }
}
