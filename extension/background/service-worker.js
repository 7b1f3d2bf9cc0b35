// Lectern's service worker: the toolbar button, context menus and shortcut; the reading view's
// address; extracting the page the content script hands in and handing the view its finished
// reading view; copying clean text; the auto-clean site list and its content-script
// registration. Extraction itself is the Rust core (wasm), loaded here on first use and kept.
import init, { extract, parseSite, readingView } from '../pkg/lectern.js';

const AUTO_SCRIPT_ID = 'lectern-auto';
const NO_ARTICLE = 'Lectern found no article on this page.';
// What the reader is told when the core throws: a page without an article in the reader's words,
// any other error as the core words it.
const readerMessage = (e) => (e?.name === 'NoArticle' ? NO_ARTICLE : String(e?.message ?? e));

let wasm = null;
const ready = () => (wasm ??= init({ module_or_path: new URL('../pkg/lectern_bg.wasm', import.meta.url) }));

// Reading views on their way: the content script hands in its page (walked while the view's page
// loads), this worker extracts it, and the view, once loaded, takes the result. Whichever of the
// two messages comes first waits here for the other. Keyed by the tab and the view's nonce (the
// secret in the view's URL, which the page never sees), so only the view opened in that tab
// takes the article. Kept for a minute, so a view that reloads takes it again at once.
const OPENING_MS = 60_000;
const opening = new Map();

function openingFor(tabId, nonce) {
  const key = `${tabId}:${nonce}`;
  let entry = opening.get(key);
  if (!entry) {
    entry = {};
    entry.result = new Promise((resolve) => { entry.settle = resolve; });
    opening.set(key, entry);
    setTimeout(() => opening.delete(key), OPENING_MS);
  }
  return entry;
}

// From the content script: its page. Answers once the view is made, or with why there is none
// (the content script then takes the view away and says so).
async function makeView({ nonce, snapshot, url }, tabId) {
  const entry = openingFor(tabId, nonce);
  performance.mark('lectern:page-in');
  let result;
  try {
    await ready();
    result = { ok: true, view: readingView(snapshot, url) };
  } catch (e) {
    result = { ok: false, error: readerMessage(e) };
  }
  performance.mark('lectern:extracted');
  entry.settle(result);
  if (!result.ok) throw new Error(result.error);
  return true;
}

// From the view: its reading view, as soon as it is made. Where this worker holds nothing for it
// (the browser stopped the worker since, and the view reloads), the tab's content script still
// has the page, and gives it for its own view's nonce only.
async function takeView(nonce, tabId) {
  if (tabId === undefined || typeof nonce !== 'string') throw new Error('this view was not opened by Lectern');
  if (!opening.has(`${tabId}:${nonce}`)) {
    const page = await chrome.tabs.sendMessage(tabId, { type: 'lectern:page-for-view', nonce }).catch(() => null);
    if (!page) throw new Error('the page to read was not found');
    makeView({ nonce, ...page }, tabId).catch(() => {});
  }
  const result = await openingFor(tabId, nonce).result;
  if (!result.ok) throw new Error(result.error);
  return result.view;
}

async function ensureContentScript(tabId) {
  await chrome.scripting.executeScript({ target: { tabId }, files: ['shared/clipboard.js', 'content/snapshot.js', 'content/content.js'] });
}

// Marks with fixed names (performance.mark, in this context's own timeline): what
// bench/time-to-view.mjs reads to split the time from the action to the painted view into stages.
// They cost a timestamp each, and nothing else reads them.
async function toggle(tabId) {
  performance.mark('lectern:action');
  // The module compiles while the content script goes in (the first open after the browser starts).
  ready().catch(() => {});
  await ensureContentScript(tabId);
  performance.mark('lectern:injected');
  // The view's address goes with the action, so the content script can put the frame in at once
  // (see 'lectern:view-address' for why it comes from here).
  return chrome.tabs.sendMessage(tabId, { type: 'lectern:toggle', view: chrome.runtime.getURL('view/view.html') });
}

async function copy(tabId, format = 'text') {
  await ensureContentScript(tabId);
  const page = await chrome.tabs.sendMessage(tabId, { type: 'lectern:get-page' });
  await ready();
  let article;
  try {
    article = extract(page.snapshot, page.url);
  } catch (e) {
    await chrome.tabs.sendMessage(tabId, { type: 'lectern:toast', text: readerMessage(e) });
    return { ok: false, error: e.message };
  }
  const text = format === 'markdown' ? article.markdown : article.text;
  const html = article.html;
  article.free();
  return chrome.tabs.sendMessage(tabId, { type: 'lectern:write-clipboard', text, html, format });
}

async function listSites() {
  const { sites } = await chrome.storage.sync.get({ sites: [] });
  return sites;
}

// Registration runs one at a time: install, storage changes and explicit calls may overlap.
let registering = Promise.resolve();
function syncRegistrations() {
  registering = registering.catch(() => {}).then(registerAutoScript);
  return registering;
}

async function registerAutoScript() {
  await ready();
  const sites = await listSites();
  const matches = [];
  for (const pattern of sites) {
    try {
      const rule = parseSite(pattern);
      if (await chrome.permissions.contains({ origins: rule.origins })) matches.push(...rule.matches);
    } catch {
      // An invalid pattern (e.g. from a hand-edited import) is skipped, not fatal.
    }
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] });
  if (matches.length) {
    await chrome.scripting.registerContentScripts([
      { id: AUTO_SCRIPT_ID, matches, js: ['shared/clipboard.js', 'content/snapshot.js', 'content/content.js', 'content/auto.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return matches;
}

// The host permission must already be granted: an extension page asks for it in a click handler.
async function addSite(pattern) {
  await ready();
  const rule = parseSite(pattern);
  if (!(await chrome.permissions.contains({ origins: rule.origins }))) {
    throw new Error(`Lectern has no permission for ${rule.pattern} yet; grant it from the options page or the reading view`);
  }
  const sites = await listSites();
  if (!sites.includes(rule.pattern)) await chrome.storage.sync.set({ sites: [...sites, rule.pattern] });
  await syncRegistrations();
  return rule;
}

// Removing a site also gives back its access, but for origins another listed site still needs
// (example.org/news/* and example.org/blog/* share example.org).
async function removeSite(pattern) {
  await ready();
  const rule = (() => { try { return parseSite(pattern); } catch { return null; } })();
  const normalised = rule?.pattern ?? pattern;
  const sites = (await listSites()).filter((s) => s !== normalised && s !== pattern);
  await chrome.storage.sync.set({ sites });
  if (rule) {
    const stillNeeded = new Set(sites.flatMap((s) => { try { return parseSite(s).origins; } catch { return []; } }));
    const origins = rule.origins.filter((o) => !stillNeeded.has(o));
    // Access the browser will not take back (granted by policy, or required by a manifest) stays;
    // the site leaves the list all the same.
    if (origins.length) await chrome.permissions.remove({ origins }).catch(() => false);
  }
  await syncRegistrations();
  return sites;
}

// What the UI calls, exposed so end-to-end tests drive exactly the code a click runs.
self.lectern = { toggle, copy, sites: { add: addSite, remove: removeSite, list: listSites, sync: syncRegistrations } };

chrome.action.onClicked.addListener((tab) => toggle(tab.id));

function createMenus() {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: 'lectern-read', title: 'Read in Lectern', contexts: ['page'] });
    chrome.contextMenus.create({ id: 'lectern-copy-text', title: 'Copy clean text', contexts: ['action', 'page'] });
    chrome.contextMenus.create({ id: 'lectern-copy-markdown', title: 'Copy clean text as Markdown', contexts: ['action', 'page'] });
  });
}

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === 'lectern-read') toggle(tab.id);
  if (info.menuItemId === 'lectern-copy-text') copy(tab.id, 'text');
  if (info.menuItemId === 'lectern-copy-markdown') copy(tab.id, 'markdown');
});

chrome.runtime.onInstalled.addListener(() => { createMenus(); syncRegistrations(); });
chrome.runtime.onStartup.addListener(() => syncRegistrations());
chrome.storage.onChanged.addListener((changes, area) => { if (area === 'sync' && changes.sites) syncRegistrations(); });
chrome.permissions.onRemoved.addListener(() => syncRegistrations());

const handlers = {
  // The view's address for this session: where the browser gives web-accessible pages a
  // per-session address (use_dynamic_url), this is it, and only it loads the view. A content
  // script's getURL gives the fixed one, which the frame's permissions (clipboard) would not match
  // once the browser moved it to the session's.
  'lectern:view-address': () => chrome.runtime.getURL('view/view.html'),
  'lectern:page': (msg, sender) => makeView(msg, sender.tab?.id),
  'lectern:take-view': (msg, sender) => takeView(msg.nonce, sender.tab?.id),
  // From the view: the tab's content script acts only when the nonce is its own view's, so a
  // page that frames view.html itself cannot close the reader's view.
  'lectern:close': (msg, sender) => chrome.tabs.sendMessage(sender.tab.id, { type: 'lectern:close', nonce: msg.nonce }),
  // The article for paper, and the view's Print button: the tab prints, not the frame.
  'lectern:print-copy': (msg, sender) => chrome.tabs.sendMessage(sender.tab.id, { type: 'lectern:print-copy', nonce: msg.nonce, html: msg.html, css: msg.css }),
  'lectern:print': (msg, sender) => chrome.tabs.sendMessage(sender.tab.id, { type: 'lectern:print', nonce: msg.nonce }),
  'lectern:sites-add': (msg) => addSite(msg.pattern),
  // The options page, opened on the site to add: it asks for access when the reader clicks Add.
  'lectern:ask-for-site': (msg) => chrome.tabs.create({ url: chrome.runtime.getURL(`options/options.html#add=${encodeURIComponent(msg.pattern)}`) }).then(() => true),
  'lectern:sites-remove': (msg) => removeSite(msg.pattern),
  'lectern:sites-list': () => listSites(),
};

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  const handler = handlers[msg?.type];
  if (!handler) return false;
  Promise.resolve()
    .then(() => handler(msg, sender))
    .then((value) => reply({ ok: true, value }), (e) => reply({ ok: false, error: String(e?.message ?? e) }));
  return true;
});
