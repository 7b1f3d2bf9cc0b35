// Shared set-up for the end-to-end tests (and the benchmarks in bench/): a file server, reached
// under an ordinary host name over plain http and https, and Debian's Chromium with the extension
// folder loaded exactly as shipped. Chromium runs with a window, on an X display of its own
// (Xvfb), so that the test can do what a user does and a headless browser cannot: press Lectern's
// keyboard shortcut (the toolbar action, with the activeTab grant it brings) and answer the
// browser's own permission prompt, both as key presses through X (xdotool).
import http from 'node:http';
import https from 'node:https';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
// anything else is a 404. `tls`: { key, cert } to speak https.
export async function serveFiles(route, { tls } = {}) {
  const handler = async (req, res) => {
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
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const scheme = tls ? 'https' : 'http';
  return { origin: `${scheme}://127.0.0.1:${server.address().port}`, port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

// The host name the Chromium tests serve their pages under: an ordinary name, which over plain
// http is no secure context (127.0.0.1 and localhost are), mapped to the local server by the
// browser's resolver (--host-resolver-rules), so nothing leaves the machine.
export const HOST = 'news.test';

// A self-signed certificate for HOST, made with openssl for this run.
async function certificateFor(host) {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-tls-'));
  await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${host}`,
    '-addext', `subjectAltName=DNS:${host}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
  const tls = { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) };
  await rm(dir, { recursive: true, force: true });
  return tls;
}

// Routes: /news/NAME.html, /extension/NAME.html, /quotes/NAME.html, /hostile/NAME.html (and its
// NAME.expect.json), /corpus/NAME/source.html (the Readability.js test pages); /csp/NAME.html serves a news fixture with a strict Content-Security-Policy,
// as many news sites send.
export const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

function fixtureRoute(path) {
  if (path.startsWith('/corpus/')) return corpusRoute(path);
  const [, family, name] = path.split('/');
  if (!['news', 'extension', 'quotes', 'csp', 'hostile'].includes(family) || !/^[\w-]+\.(html|expect\.json)$/.test(name ?? '')) return null;
  const file = join(fixtures, family === 'csp' ? 'news' : family, name);
  return family === 'csp' ? { file, headers: { 'content-security-policy': STRICT_CSP } } : file;
}

// The fixtures over http at `origin` (127.0.0.1). With `host`, also under that name: `plain`
// (http://host:port) and `secure` (https://host:port, self-signed, which the Chromium the
// harness launches accepts).
export async function startServer({ host } = {}) {
  const plain = await serveFiles(fixtureRoute);
  if (!host) return plain;
  const secure = await serveFiles(fixtureRoute, { tls: await certificateFor(host) });
  return {
    origin: plain.origin,
    plain: `http://${host}:${plain.port}`,
    secure: `https://${host}:${secure.port}`,
    close: async () => { await plain.close(); await secure.close(); },
  };
}

// An X display for a windowed browser: $DISPLAY if there is one, otherwise an Xvfb started here
// (-displayfd picks a free display number and tells it). Returns { display, stop }.
export async function xDisplay() {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop: async () => {} };
  // -r: no key auto-repeat, so a key press whose release a busy machine delays is still one press
  // (a repeated shortcut would open the view and close it again).
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-r'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const number = await new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    xvfb.on('error', (e) => reject(new Error(`Xvfb could not start (${e.message}): install it (Debian: apt-get install xvfb)`)));
    xvfb.stderr.on('data', (d) => { err += d; });
    xvfb.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) resolve(out.trim()); });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.trim().split('\n').at(-1)}`)));
  });
  return {
    display: `:${number}`,
    stop: async () => { if (xvfb.exitCode === null) { xvfb.kill(); await new Promise((r) => xvfb.once('exit', r)); } },
  };
}

// Key presses as a user makes them, through X to the browser window that has the focus
// (`keys`: xdotool key names, e.g. 'alt+shift+r', 'Tab', 'Return').
export function pressKeys(display, ...keys) {
  try {
    execFileSync('xdotool', ['key', '--clearmodifiers', ...keys], { env: { ...process.env, DISPLAY: display } });
  } catch (e) {
    throw new Error(`xdotool failed (${e.message}): install it (Debian: apt-get install xdotool)`);
  }
}

export const EXTENSION = join(root, 'extension');
// Lectern's keyboard shortcut, as its manifest suggests it.
export const SHORTCUT = 'Alt+Shift+R';

// Chromium with extension/ loaded as it ships (no test-only manifest: host access comes only from
// the user's shortcut press or the permission prompt they accept) and the shortcut assigned.
export async function launch() {
  const x = await xDisplay();
  const profile = await mkdtemp(join(tmpdir(), 'lectern-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: false,
      env: { ...process.env, DISPLAY: x.display },
      viewport: { width: 1100, height: 900 },
      args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, ...CHROMIUM_ARGS,
        `--host-resolver-rules=MAP ${HOST} 127.0.0.1`, '--ignore-certificate-errors', '--password-store=basic'],
    });
  } catch (e) {
    await x.stop();
    throw e;
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => new Promise((resolve) => {
    const check = () => (self.lectern ? resolve() : setTimeout(check, 20));
    check();
  }));
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate(() => {
    self.__lecternTestPresses = [];
    // What went wrong in the service worker, for a failing test's log.
    self.__lecternTestErrors = [];
    self.addEventListener('unhandledrejection', (e) => { self.__lecternTestErrors.push(String(e.reason?.stack ?? e.reason)); });
    chrome.action.onClicked.addListener((tab) => { self.__lecternTestPresses.push(tab.url ?? `a tab whose address Lectern may not see (${tab.id})`); });
  });
  // Chromium leaves the manifest's suggested key unassigned for an extension loaded from the
  // command line (chrome.commands.getAll() reports no shortcut), so the test assigns it where a
  // user would, on chrome://extensions/shortcuts, through the call that page's own field makes.
  const shortcuts = await context.newPage();
  await shortcuts.goto('chrome://extensions/shortcuts');
  await shortcuts.evaluate(([id, key]) => chrome.developerPrivate.updateExtensionCommand({ extensionId: id, commandName: '_execute_action', keybinding: key }), [extensionId, SHORTCUT]);
  await shortcuts.close();
  diagnosticsWorker = worker;
  const [command] = await worker.evaluate(() => chrome.commands.getAll());
  if (command?.shortcut !== SHORTCUT) throw new Error(`the shortcut is ${JSON.stringify(command?.shortcut)}, not ${SHORTCUT}`);
  return {
    context,
    worker,
    extensionId,
    display: x.display,
    async close() {
      await context.close();
      await x.stop();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// The user presses Lectern's shortcut in `page`'s tab: the toolbar action, with its activeTab grant.
export async function pressShortcut(browser, page) {
  await page.bringToFront();
  // A press that comes while Chromium is still switching tabs is lost, or lands on the tab that
  // was in front before; the harness watches the action's click event (its own listener, which
  // only records the tab it was for) and presses again until one lands on this page's tab. It
  // waits long for the event: on a busy machine the service worker may answer late, and a second
  // press that lands would close the view the first one opened.
  const seen = await browser.worker.evaluate(() => self.__lecternTestPresses.length);
  const shown = await viewHostShown(page);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    pressKeys(browser.display, SHORTCUT.toLowerCase());
    let landed = null;
    for (const deadline = Date.now() + 10_000; !landed && Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
      landed = await browser.worker.evaluate((n) => self.__lecternTestPresses[n] ?? null, seen + attempt);
    }
    if (landed === page.url()) {
      // Under load Chromium now and then runs the action before the shortcut's activeTab grant
      // reaches the tab ("Cannot access contents of the page"): nothing opens and nothing is said.
      // A user presses again; so does the harness, saying so in the log.
      const refused = await refusedAccess(browser, page, shown);
      if (!refused) return;
      console.warn(`# the shortcut on ${page.url()} ran without access to the page (${refused}); pressing again`);
      continue;
    }
    console.warn(`# the shortcut press meant for ${page.url()} ${landed ? `landed on ${landed}` : 'did not reach Chromium'}; pressing again`);
    if (landed === null) break;
    await page.bringToFront();
  }
  throw new Error(`Chromium did not take the shortcut ${SHORTCUT} on ${page.url()}`);
}

// Whether Lectern's host stands in for the page's body (its inline style gives it the top layer).
const viewHostShown = (page) => page.evaluate(() => (document.body?.getAttribute('style') ?? '').includes('2147483647')).catch(() => null);

// Waits briefly for the action the shortcut ran to fail for want of access to the page; returns
// the error, or null when none came or the view came or went (`shown`: whether it showed before).
async function refusedAccess(browser, page, shown) {
  for (const deadline = Date.now() + 1500; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    if ((await viewHostShown(page)) !== shown) return null;
    const errors = await browser.worker.evaluate(() => self.__lecternTestErrors.filter((e) => /Cannot access contents of the page/.test(e)));
    if (errors.length) {
      await browser.worker.evaluate(() => { self.__lecternTestErrors = self.__lecternTestErrors.filter((e) => !/Cannot access contents of the page/.test(e)); });
      return errors[0].split('\n')[0];
    }
  }
  return null;
}

// The X clipboard, as another program pasting would read it (`type`: text/plain or text/html).
// `mark` puts a sentinel there first, so that a copy can be told from what was there before.
export function readClipboard(browser, type = 'text/plain') {
  try {
    return execFileSync('xclip', ['-selection', 'clipboard', '-o', '-t', type], { env: { ...process.env, DISPLAY: browser.display }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null; // empty, or not offered in that type
  }
}
export function markClipboard(browser, sentinel = 'lectern-test-sentinel') {
  execFileSync('xclip', ['-selection', 'clipboard', '-i'], { env: { ...process.env, DISPLAY: browser.display }, input: sentinel, stdio: ['pipe', 'ignore', 'ignore'] });
  return sentinel;
}
// Waits for a copy to replace the sentinel; returns { text, html }.
export async function copiedText(browser, sentinel, timeout = 10_000) {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const text = readClipboard(browser);
    if (text !== null && text !== sentinel) return { text, html: readClipboard(browser, 'text/html') };
  }
  throw new Error('nothing was copied to the clipboard');
}

// The user accepts Chromium's permission prompt, which a click in an extension page (the view's
// "Always clean this site", the options page's "Add") brought up. The prompt opens with "Deny"
// focused; Tab moves to "Allow" and Return presses it. The prompt is browser UI, beyond the page:
// it is given a moment to show, and the caller checks the permission it asked for.
export async function acceptPermissionPrompt(browser) {
  await new Promise((r) => setTimeout(r, 1000));
  pressKeys(browser.display, 'Tab', 'Return');
}

// The id of the tab showing `url`, as the service worker sees it.
export async function tabId(worker, url) {
  return worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
}

// The service worker of the Chromium launched last, whose errors a failing view wait reports.
let diagnosticsWorker = null;

// The reading view's frame in `page`, once its article is rendered and the view is ready.
export async function viewFrame(page, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/view/view.html'));
    // The article is there and the view has finished wiring its toolbar (it drops aria-busy).
    if (frame && (await frame.locator('main:not([aria-busy]) .lectern-article').count().catch(() => 0)) > 0) return frame;
    await page.waitForTimeout(50);
  }
  // Say what there was instead, for the test's log.
  const frames = await Promise.all(page.frames().map(async (f) => `${f.url().slice(0, 80)} ${await f.evaluate(() => JSON.stringify({
    busy: document.querySelector('main')?.getAttribute('aria-busy') ?? null,
    article: !!document.querySelector('.lectern-article'),
    text: document.body?.innerText.slice(0, 60),
  })).catch((e) => e.message.slice(0, 80))}`));
  const toast = await page.evaluate(() => document.querySelector('lectern-toast')?.shadowRoot?.textContent ?? null).catch(() => null);
  const errors = await diagnosticsWorker?.evaluate(() => self.__lecternTestErrors.splice(0)).catch((e) => [e.message]);
  console.log(`# no reading view in ${page.url()} after ${timeout} ms; toast: ${toast}; service worker errors: ${JSON.stringify(errors)}; frames:\n#   ${frames.join('\n#   ')}`);
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

// What the toolbar button does, on `page`'s tab: the user presses Lectern's shortcut there.
export const toggle = pressShortcut;
