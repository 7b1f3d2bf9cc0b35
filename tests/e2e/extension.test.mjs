// The extension end to end in Chromium, loaded from extension/ as it ships, on pages served as
// http://news.test and https://news.test: the toolbar action (the user's shortcut), restore path,
// strict CSP, a hostile page, a page that shadows DOM properties by name, no-article message,
// right-to-left, copying (the view's button and the menu's command, view open or not), links,
// keyboard, and "Always clean this site" through Chromium's own permission prompt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tabId, viewFrame, hasViewFrame, root, HOST, acceptPermissionPrompt, markClipboard, copiedText, pressKeys } from './harness.mjs';
import { chromiumSuite } from './suite.mjs';
import { assertWholeArticlePrinted, readPdf } from './pdf.mjs';

const suite = chromiumSuite();
const { openPage, toggle } = suite;

const SEED_PARAGRAPHS = 10;

test('toolbar path on a strict-CSP page over plain http: the article once, quotes highlighted, no boilerplate', async () => {
  const page = await openPage('/csp/tolonews_seed.html');
  assert.equal(await page.evaluate(() => isSecureContext), false, 'http://news.test is no secure context');
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view, 'the reading view opened');
  const paragraphs = await view.locator('.lectern-article > p').allInnerTexts();
  assert.equal(paragraphs.length, SEED_PARAGRAPHS);
  assert.equal(new Set(paragraphs).size, SEED_PARAGRAPHS, 'each paragraph once');
  assert.equal(await view.locator('.lectern-title').innerText(), 'Khan Says Taliban Cannot Win Over the Whole of Afghanistan');
  const marks = view.locator('mark.lectern-quote');
  assert.equal(await marks.count(), 4);
  for (const speaker of await marks.evaluateAll((ms) => ms.map((m) => m.dataset.speaker))) assert.equal(speaker, 'Imran Khan');
  const visible = await view.locator('main').innerText();
  for (const junk of ['Share this post', 'Latest news', 'Skip to main content', 'Thumbnail']) assert.ok(!visible.includes(junk), `no "${junk}"`);
  assert.match(await view.locator('.lectern-meta').innerText(), /min read/);
  // The service worker made the view: the view's page loaded no wasm module of its own.
  assert.deepEqual(await view.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /\.wasm$|\/pkg\//.test(n))), [], 'the view loaded the core itself');
  await page.close();
});

test('view toolbar: removed copies can be shown in place, and theme and size persist in storage', async () => {
  const page = await openPage('/news/tolonews_seed.html');
  await toggle(page);
  const view = await viewFrame(page);
  await view.locator('#removed').click();
  const panel = view.locator('#lectern-removed');
  assert.equal(await panel.isVisible(), true);
  // Each removal in a reader's words: a repeat names the paragraph it repeats by its opening.
  assert.match(await panel.innerText(), /Repeats the paragraph that starts “Pakistan Prime Minister Imran Khan in an op-ed…”/);
  assert.match(await panel.innerText(), /Shortened copy of the paragraph that starts “In the past, Pakistan made a mistake by…”/);
  assert.match(await panel.innerText(), /Share buttons/);
  assert.doesNotMatch(await panel.innerText(), /boilerplate|duplicate of block|teaser of block/i);
  await panel.locator('li', { hasText: 'Repeats the paragraph that starts “At least 50' }).locator('button').click();
  const shown = view.locator('.lectern-removed:not([hidden])');
  assert.equal(await shown.count(), 1);
  assert.match(await shown.innerText(), /^Repeats the paragraph that starts “At least 50 districts have either fallen to…”\s+At least 50 districts/);
  await panel.locator('li', { hasText: 'Shortened copy' }).locator('button').click();
  assert.equal(await shown.count(), 2);
  assert.match(await shown.filter({ hasText: 'Shortened copy' }).innerText(), /\s+Imran Khan says “In the past/);
  await view.locator('#theme').selectOption('sepia');
  await view.locator('#larger').click();
  const stored = await suite.browser.worker.evaluate(() => chrome.storage.sync.get(['theme', 'size']));
  assert.deepEqual(stored, { theme: 'sepia', size: 21 });
  assert.equal(await view.evaluate(() => document.documentElement.dataset.theme), 'sepia');
  await suite.browser.worker.evaluate(() => chrome.storage.sync.remove(['theme', 'size']));
  await page.close();
});

test('options page: export and import settings as JSON, refusing a file that is not Lectern\'s', async () => {
  const extensionId = new URL(suite.browser.worker.url()).host;
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options/options.html`);
  await suite.browser.worker.evaluate(() => chrome.storage.sync.set({ theme: 'dark', width: 60 }));
  await page.reload();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.equal(exported.lectern, 1);
  assert.equal(exported.theme, 'dark');
  assert.equal(exported.width, 60);
  await page.locator('#import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"theme":"light"}') });
  await page.locator('#import-status').getByText(/not a Lectern settings file/).waitFor();
  const settings = { lectern: 1, theme: 'sepia', font: 'sans', size: 99, width: 70, sites: ['TOLOnews.com'] };
  await page.locator('#import').setInputFiles({ name: 'lectern.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(settings)) });
  await page.locator('#import-status').getByText(/Imported 1 site/).waitFor();
  const stored = await suite.browser.worker.evaluate(() => chrome.storage.sync.get(null));
  assert.deepEqual({ ...stored }, { theme: 'sepia', font: 'sans', size: 32, width: 70, highlight: true, sites: ['tolonews.com'] });
  await suite.browser.worker.evaluate(() => chrome.storage.sync.clear());
  await page.close();
});

test('restore path: the same DOM, scroll position and typed text after toggling twice', async () => {
  const page = await openPage('/news/tolonews_seed.html');
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'typed';
    document.body.prepend(input);
  });
  await page.fill('#typed', 'text the reader typed');
  await page.evaluate(() => { window.scrollTo(0, 400); window.originalBody = document.body; });
  const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: scrollY }));
  await toggle(page);
  assert.ok(await viewFrame(page));
  assert.equal(await page.evaluate(() => document.body === window.originalBody), false, 'the page is set aside while reading');
  await toggle(page);
  await page.waitForFunction(() => document.body === window.originalBody);
  const afterState = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: scrollY, typed: document.getElementById('typed').value }));
  assert.equal(afterState.html, before.html);
  assert.equal(afterState.y, before.y);
  assert.equal(afterState.typed, 'text the reader typed');
  assert.equal(await hasViewFrame(page), false);
  await page.close();
});

test('a hostile page that rewrites itself and styles everything cannot break the view', async () => {
  const page = await openPage('/extension/hostile_mutating.html');
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view);
  await page.waitForTimeout(600);
  assert.ok(await viewFrame(page, 1000), 'the view survives the page script');
  const box = await page.evaluate(() => document.body.getBoundingClientRect().toJSON());
  assert.ok(box.width > 500 && box.height > 500, `the view covers the page (${box.width}x${box.height})`);
  const paragraphs = await view.locator('.lectern-article > p').allInnerTexts();
  assert.equal(paragraphs.length, 5);
  assert.ok(!(await view.locator('main').innerText()).includes('Advertisement'));
  await page.close();
});

test('a page whose images and form fields shadow DOM properties by name opens and closes like any other', { timeout: 60_000 }, async () => {
  // The fixture's forms have fields named firstChild, nextSibling, nodeType…, which shadow those
  // properties of the form, in the content script's world too (its images named documentElement
  // and body shadow the document's properties only in the page's own world).
  const page = await openPage('/extension/clobbering_names.html');
  const markup = () => page.evaluate(() => document.querySelector('html').outerHTML);
  const before = await markup();
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view, 'the reading view opened');
  const paragraphs = await view.locator('.lectern-article > p').allInnerTexts();
  assert.equal(paragraphs.length, 5, 'all five paragraphs, including the one after the comment form');
  assert.match(paragraphs.at(-1), /^Freight sailings are not affected/);
  await toggle(page);
  await page.waitForFunction(() => document.querySelector('html > body > article') !== null);
  assert.equal(await hasViewFrame(page), false);
  assert.equal(await markup(), before);
  await page.close();
});

test('a page without an article gets a message and stays untouched', async () => {
  const page = await openPage('/news/list_page_no_article.html');
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await toggle(page);
  await page.locator('lectern-toast').getByText('Lectern found no article on this page.').waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => !document.querySelector('body[style]') || document.body.shadowRoot === null);
  const afterHtml = await page.evaluate(() => { document.querySelector('lectern-toast')?.remove(); return document.documentElement.outerHTML; });
  assert.equal(afterHtml, before);
  await page.close();
});

test('a right-to-left story reads right to left', async () => {
  const page = await openPage('/news/rtl_dari.html');
  await toggle(page);
  const view = await viewFrame(page);
  assert.equal(await view.locator('.lectern-article').getAttribute('dir'), 'rtl');
  assert.equal(await view.locator('.lectern-article > p').count(), 5);
  await page.close();
});

const cliText = (url) => execFileSync(join(root, 'target/release/lectern'), ['extract', join(root, 'tests/fixtures/news/tolonews_seed.html'), '--url', url], { encoding: 'utf8' });

// "Copy clean text" on the seed page's tab, as its menu item runs it (the menu click is scripted;
// the access it needs comes from the user's shortcut press on the tab before): the clipboard must
// hold what the CLI prints for the page.
async function assertMenuCopiesTheSeedStory(page) {
  const sentinel = markClipboard(suite.browser);
  const res = await suite.browser.worker.evaluate((t) => self.lectern.copy(t, 'text'), await tabId(suite.browser.worker, page.url()));
  assert.equal(res?.ok, true, JSON.stringify(res));
  assert.equal((await copiedText(suite.browser, sentinel)).text, cliText(page.url()));
}

test('copy path on a plain-http page: the clipboard holds the same text as the CLI prints', async () => {
  const page = await openPage('/news/tolonews_seed.html');
  await toggle(page);
  assert.ok(await viewFrame(page));
  await toggle(page);
  await page.waitForFunction(() => !document.querySelector('body > iframe') && document.body.shadowRoot === null);
  await assertMenuCopiesTheSeedStory(page);
});

test('the view\'s Copy button copies the article as text and as HTML', async () => {
  const page = await openPage('/news/tolonews_seed.html');
  await toggle(page);
  const view = await viewFrame(page);
  const sentinel = markClipboard(suite.browser);
  await view.locator('#copy').click();
  const { text, html } = await copiedText(suite.browser, sentinel);
  assert.equal(text, cliText(page.url()));
  assert.match(html, /<p>Pakistan Prime Minister Imran Khan/);
  await view.locator('#lectern-status', { hasText: 'Copied clean text' }).waitFor();
});

test('a link clicked in the view opens in the tab, not inside the view', async () => {
  const page = await openPage('/extension/article_links.html');
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view);
  const link = view.locator('.lectern-article a', { hasText: 'inspection report' });
  const target = await link.getAttribute('href');
  assert.equal(new URL(target).pathname, '/news/tolonews_seed.html');
  await Promise.all([page.waitForURL(target), link.click()]);
  assert.equal(page.url(), target, "the tab went to the link's page");
  assert.equal(await hasViewFrame(page), false, 'the view is gone with the page it was opened on');
  await page.close();
});

test('a link to a place in the article (footnote, contents) scrolls the view there; the tab stays', async () => {
  const page = await openPage('/extension/in_page_links.html');
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view);
  const address = page.url();
  const inView = (text) => view.evaluate((t) => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return el.textContent.includes(t) && box.top >= 0 && box.top < innerHeight;
  }, text);
  await view.locator('.lectern-article sup a', { hasText: '1' }).click();
  await view.waitForFunction(() => document.activeElement?.tagName === 'LI');
  assert.ok(await inView('100 MHz antenna'), 'the first note has the focus, on screen');
  await view.locator('.lectern-article li a', { hasText: '↑' }).first().click();
  await view.waitForFunction(() => document.activeElement?.tagName === 'P');
  assert.ok(await inView('Teams from four universities'), 'back at the paragraph that cites it');
  await view.locator('.lectern-article a', { hasText: 'What it found' }).click();
  await view.waitForFunction(() => /^H[2-6]$/.test(document.activeElement?.tagName));
  assert.ok(await inView('What it found'));
  assert.equal(page.url(), address, 'the tab did not navigate');
  assert.ok(await viewFrame(page, 1000), 'the view is still open');
});

test('keyboard: the article has the focus when the view opens, Escape closes it; the Quotes button counts as its panel', async () => {
  const page = await openPage('/quotes/de_nested.html');
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view);
  assert.equal(await view.evaluate(() => document.activeElement.id), 'lectern-root');
  const heading = await view.locator('#lectern-quotes h2').innerText();
  assert.equal(await view.locator('#quotes').innerText(), heading, 'the toolbar and the panel give one count');
  // The reader's Escape, through X to the view that has the focus (Playwright's own press would
  // wait on a frame that the key removes).
  pressKeys(suite.browser.display, 'Escape');
  for (const deadline = Date.now() + 5000; (await hasViewFrame(page)) && Date.now() < deadline;) await page.waitForTimeout(50);
  assert.equal(await hasViewFrame(page), false, 'Escape closed the view');
});

test('copy path while the view is open: the clipboard holds the article, not "no article"', async () => {
  const page = await openPage('/news/tolonews_seed.html');
  await toggle(page);
  assert.ok(await viewFrame(page));
  await assertMenuCopiesTheSeedStory(page);
  assert.equal(await hasViewFrame(page), true, 'the view still shows');
});

// The host access the user has granted, sorted.
const grantedOrigins = () => suite.browser.worker.evaluate(() => chrome.permissions.getAll().then((p) => p.origins.sort()));
// The options page's list, as the reader sees it.
const listedSites = (options) => options.locator('#sites li > span').allInnerTexts();

test('"Always clean this site" in the view: Chromium\'s prompt accepted, the site\'s pages open cleaned; removed, they no longer do', async () => {
  const options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
  try {
    const page = await openPage('/news/pull_quote.html');
    await toggle(page);
    const view = await viewFrame(page);
    assert.ok(view);
    assert.equal(await suite.browser.worker.evaluate((h) => chrome.permissions.contains({ origins: [`http://${h}/*`] }), HOST), false, 'no access before');
    await view.locator('#always').click();
    await acceptPermissionPrompt(suite.browser);
    await view.locator('#lectern-status', { hasText: `Pages on ${HOST} will open cleaned` }).waitFor();
    // The site and its subdomains, over http and https: what the manifest's optional patterns cover.
    assert.deepEqual(await grantedOrigins(), [`http://*.${HOST}/*`, `http://${HOST}/*`, `https://*.${HOST}/*`, `https://${HOST}/*`]);
    await options.reload();
    // The options page lists the sites once it has read them (asynchronously, after loading).
    await options.locator('#sites li > span', { hasText: HOST }).waitFor();
    assert.deepEqual(await listedSites(options), [HOST]);

    // A page of the site opens cleaned, with no click, over http and https.
    for (const origin of [suite.server.plain, suite.server.secure]) {
      const cleaned = await openPage('/news/cloned_container.html', origin);
      const opened = await viewFrame(cleaned);
      assert.ok(opened, `${origin}: the page opened cleaned`);
      assert.equal(await opened.locator('.lectern-article > p').count(), 7);
    }
    // A page of the site with no article stays as it is, without a message.
    const list = await openPage('/news/list_page_no_article.html');
    await list.waitForTimeout(1500);
    assert.equal(await hasViewFrame(list), false);
    assert.equal(await list.locator('lectern-toast').count(), 0);
    assert.equal(await list.evaluate(() => document.body.className), 'template-section section-world', 'the page\'s own body is back');

    // Access taken back in the browser's own settings (chrome://extensions, "Site access": each
    // entry removed, through the call its Remove button makes): the site's pages load as they
    // are, quietly, with no message.
    const settings = await suite.browser.context.newPage();
    await settings.goto('chrome://extensions');
    await settings.evaluate(async ([id, origins]) => {
      // Removing *.site also takes site itself: a later entry may be gone already.
      for (const origin of origins) await chrome.developerPrivate.removeHostPermission(id, origin).catch(() => {});
    }, [suite.browser.extensionId, await grantedOrigins()]);
    await settings.close();
    assert.deepEqual(await grantedOrigins(), [], 'no access left');
    const revoked = await openPage('/news/cloned_container.html');
    await revoked.waitForTimeout(1500);
    assert.equal(await hasViewFrame(revoked), false, 'not cleaned once the browser took the access back');
    assert.equal(await revoked.locator('lectern-toast').count(), 0, 'and nothing said');

    // The reader removes the site on the options page: its pages load as they are, its access goes.
    await options.bringToFront();
    await options.locator('#sites li > button').click();
    await options.locator('#sites li').waitFor({ state: 'detached' });
    const again = await openPage('/news/cloned_container.html');
    await again.waitForTimeout(1000);
    assert.equal(await hasViewFrame(again), false, 'no longer cleaned after removal');
    assert.deepEqual(await grantedOrigins(), []);
  } finally {
    await suite.browser.worker.evaluate((h) => self.lectern.sites.remove(h), HOST);
    await options.close();
  }
});

test('options page: "Add" asks through Chromium\'s prompt and lists the site only once it is allowed', async () => {
  // A site no other test asked for: Chromium does not ask again for access it was once given.
  const SITE = 'magazine.test';
  const options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
  try {
    assert.deepEqual(await grantedOrigins(), [], 'no access before');
    await options.locator('#pattern').fill(SITE);
    await options.locator('#add button[type="submit"]').click();
    assert.deepEqual(await listedSites(options), [], 'nothing listed while the prompt waits');
    await acceptPermissionPrompt(suite.browser);
    await options.locator('#sites li > span', { hasText: SITE }).waitFor();
    assert.equal(await options.locator('#error').isHidden(), true);
    assert.deepEqual(await grantedOrigins(), [`http://*.${SITE}/*`, `http://${SITE}/*`, `https://*.${SITE}/*`, `https://${SITE}/*`]);
  } finally {
    await suite.browser.worker.evaluate((h) => self.lectern.sites.remove(h), SITE);
    await options.close();
  }
});

// The Guardian story the issue was seen on: about six minutes of reading, one screen in the frame.
const LONG_STORY = '/corpus/guardian-1/source.html';

test('printing the tab while the view shows prints the whole article and nothing of the toolbar or panels', async () => {
  const page = await openPage(LONG_STORY);
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view);
  const paragraphs = await view.locator('.lectern-article > p').allInnerTexts();
  assert.ok(paragraphs.length >= 25, `${paragraphs.length} paragraphs`);
  // The print copy arrives from the view just after it is built.
  await page.waitForTimeout(500);
  const printed = await readPdf(await page.pdf({ format: 'A4' }));
  assertWholeArticlePrinted(printed, { title: await view.locator('.lectern-title').innerText(), paragraphs });
  // Printing over, the view covers the window again.
  const box = await page.evaluate(() => document.body.getBoundingClientRect().toJSON());
  assert.deepEqual([box.x, box.y, box.height], [0, 0, await page.evaluate(() => innerHeight)], 'the view is back on screen');
});

test('the view\'s Print button prints the tab (the print dialog opens on the article) and leaves the view as it was', async () => {
  const page = await openPage(LONG_STORY);
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view);
  await page.evaluate(() => {
    window.printEvents = [];
    addEventListener('beforeprint', () => window.printEvents.push(`before:${getComputedStyle(document.body).position}`));
    addEventListener('afterprint', () => window.printEvents.push(`after:${getComputedStyle(document.body).position}`));
  });
  await view.locator('#print').click();
  // Chromium's print dialog is browser UI, and the page waits while it is open (script inside it
  // does not answer): the reader closes it with Escape.
  const events = () => Promise.race([page.evaluate(() => window.printEvents.length), new Promise((r) => setTimeout(() => r(null), 1000))]);
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const seen = await events();
    if (seen >= 2) break;
    if (seen === null) pressKeys(suite.browser.display, 'Escape');
  }
  assert.deepEqual(await page.evaluate(() => window.printEvents), ['before:static', 'after:fixed'], 'laid out for paper while printing, then back');
  assert.ok(await viewFrame(page, 1000), 'the view still shows');
});

test('screenshots of the view: desktop and narrow, light and dark, the panels, right to left, a printed page (docs/)', async () => {
  assert.deepEqual(await suite.browser.worker.evaluate(() => self.lectern.sites.list()), [], 'no auto-clean left over');
  await mkdir(join(root, 'docs'), { recursive: true });
  const shots = [
    // [page, colour scheme, window width, what to open, file]
    ['/csp/tolonews_seed.html', 'light', 1100, null, 'screenshot-light.png'],
    ['/csp/tolonews_seed.html', 'light', 1100, '#quotes', 'screenshot-quotes.png'],
    ['/csp/tolonews_seed.html', 'light', 1100, '#removed', 'screenshot-removed.png'],
    ['/csp/tolonews_seed.html', 'dark', 1100, null, 'screenshot-dark.png'],
    ['/news/rtl_dari.html', 'light', 1100, null, 'screenshot-rtl.png'],
    ['/csp/tolonews_seed.html', 'light', 400, null, 'screenshot-narrow-light.png'],
    ['/corpus/wikipedia-2/source.html', 'dark', 400, null, 'screenshot-narrow-dark.png'],
  ];
  for (const [path, scheme, width, open, file] of shots) {
    const page = await suite.browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${suite.server.plain}${path}`);
    await toggle(page);
    const view = await viewFrame(page);
    assert.ok(view);
    if (open) await view.locator(open).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(root, 'docs', file) });
    await page.close();
  }
  // The first page of the Guardian story as the tab prints it while the view shows.
  const page = await openPage(LONG_STORY);
  await toggle(page);
  assert.ok(await viewFrame(page));
  await page.waitForTimeout(500);
  const pdf = join(tmpdir(), `lectern-print-${process.pid}.pdf`);
  await writeFile(pdf, await page.pdf({ format: 'A4' }));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(root, 'docs', 'screenshot-print')]);
  await rm(pdf, { force: true });
});
