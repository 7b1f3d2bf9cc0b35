// Where the time to the reading view goes, thread by thread: one open of the view (the real
// shortcut press, as bench/time-to-view.mjs does it) recorded with Chromium's tracing, then the
// busy spans of the main threads involved (browser UI and IO, the page's renderer, the view's
// renderer) between the action and the view's first paint, each with the events inside it that
// took longest, in wall-clock time and on the CPU (on a busy machine a task's wall time is mostly
// waiting for a core: its CPU time says what the work costs). For finding what a stage of
// bench/time-to-view.mjs is made of; not a benchmark (tracing slows everything down).
//
//   node bench/trace-view.mjs [PAGE] [--json FILE]
//
// PAGE: a corpus page's name (default 001); --json writes the whole trace (chrome://tracing or
// https://ui.perfetto.dev open it). Env: BASELINE=DIR traces another build's extension folder;
// MIN_MS (0.5) the shortest task listed; ALL=1 lists every busy thread, not just the page's, the
// view's and the browser's main one.
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, pressKeys, HOST, SHORTCUT } from '../tests/e2e/harness.mjs';
import { launchChromium } from './chromium-cdp.mjs';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const name = args[0] ?? '001';
const CATEGORIES = [
  'toplevel', 'blink', 'blink.user_timing', 'loading', 'navigation', 'devtools.timeline', 'v8.execute', 'v8',
  'disabled-by-default-devtools.timeline', 'benchmark', 'renderer', 'renderer.scheduler', 'browser', 'content', 'ipc',
  'mojom', 'extensions', 'cc', 'viz', 'gpu', 'blink.resource', 'netlog', 'net', 'ServiceWorker', 'disabled-by-default-v8.compile', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'disabled-by-default-v8.wasm.turbofan',
];

const server = await startServer({ host: HOST });
const browser = await launchChromium(process.env.BASELINE ? { extension: process.env.BASELINE } : {});
const { cdp } = browser;

// Now and then the action comes without its activeTab grant and nothing opens: tried again.
async function open(url, tries = 3) {
  try {
    return await openOnce(url);
  } catch (e) {
    if (tries <= 1) throw e;
    console.error(`# ${e.message}; again`);
    return open(url, tries - 1);
  }
}

async function openOnce(url) {
  const page = await browser.newPage(url);
  await page.bringToFront();
  for (let attempt = 0; ; attempt++) {
    const seen = await browser.sw(() => self.__lecternTestPresses.length);
    pressKeys(browser.display, SHORTCUT.toLowerCase());
    let landed = null;
    for (const deadline = Date.now() + 3000; !landed && Date.now() < deadline; await sleep(10)) landed = await browser.sw((n) => self.__lecternTestPresses[n] ?? null, seen);
    if (landed === url) break;
    if (attempt === 3) throw new Error(`the press meant for ${url} landed on ${landed}`);
    await page.bringToFront();
  }
  await page.inView(() => new Promise((resolve) => {
    const check = () => (performance.getEntriesByName('lectern:ready').length ? resolve() : setTimeout(check, 20));
    check();
  }), 10_000).catch(async (e) => { await page.close(); throw e; });
  await sleep(300);
  return page;
}

const events = [];
// The traced open, its page not opened before.
async function trace() {
  cdp.listeners.add((m) => { if (m.method === 'Tracing.dataCollected') events.push(...m.params.value); });
  const complete = new Promise((resolve) => cdp.listeners.add((m) => { if (m.method === 'Tracing.tracingComplete') resolve(); }));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  await sleep(200);
  const traced = await open(`${server.plain}/corpus/${name}/source.html?traced`);
  await cdp.send('Tracing.end');
  await complete;
  await traced.close();
}

try {
  for (const warm of ['002', '003-metadata-preferred', '004-metadata-space-separated-properties']) await (await open(`${server.plain}/corpus/${warm}/source.html?warmup`)).close();
  await trace();
} finally {
  await browser.close();
  await server.close();
}

if (jsonFile) await writeFile(jsonFile, JSON.stringify({ traceEvents: events }));

// ---- Analysis ---------------------------------------------------------------------------------

const threadNames = new Map();
const processNames = new Map();
for (const e of events) {
  if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  if (e.ph === 'M' && e.name === 'process_labels') processNames.set(e.pid, e.args.labels);
  if (e.ph === 'M' && e.name === 'process_name' && !processNames.has(e.pid)) processNames.set(e.pid, e.args.name);
}
// The marks, on the trace's clock (the last of each name: the traced open).
const marks = {};
for (const e of events) if (e.cat?.includes('blink.user_timing') && e.name.startsWith('lectern:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b')) marks[e.name.slice(8)] = { ts: e.ts, pid: e.pid };
const t0 = marks.action?.ts;
if (t0 === undefined) throw new Error(`no lectern:action mark in the trace (marks: ${Object.keys(marks).join(', ')})`);
const end = (marks.ready?.ts ?? t0 + 1e6) + 20_000;
const ms = (ts) => ((ts - t0) / 1000).toFixed(1).padStart(6);
console.log(`marks (ms from the action): ${Object.entries(marks).sort((a, b) => a[1].ts - b[1].ts).map(([k, v]) => `${k} ${ms(v.ts).trim()} (pid ${v.pid})`).join(', ')}`);
const viewPid = marks.view?.pid;
const pagePid = marks.open?.pid;
const label = (pid, tid) => `${pid === viewPid ? 'VIEW ' : pid === pagePid ? 'PAGE ' : ''}${processNames.get(pid) ?? pid}/${threadNames.get(`${pid}:${tid}`) ?? tid}`;

// Complete events ('X'), and begin/end pairs turned into them, in the window.
const spans = [];
const open_ = new Map();
for (const e of events) {
  if (e.ph === 'X' && e.ts + (e.dur ?? 0) >= t0 && e.ts <= end) spans.push(e);
  else if (e.ph === 'B') (open_.get(`${e.pid}:${e.tid}`) ?? open_.set(`${e.pid}:${e.tid}`, []).get(`${e.pid}:${e.tid}`)).push(e);
  else if (e.ph === 'E') {
    const b = open_.get(`${e.pid}:${e.tid}`)?.pop();
    if (b && e.ts >= t0 && b.ts <= end) spans.push({ ...b, ph: 'X', dur: e.ts - b.ts, tdur: e.tts !== undefined && b.tts !== undefined ? e.tts - b.tts : undefined });
  }
}
const threads = new Map();
for (const s of spans) {
  const key = `${s.pid}:${s.tid}`;
  (threads.get(key) ?? threads.set(key, []).get(key)).push(s);
}
const MAIN = /CrBrowserMain|CrRendererMain|Chrome_IOThread|ServiceWorker|ThreadPoolForeground|Compositor|VizCompositor|ThreadPoolForegroundWorker/;
const minTop = Number(process.env.MIN_MS ?? 0.5) * 1000;
for (const [key, list] of threads) {
  const [pid, tid] = key.split(':').map(Number);
  const name = threadNames.get(key) ?? '';
  if (process.env.ALL ? !MAIN.test(name) && pid !== viewPid : !(pid === viewPid || pid === pagePid || name === 'CrBrowserMain')) continue;
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Top-level spans: those not inside an earlier one.
  const tops = [];
  for (const s of list) {
    const last = tops.at(-1);
    if (last && s.ts < last.ts + last.dur) (last.kids ??= []).push(s);
    else tops.push(s);
  }
  const busy = tops.reduce((sum, s) => sum + s.dur, 0);
  const cpu = tops.reduce((sum, s) => sum + (s.tdur ?? 0), 0);
  if (busy < 2000) continue;
  console.log(`\n== ${label(pid, tid)}: busy ${(busy / 1000).toFixed(1)} ms (on the CPU ${(cpu / 1000).toFixed(1)} ms)`);
  for (const s of tops) {
    if (s.dur < minTop) continue;
    const kids = (s.kids ?? []).filter((k) => k.dur >= Math.max(200, s.dur * 0.08)).sort((a, b) => a.ts - b.ts).slice(0, 14)
      .map((k) => `${k.name}${k.args?.data?.url ? `(${String(k.args.data.url).split('/').pop()})` : ''} ${(k.dur / 1000).toFixed(1)}`);
    console.log(`${ms(s.ts)} +${(s.dur / 1000).toFixed(1).padStart(5)} cpu ${s.tdur === undefined ? '  – ' : (s.tdur / 1000).toFixed(1).padStart(4)}  ${s.name}${kids.length ? `  [${kids.join(', ')}]` : ''}`);
  }
}
