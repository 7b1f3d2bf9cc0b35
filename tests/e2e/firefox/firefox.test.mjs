// The extension end to end in Debian's firefox-esr, headless, driven over Marionette
// (./marionette.mjs). The extension is installed from extension/ exactly as shipped, as a
// temporary add-on (what about:debugging's "Load Temporary Add-on" does), and the reading view is
// opened the ways a user opens it: a real click on Lectern's entry in the Extensions panel, the
// page's context menu, the keyboard shortcut. Each carries the activeTab grant that lets the
// extension script the page; no host permission is given.
// Nothing is skipped: without firefox-esr or the built wasm the tests fail and say what to do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as user from './user.mjs';
import { EXTENSION, manifest, ADDON_ID, WIDGET_BASE, startFirefox } from './user.mjs';

const SEED_PARAGRAPHS = 10;
const SEED_QUOTES = 4;

let server;
let firefox;

// Lectern is installed by the first test, which checks the install.
before(async () => {
  ({ server, firefox } = await startFirefox({ install: false }));
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

// Installed once, by the first test; the others wait for it (and fail with it).
let installing;
const installed = () => (installing ??= firefox.installTemporaryAddon(EXTENSION));

// Each test loads the fixture at its own URL in the one tab: a navigation also drops the
// activeTab grant of the last click, so every test earns its own.
let loads = 0;
async function load(path) {
  await installed();
  loads += 1;
  await firefox.switchToFrame(null);
  await firefox.navigate(`${server.origin}${path}?load=${loads}`);
}

// A real click on Lectern's toolbar entry (./user.mjs).
const clickToolbarButton = () => user.clickToolbarButton(firefox);

// Right-click on plain text of the page (on a link or a selection Firefox shows another menu,
// without the "page" items), then Lectern ▸ Read in Lectern: Firefox groups an extension's items
// in a submenu named after it.
async function readFromContextMenu() {
  const point = await firefox.content(() => {
    for (const p of document.querySelectorAll('p')) {
      p.scrollIntoView({ block: 'center' });
      const r = p.getBoundingClientRect();
      const x = r.left + Math.min(40, r.width / 2);
      const y = r.top + r.height / 2;
      if (r.width > 0 && document.elementFromPoint(x, y) === p) return { x, y };
    }
    return null;
  });
  assert.ok(point, 'a paragraph of plain text to right-click');
  await firefox.chromeClick('browser[primary="true"]', { ...point, type: 'contextmenu', button: 2 });
  await firefox.waitFor(() => document.getElementById('contentAreaContextMenu').state === 'open', [], { context: 'chrome', message: 'the context menu' });
  const menu = await firefox.waitFor((base, label) => {
    const m = [...document.querySelectorAll(`#contentAreaContextMenu > menu[id^="${base}-menuitem-"]`)].find((e) => e.label === label && !e.hidden);
    return m?.id;
  }, [WIDGET_BASE, manifest.name], { context: 'chrome', message: "Lectern's submenu" });
  await firefox.chromeClick(`#${menu}`);
  await firefox.waitFor((id) => document.querySelector(`#${id} > menupopup`)?.state === 'open', [menu], { context: 'chrome', message: "Lectern's submenu to open" });
  await firefox.chromeClick(`#${WIDGET_BASE}-menuitem-_lectern-read`);
  await firefox.waitFor(() => document.getElementById('contentAreaContextMenu').state === 'closed', [], { context: 'chrome', message: 'the context menu to close' });
}

// Into the reading view's frame, once its article shows (./user.mjs).
const enterView = () => user.enterView(firefox);

const viewFrames = () => user.viewFrameCount(firefox);

// The page's body as markup, and a mark on the element itself (kept in Marionette's content
// sandbox, unseen by the page) so the restore can be checked to bring back the very same node.
const markBody = () => firefox.content(() => { window.lecternTestBody = document.body; return document.body.outerHTML; });
const bodyBack = () => firefox.waitFor(() => document.body === window.lecternTestBody, [], { message: 'the original body to come back' });
const bodyHtml = () => firefox.content(() => document.body.outerHTML);

test('the extension installs from extension/ as a temporary add-on, manifest as shipped', async () => {
  assert.equal(await installed(), ADDON_ID);
  const addon = await firefox.chrome(async (id) => {
    const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
    const a = await AddonManager.getAddonByID(id);
    return a && { active: a.isActive, temporary: a.temporarilyInstalled, version: a.version, name: a.name };
  }, [ADDON_ID]);
  assert.deepEqual(addon, { active: true, temporary: true, version: manifest.version, name: manifest.name });
});

test('a real toolbar click opens the reading view: the article once, quotes highlighted', async () => {
  await load('/news/tolonews_seed.html');
  await clickToolbarButton();
  const view = await enterView();
  await firefox.switchToFrame(null);
  assert.equal(view.paragraphs.length, SEED_PARAGRAPHS, view.paragraphs.join('\n'));
  assert.equal(new Set(view.paragraphs).size, SEED_PARAGRAPHS, 'each paragraph once');
  assert.equal(view.title, 'Khan Says Taliban Cannot Win Over the Whole of Afghanistan');
  assert.deepEqual(view.quotes, Array(SEED_QUOTES).fill('Imran Khan'));
  assert.deepEqual(view.coreLoads, [], 'the view loaded the core itself');
});

test('a second toolbar click restores the page\'s original body exactly', async () => {
  await load('/news/tolonews_seed.html');
  const before = await markBody();
  await clickToolbarButton();
  await enterView();
  await firefox.switchToFrame(null);
  assert.equal(await firefox.content(() => document.body === window.lecternTestBody), false, 'the page is set aside while reading');
  await clickToolbarButton();
  await bodyBack();
  assert.equal(await bodyHtml(), before);
  assert.equal(await viewFrames(), 0, 'the reading view is gone');
});

test('the view\'s "Original" button restores the page\'s original body exactly', async () => {
  await load('/news/tolonews_seed.html');
  const before = await markBody();
  await clickToolbarButton();
  await enterView();
  await firefox.click('#original');
  await firefox.switchToFrame(null);
  await bodyBack();
  assert.equal(await bodyHtml(), before);
  assert.equal(await viewFrames(), 0, 'the reading view is gone');
});

test('on a page with a strict Content-Security-Policy the toolbar click still opens the view', async () => {
  // The page's CSP must not block the moz-extension:// frame the content script adds, nor the wasm.
  await load('/csp/tolonews_seed.html');
  await clickToolbarButton();
  const view = await enterView();
  await firefox.switchToFrame(null);
  assert.equal(view.paragraphs.length, SEED_PARAGRAPHS);
  assert.equal(view.quotes.length, SEED_QUOTES);
});

test('the keyboard shortcut (Alt+Shift+R) opens the view and, pressed in the view, closes it', async () => {
  assert.equal(manifest.commands._execute_action.suggested_key.default, 'Alt+Shift+R');
  await load('/news/tolonews_seed.html');
  const before = await markBody();
  await firefox.chromeKey('R', { altKey: true, shiftKey: true });
  const view = await enterView();
  assert.equal(view.paragraphs.length, SEED_PARAGRAPHS);
  // The view takes the focus when it opens: the second press comes from inside its frame.
  assert.equal(await firefox.content(() => document.hasFocus()), true, 'the view has the focus');
  await firefox.switchToFrame(null);
  await firefox.chromeKey('R', { altKey: true, shiftKey: true }, { focusPage: false });
  await bodyBack();
  assert.equal(await bodyHtml(), before);
});

test('the view opens with the article focused, and Escape closes it and restores the page', async () => {
  await load('/news/tolonews_seed.html');
  const before = await markBody();
  await clickToolbarButton();
  await enterView();
  assert.equal(await firefox.content(() => document.activeElement?.id), 'lectern-root', 'the article has the focus');
  await firefox.switchToFrame(null);
  await firefox.chromeKey('KEY_Escape', {}, { focusPage: false });
  await bodyBack();
  assert.equal(await bodyHtml(), before);
});

test('the page\'s context menu: Lectern ▸ Read in Lectern opens the view', async () => {
  await load('/news/tolonews_seed.html');
  await readFromContextMenu();
  const view = await enterView();
  await firefox.switchToFrame(null);
  assert.equal(view.paragraphs.length, SEED_PARAGRAPHS);
  assert.equal(view.quotes.length, SEED_QUOTES);
});

test('formulas: the MathML of a page is drawn as MathML in the view, fractions stacked', async () => {
  await load('/corpus/mathjax/source.html');
  await clickToolbarButton();
  await enterView();
  const drawn = await firefox.content(() => {
    const formulas = [...document.querySelectorAll('.lectern-article math')];
    const fraction = document.querySelector('.lectern-article mfrac');
    return {
      count: formulas.length,
      namespaces: [...new Set(formulas.map((f) => f.namespaceURI))],
      fraction: fraction?.getBoundingClientRect().height ?? 0,
      line: fraction ? parseFloat(getComputedStyle(fraction.closest('p')).fontSize) : 0,
    };
  });
  await firefox.switchToFrame(null);
  assert.equal(drawn.count, 13, "the page's 13 formulas");
  assert.deepEqual(drawn.namespaces, ['http://www.w3.org/1998/Math/MathML']);
  // Drawn as MathML, a fraction stands its numerator over its denominator: taller than a line.
  assert.ok(drawn.fraction > 1.5 * drawn.line, `a fraction ${drawn.fraction}px tall beside ${drawn.line}px text`);
});
