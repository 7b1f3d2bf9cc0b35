// Browser benchmark: Lectern's wasm against Readability.js, in the same Chromium page and run.
// For each page of the Readability.js test corpus, alternately times
//   (a) Lectern: snapshot the document (content/snapshot.js, as the content script does),
//       extract the Article and read its HTML and text; separately, reading the whole Article
//       (toJSON), the time to the reading view's DOM (readingView, then the view's parse), and the
//       time from outerHTML (the route the CLI's HTML input takes);
//   (b) Readability.js: clone the document, parse the clone (as Reader View does) and read the
//       result's content and textContent.
// Median of several runs after a warm-up; writes docs/bench-browser.md and docs/bench-browser.svg.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { root, serveFiles, corpusRoute, corpusPageNames, CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const WARMUP = 2;

const BENCH_PAGE = `<!DOCTYPE html><meta charset="utf-8"><title>bench</title>
<script src="/readability/Readability.js"></script>
<script src="/snapshot.js"></script>
<script type="module">
  import init, { extract, readingView } from '/pkg/lectern.js';
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  window.cold = async () => {
    const bytes = await (await fetch('/pkg/lectern_bg.wasm')).arrayBuffer();
    const t0 = performance.now();
    await init({ module_or_path: bytes });
    return performance.now() - t0;
  };
  window.measure = async (name, runs, warmup) => {
    const text = await (await fetch('/corpus/' + name + '/source.html')).text();
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const url = 'http://fakehost/test/page.html';
    const lectern = [], whole = [], view = [], fromHtml = [], readability = [];
    let found = true;
    // What Readability.js hands over is its article as HTML (content) and as text (textContent):
    // Lectern's time includes reading the same two from its Article, whose other properties stay
    // in wasm memory until read. "whole" converts all of them (toJSON()), for comparison.
    let sink = 0;
    const read = (article) => { sink = article.html.length + article.text.length; article.free(); };
    const runLectern = () => { try { read(extract(lecternSnapshot(doc), url)); } catch { found = false; } };
    const runWhole = () => { try { const a = extract(lecternSnapshot(doc), url); sink = a.toJSON(); a.free(); } catch {} };
    // As the extension makes a view: the service worker's readingView, then the view's parse.
    const runView = () => {
      try {
        const made = readingView(lecternSnapshot(doc), url);
        sink = new DOMParser().parseFromString('<body>' + made.readingHtml, 'text/html').body.childNodes.length;
      } catch {}
    };
    const runFromHtml = () => { try { read(extract(doc.documentElement.outerHTML, url)); } catch {} };
    const runReadability = () => { const r = new Readability(doc.cloneNode(true)).parse(); sink = r && r.content.length + r.textContent.length; };
    // Timers here tick in 0.1 ms steps: small pages repeat each operation enough to take ~3 ms.
    const once = (f) => { const t = performance.now(); f(); return performance.now() - t; };
    for (let i = 0; i < warmup; i++) { runLectern(); runWhole(); runView(); runFromHtml(); runReadability(); }
    const slowest = Math.max(once(runLectern), once(runReadability), 0.02);
    const reps = Math.max(1, Math.ceil(3 / slowest));
    const timed = (f) => { const t = performance.now(); for (let k = 0; k < reps; k++) f(); return (performance.now() - t) / reps; };
    // The headline pair alternates on its own: interleaving the other variants between them made
    // Readability.js's runs pay for collecting their garbage (its total read 12 to 18% higher).
    for (let i = 0; i < runs; i++) {
      lectern.push(timed(runLectern));
      readability.push(timed(runReadability));
    }
    for (let i = 0; i < runs; i++) {
      whole.push(timed(runWhole));
      view.push(timed(runView));
      fromHtml.push(timed(runFromHtml));
    }
    return { name, bytes: text.length, found, lectern: median(lectern), whole: median(whole), view: median(view), fromHtml: median(fromHtml), readability: median(readability) };
  };
  window.ready = true;
</script>`;

const server = await serveFiles((path) => {
  if (path === '/bench.html') return { html: BENCH_PAGE };
  if (path.startsWith('/pkg/')) return join(root, 'extension', path);
  return corpusRoute(path);
});
const origin = server.origin;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

const coldRuns = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage();
  await page.goto(`${origin}/bench.html`);
  await page.waitForFunction(() => window.ready);
  coldRuns.push(await page.evaluate(() => window.cold()));
  await page.close();
}
const cold = [...coldRuns].sort((a, b) => a - b)[2];

const page = await browser.newPage();
await page.goto(`${origin}/bench.html`);
await page.waitForFunction(() => window.ready);
await page.evaluate(() => window.cold());
const names = await corpusPageNames();
// Warm-up for both sides before anything is timed: otherwise the first page measured pays for V8
// compiling and optimising Readability.js, the walker and the glue (page 001 read 4 to 6 ms on
// either side instead of about 1 ms).
for (const name of names.slice(0, 5)) await page.evaluate(([n, r, w]) => window.measure(n, r, w), [name, 1, WARMUP]);
const rows = [];
for (const name of names) {
  rows.push(await page.evaluate(([n, r, w]) => window.measure(n, r, w), [name, RUNS, WARMUP]));
  process.stderr.write('.');
}
process.stderr.write('\n');
await browser.close();
await server.close();

for (const r of rows) {
  r.ratio = r.lectern / r.readability;
  r.htmlRatio = r.fromHtml / r.readability;
  r.wholeRatio = r.whole / r.readability;
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const medianRatio = median(rows.map((r) => r.ratio));
const slower = rows.filter((r) => r.ratio > 1);
const wasm = await readFile(join(root, 'extension/pkg/lectern_bg.wasm'));
const glue = await readFile(join(root, 'extension/pkg/lectern.js'));
let cpu = 'unknown CPU';
try { cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim(); } catch {}
const chromeVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();

const fmt = (x) => x.toFixed(2);
let md = `# Browser benchmark: Lectern (wasm) vs Readability.js\n\n`;
md += `One run, ${new Date().toISOString().slice(0, 10)}, ${cpu} (${(await import('node:os')).cpus().length} cores), ${chromeVersion} headless. `;
md += `${rows.length} pages of the Readability.js test corpus; median of ${RUNS} alternating runs after ${WARMUP} warm-up runs (operations faster than 3 ms are repeated within a run and averaged, as the browser's timer ticks in 0.1 ms steps).\n\n`;
md += `- **Median ratio Lectern / Readability.js: ${fmt(medianRatio)}** (below 1 means Lectern is faster)\n`;
md += `- Pages where Lectern is slower: ${slower.length}${slower.length ? ` (${slower.map((r) => r.name).join(', ')})` : ''}\n`;
md += `- Reading the whole Article into JavaScript (\`toJSON()\`: every block, quotation and removal) instead of its HTML and text: median ratio ${fmt(median(rows.map((r) => r.wholeRatio)))}, ${rows.filter((r) => r.wholeRatio > 1).length} pages slower\n`;
md += `- From outerHTML instead of the DOM snapshot (the HTML route): median ratio ${fmt(median(rows.map((r) => r.htmlRatio)))}, ${rows.filter((r) => r.htmlRatio > 1).length} pages slower\n`;
md += `- Cold wasm instantiation: ${fmt(cold)} ms (median of 5 fresh pages)\n`;
md += `- Module size: wasm ${(wasm.length / 1024).toFixed(0)} KB raw, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gzipped; JS glue ${(glue.length / 1024).toFixed(1)} KB raw, ${(gzipSync(glue, { level: 9 }).length / 1024).toFixed(1)} KB gzipped\n\n`;
md += `Lectern's time includes walking the document into a snapshot (extension/content/snapshot.js, as the content script does), extracting, and reading the article's HTML and text into JavaScript (the rest of the Article stays in wasm memory until read); Readability.js's includes cloning the document (as Reader View does), parsing, and reading its result's \`content\` and \`textContent\`. "Whole" reads every property of the Article (\`toJSON()\`). "View" is the time from the document to the reading view's DOM (snapshot, extraction, \`readingView\`'s HTML and copy renderings, and the view's parse of the article's HTML). "From HTML" is the time from \`outerHTML\` through html5ever instead, the route the CLI's input takes.\n\n`;
md += `![ratio per page](bench-browser.svg)\n\n| page | KB | Lectern ms | whole ms | view ms | from HTML ms | Readability.js ms | ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|\n`;
for (const r of rows) md += `| ${r.name} | ${(r.bytes / 1024).toFixed(0)} | ${fmt(r.lectern)} | ${fmt(r.whole)} | ${fmt(r.view)} | ${fmt(r.fromHtml)} | ${fmt(r.readability)} | ${fmt(r.ratio)} |\n`;
await mkdir(join(root, 'docs'), { recursive: true });
await writeFile(join(root, 'docs/bench-browser.md'), md);

// Plot: one bar per page, ratio on a log scale, 1.0 marked.
const W = 900, H = 360, pad = 40;
const sorted = [...rows].sort((a, b) => a.ratio - b.ratio);
const lo = Math.log10(Math.min(0.05, ...sorted.map((r) => r.ratio)));
const hi = Math.log10(Math.max(2, ...sorted.map((r) => r.ratio)));
const y = (v) => H - pad - ((Math.log10(v) - lo) / (hi - lo)) * (H - 2 * pad);
const bw = (W - 2 * pad) / sorted.length;
let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`;
svg += `<rect width="${W}" height="${H}" fill="#fff"/>`;
svg += `<text x="${pad}" y="20">Lectern time / Readability.js time per page (log scale; below the line = Lectern faster), median ${fmt(medianRatio)}</text>`;
for (const v of [0.05, 0.1, 0.2, 0.5, 1, 2]) {
  if (Math.log10(v) < lo || Math.log10(v) > hi) continue;
  svg += `<line x1="${pad}" x2="${W - pad}" y1="${y(v)}" y2="${y(v)}" stroke="${v === 1 ? '#c00' : '#ddd'}"/><text x="4" y="${y(v) + 4}">${v}</text>`;
}
sorted.forEach((r, i) => {
  svg += `<rect x="${pad + i * bw}" y="${y(r.ratio)}" width="${Math.max(1, bw - 1)}" height="${Math.max(1, H - pad - y(r.ratio))}" fill="${r.ratio > 1 ? '#c0392b' : '#2e86c1'}"><title>${r.name}: ${fmt(r.ratio)}</title></rect>`;
});
svg += `</svg>\n`;
await writeFile(join(root, 'docs/bench-browser.svg'), svg);
console.log(`median ratio ${medianRatio.toFixed(3)}, ${slower.length} pages slower, cold init ${fmt(cold)} ms; wrote docs/bench-browser.md and docs/bench-browser.svg`);
