// Active markup, as the hostile-page tests of both browsers judge it: what the Rust core builds
// into the view, what Lectern's HTML renderer writes and what a Markdown renderer makes, and the
// check of a list of elements (from a live DOM or from parse5's tree) against one of those sets.
export const VIEW_ELEMENTS = new Set('article header h1 h2 h3 h4 h5 h6 p blockquote pre code figure img figcaption ul ol li table caption tbody tr td th a em strong sub sup br mark div span aside button bdi time math'.split(' '));
export const HTML_ELEMENTS = new Set('article h1 h2 h3 h4 h5 h6 p blockquote pre code figure img figcaption ul ol li table caption tbody tr td th a em strong sub sup br mark span math'.split(' '));
// Where a set above holds `math`, a formula's MathML elements that only draw (no maction, mglyph,
// annotation-xml, nothing that links or loads; src/assemble/math.rs keeps these).
export const MATHML_ELEMENTS = new Set('math semantics mrow mi mn mo ms mtext mspace msub msup msubsup mfrac msqrt mroot mstyle merror mpadded mphantom mfenced menclose munder mover munderover mmultiscripts mprescripts none mtable mtr mtd mlabeledtr'.split(' '));
export const MARKDOWN_ELEMENTS = new Set('p h1 h2 h3 h4 h5 h6 em strong code pre blockquote ul ol li a img hr br table thead tbody tr th td'.split(' '));
// Web pages, mail addresses, anchors and raster images: nothing that runs or fetches anything else.
export const SAFE_ADDRESS = /^(https?:|mailto:|#|data:image\/(png|jpe?g|gif|webp|avif)[;,])/i;

const XHTML = 'http://www.w3.org/1999/xhtml';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

// The elements of a parse5 tree as { name, ns, attrs: [[name, value]] }, in document order; a
// comment as an element named #comment (Lectern writes none).
export function parsedElements(node, out = []) {
  if (node.nodeName === '#comment') out.push({ name: '#comment', ns: XHTML, attrs: [] });
  if (node.tagName) out.push({ name: node.tagName, ns: node.namespaceURI, attrs: node.attrs.map((a) => [a.name, a.value]) });
  for (const child of node.childNodes ?? []) parsedElements(child, out);
  if (node.content) parsedElements(node.content, out);
  return out;
}

// Active markup among `elements`: an element outside `allowed` (or not HTML, MathML that draws
// aside), a handler, srcdoc,
// formaction or style (unless `styleOk`: markdown-it aligns table cells with it), an href or src
// that is not a safe address.
export function activeMarkup(elements, allowed, { styleOk = false } = {}) {
  const found = [];
  for (const { name, ns, attrs } of elements) {
    const drawsMath = ns === MATHML && allowed.has('math') && MATHML_ELEMENTS.has(name);
    if (!drawsMath && (ns !== XHTML || !allowed.has(name))) found.push(`<${name}> (${ns})`);
    for (const [attr, value] of attrs) {
      if (/^on/i.test(attr) || attr === 'srcdoc' || attr === 'formaction' || (attr === 'style' && !styleOk)) found.push(`${attr}="${value.slice(0, 60)}" on <${name}>`);
      if ((attr === 'href' || attr === 'src') && !SAFE_ADDRESS.test(value.trim())) found.push(`${attr}="${value.slice(0, 60)}" on <${name}>`);
    }
  }
  return found;
}
