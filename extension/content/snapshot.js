// The page as Lectern's core reads it: one walk over the DOM the browser has already built, written
// as the flat record stream that src/parse/snapshot.rs decodes (the format is documented there).
// Cheaper than outerHTML on script-heavy pages, which writes out every inline script and style
// sheet only for the core to tokenize them again. Defines globalThis.lecternSnapshot(document).
//
// Written for speed (it is on the path timed by bench/browser.mjs): string concatenation, indexed
// loops and sibling pointers instead of iterators and recursion (which also keeps a 100,000-deep
// page from overflowing the stack), and only the attributes the core reads. Pieces are appended
// one at a time (`out += a; out += b`, never `out += a + b`): joining two short strings copies
// them, appending only links them.
//
// Every DOM read goes through the native accessor taken from its prototype, never `node.name`: a
// <form> exposes its fields as properties named after them, shadowing the built-in ones
// (<input name="nextSibling"> makes form.nextSibling that input, and the walk would go round in
// circles), and a page's named images do the same to the document's ("DOM clobbering"). Calling
// the native accessor costs no more than the property read.
(() => {
  const native = (proto, name) => {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    return d.get ?? d.value;
  };
  const documentElementOf = native(Document.prototype, 'documentElement');
  const defaultViewOf = native(Document.prototype, 'defaultView');
  const nodeTypeOf = native(Node.prototype, 'nodeType');
  const firstChildOf = native(Node.prototype, 'firstChild');
  const nextSiblingOf = native(Node.prototype, 'nextSibling');
  const parentNodeOf = native(Node.prototype, 'parentNode');
  const textContentOf = native(Node.prototype, 'textContent');
  const dataOf = native(CharacterData.prototype, 'data');
  const localNameOf = native(Element.prototype, 'localName');
  const namespaceOf = native(Element.prototype, 'namespaceURI');
  const hasAttributes = native(Element.prototype, 'hasAttributes');
  const getAttributeNames = native(Element.prototype, 'getAttributeNames');
  const getAttribute = native(Element.prototype, 'getAttribute');

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
    'title',
    'alttext', 'encoding', 'display', 'mathvariant', 'displaystyle', 'linethickness', 'accent', 'accentunder',
    'stretchy', 'notation', 'open', 'close', 'columnspan', 'rowspan',
  ]);
  // Each attribute's record up to its value, made once: a concatenation of short strings is a copy.
  const ATTRIBUTE_RECORD = new Map([...READ_ATTRIBUTES].map((name) => [name, '\0=' + name + '\0-']));
  const clean = (s) => (s.indexOf('\0') === -1 ? s : s.replaceAll('\0', '\uFFFD'));
  // The HTML route drops the same text (src/parse/mod.rs): nothing downstream reads it.
  const unread = (el, name) =>
    name === 'style' || (name === 'script' && (getAttribute.call(el, 'type') ?? '').trim().toLowerCase() !== 'application/ld+json');
  // In a page with scripting on, a <noscript>'s content is one text node of raw markup, which the
  // core parses. A document without a window (DOMParser's) has scripting off and parsed it already.
  const rawMarkup = (el, name, live) => {
    if (!live || name !== 'noscript' || firstChildOf.call(el) === null) return false;
    for (let c = firstChildOf.call(el); c !== null; c = nextSiblingOf.call(c)) if (nodeTypeOf.call(c) !== 3) return false;
    return true;
  };

  // `skip`: an element left out with everything in it (the view's own host, put in the page while
  // the page is walked so that the view's frame loads meanwhile).
  globalThis.lecternSnapshot = (doc, skip = null) => {
    const root = documentElementOf.call(doc);
    const live = defaultViewOf.call(doc) !== null;
    let out = MAGIC;
    let node = root;
    // Start records, made once per name and namespace in this walk (for the same reason).
    const starts = { '<': new Map(), '(': new Map(), '[': new Map() };
    const startRecord = (ns, name) => {
      const kind = ns === SVG ? '(' : ns === MATHML ? '[' : '<';
      let record = starts[kind].get(name);
      if (record === undefined) starts[kind].set(name, (record = '\0' + kind + name));
      return record;
    };
    while (node) {
      const type = nodeTypeOf.call(node);
      if (type === 1 && node !== skip) {
        const ns = namespaceOf.call(node);
        const name = localNameOf.call(node);
        out += startRecord(ns, name);
        // Attribute names and getAttribute, not `attributes`: that creates an Attr object each.
        if (hasAttributes.call(node)) {
          const names = getAttributeNames.call(node);
          for (let i = 0; i < names.length; i++) {
            const attr = names[i];
            const record = ATTRIBUTE_RECORD.get(attr);
            if (record !== undefined) {
              const value = getAttribute.call(node, attr);
              if (value !== null) {
                out += record;
                out += clean(value);
              }
            }
          }
        }
        const first = firstChildOf.call(node);
        if (unread(node, name)) {
          out += '\0>';
        } else if (rawMarkup(node, name, live)) {
          out += '\0!' + clean(textContentOf.call(node)) + '\0>';
        } else if (first) {
          node = first;
          continue;
        } else {
          out += '\0>';
        }
      } else if (type === 3 || type === 4) {
        out += '\0"';
        out += clean(dataOf.call(node));
      }
      // On to the next node in document order, closing the elements this one ends.
      let next = null;
      while (node !== root && (next = nextSiblingOf.call(node)) === null) {
        node = parentNodeOf.call(node);
        out += '\0>';
      }
      node = next;
    }
    return out;
  };
})();
