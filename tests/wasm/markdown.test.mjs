// The Markdown Lectern writes (the view's "Copy" with Markdown ticked, "Copy clean text as
// Markdown", `lectern extract --format markdown`) is inert wherever it is pasted: rendered by
// CommonMark's reference renderer and by markdown-it, both passing raw HTML through as note apps
// and forums do, it gives only the elements and attributes Markdown itself makes, and only safe
// link and image addresses. Checked on every corpus page and every hostile page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlRenderer, Parser } from 'commonmark';
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';
import { CORPUS, corpusPageNames } from '../e2e/harness.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const glue = await import(new URL('../../extension/pkg/lectern.js', import.meta.url));
glue.initSync({ module: await readFile(new URL('../../extension/pkg/lectern_bg.wasm', import.meta.url)) });

// What Markdown makes, and the attributes it gives each element.
const MARKDOWN_ELEMENTS = {
  p: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], em: [], strong: [], code: ['class'], pre: [],
  blockquote: [], ul: [], ol: ['start'], li: [], a: ['href', 'title'], img: ['src', 'alt', 'title'], hr: [], br: [],
  table: [], thead: [], tbody: [], tr: [], th: ['style'], td: ['style'],
};
const SAFE_ADDRESS = /^(https?:|mailto:|#|\/|\.|[^:]*$|data:image\/(png|jpe?g|gif|webp|avif)[;,])/i;

const renderers = {
  commonmark: (md) => new HtmlRenderer({ safe: false }).render(new Parser().parse(md)),
  'markdown-it': (md) => new MarkdownIt({ html: true }).render(md),
};

// Every way the rendered HTML holds something Markdown does not make.
function activeMarkup(html) {
  const found = [];
  const walk = (node) => {
    if (node.nodeName === '#comment') found.push(`comment ${JSON.stringify(node.data.slice(0, 40))}`);
    if (node.tagName) {
      const allowed = MARKDOWN_ELEMENTS[node.tagName];
      if (!allowed) found.push(`<${node.tagName}>`);
      for (const { name, value } of node.attrs ?? []) {
        if (!allowed?.includes(name)) found.push(`${name} on <${node.tagName}>`);
        if ((name === 'href' || name === 'src') && !SAFE_ADDRESS.test(value.trim())) found.push(`${name}=${JSON.stringify(value.slice(0, 60))}`);
        if (name === 'class' && !/^language-[\w+#.-]*$/.test(value)) found.push(`class=${JSON.stringify(value)}`);
      }
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parseFragment(html));
  return found;
}

async function pages() {
  const out = [];
  for (const name of await corpusPageNames()) {
    out.push({ name: `corpus/${name}`, html: await readFile(join(CORPUS, name, 'source.html'), 'utf8'), url: 'http://fakehost/test/page.html' });
  }
  const hostile = join(root, 'tests/fixtures/hostile');
  for (const file of (await readdir(hostile)).filter((f) => f.endsWith('.html')).sort()) {
    out.push({ name: `hostile/${file}`, html: await readFile(join(hostile, file), 'utf8'), url: 'https://news.example/story.html' });
  }
  return out;
}

test('the Markdown of every corpus page and hostile page renders to Markdown\'s own elements only', async () => {
  const failures = [];
  let rendered = 0;
  for (const page of await pages()) {
    let markdown;
    try {
      const article = glue.extract(page.html, page.url);
      markdown = article.markdown;
      article.free();
    } catch (e) {
      if (e.name === 'NoArticle') continue;
      throw e;
    }
    for (const [renderer, render] of Object.entries(renderers)) {
      const found = activeMarkup(render(markdown));
      if (found.length) failures.push(`${page.name} (${renderer}): ${found.join(', ')}`);
    }
    rendered += 1;
  }
  assert.ok(rendered > 100, `only ${rendered} pages rendered`);
  assert.deepEqual(failures, [], `${failures.length} renderings carry active markup:\n${failures.join('\n')}`);
});

test('the hostile Markdown page keeps its prose, code and links as text and safe addresses', async () => {
  const html = await readFile(join(root, 'tests/fixtures/hostile/markdown_vectors.html'), 'utf8');
  const article = glue.extract(html, 'https://news.example/story.html');
  const text = renderers.commonmark(article.markdown);
  for (const kept of ['the operator said', 'unlocks the rebooking page', 'ferry --depart 06:30', 'Crews will be on hand', 'all stay text in the story', 'glad the operator listened', 'with a laugh']) {
    assert.ok(text.includes(kept), `"${kept}" is in the rendered Markdown`);
  }
  // Markup-looking text reads as the text it was.
  assert.ok(text.includes('&lt;img src=x onerror=alert(7)&gt;'), 'escaped markup stays visible text');
});
