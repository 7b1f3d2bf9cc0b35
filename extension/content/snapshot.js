// The page as Lectern's core reads it: one walk over the DOM the browser has already built, written
// as the flat record stream that src/parse/snapshot.rs decodes (the format is documented there).
// Cheaper than outerHTML on script-heavy pages, which writes out every inline script and style
// sheet only for the core to tokenize them again. Defines globalThis.lecternSnapshot(document).
//
// Written for speed (it is on the path timed by bench/browser.mjs): string concatenation, indexed
// loops and sibling pointers instead of iterators and recursion (which also keeps a 100,000-deep
// page from overflowing the stack), and only the attributes the core reads.
(() => {
  // The header of src/parse/snapshot.rs (its comment says why it ends with a non-ASCII "…").
  const MAGIC = '\0lectern-dom/2\u2026';
  const SVG = 'http://www.w3.org/2000/svg';
  const MATHML = 'http://www.w3.org/1998/Math/MathML';
  // The attributes the core reads, READ_ATTRIBUTES in src/parse/tree.rs (a cargo test holds the
  // two lists equal); the rest (handlers, data- payloads, ARIA) is most of a page's attributes.
  const READ_ATTRIBUTES = new Set([
    'class', 'id', 'role', 'style', 'hidden', 'aria-hidden', 'itemprop', 'rel', 'datatable', 'summary',
    'href', 'src', 'srcset', 'data-src', 'data-srcset', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-lazy',
    'alt', 'width', 'height',
    'lang', 'xml:lang', 'dir', 'name', 'property', 'content', 'http-equiv', 'datetime', 'type',
  ]);
  const clean = (s) => (s.indexOf('\0') === -1 ? s : s.replaceAll('\0', '\uFFFD'));
  // The HTML route drops the same text (src/parse/mod.rs): nothing downstream reads it.
  const unread = (el, name) =>
    name === 'style' || (name === 'script' && (el.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json');
  // In a page with scripting on, a <noscript>'s content is one text node of raw markup, which the
  // core parses. A document without a window (DOMParser's) has scripting off and parsed it already.
  const rawMarkup = (el, name, live) =>
    live && name === 'noscript' && el.firstChild !== null && [...el.childNodes].every((c) => c.nodeType === 3);

  globalThis.lecternSnapshot = (doc) => {
    const root = doc.documentElement;
    const live = doc.defaultView !== null;
    let out = MAGIC;
    let node = root;
    while (node) {
      const type = node.nodeType;
      if (type === 1) {
        const ns = node.namespaceURI;
        const name = node.localName;
        out += (ns === SVG ? '\0(' : ns === MATHML ? '\0[' : '\0<') + name;
        // Attribute names and getAttribute, not `attributes`: that creates an Attr object each.
        if (node.hasAttributes()) {
          const names = node.getAttributeNames();
          for (let i = 0; i < names.length; i++) {
            const attr = names[i];
            const value = READ_ATTRIBUTES.has(attr) ? node.getAttribute(attr) : null;
            if (value !== null) out += '\0=' + attr + '\0-' + clean(value);
          }
        }
        if (unread(node, name)) {
          out += '\0>';
        } else if (rawMarkup(node, name, live)) {
          out += '\0!' + clean(node.textContent) + '\0>';
        } else if (node.firstChild) {
          node = node.firstChild;
          continue;
        } else {
          out += '\0>';
        }
      } else if (type === 3 || type === 4) {
        out += '\0"' + clean(node.data);
      }
      // On to the next node in document order, closing the elements this one ends.
      while (node !== root && !node.nextSibling) {
        node = node.parentNode;
        out += '\0>';
      }
      node = node === root ? null : node.nextSibling;
    }
    return out;
  };
})();
