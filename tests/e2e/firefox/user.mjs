// What a user does with Lectern in Firefox, shared by the Firefox end-to-end tests: the add-on's
// names as Firefox derives them, a real click on its toolbar entry, and stepping into the reading
// view it opens. Each helper takes the Firefox (./marionette.mjs) to drive.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './marionette.mjs';

export const EXTENSION = join(root, 'extension');
export const manifest = JSON.parse(await readFile(join(EXTENSION, 'manifest.json'), 'utf8'));
export const ADDON_ID = manifest.browser_specific_settings.gecko.id;
// Firefox names an extension's widgets and menu items after its id (ExtensionCommon's makeWidgetId).
export const WIDGET_BASE = ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
export const WIDGET = `${WIDGET_BASE}-browser-action`;
export const VIEW_URL = /^moz-extension:\/\/[^/]+\/view\/view\.html#/;

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
    return await firefox.waitFor(() => document.querySelector('.lectern-article') && {
      title: document.querySelector('.lectern-title')?.textContent,
      paragraphs: [...document.querySelectorAll('.lectern-article > p')].map((p) => p.textContent),
      quotes: [...document.querySelectorAll('mark.lectern-quote')].map((m) => m.dataset.speaker),
    }, [], { message: 'the article in the reading view' });
  } catch (e) {
    const messages = await firefox.consoleMessages(/moz-extension:|lectern/i).catch(() => []);
    e.message += `\nbrowser console (extension):\n${messages.join('\n') || '(nothing)'}`;
    throw e;
  }
}
