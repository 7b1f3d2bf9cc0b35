// Options: the auto-clean site list, reading defaults, and settings export/import (JSON).
import init, { parseSite } from '../pkg/lectern.js';
import { send } from '../shared/messages.js';
import { BOUNDS, DEFAULTS as READING, clamp, sanitize } from '../shared/settings.js';

await init();
const DEFAULTS = { ...READING, sites: [] };
const $ = (id) => document.getElementById(id);
for (const key of ['size', 'width']) Object.assign($(key), BOUNDS[key]);

function showError(text) {
  $('error').textContent = text;
  $('error').hidden = !text;
}

async function render() {
  const settings = await chrome.storage.sync.get(DEFAULTS);
  for (const key of ['theme', 'font', 'size', 'width']) $(key).value = settings[key];
  $('highlight').checked = settings.highlight;
  const list = $('sites');
  list.replaceChildren(...settings.sites.map((pattern) => {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = pattern;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.addEventListener('click', async () => { await send({ type: 'lectern:sites-remove', pattern }); render(); });
    li.append(name, remove);
    return li;
  }));
}

$('add').addEventListener('submit', async (e) => {
  e.preventDefault();
  showError('');
  try {
    const rule = parseSite($('pattern').value);
    if (!(await chrome.permissions.request({ origins: rule.origins }))) return showError('Lectern needs access to the site to clean its pages.');
    await send({ type: 'lectern:sites-add', pattern: rule.pattern });
    $('pattern').value = '';
    $('asked').hidden = true;
    render();
  } catch (err) {
    showError(err.message);
  }
});

$('highlight').addEventListener('change', (e) => chrome.storage.sync.set({ highlight: e.target.checked }));
for (const key of ['theme', 'font', 'size', 'width']) {
  $(key).addEventListener('change', (e) => {
    const value = e.target.type === 'number' ? clamp(key, Number(e.target.value)) : e.target.value;
    chrome.storage.sync.set({ [key]: value });
  });
}

$('export').addEventListener('click', async () => {
  const settings = await chrome.storage.sync.get(DEFAULTS);
  const blob = new Blob([JSON.stringify({ lectern: 1, ...settings }, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'lectern-settings.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

$('import').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  try {
    const data = JSON.parse(await file.text());
    if (data?.lectern !== 1) throw new Error('this is not a Lectern settings file');
    const sites = Array.isArray(data.sites) ? data.sites.map((p) => parseSite(String(p)).pattern) : [];
    const clean = { ...sanitize(data), sites };
    await chrome.storage.sync.set(clean);
    $('import-status').textContent = `Imported ${sites.length} site(s). Sites need access granted again if it was removed.`;
    render();
  } catch (err) {
    $('import-status').textContent = `Import failed: ${err.message}`;
  }
});

// Opened from a reading view's "Always clean this site" (where the browser cannot ask there): the
// site is filled in, and the reader's click on Add asks for access.
const asked = new URLSearchParams(location.hash.slice(1)).get('add');
if (asked) {
  $('pattern').value = asked;
  $('asked').textContent = `Click Add to let Lectern open pages on ${asked} cleaned. Your browser will ask you to allow it.`;
  $('asked').hidden = false;
  $('add').querySelector('button').focus();
}

render();
