// Hostile pages in Chromium, and pages that try to reach Lectern: every page of
// tests/fixtures/hostile/ opened in the reading view, its view and its clipboard (text, HTML and
// Markdown) holding no active markup and every paragraph the page's NAME.expect.json lists; a page
// cannot tell Lectern is installed by fetching the view's URL, and a page that frames the view
// with a made-up nonce cannot close the reader's view or read another tab's page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';
import { HTML_ELEMENTS, MARKDOWN_ELEMENTS, VIEW_ELEMENTS, activeMarkup, parsedElements } from './markup.mjs';
import { viewFrame, root } from './harness.mjs';
import { chromiumSuite } from './suite.mjs';

// https: the test reads the clipboard through the page's Clipboard API, which needs a secure context.
const suite = chromiumSuite({ origin: 'secure' });
const { openPage, toggle } = suite;

const check = (html, allowed) => activeMarkup(parsedElements(parseFragment(html)), allowed);

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

// The text of a parse5 tree, as a reader of the pasted HTML sees it.
const textOf = (node) => (node.nodeName === '#text' ? node.value : (node.childNodes ?? []).map(textOf).join(' '));

async function hostilePages() {
  const dir = join(root, 'tests/fixtures/hostile');
  const names = (await readdir(dir)).filter((f) => f.endsWith('.expect.json')).map((f) => f.slice(0, -'.expect.json'.length)).sort();
  assert.ok(names.length >= 3, `only ${names.length} hostile pages`);
  return Promise.all(names.map(async (name) => ({ name, expect: JSON.parse(await readFile(join(dir, `${name}.expect.json`), 'utf8')) })));
}

test('hostile pages: the view and the clipboard hold no active markup and every paragraph', async () => {
  await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.secure });
  for (const { name, expect } of await hostilePages()) {
    const page = await openPage(`/hostile/${name}.html`);
    await page.bringToFront();
    await toggle(page);
    const view = await viewFrame(page);
    assert.ok(view, `${name}: the view opened`);
    // The part of the view the Rust core builds: the article, the header and both panels.
    const built = await view.evaluate(() => document.getElementById('lectern-root').innerHTML);
    assert.deepEqual(check(built, VIEW_ELEMENTS), [], `${name}: active markup in the view`);
    const shown = collapse(await view.locator('.lectern-article').innerText());
    for (const paragraph of [...expect.paragraphs, ...(expect.captions ?? [])]) assert.ok(shown.includes(collapse(paragraph)), `${name}: the view shows "${paragraph}"`);

    const read = () => page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const text = async (type) => (item.types.includes(type) ? (await item.getType(type)).text() : null);
      return { text: await text('text/plain'), html: await text('text/html') };
    });
    await view.locator('#copy').click();
    await view.locator('#lectern-status').getByText('Copied clean text').waitFor();
    const clip = await read();
    assert.deepEqual(check(clip.html, HTML_ELEMENTS), [], `${name}: active markup in the clipboard's HTML`);
    for (const paragraph of expect.paragraphs) assert.ok(collapse(clip.text).includes(collapse(paragraph)), `${name}: the copied text holds "${paragraph}"`);
    // A caption stays with its picture: in the copied HTML, not in the plain text.
    const htmlText = collapse(textOf(parseFragment(clip.html)));
    for (const caption of expect.captions ?? []) {
      assert.ok(htmlText.includes(collapse(caption)), `${name}: the copied HTML holds "${caption}"`);
      assert.ok(!collapse(clip.text).includes(collapse(caption)), `${name}: the copied text leaves out the caption "${caption}"`);
    }

    await view.locator('#copy-markdown').check();
    await view.locator('#copy').click();
    await view.locator('#lectern-status').getByText('Copied as Markdown').waitFor();
    const markdown = (await read()).text;
    const rendered = new MarkdownIt({ html: true }).render(markdown);
    assert.deepEqual(check(rendered, MARKDOWN_ELEMENTS), [], `${name}: active markup in the copied Markdown, rendered`);
    await page.close();
  }
});

test('a page cannot load the view from the extension\'s fixed address; Lectern still opens it', async () => {
  const page = await openPage('/news/tolonews_seed.html');
  const extensionId = new URL(suite.browser.worker.url()).host;
  const fixed = `chrome-extension://${extensionId}/view/view.html`;
  const probe = await page.evaluate((url) => fetch(url).then((r) => `status ${r.status}`, (e) => `refused: ${e.message}`), fixed);
  assert.match(probe, /^refused/, `a web page fetching ${fixed}`);
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
  }, fixed);
  await page.waitForTimeout(500);
  assert.ok(!page.frames().some((f) => f.url().startsWith(fixed)), 'a frame the page makes at the fixed address does not load the view');
  // Lectern frames the view at the session's address (use_dynamic_url), which the browser maps
  // to the extension's origin once loaded; copying from it works there (the clipboard is
  // delegated to both).
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view, 'the view opens');
});

test('a page that frames the view with a made-up nonce gets no page and cannot close the reader\'s view', async () => {
  const page = await openPage('/news/tolonews_seed.html');
  await toggle(page);
  const view = await viewFrame(page);
  assert.ok(view);
  const other = await openPage('/news/rtl_dari.html');
  await toggle(other);
  const otherView = await viewFrame(other);
  assert.ok(otherView);
  // Should a page learn the view's session address, framing it with a nonce it made up, or with
  // the nonce of another tab's view, gets it no page, and the readers' views stay.
  const viewUrl = new URL(view.url());
  const otherNonce = new URL(otherView.url()).hash;
  for (const hash of ['#made-up', otherNonce]) {
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.documentElement.append(frame);
    }, `${viewUrl.origin}${viewUrl.pathname}${hash}`);
  }
  await page.waitForTimeout(1500);
  const rogue = page.frames().filter((f) => f !== view && f !== page.mainFrame());
  assert.equal(rogue.length, 2, 'both frames are there');
  for (const frame of rogue) assert.equal(await frame.locator('.lectern-article').count(), 0, `${frame.url()} shows no article`);
  assert.equal(await view.locator('.lectern-article > p').count(), 10, "the reader's view is still open");
  assert.equal(await otherView.locator('.lectern-article').count(), 1, "the other tab's view is still open");
});
