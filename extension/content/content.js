// Lectern's content script: shows the reading view over the page and takes it away again,
// leaving the page's DOM, scroll position and form input exactly as they were. The view lives in
// an extension page inside an iframe, so the page's CSP, CSS and scripts cannot reach it.
(() => {
  if (globalThis.__lecternContent) return;

  // Inline !important beats any stylesheet rule the page may aim at our host.
  const important = (declarations) => declarations.map((d) => `${d} !important`).join(';');
  const HOST_STYLE = important([
    'position:fixed', 'inset:0', 'width:100vw', 'height:100vh', 'margin:0', 'padding:0', 'border:0',
    'z-index:2147483647', 'display:block', 'visibility:visible', 'opacity:1', 'transform:none',
    'filter:none', 'clip-path:none', 'pointer-events:auto', 'background:transparent',
  ]);
  const FRAME_STYLE = 'position:absolute;inset:0;width:100%;height:100%;border:0;margin:0;padding:0;display:block;background:Canvas;';
  // While the tab prints, the host flows like an ordinary body, so the article runs over pages.
  const PRINT_HOST_STYLE = important([
    'position:static', 'inset:auto', 'width:auto', 'height:auto', 'margin:0', 'padding:0', 'border:0', 'display:block',
    'visibility:visible', 'opacity:1', 'transform:none', 'filter:none', 'clip-path:none', 'overflow:visible',
    'float:none', 'columns:auto', 'background:#fff',
  ]);
  // On screen the frame shows; on paper the print copy does (a frame prints only what it shows).
  const PRINT_SWITCH = '@media screen { .lectern-print { display: none !important; } } @media print { iframe { display: none !important; } }';

  let view = null;

  function makeHost(tag, mode = 'closed') {
    const host = document.createElement(tag);
    host.setAttribute('style', HOST_STYLE);
    return { host, shadow: host.attachShadow({ mode }) };
  }

  // The page's <body> is set aside, whole, while the view shows: its nodes, form input and state
  // stay in memory, the page's scripts keep running against it without reaching the view, and
  // closing puts the very same element back.
  // `auto`: opened because the site is on the always-clean list, not by a click.
  // `viewUrl`: the view's address, when the service worker sent it with the toolbar action;
  // without it (auto-clean), the service worker is asked for it. The frame then starts loading at
  // once, while the page is walked.
  async function open({ auto = false, viewUrl = null } = {}) {
    if (view) return true;
    // Marks for bench/time-to-view.mjs (see the service worker).
    performance.mark('lectern:open');
    let address = viewUrl;
    if (!address) {
      const reply = await chrome.runtime.sendMessage({ type: 'lectern:view-address' });
      if (!reply?.ok || view) return !!view;
      address = reply.value;
    }
    // The view proves it is the one opened here by this secret in its URL. getRandomValues, not
    // randomUUID: that exists only in secure contexts, and plain-http pages are not one.
    const nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    const host = place(address, nonce);
    performance.mark('lectern:framed');
    let snapshot;
    try {
      // The DOM as the browser built it (content/snapshot.js), not re-serialised HTML; the view's
      // host, already in, left out.
      snapshot = lecternSnapshot(document, host.body);
    } catch (e) {
      host.body.remove();
      throw e;
    }
    performance.mark('lectern:snapshot');
    takeOver(host, { nonce, auto, snapshot, url: location.href });
    // To the service worker, which extracts it while the view's page loads and hands the view the
    // finished article: the page never reaches the view's frame, nor a message the page's own
    // scripts could catch. Without an article, the view goes and the reader is told why.
    const shown = view;
    chrome.runtime.sendMessage({ type: 'lectern:page', nonce, snapshot, url: location.href })
      .then((reply) => (reply?.ok ? null : reply?.error ?? 'no answer from Lectern'), (e) => String(e?.message ?? e))
      .then((error) => {
        if (error === null || view !== shown) return;
        close();
        // Pages of an always-clean site that hold no article (its home page) stay quietly as they are.
        if (!auto) toast(error);
      });
    return true;
  }

  // The view's host goes into the page right after the page's <body>, so the frame starts loading
  // (an iframe loads once it is in the document, and loads again if it is ever moved: it is not).
  // Its full-window style covers the page from here on.
  function place(address, nonce) {
    const { host: body, shadow } = makeHost('body');
    const frame = document.createElement('iframe');
    frame.setAttribute('style', FRAME_STYLE);
    // Copying from the view needs the clipboard delegated to it: by the session address the frame
    // is given and by the extension's own origin, which the browser moves the view to.
    const viewOrigins = [...new Set([address, chrome.runtime.getURL('')].map((u) => new URL(u).origin))];
    frame.setAttribute('allow', `clipboard-write ${viewOrigins.join(' ')}`);
    frame.title = 'Lectern reading view';
    frame.src = `${address}#${nonce}`;
    shadow.append(frame);
    const pageBody = document.body;
    if (pageBody?.parentNode === document.documentElement) pageBody.after(body);
    else document.documentElement.append(body);
    return { body, shadow, frame };
  }

  // How long the page's <body> may stay in the document, under the view, waiting for the view to
  // say it is on screen (its print copy, see setPageAside): a few hundred milliseconds at most.
  const PAGE_ASIDE_MS = 1000;

  // The view takes over: it has the focus, and the page's <body> is set aside once the view is on
  // screen (setPageAside). The view already covers the page.
  function takeOver({ body, shadow, frame }, { nonce, auto, snapshot, url }) {
    const saved = { x: scrollX, y: scrollY, focus: document.activeElement, body: document.body === body ? null : document.body };
    // A page that keeps rewriting itself may throw our body out or put its own back; undo that.
    const observer = new MutationObserver(() => {
      if (!view) return;
      if (!view.pageAside) {
        if (!body.isConnected) document.documentElement.append(body);
      } else if (document.body !== body || !body.isConnected) {
        if (document.body && document.body !== body) document.body.remove();
        document.documentElement.append(body);
      }
    });
    observer.observe(document.documentElement, { childList: true });
    view = { body, shadow, frame, observer, saved, nonce, auto, snapshot, url, print: null, pageAside: false };
    addEventListener('beforeprint', beforePrint);
    addEventListener('afterprint', afterPrint);
    frame.focus();
    setTimeout(setPageAside, PAGE_ASIDE_MS);
  }

  // The page's <body> is taken out, leaving the view's host in its place as the document's body.
  // Not before the view is on screen: taking a body out unloads every frame in it (a page full of
  // ads and embeds spends tens of milliseconds on that), which would compete with the view's load.
  function setPageAside() {
    if (!view || view.pageAside) return;
    view.pageAside = true;
    view.saved.body?.remove();
  }

  function close() {
    if (!view) return false;
    afterPrint();
    const { body, observer, saved } = view;
    view = null;
    removeEventListener('beforeprint', beforePrint);
    removeEventListener('afterprint', afterPrint);
    observer.disconnect();
    // The page's body goes back where the host is (unless it never left, or the page put it back).
    if (saved.body && !saved.body.isConnected) {
      if (body.isConnected) document.documentElement.replaceChild(saved.body, body);
      else document.documentElement.append(saved.body);
    }
    body.remove();
    scrollTo(saved.x, saved.y);
    if (saved.focus && saved.focus.isConnected && typeof saved.focus.focus === 'function') saved.focus.focus({ preventScroll: true });
    return true;
  }

  // The article for paper, handed over by the view once it is built: its header and article as
  // the view shows them, with print.css. Parsed inert (DOMParser runs no scripts) and kept hidden
  // in the host's shadow root, so its images are loaded by the time the reader prints.
  function setPrintCopy({ html, css }) {
    view.shadow.querySelector('.lectern-print')?.remove();
    const parsed = new DOMParser().parseFromString(`<main class="lectern-print">${html}</main>`, 'text/html');
    const copy = document.importNode(parsed.querySelector('main.lectern-print'), true);
    let style = view.shadow.querySelector('style');
    if (!style) style = view.shadow.appendChild(document.createElement('style'));
    style.textContent = `${css}\n${PRINT_SWITCH}`;
    view.shadow.append(copy);
  }

  // The browser's print command and the view's Print button print the tab: its body is our host,
  // which lets go of the window for the time of printing, and the root may not clip it. Both
  // attributes are put back exactly as they were.
  function beforePrint() {
    if (!view || view.print) return;
    setPageAside();
    const root = document.documentElement;
    view.print = { host: view.body.getAttribute('style'), root: root.getAttribute('style') };
    view.body.setAttribute('style', PRINT_HOST_STYLE);
    root.style.setProperty('overflow', 'visible', 'important');
    root.style.setProperty('height', 'auto', 'important');
  }
  function afterPrint() {
    if (!view?.print) return;
    const restore = (el, value) => (value === null ? el.removeAttribute('style') : el.setAttribute('style', value));
    restore(view.body, view.print.host);
    restore(document.documentElement, view.print.root);
    view.print = null;
  }

  function toast(text) {
    const { host, shadow } = makeHost('lectern-toast', 'open');
    host.style.setProperty('inset', 'auto 16px 16px auto', 'important');
    host.style.setProperty('width', 'auto', 'important');
    host.style.setProperty('height', 'auto', 'important');
    const box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.textContent = text;
    box.setAttribute('style', 'font:14px/1.4 system-ui,sans-serif;background:#222831;color:#faf7f0;padding:10px 14px;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);max-width:320px');
    shadow.append(box);
    document.documentElement.append(host);
    setTimeout(() => host.remove(), 3000);
  }

  // The page the view was opened on, as the copy path takes it.
  const viewPage = () => ({ snapshot: view.snapshot, url: view.url });

  // Whether a message about the view comes from the view this script opened.
  const fromOurView = (msg) => view !== null && msg.nonce === view.nonce;

  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    const run = async () => {
      switch (msg?.type) {
        case 'lectern:toggle':
          if (view) return { open: !close() };
          try {
            return { open: await open({ viewUrl: msg.view }) };
          } catch (e) {
            // A toolbar click that does nothing must say why.
            toast(`Lectern could not open this page: ${e.message}`);
            throw e;
          }
        case 'lectern:close': return fromOurView(msg) ? { open: !close() } : { open: view !== null };
        // The view's page again, when the service worker no longer holds the view it made (it was
        // stopped, and the view reloads): for our own view only.
        case 'lectern:page-for-view': return fromOurView(msg) ? viewPage() : null;
        // While the view shows, the page is the one it was opened on, not the view's host.
        case 'lectern:get-page': return view ? viewPage() : { snapshot: lecternSnapshot(document), url: location.href };
        case 'lectern:print-copy':
          if (!fromOurView(msg)) return {};
          setPrintCopy(msg);
          // The view has painted its article (it sends this copy after): the page goes aside
          // before the view hears back, and tells assistive technology it is ready.
          setPageAside();
          return {};
        case 'lectern:print': if (fromOurView(msg)) print(); return {};
        case 'lectern:toast': toast(msg.text); return {};
        case 'lectern:write-clipboard':
          await lecternWriteClipboard(msg.text, msg.html);
          toast(msg.format === 'markdown' ? 'Copied clean text as Markdown' : 'Copied clean text');
          return { ok: true };
        default: return undefined;
      }
    };
    run().then(reply, (e) => reply({ ok: false, error: String(e?.message ?? e) }));
    return true;
  });

  globalThis.__lecternContent = { open, close, isOpen: () => view !== null };
})();
