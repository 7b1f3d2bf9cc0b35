// Time to the painted reading view: from the toolbar action to the first paint of the article,
// Lectern in Chromium against Firefox ESR's own Reader View, page by page in the same run.
//
// Lectern (Chromium, windowed on its own Xvfb, extension/ loaded as shipped): the real shortcut
// press through X (the toolbar action, with its activeTab grant) on a fresh tab per corpus page.
// The clock starts at the action (the mark at the top of the service worker's toggle()) and ends
// at the view's first largest-contentful-paint entry inside the article (the view's own timeline,
// read with a buffered PerformanceObserver). Between them, the marks the extension sets in each
// context (performance.mark 'lectern:*': service worker, content script, view), all put on one
// clock as wall-clock epoch times (performance.timeOrigin + startTime), give the stages.
// "Cold": the first open after a fresh browser start (fresh profile: nothing cached), COLD_RUNS times.
//
// Reader View (Firefox ESR, headless, Marionette): a real click on #reader-mode-button (the time
// of its click event, in the browser window) to the first largest-contentful-paint in about:reader
// inside the article. "Warm": one tab on one site, Reader View already run in its content process.
// "Cold": each page on a site of its own process (http://localhost), in a new tab after the last
// one was closed, so a fresh content process (the pids are counted to check).
//
// Baseline: BASELINE=DIR, another build's extension folder (one that sets the same marks, e.g.
// an older commit's extension/ with this build's pkg/), is timed the same way in a second
// Chromium, page by page beside this one, and the report gives the ratios this / baseline.
//
// Env: PAGES=N (every k-th corpus page so that about N are measured), COLD_RUNS (default 5),
// BASELINE. For quick comparisons of two builds: ONLY=NAME,NAME (just these pages), REPEAT=N
// (each page opened N times on each side, one row per open), READER=0 (no Firefox), OUT=PATH
// (the report's path without .md/.svg, instead of docs/bench-time-to-view).
// Writes docs/bench-time-to-view.md and docs/bench-time-to-view.svg. Not part of ./build.sh test.
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, corpusPageNames, pressKeys, root, HOST, CHROMIUM, SHORTCUT } from '../tests/e2e/harness.mjs';
import { launchChromium as launch } from './chromium-cdp.mjs';
import { Firefox, findFirefox } from '../tests/e2e/firefox/marionette.mjs';

const COLD_RUNS = Number(process.env.COLD_RUNS ?? 5);
const BASELINE = process.env.BASELINE ?? null;
const READER = process.env.READER !== '0';
const REPEAT = Math.max(1, Number(process.env.REPEAT ?? 1));
const OUT = process.env.OUT ?? join(root, 'docs/bench-time-to-view');
const epoch = () => performance.timeOrigin + performance.now();
const quantile = (xs, q) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const median = (xs) => quantile(xs, 0.5);

let names = await corpusPageNames();
if (process.env.PAGES) {
  const step = Math.max(1, Math.floor(names.length / Number(process.env.PAGES)));
  names = names.filter((_, i) => i % step === 0);
}
if (process.env.ONLY) names = names.filter((n) => process.env.ONLY.split(',').includes(n));

// ---- Lectern in Chromium -------------------------------------------------------------------

// The last mark of each 'lectern:*' name in the calling context, as epoch milliseconds.
const MARKS = () => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('lectern:'))
  .map((m) => [m.name.slice('lectern:'.length), performance.timeOrigin + m.startTime]));

// In the view: once it is ready, its marks, its navigation start, and the first LCP entry that is
// article (inside <main>, not the "Reading…" placeholder) painted after the view was built. A
// page too small to make a new LCP candidate falls back to the next animation frame (flagged).
const VIEW_TIMES = () => new Promise((resolve) => {
  const t = (ms) => performance.timeOrigin + ms;
  const marks = () => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('lectern:'))
    .map((m) => [m.name.slice('lectern:'.length), t(m.startTime)]));
  let paint = null;
  let fallback = null;
  const check = () => {
    const m = marks();
    if (!m.ready) return;
    if (paint !== null) return finish('lcp');
    if (fallback === null) {
      fallback = 0;
      requestAnimationFrame(() => setTimeout(() => { fallback = t(performance.now()); }, 0));
      setTimeout(() => finish('frame'), 1500);
    }
  };
  let done = false;
  const finish = (how) => {
    if (done) return;
    done = true;
    // The frame document's own navigation timing: its bytes arrived, and parsed.
    const nav = performance.getEntriesByType('navigation')[0];
    resolve({ marks: marks(), start: performance.timeOrigin, paint: paint ?? fallback, how, response: t(nav?.responseEnd ?? NaN), parsed: t(nav?.domInteractive ?? NaN) });
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const el = e.element;
      if (paint === null && el?.closest?.('#lectern-root') && !el.closest('.lectern-loading')) paint = t(e.startTime);
    }
    check();
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver(check).observe({ type: 'mark', buffered: true });
  check();
});

// One open: the shortcut pressed on `page` (the harness's own listener records the action's tab,
// to check that the press landed there), then every context's marks and the paint.
async function openOnce(browser, page, retries = 2) {
  await page.bringToFront();
  await browser.sw(() => { performance.clearMarks(); self.__benchErrors.length = 0; });
  let press;
  // A press that comes while Chromium is still bringing the tab to the front is lost (the
  // harness's pressShortcut says more): pressed again until the action is for this tab.
  for (let attempt = 0; ; attempt += 1) {
    const seen = await browser.sw(() => self.__lecternTestPresses.length);
    press = epoch();
    pressKeys(browser.display, SHORTCUT.toLowerCase());
    let landed = null;
    for (const deadline = Date.now() + 3000; !landed && Date.now() < deadline; await sleep(10)) {
      landed = await browser.sw((n) => self.__lecternTestPresses[n] ?? null, seen);
    }
    if (landed === page.url) break;
    if (attempt === 2) throw new Error(`the press meant for ${page.url} landed on ${landed}`);
    await page.bringToFront();
  }
  let view;
  try {
    view = await page.inView(VIEW_TIMES, 8000);
  } catch (e) {
    // Now and then the action comes without its activeTab grant ("Cannot access contents of the
    // page"), and nothing opens: pressed again.
    const errors = await browser.sw(() => self.__benchErrors);
    if (retries > 0 && errors.length) return openOnce(browser, page, retries - 1);
    throw new Error(`${e.message} on ${page.url}: ${errors.join('; ')}`);
  }
  const sw = await browser.sw(MARKS);
  const content = await page.evaluate(MARKS);
  return timeline({ press, sw, content, view });
}

// The stages, in milliseconds, from the epoch times of every context.
function timeline({ press, sw, content, view }) {
  const v = view.marks;
  // Builds before the service worker made the view waited for the wasm module in the view too.
  const waited = Math.max(v.page, v.wasm ?? v.page);
  // On the critical path, one after another: they add up to the total.
  const stages = {
    inject: content.open - sw.action, // executeScript of the three content scripts, and the toggle message
    frame: content.framed - content.open, // up to the frame put in the page (in builds that walk the page first, the walk and a round trip are in here)
    viewLoad: v.view - content.framed, // the frame's navigation, view.html, its CSS and modules
    waits: Math.max(waited, v.view) - v.view, // the view waiting for its article (and settings), asked for by boot.js
    build: v.built - waited, // the article's HTML parsed and put in (builds before: extraction and the view's DOM)
    paint: view.paint - v.built, // wiring the toolbar, style, layout and the first paint
  };
  // Within those: the frame's navigation up to its document's time origin, then view.html
  // received, parsed, and view.js running; from view.js running, the page's arrival and the wasm
  // module's readiness.
  const detail = {
    // The DOM walk: on the critical path inside `frame` when it comes first, beside the view's
    // load (in another process) when the frame goes in first.
    snapshot: content.snapshot - (content.framed < content.snapshot ? content.framed : content.open),
    frameNav: view.start - content.framed,
    viewResponse: view.response - view.start,
    viewParse: view.parsed - view.response,
    viewModules: v.view - view.parsed,
    page: v.page - v.view,
    wasm: v.wasm - v.view,
    // In the service worker, beside the view's load: the page received, extracted, the view made.
    extract: sw.extracted - sw['page-in'],
    boot: v.boot - view.start,
  };
  return { total: view.paint - sw.action, pressToAction: sw.action - press, how: view.how, stages, detail };
}

const STAGES = ['inject', 'frame', 'viewLoad', 'waits', 'build', 'paint'];
const DETAIL = ['snapshot', 'extract', 'frameNav', 'viewResponse', 'viewParse', 'viewModules', 'boot', 'page', 'wasm'];

const openPage = (browser, url) => browser.newPage(url);

// ---- Reader View in Firefox ----------------------------------------------------------------

const FIREFOX_PREFS = {
  // A closed tab's content process ends at once, so the next page of a site gets a fresh one.
  'dom.ipc.keepProcessesAlive.webIsolated.perOrigin': 0,
  'dom.ipc.keepProcessesAlive.web': 0,
};

// In about:reader: the first LCP entry inside the article, as epoch ms; throws while the tab is
// not there yet (Marionette's waitFor tries again).
const READER_PAINT = () => new Promise((resolve, reject) => {
  if (!location.href.startsWith('about:reader')) return reject(new Error('not in about:reader yet'));
  const timer = setTimeout(() => resolve(null), 5000);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.element?.closest?.('.moz-reader-content')) {
        clearTimeout(timer);
        resolve(performance.timeOrigin + e.startTime);
      }
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
});

async function readerOpen(firefox, url) {
  await firefox.navigate(url);
  const readerable = await firefox.waitFor(() => {
    const b = document.getElementById('reader-mode-button');
    return b && !b.hidden;
  }, [], { context: 'chrome', timeout: 4000, message: 'the Reader View button' }).catch(() => false);
  if (!readerable) return null;
  // The click's own time, taken by a listener on the button in the browser window.
  await firefox.chrome(() => {
    window.__benchClick = null;
    document.getElementById('reader-mode-button').addEventListener('click', () => { window.__benchClick = performance.timeOrigin + performance.now(); }, { once: true, capture: true });
  });
  await firefox.chromeClick('#reader-mode-button');
  const click = await firefox.chrome(() => window.__benchClick);
  await firefox.waitFor(() => gBrowser.selectedBrowser.currentURI.spec.startsWith('about:reader'), [], { context: 'chrome', message: 'about:reader' });
  const paint = await firefox.waitFor(READER_PAINT, [], { timeout: 15_000, message: 'the article painted in about:reader' }).catch(() => null);
  const pid = await firefox.chrome(() => gBrowser.selectedBrowser.browsingContext.currentWindowGlobal?.osPid ?? null);
  return paint && click ? { total: paint - click, pid } : null;
}

// Reader View in a new tab of its own, closed after (its process ends with it, FIREFOX_PREFS);
// back to the tab `home` after.
async function inFreshTab(firefox, home, url) {
  await firefox.switchToFrame(null);
  const { handle } = await firefox.send('WebDriver:NewWindow', { type: 'tab', focus: true });
  await firefox.send('WebDriver:SwitchToWindow', { handle, focus: true });
  try {
    return await readerOpen(firefox, url);
  } finally {
    await firefox.send('WebDriver:CloseWindow');
    await firefox.send('WebDriver:SwitchToWindow', { handle: home, focus: true });
  }
}

// ---- The run -------------------------------------------------------------------------------

const server = await startServer({ host: HOST });
const ff = await startServer();
if (READER) await findFirefox();
const firefox = READER ? await Firefox.launch({ prefs: FIREFOX_PREFS }) : null;
const ffPort = new URL(ff.origin).port;

// Cold Lectern: a fresh Chromium each time, the first open after its start.
const coldPages = names.filter((_, i) => i % Math.max(1, Math.floor(names.length / COLD_RUNS)) === 0).slice(0, COLD_RUNS);
// One open of `name` in a fresh tab of `browser`: its timeline, or { error }.
async function timeOpen(browser, name, query = '') {
  const page = await openPage(browser, `${server.plain}/corpus/${name}/source.html${query}`);
  try {
    return await openOnce(browser, page);
  } catch (e) {
    return { error: e.message };
  } finally {
    await page.close();
  }
}

// One first open after a fresh start of a Chromium with `extension`: its timeline, or null.
async function firstOpen(name, extension) {
  const browser = await launch({ extension });
  try {
    const opened = await timeOpen(browser, name);
    if (opened.error) console.error(`# first open on ${name}${extension ? ' (baseline)' : ''}: ${opened.error}`);
    return opened.error ? null : opened;
  } finally {
    await browser.close();
  }
}
const cold = [];
const coldBase = [];
for (const name of coldPages) {
  const t = await firstOpen(name);
  if (t) cold.push({ name, ...t });
  if (BASELINE) coldBase.push({ name, total: (await firstOpen(name, BASELINE))?.total ?? NaN });
  process.stderr.write('c');
}

const browser = await launch();
const base = BASELINE ? await launch({ extension: BASELINE }) : null;
// Warm-up on every side: the service worker and the content process have run once.
for (const name of names.slice(0, 3)) {
  for (const b of [browser, base].filter(Boolean)) {
    const r = await timeOpen(b, name, '?warmup');
    if (r.error) console.error(`# warm-up on ${name}: ${r.error}`);
  }
}
if (READER) await readerOpen(firefox, `${ff.origin}/corpus/${names[0]}/source.html?warmup`);
const home = READER ? (await firefox.send('WebDriver:GetWindowHandle')).value : null;

const rows = [];
const pids = new Set();
// Each step of a page is given this long; one that takes longer (a page stuck in a way nobody
// foresaw) is counted as failed, and the run goes on.
const STEP_MS = 60_000;
const within = (promise, what) => Promise.race([promise, sleep(STEP_MS).then(() => { throw new Error(`${what}: no result in ${STEP_MS} ms`); })]);
for (const name of names.flatMap((n) => Array(REPEAT).fill(n))) {
  const row = { name, ...(await within(timeOpen(browser, name), 'Lectern').catch((e) => ({ error: e.message }))) };
  if (base) {
    const b = await within(timeOpen(base, name), 'baseline').catch(() => ({}));
    row.base = b.total ?? NaN;
    row.baseStages = b.stages;
    row.baseDetail = b.detail;
  }
  if (!READER) {
    row.reader = NaN;
    row.readerCold = NaN;
    rows.push(row);
    process.stderr.write(row.error ? 'x' : '.');
    continue;
  }
  // Firefox: warm in the long-lived tab; cold in a new tab on a site of its own (localhost).
  const reader = async () => {
    await firefox.switchToFrame(null);
    return (await readerOpen(firefox, `${ff.origin}/corpus/${name}/source.html`))?.total ?? NaN;
  };
  row.reader = await within(reader(), 'Reader View').catch((e) => (console.error(`# ${name}: ${e.message}`), NaN));
  const c = await within(inFreshTab(firefox, home, `http://localhost:${ffPort}/corpus/${name}/source.html`), 'Reader View cold')
    .catch((e) => (console.error(`# ${name}: ${e.message}`), null));
  row.readerCold = c?.total ?? NaN;
  if (c?.pid) pids.add(c.pid);
  rows.push(row);
  process.stderr.write(row.error ? 'x' : '.');
}
process.stderr.write('\n');
await browser.close();
await base?.close();
await firefox?.close();
await server.close();
await ff.close();

// ---- Report --------------------------------------------------------------------------------

const ok = rows.filter((r) => Number.isFinite(r.total));
const both = ok.filter((r) => Number.isFinite(r.reader));
const bothCold = ok.filter((r) => Number.isFinite(r.readerCold));
const stat = (xs) => ({ median: median(xs), p90: quantile(xs, 0.9), p95: quantile(xs, 0.95), max: Math.max(...xs.filter(Number.isFinite)) });
const S = {
  warm: stat(ok.map((r) => r.total)),
  cold: stat(cold.map((r) => r.total)),
  reader: stat(both.map((r) => r.reader)),
  readerCold: stat(bothCold.map((r) => r.readerCold)),
  ratio: median(both.map((r) => r.total / r.reader)),
  ratioCold: median(bothCold.map((r) => r.total / r.readerCold)),
  stages: Object.fromEntries(STAGES.map((s) => [s, median(ok.map((r) => r.stages[s]))])),
  coldStages: Object.fromEntries(STAGES.map((s) => [s, median(cold.map((r) => r.stages[s]))])),
  detail: Object.fromEntries(DETAIL.map((s) => [s, median(ok.map((r) => r.detail[s]))])),
  coldDetail: Object.fromEntries(DETAIL.map((s) => [s, median(cold.map((r) => r.detail[s]))])),
  pressToAction: median(ok.map((r) => r.pressToAction)),
};
// Against the baseline build, page by page: this build's time over the baseline's.
const withBase = ok.filter((r) => Number.isFinite(r.base));
const baseRatios = withBase.map((r) => r.total / r.base);
const coldPairs = cold.map((r) => [r.total, coldBase.find((b) => b.name === r.name)?.total]).filter(([, b]) => Number.isFinite(b));
S.base = {
  stages: Object.fromEntries(STAGES.map((s) => [s, median(withBase.filter((r) => r.baseStages).map((r) => r.baseStages[s]))])),
  detail: Object.fromEntries(DETAIL.map((s) => [s, median(withBase.filter((r) => r.baseDetail).map((r) => r.baseDetail[s]))])),
  warm: stat(withBase.map((r) => r.base)),
  cold: stat(coldBase.map((r) => r.total)),
  ratio: median(baseRatios),
  ratioP90: quantile(baseRatios, 0.9),
  ratioCold: median(coldPairs.map(([a, b]) => a / b)),
  slower: baseRatios.filter((x) => x > 1).length,
};
const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
let cpu = 'unknown CPU';
try { cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim(); } catch {}
const version = (bin) => { try { return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim(); } catch { return bin; } };

let md = `# Time to the painted reading view: Lectern (Chromium) vs Firefox Reader View\n\n`;
md += `One run of \`node bench/time-to-view.mjs\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpu} (${cpus().length} cores, shared with other work: timings are noisy, the two sides were measured page by page, interleaved, in the same run). `;
md += `${version(CHROMIUM)}, windowed on Xvfb; ${READER ? `${version('firefox-esr')}, headless` : 'no Firefox'}. ${rows.length} pages of the Readability.js test corpus${rows.length - ok.length ? ` (${rows.length - ok.length} failed to open)` : ''}; Reader View offered on ${both.length} of them.\n\n`;
md += `| | median ms | p90 | p95 | max |\n|---|---:|---:|---:|---:|\n`;
md += `| **Lectern**, Chromium, warm (service worker awake, a fresh tab per page) | ${f(S.warm.median)} | ${f(S.warm.p90)} | ${f(S.warm.p95)} | ${f(S.warm.max)} |\n`;
md += `| **Lectern**, Chromium, first open after a fresh browser start (${cold.length} starts) | ${f(S.cold.median)} | ${f(S.cold.p90)} | ${f(S.cold.p95)} | ${f(S.cold.max)} |\n`;
md += `| Reader View, Firefox, warm (it has run in that content process) | ${f(S.reader.median)} | ${f(S.reader.p90)} | ${f(S.reader.p95)} | ${f(S.reader.max)} |\n`;
md += `| Reader View, Firefox, cold (a fresh content process per page; ${pids.size} distinct pids) | ${f(S.readerCold.median)} | ${f(S.readerCold.p90)} | ${f(S.readerCold.p95)} | ${f(S.readerCold.max)} |\n`;
if (BASELINE) {
  md += `| Baseline build (\`BASELINE\`), Chromium, warm, the same pages beside this one | ${f(S.base.warm.median)} | ${f(S.base.warm.p90)} | ${f(S.base.warm.p95)} | ${f(S.base.warm.max)} |\n`;
  md += `| Baseline build, first open after a fresh browser start | ${f(S.base.cold.median)} | ${f(S.base.cold.p90)} | ${f(S.base.cold.p95)} | ${f(S.base.cold.max)} |\n`;
}
md += '\n';
md += `- **Median ratio Lectern / Reader View per page: ${f2(S.ratio)} warm, ${f2(S.ratioCold)} against Reader View cold** (below 1: Lectern is faster)\n`;
if (BASELINE) {
  md += `- **Against the baseline, page by page: median ratio ${f2(S.base.ratio)} warm (p90 ${f2(S.base.ratioP90)}; ${S.base.slower} of ${withBase.length} pages slower), first open ${f2(S.base.ratioCold)}** (below 1: this build is faster)\n`;
}
md += `- From the key press (xdotool, timed in Node) to the action in the service worker, not counted above: median ${f(S.pressToAction)} ms\n\n`;
md += `Lectern is timed from the toolbar action (the top of the service worker's \`toggle()\`) to the first largest-contentful-paint entry in the view that is article; Reader View from the click event on \`#reader-mode-button\` to the first largest-contentful-paint entry in about:reader inside \`.moz-reader-content\`. Stages (medians, ms; each context's \`performance.mark('lectern:…')\`, on one wall clock):\n\n`;
md += `| stage | what | warm | first open |${BASELINE ? ' baseline, warm |' : ''}\n|---|---|---:|---:|${BASELINE ? '---:|' : ''}\n`;
const baseCell = (v) => (BASELINE ? ` ${f1(v)} |` : '');
const WHAT = {
  inject: 'action → content script running (executeScript of three files, the toggle message)',
  frame: 'content script running → the frame put in the page',
  viewLoad: "the frame's navigation, view.html, CSS, modules evaluated (view.js starts)",
  waits: 'view.js waits for its article (made by the service worker) and settings',
  build: "the article's HTML parsed and put in the view",
  paint: 'toolbar wiring, style, layout, first paint',
  snapshot: 'the DOM walk (lecternSnapshot): inside frame when the page is walked first, beside viewLoad when the frame goes in first',
  frameNav: "… of viewLoad: up to the frame document's time origin",
  viewResponse: '… of viewLoad: from there to view.html received (the navigation to the extension page)',
  viewParse: '… of viewLoad: view.html parsed (domInteractive)',
  viewModules: '… of viewLoad: from there to view.js running (modules fetched and evaluated, style sheet)',
  boot: "from the frame document's time origin to boot.js asking for the article",
  page: '… from view.js running: the article has arrived (negative: before)',
  wasm: '… from view.js running: the wasm module is ready (builds where the view ran the core)',
  extract: 'in the service worker, beside viewLoad: from the page received to the view made (extraction, rendering)',
};
for (const s of STAGES) md += `| ${s} | ${WHAT[s]} | ${f1(S.stages[s])} | ${f1(S.coldStages[s])} |${baseCell(S.base.stages[s])}\n`;
md += `| **total** | (medians of each stage; they need not add up to the median total) | ${f1(S.warm.median)} | ${f1(S.cold.median)} |${baseCell(S.base.warm.median)}\n`;
for (const s of DETAIL) md += `| ${s} | ${WHAT[s]} | ${f1(S.detail[s])} | ${f1(S.coldDetail[s])} |${baseCell(S.base.detail[s])}\n`;
md += `\n![Lectern and Reader View per page](bench-time-to-view.svg)\n\n`;
md += `| page | Lectern ms | ${STAGES.join(' | ')} | Reader View warm | cold | ratio warm | baseline ms |\n|---|---:|${STAGES.map(() => '---:').join('|')}|---:|---:|---:|---:|\n`;
for (const r of rows) {
  if (!Number.isFinite(r.total)) { md += `| ${r.name} | ${r.error ?? '–'} |${STAGES.map(() => '').join('|')}| ${f(r.reader)} | ${f(r.readerCold)} | | ${f(r.base)} |\n`; continue; }
  md += `| ${r.name}${r.how === 'frame' ? '*' : ''} | ${f(r.total)} | ${STAGES.map((s) => f1(r.stages[s])).join(' | ')} | ${f(r.reader)} | ${f(r.readerCold)} | ${f2(r.total / r.reader)} | ${f(r.base)} |\n`;
}
md += `\nFirst opens after a fresh browser start: ${cold.map((r) => `${r.name} ${f(r.total)} ms`).join(', ')}.\n`;
md += `\n\\* no article LCP entry (the page is too small to make one): the paint is the first animation frame after the view was ready.\n`;
await writeFile(`${OUT}.md`, md);

// Plot: per page, Lectern and Reader View (warm) in ms, pages sorted by Lectern's time.
const W = 900, H = 360, pad = 40;
const sorted = [...both].sort((a, b) => a.total - b.total);
const top = Math.max(100, ...sorted.map((r) => Math.max(r.total, r.reader)));
const y = (v) => H - pad - (v / top) * (H - 2 * pad);
const bw = (W - 2 * pad) / Math.max(1, sorted.length);
let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`;
svg += `<rect width="${W}" height="${H}" fill="#fff"/>`;
svg += `<text x="${pad}" y="20">Time to the painted view per page, ms: Lectern (bars) and Firefox Reader View warm (dots); medians ${f(S.warm.median)} and ${f(S.reader.median)}</text>`;
for (let v = 0; v <= top; v += 50) svg += `<line x1="${pad}" x2="${W - pad}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="4" y="${y(v) + 4}">${v}</text>`;
sorted.forEach((r, i) => {
  svg += `<rect x="${pad + i * bw}" y="${y(r.total)}" width="${Math.max(1, bw - 1)}" height="${H - pad - y(r.total)}" fill="#2e86c1"><title>${r.name}: ${f(r.total)} ms</title></rect>`;
  svg += `<circle cx="${pad + i * bw + bw / 2}" cy="${y(r.reader)}" r="2.5" fill="#c0392b"><title>${r.name}: Reader View ${f(r.reader)} ms</title></circle>`;
});
svg += `</svg>\n`;
await writeFile(`${OUT}.svg`, svg);
console.log(`Lectern warm median ${f(S.warm.median)} p90 ${f(S.warm.p90)} max ${f(S.warm.max)}; first open median ${f(S.cold.median)}; `
  + `Reader View warm ${f(S.reader.median)}, cold ${f(S.readerCold.median)}; ratio ${f2(S.ratio)} (cold ${f2(S.ratioCold)}); `
  + `stages ${STAGES.map((s) => `${s} ${f1(S.stages[s])}`).join(', ')} (${DETAIL.map((s) => `${s} ${f1(S.detail[s])}`).join(', ')})`
  + `; p90 ${f(S.warm.p90)}, p95 ${f(S.warm.p95)}`
  + (BASELINE ? `; baseline median ${f(S.base.warm.median)}, p90 ${f(S.base.warm.p90)}, stages ${STAGES.map((s) => `${s} ${f1(S.base.stages[s])}`).join(', ')}; against the baseline ${f2(S.base.ratio)} warm (p90 ${f2(S.base.ratioP90)}), ${f2(S.base.ratioCold)} first open` : ''));
