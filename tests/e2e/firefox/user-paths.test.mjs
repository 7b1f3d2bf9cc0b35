// The paths a Firefox user takes through Lectern that each needed a fix, driven end to end with
// the unmodified extension/ as a temporary add-on, real clicks on the browser's UI (chromeClick)
// and WebDriver clicks in pages and in the view's frame, and Firefox's own permission prompt
// accepted by a click on its button (no permission is granted through a privileged API):
//   1. a link in the view's article opens in the tab, not inside the view's frame;
//   2. "Always clean this site" in the view → the options page → Add → Firefox's prompt → pages of
//      the site open cleaned by themselves;
//   3. "Copy clean text" from the toolbar entry's menu while the view shows copies the article;
//   4. on a plain-http page of an ordinary host (not a secure context) the toolbar click opens the view,
//      and copying from the menu works there too;
//   5. printing the tab while the view shows prints the whole article (Firefox's PDF of the tab);
//   6. a link to a place in the article itself (footnote, contents) scrolls the view there.
// Pages are served from 127.0.0.1, and also under host names (*.test) that Firefox resolves to it.
// Nothing is skipped: without firefox-esr, the built wasm or the release CLI the tests fail and say
// what to do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { root } from './marionette.mjs';
import { ADDON_ID, VIEW_URL, acceptPermissionPrompt, chooseFromActionMenu, clickToolbarButton, enterView, viewFrameCount, startFirefox } from './user.mjs';

import { assertWholeArticlePrinted, readPdf } from '../pdf.mjs';

const CLI = join(root, 'target/release/lectern');
const SEED_PARAGRAPHS = 10;
// Ordinary host names, resolved by Firefox to 127.0.0.1 (network.dns.localDomains) and reached
// directly (network.proxy.no_proxies_on; the harness sends any other non-loopback host to a
// discard proxy). Unlike 127.0.0.1 and localhost they are no secure context over plain http.
// One per test, so the host access test 2 grants cannot reach into test 4.
const PLAIN_HOST = 'news.test';
const SITE_HOST = 'always.test';
const HOSTS = [PLAIN_HOST, SITE_HOST].join(',');

let server;
let firefox;
let tab; // the window handle of the tab the tests load their pages in

before(async () => {
  await access(CLI).catch(() => {
    throw new Error('target/release/lectern is missing: run `cargo build --release` first.');
  });
  ({ server, firefox } = await startFirefox({
    prefs: {
      'network.dns.localDomains': HOSTS,
      'network.proxy.no_proxies_on': HOSTS,
      // No https:// attempt first for an http:// address (the test server speaks http only).
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
    },
  }));
  tab = (await firefox.send('WebDriver:GetWindowHandle')).value;
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

const port = () => new URL(server.origin).port;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const originOf = (host) => `http://${host}:${port()}`;

// Each test loads its page at its own URL in the one tab (a navigation drops the last click's
// activeTab grant, so each earns its own), and waits for its load event.
let loads = 0;
async function load(url) {
  loads += 1;
  const address = `${url}${url.includes('?') ? '&' : '?'}load=${loads}`;
  await firefox.switchToFrame(null);
  await firefox.navigate(address);
  await firefox.waitFor((n) => new URLSearchParams(location.search).get('load') === String(n)
    && performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0, [loads], { message: `${address} to finish loading` });
  return address;
}

const handles = () => firefox.send('WebDriver:GetWindowHandles');
const switchToTab = (handle) => firefox.send('WebDriver:SwitchToWindow', { handle, focus: true });

// The clipboard's text/plain as Firefox holds it, read from chrome; null if it holds none.
const clipboardText = () => firefox.chrome(() => {
  const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
  transferable.init(null);
  transferable.addDataFlavor('text/plain');
  Services.clipboard.getData(transferable, Ci.nsIClipboard.kGlobalClipboard, null);
  const data = {};
  try {
    transferable.getTransferData('text/plain', data);
  } catch {
    return null;
  }
  return data.value.QueryInterface(Ci.nsISupportsString).data;
});

// The text of Lectern's toasts on the tab's page (they sit in open shadow roots).
const toasts = () => firefox.content(() => [...document.querySelectorAll('lectern-toast')].map((t) => t.shadowRoot?.textContent ?? ''));

// "Copy clean text" chosen from the toolbar entry's menu on the seed page (`page`, its address):
// the clipboard must hold what the CLI prints for it.
async function assertMenuCopiesTheSeedStory(page) {
  await firefox.chrome(() => Services.clipboard.emptyClipboard(Ci.nsIClipboard.kGlobalClipboard));
  await chooseFromActionMenu(firefox, 'lectern-copy-text');
  let clip;
  for (const deadline = Date.now() + 10_000; !clip; await sleep(50)) {
    clip = await clipboardText();
    if (clip) break;
    const shown = await toasts();
    if (shown.some((t) => !/^Copied/.test(t))) throw new Error(`Lectern said: ${shown.join(' / ')}`);
    if (Date.now() > deadline) throw new Error(`nothing on the clipboard after "Copy clean text" (toasts: ${JSON.stringify(shown)})`);
  }
  const cli = execFileSync(CLI, ['extract', join(root, 'tests/fixtures/news/tolonews_seed.html'), '--url', page], { encoding: 'utf8' });
  assert.equal(clip, cli);
}

test('a link clicked in the view\'s article opens its page in the tab, and the view goes', async () => {
  await load(`${server.origin}/extension/article_links.html`);
  await clickToolbarButton(firefox);
  await enterView(firefox);
  const link = '.lectern-article a[href$="/news/tolonews_seed.html"]';
  const target = await firefox.content((sel) => document.querySelector(sel)?.href, [link]);
  assert.equal(target, `${server.origin}/news/tolonews_seed.html`, 'the article\'s link, resolved against the page');
  await firefox.click(link);
  // Wherever the link's page loads: the tab, or (the bug) a frame inside the page, the view's.
  const where = await firefox.waitFor((t) => {
    const browser = gBrowser.selectedBrowser;
    if (browser.currentURI.spec === t && !browser.webProgress.isLoadingDocument) return 'the tab';
    return browser.browsingContext.children.some((c) => c.currentURI?.spec === t) && 'a frame inside the page (the view\'s)';
  }, [target], { context: 'chrome', message: `${target} to load` });
  await firefox.switchToFrame(null);
  assert.equal(where, 'the tab', 'the link\'s page loaded in the tab, not inside the view');
  assert.equal(await firefox.url(), target);
  assert.equal(await firefox.content(() => document.title), 'Khan Says Taliban Cannot Win Over the Whole of Afghanistan | TOLOnews');
  assert.equal(await viewFrameCount(firefox), 0, 'the reading view is gone from the tab');
});

test('"Always clean this site": the options page asks, Firefox\'s prompt is accepted, and the site\'s pages open cleaned', async () => {
  const site = originOf(SITE_HOST);
  await load(`${site}/news/pull_quote.html`);
  await clickToolbarButton(firefox);
  await enterView(firefox);
  const before = await handles();
  let options;
  try {
    await firefox.click('#always');
    // The view has no permissions API in Firefox: the service worker opens the options page on the
    // site instead, in a new tab.
    for (const deadline = Date.now() + 10_000; !options; await sleep(50)) {
      options = (await handles()).find((h) => !before.includes(h));
      if (!options && Date.now() > deadline) {
        await firefox.switchToFrameByUrl(VIEW_URL).catch(() => {});
        const status = await firefox.content(() => document.getElementById('lectern-status')?.textContent).catch(() => null);
        throw new Error(`no tab opened for the options page after "Always clean this site" (the view says: ${JSON.stringify(status)})`);
      }
    }
    await switchToTab(options);
    const asked = await firefox.waitFor(() => /\/options\/options\.html#add=/.test(location.href) && !document.getElementById('asked').hidden && {
      url: location.href, pattern: document.getElementById('pattern').value, asked: document.getElementById('asked').textContent,
    }, [], { message: 'the options page, asking to add the site' });
    assert.match(asked.url, new RegExp(`^moz-extension://[^/]+/options/options\\.html#add=${escape(SITE_HOST)}$`));
    assert.equal(asked.pattern, SITE_HOST, 'the site is filled in');
    assert.match(asked.asked, new RegExp(`Click Add .*${escape(SITE_HOST)}`));
    assert.equal(await firefox.chrome(() => gBrowser.selectedBrowser.currentURI.spec), asked.url, 'the options tab is the one showing');

    await firefox.click('#add button[type="submit"]');
    const prompt = await acceptPermissionPrompt(firefox, {
      // Until the reader allows it, nothing is granted and nothing is listed.
      whileShown: async () => {
        assert.deepEqual(await firefox.content(() => [...document.querySelectorAll('#sites li')].map((li) => li.textContent)), [], 'no site listed before Allow');
      },
    }).catch(async (e) => {
      // No prompt: the options page says why (a request Firefox refused, say).
      const error = await firefox.content(() => document.getElementById('error')?.textContent).catch(() => null);
      e.message += `\nthe options page says: ${JSON.stringify(error)}`;
      throw e;
    });
    assert.match(prompt.text, new RegExp(escape(SITE_HOST)), `Firefox's prompt names the site: ${prompt.text}`);
    const listed = await firefox.waitFor(() => {
      const sites = [...document.querySelectorAll('#sites li > span')].map((s) => s.textContent);
      return sites.length > 0 && { sites, error: document.getElementById('error').hidden ? null : document.getElementById('error').textContent };
    }, [], { message: 'the site in the options page\'s list' });
    assert.deepEqual(listed, { sites: [SITE_HOST], error: null });
    assert.equal(await firefox.content(() => document.getElementById('asked').hidden), true, 'the request is done');

    // A page of the site, loaded in the first tab: the view opens by itself, with no click.
    await switchToTab(tab);
    await load(`${site}/news/tolonews_seed.html`);
    const view = await enterView(firefox);
    assert.equal(view.paragraphs.length, SEED_PARAGRAPHS);
    assert.equal(view.title, 'Khan Says Taliban Cannot Win Over the Whole of Afghanistan');
    await firefox.switchToFrame(null);

    // The reader takes the site off the list (its Remove button): its pages load as they are again.
    await switchToTab(options);
    await firefox.click('#sites li > button');
    await firefox.waitFor(() => document.querySelectorAll('#sites li').length === 0, [], { message: 'the site to leave the list' });
    await switchToTab(tab);
    await load(`${site}/news/tolonews_seed.html`);
    // The auto-clean script ran at document_idle, by the load event, had it still been registered.
    await sleep(500);
    assert.equal(await viewFrameCount(firefox), 0, 'no view opens on the site once it is removed');
    // And the access the reader granted for it is given back.
    const origins = await firefox.chrome(async (id) => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      return (await ExtensionPermissions.get(id)).origins;
    }, [ADDON_ID]);
    assert.ok(!origins.some((o) => o.includes(SITE_HOST)), `no access to ${SITE_HOST} is left: ${origins.join(', ')}`);
  } finally {
    // Whatever failed, the site leaves the list (Remove, as the reader would) and its tab closes.
    if (options) {
      await switchToTab(options);
      const listed = await firefox.content(() => document.querySelectorAll('#sites li > button').length).catch(() => 0);
      if (listed) {
        await firefox.click('#sites li > button');
        await firefox.waitFor(() => document.querySelectorAll('#sites li').length === 0, [], { message: 'the site to leave the list' });
      }
      await firefox.send('WebDriver:CloseWindow');
    }
    await switchToTab(tab);
  }
});

test('"Copy clean text" from the toolbar entry\'s menu while the view shows copies the article, as the CLI prints it', async () => {
  const page = await load(`${server.origin}/news/tolonews_seed.html`);
  await clickToolbarButton(firefox);
  await enterView(firefox);
  await firefox.switchToFrame(null);
  await assertMenuCopiesTheSeedStory(page);
  // The toast comes just after the clipboard write resolves in the page.
  await firefox.waitFor(() => document.querySelector('lectern-toast'), [], { message: "Lectern's toast" });
  assert.deepEqual(await toasts(), ['Copied clean text']);
  assert.equal(await viewFrameCount(firefox), 1, 'the view still shows');
});

test('on a plain-http page of an ordinary host (no secure context) the toolbar click opens the view', async () => {
  const page = await load(`${originOf(PLAIN_HOST)}/news/tolonews_seed.html`);
  assert.deepEqual(await firefox.content(() => ({ href: location.href, secure: window.isSecureContext, randomUUID: typeof crypto.randomUUID })),
    { href: page, secure: false, randomUUID: 'undefined' }, 'the page is plain http under news.test, not a secure context');
  await clickToolbarButton(firefox);
  const view = await enterView(firefox);
  await firefox.switchToFrame(null);
  assert.equal(view.paragraphs.length, SEED_PARAGRAPHS);
  assert.equal(view.title, 'Khan Says Taliban Cannot Win Over the Whole of Afghanistan');
});

test('"Copy clean text" from the toolbar entry\'s menu on a plain-http page copies the article, as the CLI prints it', async () => {
  const page = await load(`${originOf(PLAIN_HOST)}/news/tolonews_seed.html`);
  assert.equal(await firefox.content(() => window.isSecureContext), false);
  await assertMenuCopiesTheSeedStory(page);
});

test('printing the tab while the view shows prints the whole article and nothing of the toolbar or panels', async () => {
  await load(`${originOf(PLAIN_HOST)}/corpus/guardian-1/source.html`);
  await clickToolbarButton(firefox);
  const view = await enterView(firefox);
  assert.ok(view.paragraphs.length >= 25, `${view.paragraphs.length} paragraphs`);
  await firefox.switchToFrame(null);
  // The print copy arrives from the view just after it is built.
  await sleep(500);
  const { value } = await firefox.send('WebDriver:Print', { background: false, shrinkToFit: true });
  assertWholeArticlePrinted(await readPdf(Buffer.from(value, 'base64')), view);
  assert.equal(await viewFrameCount(firefox), 1, 'the view still shows');
  assert.equal(await firefox.content(() => getComputedStyle(document.body).position), 'fixed', 'and covers the window again');
});

test('a link to a place in the article (footnote, contents) scrolls the view there; the tab stays', async () => {
  const page = await load(`${server.origin}/extension/in_page_links.html`);
  await clickToolbarButton(firefox);
  await enterView(firefox);
  const focused = () => firefox.content(() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return { tag: el.tagName, text: el.textContent, onScreen: box.top >= 0 && box.top < innerHeight };
  });
  await firefox.click('.lectern-article sup a');
  let now = await firefox.waitFor(() => document.activeElement?.tagName === 'LI', [], { message: 'the footnote to take the focus' }).then(focused);
  assert.match(now.text, /100 MHz antenna/);
  assert.equal(now.onScreen, true);
  await firefox.click('.lectern-article li a');
  now = await firefox.waitFor(() => document.activeElement?.tagName === 'P', [], { message: 'the citing paragraph to take the focus' }).then(focused);
  assert.match(now.text, /^Teams from four universities/);
  assert.equal(now.onScreen, true);
  await firefox.switchToFrame(null);
  assert.equal(await firefox.url(), page, 'the tab did not navigate');
  assert.equal(await viewFrameCount(firefox), 1, 'the view is still open');
});
