// What a user does with Lectern in Firefox, shared by the Firefox end-to-end tests: the add-on's
// names as Firefox derives them, a real click on its toolbar entry, and stepping into the reading
// view it opens; a right-click on the toolbar entry and a click on one of Lectern's items in that
// menu; a click on "Allow" in Firefox's permission prompt. Each helper takes the Firefox
// (./marionette.mjs) to drive.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Firefox, findFirefox, startServer, root } from './marionette.mjs';

export const EXTENSION = join(root, 'extension');
export const manifest = JSON.parse(await readFile(join(EXTENSION, 'manifest.json'), 'utf8'));
export const ADDON_ID = manifest.browser_specific_settings.gecko.id;
// Firefox names an extension's widgets and menu items after its id (ExtensionCommon's makeWidgetId).
export const WIDGET_BASE = ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
export const WIDGET = `${WIDGET_BASE}-browser-action`;
export const VIEW_URL = /^moz-extension:\/\/[^/]+\/view\/view\.html#/;

// A test file's Firefox (fresh profile, `prefs` on top of the quiet ones) and test server, with
// Lectern installed from extension/ as a temporary add-on unless `install` is false. Fails, saying
// what to do, without the built wasm or without firefox-esr: nothing is skipped.
export async function startFirefox({ prefs, install = true } = {}) {
  await access(join(EXTENSION, 'pkg/lectern_bg.wasm')).catch(() => {
    throw new Error('extension/pkg/lectern_bg.wasm is missing: run ./build.sh first.');
  });
  await findFirefox();
  const server = await startServer();
  let firefox;
  try {
    firefox = await Firefox.launch({ prefs });
    if (install) {
      const id = await firefox.installTemporaryAddon(EXTENSION);
      if (id !== ADDON_ID) throw new Error(`the add-on installed as ${id}, not ${ADDON_ID}`);
    }
  } catch (e) {
    await firefox?.close();
    await server.close();
    throw e;
  }
  return { server, firefox };
}

const panelState = (firefox) => firefox.chrome(() => document.getElementById('unified-extensions-panel')?.state ?? 'closed');
const waitPanel = (firefox, state) => firefox.waitFor((s) => (document.getElementById('unified-extensions-panel')?.state ?? 'closed') === s, [state], {
  context: 'chrome', message: `the Extensions panel to be ${state}`,
});

// A user's click on Lectern's toolbar button. MV3 extensions start unpinned, in the Extensions
// panel: click the panel's toolbar button, then Lectern's entry in it. Pinned, the same widget sits
// in the toolbar and is clicked there directly.
export async function clickToolbarButton(firefox) {
  const area = await firefox.waitFor((id) => CustomizableUI.getPlacementOfWidget(id)?.area, [WIDGET], {
    context: 'chrome', message: "Lectern's toolbar widget",
  });
  const inPanel = area === (await firefox.chrome(() => CustomizableUI.AREA_ADDONS));
  if (inPanel) {
    // A panel left open (by a failed test) would be closed, not opened, by a click on its button.
    if ((await panelState(firefox)) !== 'open') {
      await waitPanel(firefox, 'closed');
      await firefox.chromeClick('#unified-extensions-button');
      await waitPanel(firefox, 'open');
    }
  }
  await firefox.chromeClick(`#${WIDGET} .unified-extensions-item-action-button`);
  // Clicking an entry closes the panel; waiting for that keeps the next click from finding it half shut.
  if (inPanel) await waitPanel(firefox, 'closed');
}

// Switches into the reading view's frame (a moz-extension:// page in an iframe inside a closed
// shadow root, found among the tab's child browsing contexts) and waits for its article. Returns
// what the view shows; leaves the driver in the frame. On failure, says what the browser console
// has from the extension.
export async function enterView(firefox) {
  try {
    await firefox.switchToFrameByUrl(VIEW_URL);
    return await firefox.waitFor(() => document.querySelector('main:not([aria-busy]) .lectern-article') && {
      title: document.querySelector('.lectern-title')?.textContent,
      paragraphs: [...document.querySelectorAll('.lectern-article > p')].map((p) => p.textContent),
      quotes: [...document.querySelectorAll('mark.lectern-quote')].map((m) => m.dataset.speaker),
      // The core's files the view loaded itself (none: the background made the view).
      coreLoads: performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /\.wasm$|\/pkg\//.test(n)),
    }, [], { message: 'the article in the reading view' });
  } catch (e) {
    const messages = await firefox.consoleMessages(/moz-extension:|lectern/i).catch(() => []);
    e.message += `\nbrowser console (extension):\n${messages.join('\n') || '(nothing)'}`;
    throw e;
  }
}

// How many reading views the selected tab holds (frames at the view's address, found from chrome
// among the tab's child browsing contexts, so those in a closed shadow root count too).
export const viewFrameCount = (firefox) => firefox.chrome((source) => gBrowser.selectedBrowser.browsingContext.children
  .filter((c) => new RegExp(source).test(c.currentURI?.spec ?? '')).length, [VIEW_URL.source]);

// A user's right-click on Lectern's toolbar entry, then a click on one of the items the extension
// added to that menu (`item`: the id it gave chrome.contextMenus.create, e.g. 'lectern-copy-text').
// Unpinned, the entry sits in the Extensions panel and its menu is the panel's
// #unified-extensions-context-menu; pinned, it is the toolbar's #toolbar-context-menu. Firefox
// builds the extension's items into the menu as it opens, and names them after the add-on's id.
export async function chooseFromActionMenu(firefox, item) {
  const area = await firefox.waitFor((id) => CustomizableUI.getPlacementOfWidget(id)?.area, [WIDGET], {
    context: 'chrome', message: "Lectern's toolbar widget",
  });
  const inPanel = area === (await firefox.chrome(() => CustomizableUI.AREA_ADDONS));
  const menuId = inPanel ? 'unified-extensions-context-menu' : 'toolbar-context-menu';
  if (inPanel && (await panelState(firefox)) !== 'open') {
    await waitPanel(firefox, 'closed');
    await firefox.chromeClick('#unified-extensions-button');
    await waitPanel(firefox, 'open');
  }
  await firefox.chromeClick(inPanel ? `#${WIDGET} .unified-extensions-item-action-button` : `#${WIDGET}`, { type: 'contextmenu', button: 2 });
  const menuItem = `${WIDGET_BASE}-menuitem-_${item}`;
  await firefox.waitFor((menu, id) => document.getElementById(menu)?.state === 'open' && document.getElementById(id)?.parentNode?.id === menu
    && !document.getElementById(id).hidden, [menuId, menuItem], { context: 'chrome', message: `"${item}" in Lectern's ${menuId}` });
  await firefox.chromeClick(`#${menuItem}`);
  await firefox.waitFor((menu) => document.getElementById(menu).state === 'closed', [menuId], { context: 'chrome', message: `the ${menuId} to close` });
  // The menu's command leaves the Extensions panel as it was: close it as a user would, with its button.
  if (inPanel && (await panelState(firefox)) === 'open') {
    await firefox.chromeClick('#unified-extensions-button');
    await waitPanel(firefox, 'closed');
  }
}

// Firefox's own prompt for an extension's permissions request (ExtensionsUI's PopupNotifications
// doorhanger 'addon-webext-permissions', for optional permissions too): waits for it to show in
// the browser window, then clicks its "Allow" button as the user would. Returns what it said:
// { header, text } (text: the permissions listed, e.g. the sites). `whileShown`, if given, runs
// while the prompt waits for the click (to check that nothing was granted yet).
export async function acceptPermissionPrompt(firefox, { whileShown } = {}) {
  const shown = await firefox.waitFor(() => {
    const popup = document.getElementById('notification-popup');
    const el = document.getElementById('addon-webext-permissions-notification');
    return popup?.state === 'open' && el && !el.hidden && PopupNotifications.getNotification('addon-webext-permissions', gBrowser.selectedBrowser)
      && { header: el.querySelector('.popup-notification-description')?.textContent ?? '', text: el.textContent };
  }, [], { context: 'chrome', message: "Firefox's permission prompt (addon-webext-permissions)" });
  await whileShown?.(shown);
  await firefox.chromeClick('#addon-webext-permissions-notification .popup-notification-primary-button');
  await firefox.waitFor(() => !PopupNotifications.getNotification('addon-webext-permissions', gBrowser.selectedBrowser)
    && document.getElementById('notification-popup')?.state !== 'open', [], { context: 'chrome', message: 'the permission prompt to go' });
  return shown;
}
