// The content script's DOM walker (extension/content/snapshot.js) in Chromium: for every corpus
// page and news fixture, the article extracted from its snapshot equals the article extracted from
// the page's HTML. Pages are parsed with DOMParser (scripting off, as the HTML route assumes); a
// second test loads a fixture as a live page, where <noscript> content is raw text; a third, a page
// whose named elements shadow the DOM properties the walker reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root, serveFiles, corpusRoute, corpusPageNames, CORPUS, CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';

const PAGE = `<!DOCTYPE html><meta charset="utf-8"><script src="/snapshot.js"></script><script type="module">
  import init, { extract } from '/pkg/lectern.js';
  await init();
  const url = 'http://fakehost/test/page.html';
  const summary = (f) => { try { const a = f().toJSON(); delete a.stats.elapsed_ms; return JSON.stringify(a); } catch (e) { return 'error ' + e.name + ': ' + e.message; } };
  window.compare = async (path) => {
    const doc = new DOMParser().parseFromString(await (await fetch(path)).text(), 'text/html');
    return { html: summary(() => extract(doc.documentElement.outerHTML, url)), dom: summary(() => extract(lecternSnapshot(doc), url)) };
  };
  window.ready = true;
</script>`;

let server, browser;
before(async () => {
  server = await serveFiles((path) => {
    if (path === '/') return { html: PAGE };
    if (path.startsWith('/pkg/')) return join(root, 'extension', path);
    if (path.startsWith('/fixtures/')) return join(root, 'tests/fixtures', path.slice('/fixtures/'.length));
    return corpusRoute(path);
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the DOM snapshot gives the same article as the HTML on every corpus page and news fixture', async () => {
  const pages = (await corpusPageNames()).map((name) => `/corpus/${name}/source.html`);
  const news = (await readdir(join(root, 'tests/fixtures/news'))).filter((f) => f.endsWith('.html')).map((f) => `/fixtures/news/${f}`);
  assert.ok(pages.length > 100, `corpus missing at ${CORPUS} (set LECTERN_CORPUS)`);
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => window.ready);
  const differ = [];
  for (const path of [...pages, ...news]) {
    const { html, dom } = await page.evaluate((p) => window.compare(p), path);
    if (html !== dom) differ.push(`${path}: ${html.slice(0, 80)} | ${dom.slice(0, 80)}`);
  }
  assert.deepEqual(differ, []);
});

// A fixture opened as a live page (scripting on), with the walker and the wasm module's `extract`
// (as window.lecternExtract) loaded into it.
async function livePage(path) {
  const page = await browser.newPage();
  await page.goto(`${server.origin}${path}`);
  await page.addScriptTag({ url: '/snapshot.js' });
  await page.evaluate(async () => {
    const { default: init, extract } = await import('/pkg/lectern.js');
    await init();
    window.lecternExtract = extract;
  });
  return page;
}

test('in a live page, <noscript> images (raw text there) still reach the article', async () => {
  const page = await livePage('/fixtures/news/lazy_images.html');
  const result = await page.evaluate(async () => {
    const extract = window.lecternExtract;
    const fromDom = extract(lecternSnapshot(document), location.href);
    const fromHtml = extract(await (await fetch(location.href)).text(), location.href);
    return { noscriptIsText: [...document.querySelectorAll('noscript')].some((n) => n.firstChild?.nodeType === 3), dom: fromDom.html, html: fromHtml.html };
  });
  assert.ok(result.noscriptIsText, 'the fixture has a <noscript> whose content the live page keeps as text');
  assert.equal(result.dom, result.html);
});

test('a page whose images and form fields shadow DOM properties by name is read whole, live or parsed', { timeout: 60_000 }, async () => {
  const page = await livePage('/fixtures/extension/clobbering_names.html');
  const result = await page.evaluate(async () => {
    const article = (input) => { const a = window.lecternExtract(input, location.href).toJSON(); delete a.stats.elapsed_ms; return JSON.stringify(a); };
    const html = await (await fetch(location.href)).text();
    return {
      shadowed: String(document.documentElement),
      live: article(lecternSnapshot(document)),
      parsed: article(lecternSnapshot(new DOMParser().parseFromString(html, 'text/html'))),
      html: article(html),
    };
  });
  assert.equal(result.shadowed, '[object HTMLImageElement]', "the fixture's <img name=documentElement> shadows the document's property");
  assert.equal(result.live, result.html);
  assert.equal(result.parsed, result.html);
  assert.match(result.html, /Freight sailings are not affected/);
});
