// Debian's Chromium with Lectern loaded, driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe), for bench/time-to-view.mjs. Not Playwright: Playwright attaches to
// every new frame with waitForDebuggerOnStart and holds it paused until it has set the frame up,
// several round trips to Node on the way, which would be counted in the time the reading view
// takes to load. Here nothing attaches to a tab or frame that is not asked for, and the view is
// attached only to read its timeline, once it is there.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION, HOST, SHORTCUT, xDisplay } from '../tests/e2e/harness.mjs';

// The protocol on the pipe: JSON messages ended by NUL, Chromium reading fd 3 and writing fd 4.
class Pipe {
  #next = 1;
  // Event listeners, (message) => void, for messages with a method and no id.
  listeners = new Set();
  #waiting = new Map();
  #buffer = '';
  constructor(write, read) {
    this.write = write;
    read.setEncoding('utf8');
    read.on('data', (chunk) => {
      this.#buffer += chunk;
      for (let end; (end = this.#buffer.indexOf('\0')) >= 0;) {
        const message = JSON.parse(this.#buffer.slice(0, end));
        this.#buffer = this.#buffer.slice(end + 1);
        if (message.method) for (const listener of this.listeners) listener(message);
        const waiter = this.#waiting.get(message.id);
        if (!waiter) continue;
        this.#waiting.delete(message.id);
        if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
        else waiter.resolve(message.result);
      }
    });
  }
  send(method, params = {}, sessionId = undefined) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject, method });
      this.write.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }
}

// `fn` (a function's source) applied to `arg` in a session's page or worker; its value, awaited.
async function evaluate(cdp, sessionId, fn, arg) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `(${fn})(${JSON.stringify(arg ?? null)})`, awaitPromise: true, returnByValue: true,
  }, sessionId);
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

async function waitForTarget(cdp, test, timeout = 20_000) {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(5)) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const found = targetInfos.find(test);
    if (found) return found;
  }
  throw new Error('timed out waiting for a target');
}

// `extension`: the folder to load (another build, for a baseline run side by side).
export async function launchChromium({ extension = EXTENSION } = {}) {
  const x = await xDisplay();
  const profile = await mkdtemp(join(tmpdir(), 'lectern-bench-profile-'));
  const proc = spawn(CHROMIUM, [
    `--user-data-dir=${profile}`, '--remote-debugging-pipe', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
    '--disable-features=DisableLoadExtensionCommandLineSwitch', ...CHROMIUM_ARGS,
    // Every other host name fails at once: the corpus pages name hosts this machine cannot reach.
    `--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP * ~NOTFOUND`, '--password-store=basic', '--window-size=1100,900',
    // Each page's tab is closed after its open, and a Chromium left without a window quits a
    // moment later (the next new tab then never answers): it stays up until told to close.
    '--keep-alive-for-test', 'about:blank',
  ], { env: { ...process.env, DISPLAY: x.display }, stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const cdp = new Pipe(proc.stdio[3], proc.stdio[4]);
  const attach = async (targetId) => (await cdp.send('Target.attachToTarget', { targetId, flatten: true })).sessionId;
  // Only the tabs the benchmark opens: the first one (about:blank) would take a press meant for another.
  const first = await waitForTarget(cdp, (t) => t.type === 'page');
  const worker = await waitForTarget(cdp, (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  const workerSession = await attach(worker.targetId);
  const extensionId = new URL(worker.url).host;
  const sw = (fn, arg) => evaluate(cdp, workerSession, fn, arg);
  for (let i = 0; i < 500 && !(await sw(() => !!self.lectern).catch(() => false)); i++) await sleep(20);
  await sw(() => { self.__benchErrors = []; self.addEventListener('unhandledrejection', (e) => self.__benchErrors.push(String(e.reason?.message ?? e.reason))); });
  await sw(() => { self.__lecternTestPresses = []; chrome.action.onClicked.addListener((tab) => self.__lecternTestPresses.push(tab.url ?? String(tab.id))); });
  // The shortcut, assigned where a user would (see the harness's launch()).
  const { targetId: shortcuts } = await cdp.send('Target.createTarget', { url: 'chrome://extensions/shortcuts' });
  const s = await attach(shortcuts);
  for (let i = 0; i < 100 && !(await evaluate(cdp, s, () => !!globalThis.chrome?.developerPrivate)); i++) await sleep(50);
  await evaluate(cdp, s, ([id, key]) => chrome.developerPrivate.updateExtensionCommand({ extensionId: id, commandName: '_execute_action', keybinding: key }), [extensionId, SHORTCUT]);
  await cdp.send('Target.closeTarget', { targetId: shortcuts });
  await cdp.send('Target.closeTarget', { targetId: first.targetId });
  return {
    display: x.display,
    sw,
    // The browser's own session, for whole-browser commands (bench/trace-view.mjs: Tracing).
    cdp,
    // A new tab at `url`, in front, loaded.
    async newPage(url) {
      const { targetId } = await cdp.send('Target.createTarget', { url });
      const session = await attach(targetId);
      // A page's alert() would hold every later evaluation in it (and the run) until answered:
      // dismissed at once (remove-script-tags has one).
      cdp.listeners.add((m) => {
        if (m.sessionId === session && m.method === 'Page.javascriptDialogOpening') cdp.send('Page.handleJavaScriptDialog', { accept: false }, session).catch(() => {});
      });
      await cdp.send('Page.enable', {}, session);
      for (let i = 0; i < 600 && (await evaluate(cdp, session, () => document.readyState).catch(() => '')) !== 'complete'; i++) await sleep(50);
      return {
        url,
        evaluate: (fn, arg) => evaluate(cdp, session, fn, arg),
        bringToFront: () => cdp.send('Page.bringToFront', {}, session),
        close: () => cdp.send('Target.closeTarget', { targetId }),
        // The reading view's frame (the one there is: each tab is closed after its open), attached
        // once it exists, and `fn` run there.
        async inView(fn, timeout = 20_000) {
          const frame = await waitForTarget(cdp, (t) => t.type === 'iframe' && t.url.includes('/view/view.html'), timeout);
          // A view that goes away (a page with no article closes it) never answers: time out.
          const session = await attach(frame.targetId);
          return Promise.race([evaluate(cdp, session, fn), sleep(timeout).then(() => { throw new Error('the view did not answer'); })]);
        },
      };
    },
    async close() {
      await cdp.send('Browser.close').catch(() => {});
      await Promise.race([new Promise((r) => proc.once('exit', r)), sleep(5000)]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await x.stop();
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
