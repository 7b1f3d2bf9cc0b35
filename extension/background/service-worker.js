// Lectern's service worker: the toolbar button, context menus and shortcut; the reading view's
// address, and its page when the content script's direct answer does not come; copying clean
// text; the auto-clean site list and its content-script registration. Extraction itself is the
// Rust core (wasm), loaded here on first use.
import init, { extract, parseSite } from '../pkg/lectern.js';

const AUTO_SCRIPT_ID = 'lectern-auto';
const NO_ARTICLE = 'Lectern found no article on this page.';

let wasm = null;
const ready = () => (wasm ??= init({ module_or_path: new URL('../pkg/lectern_bg.wasm', import.meta.url) }));

// The view's page, when the content script's direct answer did not come (view.js): asked of the
// content script of the view's own tab, which answers only for its own view's nonce.
async function takePage(nonce, tabId) {
  if (tabId === undefined) return null;
  return chrome.tabs.sendMessage(tabId, { type: 'lectern:page-for-view', nonce }).catch(() => null);
}

async function ensureContentScript(tabId) {
  await chrome.scripting.executeScript({ target: { tabId }, files: ['shared/clipboard.js', 'content/snapshot.js', 'content/content.js'] });
}

// Marks with fixed names (performance.mark, in this context's own timeline): what
// bench/time-to-view.mjs reads to split the time from the action to the painted view into stages.
// They cost a timestamp each, and nothing else reads them.
async function toggle(tabId) {
  performance.mark('lectern:action');
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
    await chrome.tabs.sendMessage(tabId, { type: 'lectern:toast', text: e.name === 'NoArticle' ? NO_ARTICLE : e.message });
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
  'lectern:take-page': (msg, sender) => takePage(msg.nonce, sender.tab?.id),
  // From the view: the tab's content script acts only when the nonce is its own view's, so a
  // page that frames view.html itself cannot close the reader's view.
  'lectern:close': (msg, sender) => chrome.tabs.sendMessage(sender.tab.id, { type: 'lectern:close', nonce: msg.nonce }),
  // The article for paper, and the view's Print button: the tab prints, not the frame.
  'lectern:print-copy': (msg, sender) => chrome.tabs.sendMessage(sender.tab.id, { type: 'lectern:print-copy', nonce: msg.nonce, html: msg.html, css: msg.css }),
  'lectern:print': (msg, sender) => chrome.tabs.sendMessage(sender.tab.id, { type: 'lectern:print', nonce: msg.nonce }),
  'lectern:no-article': (msg, sender) => chrome.tabs.sendMessage(sender.tab.id, { type: 'lectern:no-article', nonce: msg.nonce, text: NO_ARTICLE }),
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
