// Summarise criterion's estimates (target/criterion) of `cargo bench --bench extract`:
// per-page Lectern vs dom_smoothie (ratio, MB/s) and the scaling series. Writes docs/bench-native.md.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';

const root = fileURLToPath(new URL('..', import.meta.url));
const base = join(root, 'target/criterion');
const estimate = async (dir) => JSON.parse(await readFile(join(dir, 'new/estimates.json'), 'utf8')).median.point_estimate / 1e6; // ms
const bytesOf = async (dir) => JSON.parse(await readFile(join(dir, 'new/benchmark.json'), 'utf8')).throughput?.Bytes ?? 0;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const rows = [];
for (const page of (await readdir(join(base, 'corpus'))).sort()) {
  const l = join(base, 'corpus', page, 'lectern');
  const d = join(base, 'corpus', page, 'dom_smoothie');
  if (!existsSync(l) || !existsSync(d)) continue;
  const bytes = await bytesOf(l);
  rows.push({ page, bytes, lectern: await estimate(l), smoothie: await estimate(d) });
}
const scaling = [];
if (existsSync(join(base, 'scaling'))) {
  for (const size of await readdir(join(base, 'scaling'))) {
    const dir = join(base, 'scaling', size);
    if (!existsSync(join(dir, 'new'))) continue;
    scaling.push({ bytes: await bytesOf(dir), ms: await estimate(dir) });
  }
  scaling.sort((a, b) => a.bytes - b.bytes);
}
for (const r of rows) r.ratio = r.lectern / r.smoothie;
const totalBytes = rows.reduce((s, r) => s + r.bytes, 0);
const totalMs = rows.reduce((s, r) => s + r.lectern, 0);
let md = `# Native benchmark: Lectern vs dom_smoothie (Readability.js port)\n\n`;
md += `One run of \`cargo bench --bench extract\` on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), criterion medians.\n\n`;
md += `- ${rows.length} corpus pages: **median ratio Lectern / dom_smoothie ${median(rows.map((r) => r.ratio)).toFixed(2)}**; median Lectern time ${median(rows.map((r) => r.lectern)).toFixed(2)} ms per page; `;
md += `throughput over the corpus ${(totalBytes / 1e6 / (totalMs / 1e3)).toFixed(1)} MB/s\n`;
md += `- Pages where Lectern is slower than dom_smoothie: ${rows.filter((r) => r.ratio > 1).length}\n\n`;
if (scaling.length) {
  md += `## Scaling (synthetic article pages)\n\n| size | time ms | MB/s | ms per MB |\n|---:|---:|---:|---:|\n`;
  for (const s of scaling) md += `| ${(s.bytes / 1e6).toFixed(2)} MB | ${s.ms.toFixed(2)} | ${(s.bytes / 1e6 / (s.ms / 1e3)).toFixed(1)} | ${(s.ms / (s.bytes / 1e6)).toFixed(2)} |\n`;
  md += `\nA constant "ms per MB" down the column is linear growth.\n\n`;
}
md += `## Per page\n\n| page | KB | Lectern ms | dom_smoothie ms | ratio |\n|---|---:|---:|---:|---:|\n`;
for (const r of rows) md += `| ${r.page} | ${(r.bytes / 1024).toFixed(0)} | ${r.lectern.toFixed(3)} | ${r.smoothie.toFixed(3)} | ${r.ratio.toFixed(2)} |\n`;
await writeFile(join(root, 'docs/bench-native.md'), md);
console.log(md.split('\n## Per page')[0]);
