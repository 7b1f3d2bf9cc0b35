// Shared set-up for the end-to-end tests (and the benchmarks in bench/): a file server on 127.0.0.1 and
// Debian's Chromium, headless, optionally with the built extension loaded. The extension is copied
// with a test-only manifest that adds host access to 127.0.0.1 (a click driven from a test carries
// no activeTab grant).
import http from 'node:http';
import { cp, mkdtemp, readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'tests/fixtures');

// The Readability.js test pages: LECTERN_CORPUS, or ../shared/corpus/readability-test-pages.
export const CORPUS = process.env.LECTERN_CORPUS ?? join(root, '../shared/corpus/readability-test-pages');

// The corpus's page names (its folders), sorted.
export async function corpusPageNames() {
  return (await readdir(CORPUS, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

// The files pages that run Lectern's walker beside the corpus load: /snapshot.js (the content
// script's walker), /readability/* (@mozilla/readability) and /corpus/NAME/source.html. For use
// inside a `serveFiles` route; null for any other path.
export function corpusRoute(path) {
  if (path === '/snapshot.js') return join(root, 'extension/content/snapshot.js');
  if (path.startsWith('/readability/')) return join(root, 'node_modules/@mozilla/readability', path.slice('/readability/'.length));
  if (path.startsWith('/corpus/')) return join(CORPUS, path.slice('/corpus/'.length));
  return null;
}

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Headless Chromium on a machine with no open network: without the background-networking flags
// it keeps trying to reach Google's services.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };

// Serve on 127.0.0.1 what `route(path)` names for each request path: a file's path, `{ file,
// headers }` for a file with extra response headers, or `{ html }` for a page made in memory;
// anything else is a 404.
export async function serveFiles(route) {
  const server = http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const target = path.includes('..') ? null : route(path);
    if (target?.html !== undefined) return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(target.html);
    const file = target?.file ?? target;
    let body;
    try {
      body = await readFile(file);
    } catch {
      return res.writeHead(404).end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...target.headers }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

// Routes: /news/NAME.html, /extension/NAME.html, /quotes/NAME.html, /hostile/NAME.html (and its
// NAME.expect.json); /csp/NAME.html serves a news fixture with a strict Content-Security-Policy,
// as many news sites send.
export const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

export async function startServer() {
  return serveFiles((path) => {
    const [, family, name] = path.split('/');
    if (!['news', 'extension', 'quotes', 'csp', 'hostile'].includes(family) || !/^[\w-]+\.(html|expect\.json)$/.test(name ?? '')) return null;
    const file = join(fixtures, family === 'csp' ? 'news' : family, name);
    return family === 'csp' ? { file, headers: { 'content-security-policy': STRICT_CSP } } : file;
  });
}

export async function launch() {
  const ext = await mkdtemp(join(tmpdir(), 'lectern-ext-'));
  await cp(join(root, 'extension'), ext, { recursive: true });
  const manifest = JSON.parse(await readFile(join(ext, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['*://127.0.0.1/*'];
  await writeFile(join(ext, 'manifest.json'), JSON.stringify(manifest));
  const profile = await mkdtemp(join(tmpdir(), 'lectern-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...CHROMIUM_ARGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => new Promise((resolve) => {
    const check = () => (self.lectern ? resolve() : setTimeout(check, 20));
    check();
  }));
  return {
    context,
    worker,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await rm(ext, { recursive: true, force: true });
    },
  };
}

// The id of the tab showing `url`, as the service worker sees it.
export async function tabId(worker, url) {
  return worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
}

// The reading view's frame in `page`, once its article is rendered.
export async function viewFrame(page, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/view/view.html'));
    if (frame && (await frame.locator('.lectern-article').count().catch(() => 0)) > 0) return frame;
    await page.waitForTimeout(50);
  }
  return null;
}

export async function hasViewFrame(page) {
  return page.frames().some((f) => f.url().includes('/view/view.html'));
}

// Tabs for a test file: each opened at a URL no other tab has (the service worker finds tabs by
// URL), and all closed by closePages() after each test, even when it failed.
let opened = 0;
const openPages = new Set();
export async function openPage(browser, origin, path) {
  const page = await browser.context.newPage();
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  opened += 1;
  await page.goto(`${origin}${path}?tab=${opened}`);
  return page;
}
export async function closePages() {
  for (const page of [...openPages]) await page.close();
}

// What the toolbar button does, on `page`'s tab.
export async function toggle(browser, page) {
  const id = await tabId(browser.worker, page.url());
  return browser.worker.evaluate((t) => self.lectern.toggle(t), id);
}
