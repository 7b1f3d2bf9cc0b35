// The reading view as a reader meets it, in Chromium with extension/ as shipped: axe-core finds no
// accessibility violation in any theme, panels open or shut; the panels are dialogs that take the
// focus and give it back with the reader's place; settings changed on the options page reach a
// view already open; in a narrow window the toolbar is one row that tucks away while reading and
// nothing scrolls sideways; the metadata line of a right-to-left story keeps its order; a page's
// MathML formulas are drawn as formulas.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { viewFrame } from './harness.mjs';
import { chromiumSuite } from './suite.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const suite = chromiumSuite();
const { openPage, toggle } = suite;
// Each test starts from the default settings.
afterEach(() => suite.browser.worker.evaluate(() => chrome.storage.sync.clear()));

async function openView(path, { theme, scheme = 'light', width } = {}) {
  if (theme) await suite.browser.worker.evaluate((t) => chrome.storage.sync.set({ theme: t }), theme);
  const page = await openPage(path);
  await page.emulateMedia({ colorScheme: scheme });
  if (width) await page.setViewportSize({ width, height: 800 });
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view, 'the view opened');
  return { page, view };
}

// axe-core's findings in the view's frame, as "rule: target (summary)" lines.
async function axeViolations(view) {
  // Evaluated as one script whose top-level `axe` is then made global (an eval keeps its own vars).
  if ((await view.evaluate(() => typeof window.axe)) === 'undefined') await view.evaluate(`${AXE}\n;window.axe = axe; 0`);
  const results = await view.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)})`));
}

// WCAG's contrast ratio of two CSS colours (rgb() as getComputedStyle gives them).
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map((v) => Number(v) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const [theme, scheme] of [['light', 'light'], ['sepia', 'light'], ['dark', 'light'], ['system', 'dark']]) {
  test(`axe-core: no violations in the ${theme} theme${theme === 'system' ? ' (system dark)' : ''}, panels shut and open`, async () => {
    const { view } = await openView('/news/tolonews_seed.html', { theme, scheme });
    assert.deepEqual(await axeViolations(view), [], 'the article');
    // axe leaves text over the fixed panels undecided; the theme's own pairs are checked here.
    const colours = await view.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      const probe = document.body.appendChild(document.createElement('span'));
      const resolve = (v) => { probe.style.color = style.getPropertyValue(v); return getComputedStyle(probe).color; };
      const out = Object.fromEntries(['--fg', '--muted', '--accent', '--bg', '--panel'].map((v) => [v, resolve(v)]));
      probe.remove();
      return out;
    });
    for (const fg of ['--fg', '--muted', '--accent']) {
      for (const bg of ['--bg', '--panel']) {
        const ratio = contrast(colours[fg], colours[bg]);
        assert.ok(ratio >= 4.5, `${theme}: ${fg} on ${bg} is ${ratio.toFixed(2)}:1, under WCAG's 4.5:1`);
      }
    }
    await view.locator('#quotes').click();
    assert.deepEqual(await axeViolations(view), [], 'with the Quotes panel open');
    await view.locator('#removed').click();
    await view.locator('#lectern-removed button[data-show-removal]').first().click();
    assert.deepEqual(await axeViolations(view), [], 'with the Removed panel open and a repeat shown in place');
  });
}

test('panels are dialogs: opening one focuses it, Escape shuts it, gives the focus back and keeps the reader\'s place', async () => {
  const { view } = await openView('/corpus/guardian-1/source.html');
  await view.evaluate(() => window.scrollTo(0, 1500));
  const place = await view.evaluate(() => scrollY);
  await view.locator('#removed').focus();
  await view.locator('#removed').press('Enter');
  const panel = view.locator('#lectern-removed');
  assert.equal(await panel.isVisible(), true);
  assert.equal(await view.evaluate(() => document.activeElement.id), 'lectern-removed', 'the panel has the focus');
  assert.equal(await panel.getAttribute('role'), 'dialog');
  assert.equal(await view.locator('#removed').getAttribute('aria-expanded'), 'true');
  assert.equal(await view.evaluate(() => scrollY), place, 'the article did not move');
  await view.locator('#lectern-removed').press('Escape');
  assert.equal(await panel.isHidden(), true, 'Escape shut the panel');
  assert.equal(await view.evaluate(() => document.activeElement.id), 'removed', 'the focus is back on its button');
  assert.equal(await view.evaluate(() => scrollY), place, 'the reader is where they were');
  assert.ok(await viewFrame(await view.page(), 500), 'Escape with a panel open shuts the panel, not the view');
  // The Close button does the same.
  await view.locator('#quotes').click();
  await view.locator('#lectern-quotes button[data-close-panel]').click();
  assert.equal(await view.locator('#lectern-quotes').isHidden(), true);
  assert.equal(await view.evaluate(() => document.activeElement.id), 'quotes');
});

test('a setting changed on the options page reaches a view already open', async () => {
  const { view } = await openView('/news/tolonews_seed.html', { theme: 'light' });
  const options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
  await options.locator('#theme').selectOption('dark');
  await options.locator('#size').fill('26');
  await options.locator('#size').press('Tab');
  await options.close();
  await view.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await view.evaluate(() => getComputedStyle(document.body).fontSize), '26px');
});

test('a narrow window: the toolbar is one row that tucks away while reading, and nothing scrolls sideways', async () => {
  const { view } = await openView('/corpus/wikipedia-2/source.html', { width: 400 });
  const toolbar = view.locator('.lectern-toolbar');
  const bar = await toolbar.boundingBox();
  assert.ok(bar.height < 56, `the toolbar is one row (${bar.height} px high)`);
  assert.equal(await view.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scrolling');
  await view.locator('#lectern-root').focus();
  await view.locator('#lectern-root').press('PageDown');
  await view.locator('#lectern-root').press('PageDown');
  await view.waitForFunction(() => scrollY > innerHeight, null, { timeout: 10_000 });
  await view.waitForFunction(() => document.querySelector('.lectern-toolbar').getBoundingClientRect().bottom <= 0, null, { timeout: 10_000 });
  // Let the keys' smooth scroll come to rest first: still moving down, it would tuck the bar again.
  await view.evaluate(() => new Promise((resolve) => {
    let last = scrollY;
    const check = () => (scrollY === last ? resolve() : ((last = scrollY), setTimeout(check, 300)));
    setTimeout(check, 300);
  }));
  await view.evaluate(() => window.scrollBy(0, -200));
  await view.waitForFunction(() => document.querySelector('.lectern-toolbar').getBoundingClientRect().top >= 0);
});

test('a right-to-left story: the metadata line isolates each item, so the reading time reads "N min read"', async () => {
  const { view } = await openView('/news/rtl_dari.html');
  const items = await view.locator('.lectern-meta > bdi').evaluateAll((els) => els.map((e) => ({ text: e.textContent, dir: e.getAttribute('dir') })));
  assert.ok(items.length >= 2, JSON.stringify(items));
  assert.match(items.at(-1).text, /^\d+ min read$/);
  assert.equal(items.at(-1).dir, 'ltr');
  assert.equal(await view.locator('.lectern-header').getAttribute('dir'), 'rtl');
});

test('quotations: the speaker is reachable from the keyboard, and highlighting can be turned off (and stays off)', async () => {
  const { view } = await openView('/news/tolonews_seed.html');
  const mark = view.locator('.lectern-article mark.lectern-quote').first();
  assert.equal(await mark.getAttribute('tabindex'), '0');
  assert.equal(await mark.getAttribute('aria-description'), 'said by Imran Khan');
  await mark.focus();
  assert.equal(await mark.evaluate((m) => getComputedStyle(m, '::after').content), '"Imran Khan"', 'focused, it shows its speaker');
  const background = () => mark.evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(await background(), 'rgba(0, 0, 0, 0)', 'highlighted');
  await view.locator('#highlight').click();
  assert.equal(await view.locator('#highlight').getAttribute('aria-pressed'), 'false');
  assert.equal(await background(), 'rgba(0, 0, 0, 0)', 'no longer highlighted');
  assert.equal(await suite.browser.worker.evaluate(() => chrome.storage.sync.get('highlight').then((s) => s.highlight)), false, 'remembered');
});

test('formulas: the MathML of a page is drawn as MathML in the view, fractions stacked', async () => {
  const { view } = await openView('/corpus/mathjax/source.html');
  const formulas = view.locator('.lectern-article math');
  assert.equal(await formulas.count(), 13, 'the page\'s 13 formulas');
  const namespaces = new Set(await formulas.evaluateAll((els) => els.map((e) => e.namespaceURI)));
  assert.deepEqual([...namespaces], ['http://www.w3.org/1998/Math/MathML']);
  // Drawn as MathML, a fraction stands its numerator over its denominator: taller than a line of
  // the paragraph's text. Elements of the same names in HTML's namespace would run on one line.
  const { fraction, line } = await view.locator('.lectern-article mfrac').first().evaluate((f) => ({
    fraction: f.getBoundingClientRect().height,
    line: parseFloat(getComputedStyle(f.closest('p')).fontSize),
  }));
  assert.ok(fraction > 1.5 * line, `a fraction ${fraction}px tall beside ${line}px text`);
});
