// The reading view's glue: put in the view the service worker made for this page (the Rust
// core extracts and writes it there), then wire the toolbar (settings, copy, panels, auto-clean,
// back to the original).
import { send } from '../shared/messages.js';
import { BOUNDS, DEFAULTS, clamp, sanitize } from '../shared/settings.js';
import { made, nonce } from './boot.js';

// Marks for bench/time-to-view.mjs (see the service worker); the paint it reads from the browser.
performance.mark('lectern:view');
const root = document.documentElement;
const $ = (id) => document.getElementById(id);
const main = $('lectern-root');

// The core's HTML (every text and attribute escaped, only its own tags), parsed inert: DOMParser
// runs no scripts and loads nothing until the nodes are in this document.
const parse = (html) => [...new DOMParser().parseFromString(`<body>${html}`, 'text/html').body.childNodes];

// What the view waits for, both at once: the reader's settings and the view.
const [stored, article] = await Promise.all([
  chrome.storage.sync.get(DEFAULTS),
  made.catch((e) => {
    // The content script takes a view without an article away and tells the reader why.
    main.textContent = e.message;
    main.removeAttribute('aria-busy');
    throw e;
  }),
]);
let settings = sanitize(stored);
function apply() {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.style.setProperty('--size', `${settings.size}px`);
  root.style.setProperty('--measure', `${settings.width}ch`);
  root.dataset.highlight = settings.highlight ? 'on' : 'off';
  $('highlight').setAttribute('aria-pressed', String(settings.highlight));
  $('theme').value = settings.theme;
}
async function change(patch) {
  settings = { ...settings, ...patch };
  apply();
  await chrome.storage.sync.set(patch);
}
apply();
// Settings changed elsewhere (the options page, another tab's view) reach this view at once.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'sync') return;
  const patch = Object.fromEntries(Object.entries(changes).filter(([k]) => k in DEFAULTS).map(([k, c]) => [k, c.newValue ?? DEFAULTS[k]]));
  if (Object.keys(patch).length === 0) return;
  settings = sanitize({ ...settings, ...patch });
  apply();
});

function status(text) {
  const el = $('lectern-status');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(status.timer);
  status.timer = setTimeout(() => { el.hidden = true; }, 2500);
}

main.replaceChildren(...parse(article.readingHtml));
performance.mark('lectern:built');
document.title = `${article.title} — Lectern`;
// The reader's keys scroll the article from the start: Space, Page Down, arrows.
main.focus({ preventScroll: true });

$('theme').addEventListener('change', (e) => change({ theme: e.target.value }));
$('font').addEventListener('click', () => change({ font: settings.font === 'serif' ? 'sans' : 'serif' }));
const step = (key, direction) => change({ [key]: clamp(key, settings[key] + direction * BOUNDS[key].step) });
$('smaller').addEventListener('click', () => step('size', -1));
$('larger').addEventListener('click', () => step('size', +1));
$('narrower').addEventListener('click', () => step('width', -1));
$('wider').addEventListener('click', () => step('width', +1));
$('highlight').addEventListener('click', () => change({ highlight: !settings.highlight }));
$('original').addEventListener('click', () => send({ type: 'lectern:close', nonce }));
$('print').addEventListener('click', () => send({ type: 'lectern:print', nonce }));
// Escape shuts an open panel; with none open, it leaves the view, as it leaves a dialog, and the
// page gets back the focus it had.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
  if (openPanel) {
    e.preventDefault();
    hidePanel();
  } else {
    send({ type: 'lectern:close', nonce });
  }
});

// The clipboard helper (shared/clipboard.js, a classic script the content script shares), loaded
// after the first paint rather than before it: only Copy needs it.
let clipboardHelper = null;
const loadClipboardHelper = () => (clipboardHelper ??= new Promise((resolve, reject) => {
  const script = Object.assign(document.createElement('script'), { src: '../shared/clipboard.js' });
  script.addEventListener('load', resolve);
  script.addEventListener('error', () => reject(new Error('the clipboard helper did not load')));
  document.head.append(script);
}));

$('copy').addEventListener('click', async () => {
  const markdown = $('copy-markdown').checked;
  await loadClipboardHelper();
  await lecternWriteClipboard(markdown ? article.markdown : article.text, article.html);
  status(markdown ? 'Copied as Markdown' : 'Copied clean text');
});

// The panels are dialogs beside the article: opening one moves the focus into it, Escape or its
// Close button shuts it and gives the focus back to its toolbar button; the article behind it
// keeps its place.
let openPanel = null; // { panel, button }
function showPanel(button, panel) {
  if (openPanel) hidePanel({ restoreFocus: false });
  panel.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  openPanel = { panel, button };
  panel.focus();
}
function hidePanel({ restoreFocus = true } = {}) {
  if (!openPanel) return;
  const { panel, button } = openPanel;
  openPanel = null;
  panel.hidden = true;
  button.setAttribute('aria-expanded', 'false');
  if (restoreFocus) button.focus();
}
for (const [buttonId, panelId] of [['quotes', 'lectern-quotes'], ['removed', 'lectern-removed']]) {
  $(buttonId).addEventListener('click', (e) => {
    const panel = $(panelId);
    if (openPanel?.panel === panel) hidePanel();
    else showPanel(e.currentTarget, panel);
  });
}
// As the panel counts them: speech only (the core counts).
$('quotes').textContent = `Quotes (${article.quoteCount})`;
$('removed').textContent = `Removed (${article.removedCount})`;

// Where the panel covers the article (a narrow window), it steps aside before showing the place.
const panelCoversArticle = () => matchMedia('(max-width: 700px)').matches;

// A link to a place in the article itself (a footnote, a table of contents) scrolls the view
// there; any other link opens in the tab (<base target="_top">), or where a modifier key says.
const pageAddress = (u) => `${u.origin}${u.pathname}${u.search}`;
main.addEventListener('click', (e) => {
  const link = e.target.closest('.lectern-article a[href]');
  if (!link || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  const to = new URL(link.href);
  if (!to.hash || !article.url || pageAddress(to) !== pageAddress(new URL(article.url))) return;
  const anchor = main.querySelector(`[data-anchor="${CSS.escape(decodeURIComponent(to.hash.slice(1)))}"]`);
  if (!anchor) return;
  e.preventDefault();
  const place = anchor.closest('li, p, h2, h3, h4, h5, h6, blockquote, figure, td, th') ?? anchor;
  place.tabIndex = -1;
  place.focus({ preventScroll: true });
  place.scrollIntoView({ block: 'start' });
});

main.addEventListener('click', (e) => {
  if (e.target.closest('button[data-close-panel]')) {
    hidePanel();
    return;
  }
  const jump = e.target.closest('a[data-quote]');
  if (jump) {
    e.preventDefault();
    const mark = main.querySelector(`mark[data-quote="${CSS.escape(jump.dataset.quote)}"]`);
    if (!mark) return;
    if (panelCoversArticle()) hidePanel({ restoreFocus: false });
    mark.tabIndex = -1;
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: 'center' });
    mark.classList.add('lectern-flash');
    setTimeout(() => mark.classList.remove('lectern-flash'), 1500);
  }
  const show = e.target.closest('button[data-show-removal]');
  if (show) {
    const block = main.querySelector(`.lectern-removed[data-removal="${CSS.escape(show.dataset.showRemoval)}"]`);
    if (block) {
      block.hidden = !block.hidden;
      show.textContent = block.hidden ? 'Show in place' : 'Hide';
      if (!block.hidden) {
        if (panelCoversArticle()) hidePanel({ restoreFocus: false });
        block.scrollIntoView({ block: 'center' });
      }
    }
  }
});

// A quotation's speaker is within reach of the keyboard and of screen readers, not only of the
// mouse: each attributed quotation takes the focus (showing its speaker, as hovering does) and
// carries "said by …" as its description.
for (const mark of main.querySelectorAll('.lectern-article mark[data-speaker]')) {
  mark.tabIndex = 0;
  mark.setAttribute('aria-description', `said by ${mark.dataset.speaker}`);
}

// On a narrow screen the toolbar tucks itself away while the reader scrolls down the article and
// comes back when they scroll up (or tab into it).
const toolbar = document.querySelector('.lectern-toolbar');
let lastY = scrollY;
addEventListener('scroll', () => {
  const y = scrollY;
  // Only a move changes it: a scroll event at the same place (the end of a smooth scroll) does not.
  if (y > lastY && y > toolbar.offsetHeight * 2) toolbar.classList.add('lectern-tucked');
  else if (y < lastY) toolbar.classList.remove('lectern-tucked');
  lastY = y;
}, { passive: true });

$('always').addEventListener('click', async () => {
  try {
    const rule = article.site;
    if (!rule) return status('Only pages on a website can open cleaned');
    // Firefox gives a view framed into a page no permissions API: the options page, which has
    // it, asks instead, in the reader's click there.
    if (!chrome.permissions?.request) return send({ type: 'lectern:ask-for-site', pattern: rule.pattern });
    if (!(await chrome.permissions.request({ origins: rule.origins }))) return status('Permission not granted');
    await send({ type: 'lectern:sites-add', pattern: rule.pattern });
    status(`Pages on ${rule.pattern} will open cleaned`);
  } catch (e) {
    status(e.message);
  }
});

// What the first paint of the article does not need waits until it is on screen: laying out the
// article beyond the first screen, building the panels, measuring, serialising the print copy,
// and a style change on the root (a second layout).
function afterFirstPaint() {
  if (afterFirstPaint.done) return;
  afterFirstPaint.done = true;
  // The whole article is laid out from here on (view.css), and the panels the toolbar opens are built.
  root.toggleAttribute('data-painted', true);
  main.append(...parse(article.panelsHtml));
  // The tab prints a copy of the article (a frame prints only what it shows on screen).
  const printable = ['.lectern-header', '.lectern-article'].map((s) => main.querySelector(s)?.outerHTML ?? '').join('');
  const printCopy = fetch('print.css').then((r) => r.text()).then((css) => send({ type: 'lectern:print-copy', nonce, html: printable, css }));
  loadClipboardHelper().catch(() => {});
  // Wide tables and code blocks scroll sideways: those that do are reachable from the keyboard.
  for (const el of main.querySelectorAll('.lectern-article pre, .lectern-article table')) {
    if (el.scrollWidth > el.clientWidth) el.tabIndex = 0;
  }
  // The panels open below the toolbar, whose height depends on the window's width.
  new ResizeObserver(() => root.style.setProperty('--toolbar-height', `${toolbar.offsetHeight}px`)).observe(toolbar);
  // Built and wired, and the page set aside behind it (once the tab has the print copy):
  // assistive technology (and the tests) may read the view now.
  printCopy.catch(() => {}).finally(() => {
    main.removeAttribute('aria-busy');
    performance.mark('lectern:ready');
  });
}
// Once the browser reports the article painted (its largest-contentful-paint entry comes after the
// frame is on screen), so that this work does not compete with drawing that frame. Where there
// are no such entries, a task queued from an animation frame, which runs once that frame is
// committed. An article too small to make an entry, or a view that gets no frames (a tab in the
// background), goes on after a moment all the same.
if (PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
  new PerformanceObserver((list, observer) => {
    if (!list.getEntries().some((e) => e.element && main.contains(e.element))) return;
    observer.disconnect();
    setTimeout(afterFirstPaint);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
} else {
  requestAnimationFrame(() => setTimeout(afterFirstPaint));
}
setTimeout(afterFirstPaint, 200);
