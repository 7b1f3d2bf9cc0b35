// A small Marionette client in plain Node, for driving Debian's firefox-esr headless in the
// end-to-end tests: no geckodriver, no npm package. Marionette speaks length-prefixed JSON over TCP
// ("<byte length>:<json>"); a command is [0, id, name, params], a reply [1, id, error, result].
import { spawn } from 'node:child_process';
import net from 'node:net';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export { serveFiles, startServer, root } from '../harness.mjs';

// The key of a web element reference in WebDriver's JSON.
export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

// Prefs that keep a test profile off the network and quiet: no updates, telemetry, captive portal
// or connectivity checks, remote settings, safe browsing, add-on discovery or first-run pages.
// Marionette applies similar "recommended" prefs itself, but only once it starts; services that
// start earlier read user.js.
export const QUIET_PREFS = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'nimbus.rollouts.enabled': false,
  'app.normandy.api_url': '',
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'app.update.disabledForTesting': true,
  'app.update.staging.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.discovery.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.sessionstore.resume_from_crash': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.tabs.warnOnClose': false,
  'browser.topsites.contile.enabled': false,
  'browser.translations.enable': false,
  'browser.urlbar.merino.endpointURL': '',
  'browser.urlbar.suggest.searches': false,
  'captivedetect.canonicalURL': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
  'datareporting.usage.uploadEnabled': false,
  'dom.push.connection.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.getAddons.discovery.api_url': 'data:, ',
  'extensions.systemAddon.update.enabled': false,
  'extensions.update.enabled': false,
  'extensions.webservice.discoverURL': '',
  'geo.provider.network.url': '',
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-manager.url': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.prefetch-next': false,
  // Anything not on loopback goes to a proxy on the discard port, which refuses at once: a service
  // or a fixture's third-party <script> we did not think of fails fast instead of reaching out (or
  // waiting for DNS and holding up the page's load event). Loopback stays direct.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': false,
  'network.proxy.allow_hijacking_localhost': false,
  'network.proxy.failover_direct': false,
  'network.trr.mode': 5,
  'privacy.trackingprotection.enabled': false,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'services.sync.enabled': false,
  'signon.rememberSignons': false,
  'startup.homepage_welcome_url': 'about:blank',
  'startup.homepage_welcome_url.additional': '',
  'toolkit.startup.max_resumed_crashes': -1,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
};

// The firefox-esr executable: $FIREFOX, or firefox-esr on PATH. Fails with one sentence saying how
// to get it, so a machine without Firefox fails the tests instead of skipping them.
export async function findFirefox(name = process.env.FIREFOX ?? 'firefox-esr') {
  const candidates = isAbsolute(name) ? [name] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, name));
  for (const file of candidates) {
    try {
      await access(file, constants.X_OK);
      return file;
    } catch {}
  }
  throw new Error(`${name} was not found: run \`apt-get update && apt-get install -y firefox-esr\` (as root) to run the Firefox end-to-end tests.`);
}

// Chrome-context prelude: eventUtils() loads the EventUtils.js that Marionette itself uses for
// input (its path is part of Firefox's remote agent) into an object, once per window.
const EVENT_UTILS = `
  const eventUtils = () => {
    if (!window.__lecternEventUtils) {
      const utils = { window, parent: window, _EU_Ci: Ci, _EU_Cc: Cc };
      Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', utils);
      window.__lecternEventUtils = utils;
    }
    return window.__lecternEventUtils;
  };`;

// Frames a message: "<utf-8 byte length>:<json>".
function frame(message) {
  const json = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`${json.length}:`, 'ascii'), json]);
}

export class MarionetteError extends Error {
  constructor(command, { error, message, stacktrace }) {
    super(`${command}: ${error}: ${message}`);
    this.name = 'MarionetteError';
    this.error = error;
    this.remoteStack = stacktrace;
  }
}

// One connection to Marionette: commands in flight by id, replies parsed from a byte buffer (a
// reply may arrive split over several chunks, or several replies in one).
class Connection {
  #socket;
  #buffer = Buffer.alloc(0);
  #next = 1;
  #waiting = new Map();
  #hello;
  closed = false;

  constructor(socket) {
    this.#socket = socket;
    // Without it each small command waits for Nagle's algorithm: about 40 ms a command.
    socket.setNoDelay(true);
    this.hello = new Promise((resolve, reject) => { this.#hello = { resolve, reject }; });
    socket.on('data', (chunk) => this.#receive(chunk));
    const fail = (err) => {
      this.closed = true;
      const error = err ?? new Error('Marionette connection closed');
      this.#hello.reject(error);
      for (const { reject } of this.#waiting.values()) reject(error);
      this.#waiting.clear();
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
  }

  #receive(chunk) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const colon = this.#buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString('ascii'));
      if (this.#buffer.length < colon + 1 + length) return;
      const message = JSON.parse(this.#buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      if (!Array.isArray(message)) {
        // The greeting the server sends on connect: {applicationType, marionetteProtocol}.
        this.#hello.resolve(message);
        continue;
      }
      const [, id, error, result] = message;
      const waiter = this.#waiting.get(id);
      if (!waiter) continue;
      this.#waiting.delete(id);
      if (error) waiter.reject(new MarionetteError(waiter.command, error));
      else waiter.resolve(result);
    }
  }

  send(command, params = {}) {
    if (this.closed) return Promise.reject(new Error(`${command}: Marionette connection closed`));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject, command });
      // One write per frame: a header and a body written apart cost a round trip each.
      this.#socket.write(frame([0, id, command, params]));
    });
  }

  destroy() {
    this.#socket.destroy();
  }
}

// Connects to 127.0.0.1:port, retrying while Firefox is still starting.
async function connect(port, deadline) {
  for (;;) {
    let conn;
    try {
      const socket = await new Promise((resolve, reject) => {
        const s = net.connect({ host: '127.0.0.1', port });
        s.once('connect', () => resolve(s));
        s.once('error', reject);
      });
      conn = new Connection(socket);
      await conn.hello;
      return conn;
    } catch (e) {
      conn?.destroy();
      if (Date.now() > deadline) throw new Error(`could not connect to Marionette on port ${port}: ${e.message}`);
      await sleep(50);
    }
  }
}

export class Firefox {
  #process;
  #conn;
  #context = 'content';
  #log = [];
  #exited;
  #spawnError;
  profile;
  port;
  capabilities;

  // Starts firefox-esr headless with a fresh profile and a WebDriver session.
  // Marionette listens on the port given by marionette.port; 0 lets the OS choose a free one, and
  // Marionette writes the port it got to MarionetteActivePort in the profile, so two runs at once
  // cannot collide.
  static async launch({ binary, prefs = {}, timeout = 30_000, width = 1100, height = 900 } = {}) {
    const ff = new Firefox();
    const executable = binary ?? (await findFirefox());
    ff.profile = await mkdtemp(join(tmpdir(), 'lectern-firefox-'));
    const userPrefs = { ...QUIET_PREFS, 'marionette.port': 0, ...prefs };
    await writeFile(join(ff.profile, 'user.js'), Object.entries(userPrefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
    try {
      ff.#process = spawn(executable, ['-headless', '-marionette', '-remote-allow-system-access', '-no-remote', '-profile', ff.profile], {
        // A release build (ESR) ignores the services.settings.server pref unless
        // MOZ_REMOTE_SETTINGS_DEVTOOLS is set, and then polls Mozilla's settings server in a loop.
        env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', MOZ_HEADLESS_WIDTH: String(width), MOZ_HEADLESS_HEIGHT: String(height) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // Keep the tail of Firefox's output for error messages; unread pipes would block it.
      const keep = (chunk) => { ff.#log.push(chunk.toString()); if (ff.#log.length > 200) ff.#log.shift(); };
      ff.#process.stdout.on('data', keep);
      ff.#process.stderr.on('data', keep);
      ff.#exited = new Promise((resolve) => ff.#process.once('exit', (code, signal) => resolve({ code, signal })));
      ff.#process.once('error', (e) => { ff.#spawnError = e; });
      const deadline = Date.now() + timeout;
      ff.port = await ff.#activePort(deadline);
      ff.#conn = await connect(ff.port, deadline);
      const session = await ff.#conn.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } });
      ff.capabilities = session.capabilities;
      return ff;
    } catch (e) {
      const log = ff.log();
      await ff.close();
      throw new Error(`Firefox did not start: ${e.message}${log ? `\n--- Firefox output (tail) ---\n${log}` : ''}`);
    }
  }

  async #activePort(deadline) {
    const file = join(this.profile, 'MarionetteActivePort');
    for (;;) {
      const port = Number(await readFile(file, 'utf8').catch(() => ''));
      if (port > 0) return port;
      if (this.#spawnError) throw this.#spawnError;
      if (this.#process.exitCode !== null || this.#process.signalCode !== null) throw new Error(`firefox exited (${this.#process.exitCode ?? this.#process.signalCode}) before Marionette listened`);
      if (Date.now() > deadline) throw new Error('Marionette did not report its port in time');
      await sleep(50);
    }
  }

  // The last lines Firefox printed (for failure messages).
  log(chars = 4000) {
    return this.#log.join('').slice(-chars);
  }

  send(command, params) {
    return this.#conn.send(command, params);
  }

  // 'content' (the selected tab's current frame) or 'chrome' (the browser window, privileged).
  async setContext(context) {
    if (context === this.#context) return;
    await this.send('Marionette:SetContext', { value: context });
    this.#context = context;
  }

  // Runs `script` (a function, or the source of a function body that reads `arguments`) and
  // returns its value; a returned promise is awaited. In 'chrome' context it runs with the
  // browser window as `window`.
  // `sandbox`: a named content sandbox ('system' gives chrome privileges in the page).
  async execute(script, args = [], { context = 'content', sandbox } = {}) {
    await this.setContext(context);
    const body = typeof script === 'function' ? `return (${script}).apply(null, arguments);` : script;
    const params = { script: body, args };
    if (sandbox) params.sandbox = sandbox;
    const { value } = await this.send('WebDriver:ExecuteScript', params);
    return value;
  }

  chrome(script, args) {
    return this.execute(script, args, { context: 'chrome' });
  }

  content(script, args) {
    return this.execute(script, args, { context: 'content' });
  }

  // Polls `script` (content or chrome) until it returns something truthy; returns that value.
  async waitFor(script, args = [], { context = 'content', timeout = 10_000, interval = 50, message } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.execute(script, args, { context });
        if (last) return last;
      } catch (e) {
        // A frame that navigates or goes away while we look is not yet a failure.
        last = e;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeout} ms waiting for ${message ?? 'a condition'}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
      }
      await sleep(interval);
    }
  }

  // Clicks the browser-window element matching `selector` the way a user's mouse does: mousedown
  // and mouseup through Gecko's event pipeline (hit testing, popups, XUL command dispatch), with
  // the EventUtils.js that Firefox's remote agent ships. At the element's centre, or at `x`, `y`
  // (CSS pixels from its top left); `event` as EventUtils takes it, e.g. { type: 'contextmenu',
  // button: 2 } for a right click. Returns the element's id.
  async chromeClick(selector, { x, y, ...event } = {}) {
    return this.chrome(`${EVENT_UTILS}
      const [selector, x, y, event] = arguments;
      const el = document.querySelector(selector);
      if (!el) throw new Error('no element matches ' + selector);
      if (x === null) eventUtils().synthesizeMouseAtCenter(el, event, window);
      else eventUtils().synthesizeMouse(el, x, y, event, window);
      return el.id;`, [selector, x ?? null, y ?? null, event]);
  }

  // Presses a key in the browser window as a keyboard does, e.g. chromeKey('R', { altKey: true,
  // shiftKey: true }). It goes to the focused element: the selected tab's page, unless
  // `focusPage` is false (then wherever the focus is, e.g. a frame inside the page).
  async chromeKey(key, modifiers = {}, { focusPage = true } = {}) {
    await this.chrome(`${EVENT_UTILS}
      if (arguments[2]) gBrowser.selectedBrowser.focus();
      eventUtils().synthesizeKey(arguments[0], arguments[1], window);`, [key, modifiers, focusPage]);
  }

  // The browser console's messages (errors, warnings, console.* of every process), as text;
  // only those matching `pattern` if given. For failure messages.
  async consoleMessages(pattern) {
    const all = await this.chrome(() => Services.console.getMessageArray().map((m) => m.message ?? String(m)));
    return pattern ? all.filter((m) => pattern.test(m)) : all;
  }

  // Installs the unpacked extension in `path` as a temporary add-on, as about:debugging does:
  // unsigned, from its folder, manifest as shipped. Returns the add-on's id.
  async installTemporaryAddon(path) {
    const { value } = await this.send('Addon:Install', { path, temporary: true });
    return value;
  }

  async navigate(url) {
    await this.setContext('content');
    await this.send('WebDriver:Navigate', { url });
  }

  async url() {
    await this.setContext('content');
    return (await this.send('WebDriver:GetCurrentURL')).value;
  }

  // Element references, usable as script arguments and by switchToFrame.
  async find(selector) {
    await this.setContext('content');
    return (await this.send('WebDriver:FindElement', { using: 'css selector', value: selector })).value;
  }

  // Clicks an element of the current frame as WebDriver does: scrolled into view, then a trusted
  // mouse click at its centre (so the page sees a user gesture).
  async click(selector) {
    const element = await this.find(selector);
    await this.send('WebDriver:ElementClick', { id: element[ELEMENT] });
  }

  // Into a child frame: by index among the current document's frames (this reaches frames that are
  // inside a closed shadow root, which no selector can), or by element reference. null: back to
  // the top-level document of the tab.
  async switchToFrame(target) {
    await this.setContext('content');
    if (target === null || target === undefined) await this.send('WebDriver:SwitchToFrame', {});
    else if (typeof target === 'number') await this.send('WebDriver:SwitchToFrame', { id: target });
    else await this.send('WebDriver:SwitchToFrame', { element: target[ELEMENT] ?? target });
  }

  // Into the first child frame of the tab's top-level document whose URL matches `pattern`,
  // waiting for it to appear. Found from chrome among the tab's child browsing contexts, so frames
  // inside a closed shadow root count too.
  // The frame's index is read from chrome, then used from content: a page whose frames come and
  // go between the two (Lectern sets the page's body aside, frames and all, once the view has its
  // page) is looked at again.
  async switchToFrameByUrl(pattern, { timeout = 10_000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.switchToFrame(null);
      const { index } = await this.waitFor((source, flags) => {
        const re = new RegExp(source, flags);
        const index = gBrowser.selectedBrowser.browsingContext.children.findIndex((c) => re.test(c.currentURI?.spec ?? ''));
        return index >= 0 && { index };
      }, [pattern.source, pattern.flags], { context: 'chrome', timeout: Math.max(0, deadline - Date.now()), message: `a frame at ${pattern}` });
      try {
        await this.switchToFrame(index);
        if (pattern.test(await this.content(() => location.href))) return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
      await sleep(50);
    }
  }

  async switchToParentFrame() {
    await this.setContext('content');
    await this.send('WebDriver:SwitchToParentFrame', {});
  }

  // Ends the session, stops Firefox (asked nicely first, then killed) and removes the profile.
  async close() {
    if (this.#conn && !this.#conn.closed) {
      await Promise.race([this.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => {}), sleep(2000)]);
      this.#conn.destroy();
    }
    // Only the process this object started, by its pid; Firefox's child processes end with it.
    if (this.#process?.pid && this.#process.exitCode === null && this.#process.signalCode === null) {
      const exited = await Promise.race([this.#exited.then(() => true), sleep(3000).then(() => false)]);
      if (!exited) {
        this.#process.kill('SIGKILL');
        await this.#exited;
      }
    }
    if (this.profile) await rm(this.profile, { recursive: true, force: true, maxRetries: 3 });
  }
}
