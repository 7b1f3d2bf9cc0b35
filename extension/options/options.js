// Options: the auto-clean site list, reading defaults, and settings export/import (JSON).
import init, { parseSite } from '../pkg/lectern.js';

await init();
const DEFAULTS = { theme: 'system', font: 'serif', size: 20, width: 68, sites: [] };
const $ = (id) => document.getElementById(id);
const send = async (msg) => {
  const res = await chrome.runtime.sendMessage(msg);
  if (!res?.ok) throw new Error(res?.error ?? 'no answer from Lectern');
  return res.value;
};

function showError(text) {
  $('error').textContent = text;
  $('error').hidden = !text;
}

async function render() {
  const settings = await chrome.storage.sync.get(DEFAULTS);
  for (const key of ['theme', 'font', 'size', 'width']) $(key).value = settings[key];
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
    render();
  } catch (err) {
    showError(err.message);
  }
});

for (const key of ['theme', 'font', 'size', 'width']) {
  $(key).addEventListener('change', (e) => {
    const value = e.target.type === 'number' ? Number(e.target.value) : e.target.value;
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
    const clean = {
      theme: ['system', 'light', 'sepia', 'dark'].includes(data.theme) ? data.theme : DEFAULTS.theme,
      font: ['serif', 'sans'].includes(data.font) ? data.font : DEFAULTS.font,
      size: Number.isFinite(data.size) ? Math.min(32, Math.max(14, data.size)) : DEFAULTS.size,
      width: Number.isFinite(data.width) ? Math.min(100, Math.max(45, data.width)) : DEFAULTS.width,
      sites,
    };
    await chrome.storage.sync.set(clean);
    $('import-status').textContent = `Imported ${sites.length} site(s). Sites need access granted again if it was removed.`;
    render();
  } catch (err) {
    $('import-status').textContent = `Import failed: ${err.message}`;
  }
});

render();
