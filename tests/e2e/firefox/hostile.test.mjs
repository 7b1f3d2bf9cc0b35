// Hostile pages in Firefox ESR, through the unmodified extension/ as a temporary add-on and a real
// click on its toolbar entry (./user.mjs): for each tests/fixtures/hostile/NAME.html with a
// NAME.expect.json, the view and the clipboard hold no active markup and every paragraph the page
// pins, and no script ran because of Lectern. Then a background page that Firefox stops while the
// view shows: reloading the view still finds its page (the tab's content script keeps it).
// Nothing is skipped: without firefox-esr or the built wasm the tests fail and say what to do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import MarkdownIt from 'markdown-it';
import { parse, parseFragment } from 'parse5';
import { MARKDOWN_ELEMENTS, VIEW_ELEMENTS, activeMarkup, parsedElements } from '../markup.mjs';
import { root } from './marionette.mjs';
import { ADDON_ID, VIEW_URL, clickToolbarButton, enterView, startFirefox, viewFrameCount } from './user.mjs';

// Firefox stops an idle event page after this long (the default is 30 s): short, so the
// background-stop test waits well under a second, and every other test here runs with a
// background that comes and goes as it would on a slow reader's machine.
const IDLE_TIMEOUT_MS = 500;

const SEED_PARAGRAPHS = 10;

const HOSTILE = join(root, 'tests/fixtures/hostile');
const FIXTURES = (await readdir(HOSTILE)).filter((f) => f.endsWith('.expect.json')).map((f) => f.slice(0, -'.expect.json'.length)).sort();
const expectation = async (name) => JSON.parse(await readFile(join(HOSTILE, `${name}.expect.json`), 'utf8'));
const expected = async (name) => (await expectation(name)).paragraphs;
// Captions stay with their pictures: in the view, not in the plain text.
const captions = async (name) => (await expectation(name)).captions ?? [];

let server;
let firefox;

before(async () => {
  ({ server, firefox } = await startFirefox({ prefs: { 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS } }));
  // Every alert, confirm or prompt any page or frame opens, recorded from chrome (where it is seen
  // whatever world the script ran in) and dismissed at once: the hostile pages' own handlers fire
  // while they load, and an open prompt would block the page and fail Marionette's next command.
  await firefox.chrome(() => {
    window.lecternPrompts = [];
    Services.obs.addObserver((dialog) => {
      const args = dialog.args ?? {};
      window.lecternPrompts.push({ text: String(args.text ?? ''), origin: args.promptPrincipal?.origin ?? '(unknown)' });
      dialog.setTimeout(() => dialog.document.querySelector('dialog')?.cancelDialog(), 0);
    }, 'common-dialog-loaded');
  });
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

// Each test loads its page at its own URL in the one tab (a navigation drops the last click's
// activeTab grant, so each earns its own), and waits until the page's load handlers have run:
// the hostile pages' own alerts belong to the page, not to Lectern, and must be over first.
let loads = 0;
async function load(path) {
  loads += 1;
  await firefox.switchToFrame(null);
  // A page alert open when navigation returns fails the command; the observer dismisses it.
  await firefox.navigate(`${server.origin}${path}?load=${loads}`).catch((e) => { if (e.error !== 'unexpected alert open') throw e; });
  // The navigation command returns early when the page's first alert opens, perhaps before the
  // new document replaced the last one: wait for this load's own document and its load event.
  await firefox.waitFor((n) => new URLSearchParams(location.search).get('load') === String(n)
    && performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0, [loads], { message: `${path} to finish loading` });
}

const viewFrames = () => viewFrameCount(firefox);
const prompts = () => firefox.chrome(() => window.lecternPrompts);
const chromeNow = () => firefox.chrome(() => Date.now());
// Browser-console messages logged since `since` (chrome's clock) that match `pattern`.
const consoleSince = (since, pattern) => firefox.chrome((t, source, flags) => Services.console.getMessageArray()
  .filter((m) => m.timeStamp >= t && new RegExp(source, flags).test(m.message ?? String(m)))
  .map((m) => m.message ?? String(m)), [since, pattern.source, pattern.flags]);

// Elements as { name, ns, attrs: [[name, value]] } (as markup.mjs's parsedElements gives them)
// from the live DOM under `selector`, run in the current frame.
const domElements = (selector) => firefox.content((sel) => [...document.querySelector(sel).querySelectorAll('*')]
  .map((e) => ({ name: e.localName, ns: e.namespaceURI, attrs: [...e.attributes].map((a) => [a.name, a.value]) })), [selector]);
const collapse = (s) => s.replace(/\s+/g, ' ').trim();
const missing = (text, paragraphs) => paragraphs.filter((p) => !collapse(text).includes(collapse(p)));

// The clipboard as Firefox holds it, read from chrome: { text, html }, null for a flavour absent.
const readClipboard = () => firefox.chrome(() => {
  const read = (flavor) => {
    const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
    transferable.init(null);
    transferable.addDataFlavor(flavor);
    Services.clipboard.getData(transferable, Ci.nsIClipboard.kGlobalClipboard, null);
    const data = {};
    try {
      transferable.getTransferData(flavor, data);
    } catch {
      return null;
    }
    return data.value.QueryInterface(Ci.nsISupportsString).data;
  };
  return { text: read('text/plain'), html: read('text/html') };
});

// Empties the clipboard, clicks the view's Copy (a WebDriver click: trusted, a user gesture) and
// waits for the copy to land, so nothing read afterwards is left over from an earlier copy.
async function copyFromView(status) {
  await firefox.chrome(() => Services.clipboard.emptyClipboard(Ci.nsIClipboard.kGlobalClipboard));
  await firefox.click('#copy');
  await firefox.waitFor((s) => document.getElementById('lectern-status').textContent === s, [status], { message: `"${status}" in the view` });
  for (const deadline = Date.now() + 10_000; ;) {
    const clip = await readClipboard();
    if (clip.text) return clip;
    if (Date.now() > deadline) throw new Error('timed out waiting for the copied text on the clipboard');
    await sleep(50);
  }
}

// Opens the view on a page with a real toolbar click; on failure, the extension's console says why.
async function openView(path) {
  await load(path);
  await clickToolbarButton(firefox);
  return enterView(firefox);
}

assert.ok(FIXTURES.length >= 3, `only ${FIXTURES.length} hostile pages with an .expect.json in ${HOSTILE}`);

for (const name of FIXTURES) {
  test(`${name}: the view holds no active markup and every paragraph, and no script ran`, async () => {
    const paragraphs = await expected(name);
    await load(`/hostile/${name}.html`);
    // The page as it was: its head, and its body (marked in Marionette's sandbox, unseen by the
    // page), which the content script sets aside whole while the view shows.
    const page = await firefox.content(() => {
      window.lecternTestBody = document.body;
      return { head: document.head.outerHTML, body: document.body.outerHTML };
    });
    const promptsBefore = (await prompts()).length;
    const since = await chromeNow();
    await clickToolbarButton(firefox);
    const view = await enterView(firefox);

    // (a) what the Rust core built, as the view's live DOM has it, holds nothing that can run.
    assert.deepEqual(activeMarkup(await domElements('#lectern-root'), VIEW_ELEMENTS), [], `${name}: active markup in #lectern-root`);
    // (b) and every paragraph the page pins.
    const shown = await firefox.content(() => document.querySelector('.lectern-article').textContent);
    assert.deepEqual(missing(shown, [...paragraphs, ...(await captions(name))]), [], `${name}: paragraphs missing from the view`);

    // (c) no script ran because of Lectern. Any alert/confirm/prompt would have been recorded; a
    // handler or script in the view is refused by the view's CSP, which Firefox reports in the
    // browser console (its report names the directive, not the handler's code, so we look for
    // the report, and for "alert" in anything else). The page's document holds only Lectern's
    // host in place of its body, and its own body and head are as they were.
    assert.deepEqual((await prompts()).slice(promptsBefore), [], `${name}: prompts opened after the click`);
    assert.deepEqual(await consoleSince(since, /Content-Security-Policy|\balert\b/), [], `${name}: CSP reports or "alert" in the browser console`);
    await firefox.switchToFrame(null);
    const now = await firefox.content(() => {
      const host = document.body;
      return {
        children: [...document.documentElement.children].map((e) => e.localName),
        head: document.head.outerHTML,
        setAside: host !== window.lecternTestBody,
        body: window.lecternTestBody.outerHTML,
        hostLightChildren: host.childNodes.length,
      };
    });
    // A closed shadow root is out of reach of Marionette's usual sandbox; its privileged one can
    // open it.
    const shadow = await firefox.execute((viewUrl) => {
      const children = [...document.body.openOrClosedShadowRoot.children];
      return {
        kinds: children.map((e) => (e.localName === 'iframe' ? `iframe ${new RegExp(viewUrl).test(e.src)}` : `${e.localName}.${e.className}`)),
        printCopy: children.find((e) => e.localName === 'main')?.outerHTML ?? '',
      };
    }, [VIEW_URL.source], { sandbox: 'system' });
    now.hostShadow = shadow.kinds;
    assert.deepEqual(now.children, ['head', 'body'], `${name}: the page's document holds its head and Lectern's host only`);
    assert.ok(now.setAside, `${name}: the page's body is set aside while the view shows`);
    assert.equal(now.hostLightChildren, 0, `${name}: Lectern's host has nothing outside its shadow root`);
    // The frame, and the copy of the article the tab prints (its style sheet and the copy itself),
    // which holds no more active markup than the view does.
    assert.deepEqual(now.hostShadow, ['iframe true', 'style.', 'main.lectern-print'], `${name}: Lectern's host holds the view's frame and its print copy, nothing else`);
    assert.deepEqual(activeMarkup(parsedElements(parseFragment(shadow.printCopy)), new Set([...VIEW_ELEMENTS, 'main'])), [], `${name}: active markup in the print copy`);
    assert.equal(now.head, page.head, `${name}: the page's head is untouched`);
    assert.equal(now.body, page.body, `${name}: the page's own body is untouched`);
  });
}

for (const name of FIXTURES) {
  test(`${name}: the view's Copy puts inert HTML, the text and inert Markdown on the clipboard`, async () => {
    const paragraphs = await expected(name);
    await openView(`/hostile/${name}.html`);
    // Plain text and HTML first, with Markdown unticked (the view's default).
    if (await firefox.content(() => document.getElementById('copy-markdown').checked)) await firefox.click('#copy-markdown');
    const clip = await copyFromView('Copied clean text');
    assert.ok(clip.html, `${name}: the clipboard has a text/html flavour`);
    // Firefox wraps the copied HTML in a document: <html><head></head><body>…; the head stays empty.
    const tree = parse(clip.html);
    const [head, body] = tree.childNodes.find((n) => n.tagName === 'html').childNodes;
    assert.deepEqual(head.childNodes.map((n) => n.nodeName), [], `${name}: the copied HTML's head`);
    assert.deepEqual(activeMarkup(parsedElements(body).slice(1), VIEW_ELEMENTS), [], `${name}: active markup in the copied HTML`);
    assert.deepEqual(missing(clip.text, paragraphs), [], `${name}: paragraphs missing from the copied text`);

    await firefox.click('#copy-markdown');
    assert.equal(await firefox.content(() => document.getElementById('copy-markdown').checked), true, 'Markdown is ticked');
    const { text: markdown } = await copyFromView('Copied as Markdown');
    // Rendered as a renderer that passes HTML through would: only Markdown's own elements may come
    // out (markdown-it writes style="text-align:…" on aligned table cells itself).
    const rendered = new MarkdownIt({ html: true }).render(markdown);
    assert.deepEqual(activeMarkup(parsedElements(parseFragment(rendered)), MARKDOWN_ELEMENTS, { styleOk: true }), [], `${name}: active markup in the copied Markdown, rendered\n${markdown}`);
  });
}

test('the no-script checks see a script: a handler put into the view is reported, one put into the page prompts', async () => {
  // A control for the checks above: the same observers, on handlers the test itself adds.
  await openView('/news/tolonews_seed.html');
  const since = await chromeNow();
  const promptsBefore = (await prompts()).length;
  await firefox.content(() => document.body.insertAdjacentHTML('beforeend', '<img src="missing.png" onerror="alert(\'lectern-control\')">'));
  await firefox.waitFor((t) => Services.console.getMessageArray().some((m) => m.timeStamp >= t && /Content-Security-Policy/.test(m.message ?? '') && /view\.html/.test(m.message ?? '')),
    [since], { context: 'chrome', message: "the view's CSP report of the added handler" });
  await firefox.switchToFrame(null);
  await firefox.content(() => document.documentElement.insertAdjacentHTML('beforeend', '<img src="missing.png" onerror="alert(\'lectern-control\')">'));
  await firefox.waitFor((n) => window.lecternPrompts.slice(n).some((p) => p.text === 'lectern-control'), [promptsBefore], { context: 'chrome', message: 'the page\'s alert' });
});

test('a background page Firefox stopped while the view shows: reloading the view shows the article again', async () => {
  const view = await openView('/news/tolonews_seed.html');
  assert.equal(view.paragraphs.length, SEED_PARAGRAPHS);
  // Firefox stops an idle event page after IDLE_TIMEOUT_MS; with it goes the page the toolbar
  // click handed over, and the view's next request wakes a fresh one, which must ask the tab.
  await firefox.waitFor((id) => WebExtensionPolicy.getByID(id)?.extension?.backgroundState === 'stopped', [ADDON_ID], {
    context: 'chrome', timeout: 10 * IDLE_TIMEOUT_MS, message: 'the background page to stop',
  });
  const loaded = await firefox.content(() => performance.timeOrigin);
  const since = await chromeNow();
  await firefox.content(() => { location.reload(); });
  // Until the reloaded view shows its article, or gives up: a view that gets no page tells the
  // content script, which removes the view and shows a "found no article" toast (for 3 s).
  let outcome;
  for (const deadline = Date.now() + 10_000; !outcome && Date.now() < deadline; await sleep(50)) {
    await firefox.switchToFrame(null);
    const toast = await firefox.content(() => document.querySelector('lectern-toast')?.shadowRoot?.textContent ?? null);
    if (toast) outcome = { toast };
    else if (!(await viewFrames())) outcome = { closed: 'the view closed itself' };
    else {
      await firefox.switchToFrameByUrl(VIEW_URL, { timeout: 1000 }).catch(() => {});
      const paragraphs = await firefox.content((before) => performance.timeOrigin !== before && document.querySelector('.lectern-article')
        && document.querySelectorAll('.lectern-article > p').length, [loaded]).catch(() => 0);
      if (paragraphs) outcome = { paragraphs };
    }
  }
  const messages = await consoleSince(since, /./);
  assert.deepEqual(outcome, { paragraphs: SEED_PARAGRAPHS }, `the reloaded view\nbrowser console since the reload:\n${messages.join('\n') || '(nothing)'}`);
});
