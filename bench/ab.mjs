// A/B comparison of two wasm builds of Lectern, for tuning: both builds are loaded into the same
// headless Chromium, each in its own page, and timed alternately on every corpus page, so machine
// noise hits both sides alike. Prints the median ratio B/A over the pages and the summed times;
// with READABILITY=1 also each side's ratio against Readability.js.
//
//   wasm-pack build --release --target web --out-name lectern --no-typescript --no-pack \
//       --mode no-install --out-dir /tmp/lectern-a .      # the baseline, before a change
//   (make the change, build again into /tmp/lectern-b)
//   node bench/ab.mjs /tmp/lectern-a /tmp/lectern-b [page names…]
//
// Both builds are fed by the walker in extension/content/snapshot.js, so both must read its
// snapshot format; a build that cannot stops the run with its error. To compare walkers, put a
// `snapshot.js` into a build directory: that side loads it instead.
//
// Environment: RUNS (timed runs per page per round, default 5), VERBOSE=1 (a line per page).
// Not part of the tests and makes no claims: it only tells whether a change helped.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveFiles, corpusRoute, corpusPageNames, CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const [dirA, dirB, ...only] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/ab.mjs BUILD_DIR_A BUILD_DIR_B [page names…]  (see the comment at the top)');
  process.exit(2);
}
const RUNS = Number(process.env.RUNS ?? 5);
const withReadability = Boolean(process.env.READABILITY);
const builds = { a: resolve(dirA), b: resolve(dirB) };

const pageFor = (side) => `<!DOCTYPE html><meta charset="utf-8">
<script src="/readability/Readability.js"></script>
<script src="${existsSync(join(builds[side], 'snapshot.js')) ? `/build/${side}/snapshot.js` : '/snapshot.js'}"></script>
<script type="module">
  import init, { extract } from '/build/${side}/lectern.js';
  await init();
  let sink = 0;
  // Median of RUNS timings; each timing repeats the operation for at least 10 ms (the timer ticks
  // in 0.1 ms steps).
  window.time = async (name, runs, which) => {
    const text = await (await fetch('/corpus/' + name + '/source.html')).text();
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const url = 'http://fakehost/test/page.html';
    const f = which === 'readability'
      ? () => new Readability(doc.cloneNode(true)).parse()
      // The article's HTML and text are read, as browser.mjs does (what Readability.js hands
      // over); with a build whose extract() returns a plain object they are property reads.
      // A page without an article is a result; any other error (a build whose snapshot format
      // is not the walker's reads as EmptyInput) would make the timings meaningless.
      : () => {
          try {
            const article = extract(lecternSnapshot(doc), url);
            sink = article.html.length + article.text.length;
            article.free?.();
          } catch (e) { if (e.name !== 'NoArticle') throw e; }
        };
    for (let i = 0; i < 3; i++) f();
    const xs = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      let k = 0;
      do { f(); k++; } while (performance.now() - t < 10);
      xs.push((performance.now() - t) / k);
    }
    xs.sort((a, b) => a - b);
    return xs[xs.length >> 1];
  };
  window.ready = true;
</script>`;

const server = await serveFiles((path) => {
  const side = path.match(/^\/(a|b)\.html$/)?.[1];
  if (side) return { html: pageFor(side) };
  const build = path.match(/^\/build\/(a|b)\/(.+)$/);
  if (build) return join(builds[build[1]], build[2]);
  return corpusRoute(path);
});
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const open = async (side) => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/${side}.html`);
  await page.waitForFunction(() => window.ready);
  return page;
};
const pages = { a: await open('a'), b: await open('b') };
const time = (side, name, which) => pages[side].evaluate(([n, r, w]) => window.time(n, r, w), [name, RUNS, which]);

const names = only.length ? only : await corpusPageNames();
// Warm-up: the engine compiles wasm in tiers; the first page must not pay for that on one side only.
for (const side of ['a', 'b']) for (const name of names.slice(0, 3)) await time(side, name, 'lectern');
const rows = [];
for (const name of names) {
  const a = [], b = [], r = [];
  // Two rounds, A then B then A then B; the best of each side damps one-off stalls (GC, scheduler).
  for (let round = 0; round < 2; round++) {
    a.push(await time('a', name, 'lectern'));
    b.push(await time('b', name, 'lectern'));
    if (withReadability) r.push(await time('a', name, 'readability'));
  }
  const row = { name, a: Math.min(...a), b: Math.min(...b), r: withReadability ? Math.min(...r) : NaN };
  rows.push(row);
  if (process.env.VERBOSE) {
    const vsR = withReadability ? `  Readability.js ${row.r.toFixed(3)}  B/R ${(row.b / row.r).toFixed(2)}` : '';
    console.log(`${name.padEnd(40)} A ${row.a.toFixed(3)}  B ${row.b.toFixed(3)} ms  B/A ${(row.b / row.a).toFixed(2)}${vsR}`);
  }
}
await browser.close();
await server.close();

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[s.length >> 1]; };
const sum = (key) => rows.reduce((s, r) => s + r[key], 0).toFixed(1);
console.log(`${rows.length} pages: median B/A ${median(rows.map((r) => r.b / r.a)).toFixed(3)}; total A ${sum('a')} ms, B ${sum('b')} ms`);
if (withReadability) {
  const slower = (k) => rows.filter((r) => r[k] > r.r).length;
  console.log(`against Readability.js: median A/R ${median(rows.map((r) => r.a / r.r)).toFixed(3)} (${slower('a')} slower), B/R ${median(rows.map((r) => r.b / r.r)).toFixed(3)} (${slower('b')} slower)`);
}
