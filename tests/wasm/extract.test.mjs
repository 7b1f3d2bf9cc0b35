// The wasm module as the extension loads it (the --target web glue), run under Node: the same
// extraction as the CLI, and errors thrown with a name the extension can act on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const glue = await import(new URL('../../extension/pkg/lectern.js', import.meta.url));
glue.initSync({ module: await readFile(new URL('../../extension/pkg/lectern_bg.wasm', import.meta.url)) });

const seedPath = `${root}tests/fixtures/news/tolonews_seed.html`;
const seedUrl = 'https://tolonews.com/afghanistan-173116';

test('wasm extract gives the same text and blocks as the native CLI', async () => {
  const html = await readFile(seedPath, 'utf8');
  const article = glue.extract(html, seedUrl);
  const cli = JSON.parse(execFileSync(`${root}target/release/lectern`, ['extract', seedPath, '--url', seedUrl, '--format', 'json']));
  assert.equal(article.title, 'Khan Says Taliban Cannot Win Over the Whole of Afghanistan');
  assert.equal(article.text, cli.text);
  assert.equal(article.html, cli.html);
  assert.deepEqual(article.blocks, cli.blocks);
  assert.equal(article.blocks.length, 10);
});

test('the wasm Article is the CLI JSON object: toJSON(), JSON.stringify and each property agree', async () => {
  const html = await readFile(seedPath, 'utf8');
  const article = glue.extract(html, seedUrl);
  const cli = JSON.parse(execFileSync(`${root}target/release/lectern`, ['extract', seedPath, '--url', seedUrl, '--format', 'json']));
  const whole = JSON.parse(JSON.stringify(article));
  for (const a of [whole, cli]) delete a.stats.elapsed_ms;
  assert.deepEqual(whole, cli);
  assert.deepEqual(Object.keys(whole), Object.keys(cli));
  for (const key of Object.keys(cli)) {
    if (key !== 'stats') assert.deepEqual(article[key] ?? null, cli[key], `property ${key}`);
  }
  assert.equal(article.quotes.length, 4);
  assert.ok(article.quotes.every((q) => q.speaker === 'Imran Khan'));
  article.free();
  assert.throws(() => article.title, 'a freed Article cannot be read');
});

test('wasm extract resolves relative URLs with the platform URL parser', () => {
  const html = '<html><body><article><h1>T</h1>' +
    '<p>' + 'A paragraph long enough to be an article, with some words in it. '.repeat(12) + '<a href="../other/page.html">a link</a></p>' +
    '<p><img src="/img/photo.jpg" alt="photo"></p></article></body></html>';
  const article = glue.extract(html, 'https://example.org/news/story/index.html');
  assert.match(article.html, /href="https:\/\/example\.org\/news\/other\/page\.html"/);
  assert.match(article.html, /src="https:\/\/example\.org\/img\/photo\.jpg"/);
});

test('wasm extract throws named errors for empty input and pages without an article', async () => {
  assert.throws(() => glue.extract('   ', null), (e) => e.name === 'EmptyInput' && /empty/.test(e.message));
  const list = await readFile(`${root}tests/fixtures/news/list_page_no_article.html`, 'utf8');
  assert.throws(() => glue.extract(list, null), (e) => e.name === 'NoArticle' && /headlines/.test(e.message));
  assert.throws(() => glue.extract('<p>x</p>', 'not a url'), (e) => e.name === 'InvalidUrl');
});

test('readingView gives the view everything it shows and copies, as plain data', async () => {
  const html = await readFile(seedPath, 'utf8');
  const article = glue.extract(html, seedUrl);
  const view = glue.readingView(html, seedUrl);
  assert.equal(view.title, article.title);
  // What Copy writes is what the Article renders.
  assert.equal(view.text, article.text);
  assert.equal(view.markdown, article.markdown);
  assert.equal(view.html, article.html);
  // The article with its four quotations marked, each by its speaker, and the panels apart.
  assert.equal(view.quoteCount, 4);
  assert.equal((view.readingHtml.match(/<mark class="lectern-quote"[^>]*data-speaker="Imran Khan"/g) ?? []).length, 4);
  assert.match(view.readingHtml, /^<header class="lectern-header"/);
  assert.doesNotMatch(view.readingHtml, /id="lectern-quotes"/);
  assert.match(view.panelsHtml, /id="lectern-quotes"[\s\S]*id="lectern-removed"/);
  assert.equal(view.removedCount, article.removed.length);
  assert.ok(view.removedCount > 0, 'the seed page repeats its story');
  // "Always clean this site" adds the page's host.
  assert.equal(view.site.pattern, 'tolonews.com');
  assert.deepEqual(view.site, glue.parseSite('tolonews.com'));
  assert.equal(glue.readingView(html, null).site, null);
  assert.throws(() => glue.readingView('   ', seedUrl), (e) => e.name === 'EmptyInput');
});
