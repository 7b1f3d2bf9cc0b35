// The reading view's glue: fetch the page it was opened for, let the Rust core extract and build
// the view, then wire the toolbar (settings, copy, panels, auto-clean, back to the original).
import init, { openView, parseSite } from '../pkg/lectern.js';
import { send } from '../shared/messages.js';
import { BOUNDS, DEFAULTS, clamp, sanitize } from '../shared/settings.js';

const root = document.documentElement;
const $ = (id) => document.getElementById(id);

let settings = sanitize(await chrome.storage.sync.get(DEFAULTS));
function apply() {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.style.setProperty('--size', `${settings.size}px`);
  root.style.setProperty('--measure', `${settings.width}ch`);
  $('theme').value = settings.theme;
}
async function change(patch) {
  settings = { ...settings, ...patch };
  apply();
  await chrome.storage.sync.set(patch);
}
apply();

function status(text) {
  const el = $('lectern-status');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(status.timer);
  status.timer = setTimeout(() => { el.hidden = true; }, 2500);
}

const nonce = location.hash.slice(1);
const page = await send({ type: 'lectern:take-page', nonce });
await init();
const main = $('lectern-root');
main.textContent = '';
// The Article stays in wasm memory (it is read again only when copying).
let article;
try {
  if (!page) throw Object.assign(new Error('the page to read was not found'), { name: 'NoArticle' });
  article = openView(page.snapshot, page.url, main);
} catch (e) {
  await send({ type: 'lectern:no-article', nonce, reason: e.message });
  throw e;
}
document.title = `${article.title} — Lectern`;
// The tab prints a copy of the article (a frame prints only what it shows on screen).
const printable = ['.lectern-header', '.lectern-article'].map((s) => main.querySelector(s)?.outerHTML ?? '').join('');
fetch('print.css').then((r) => r.text()).then((css) => send({ type: 'lectern:print-copy', nonce, html: printable, css }));
// The reader's keys scroll the article from the start: Space, Page Down, arrows.
main.focus({ preventScroll: true });

$('theme').addEventListener('change', (e) => change({ theme: e.target.value }));
$('font').addEventListener('click', () => change({ font: settings.font === 'serif' ? 'sans' : 'serif' }));
const step = (key, direction) => change({ [key]: clamp(key, settings[key] + direction * BOUNDS[key].step) });
$('smaller').addEventListener('click', () => step('size', -1));
$('larger').addEventListener('click', () => step('size', +1));
$('narrower').addEventListener('click', () => step('width', -1));
$('wider').addEventListener('click', () => step('width', +1));
$('original').addEventListener('click', () => send({ type: 'lectern:close', nonce }));
$('print').addEventListener('click', () => send({ type: 'lectern:print', nonce }));
// Escape leaves the view, as it leaves a dialog; the page gets back the focus it had.
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !e.defaultPrevented && !e.isComposing) send({ type: 'lectern:close', nonce });
});

$('copy').addEventListener('click', async () => {
  const markdown = $('copy-markdown').checked;
  await lecternWriteClipboard(markdown ? article.markdown : article.text, article.html);
  status(markdown ? 'Copied as Markdown' : 'Copied clean text');
});

function togglePanel(button, panelId) {
  const panel = $(panelId);
  panel.hidden = !panel.hidden;
  button.setAttribute('aria-pressed', String(!panel.hidden));
  if (!panel.hidden) panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
// As the panel counts them: scare quotes ("so-called") are nobody's words.
$('quotes').textContent = `Quotes (${article.quotes.filter((q) => q.kind !== 'scare').length})`;
$('removed').textContent = `Removed (${article.removed.length})`;
$('quotes').addEventListener('click', (e) => togglePanel(e.currentTarget, 'lectern-quotes'));
$('removed').addEventListener('click', (e) => togglePanel(e.currentTarget, 'lectern-removed'));

main.addEventListener('click', (e) => {
  const jump = e.target.closest('a[data-quote]');
  if (jump) {
    e.preventDefault();
    const mark = main.querySelector(`mark[data-quote="${CSS.escape(jump.dataset.quote)}"]`);
    mark?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    mark?.classList.add('lectern-flash');
    setTimeout(() => mark?.classList.remove('lectern-flash'), 1500);
  }
  const show = e.target.closest('button[data-show-removal]');
  if (show) {
    const block = main.querySelector(`.lectern-removed[data-removal="${CSS.escape(show.dataset.showRemoval)}"]`);
    if (block) {
      block.hidden = !block.hidden;
      show.textContent = block.hidden ? 'Show in place' : 'Hide';
      if (!block.hidden) block.scrollIntoView({ behavior: 'smooth', block: 'center' });
    }
  }
});

$('always').addEventListener('click', async () => {
  try {
    const rule = parseSite(new URL(page.url).hostname);
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
