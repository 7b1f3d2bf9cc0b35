// Pack the unpacked extension folder into a zip a store accepts (manifest at the root).
// usage: node tests/e2e/pack.mjs extension dist/lectern-extension.zip
import { zipSync } from 'fflate';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [dir, out] = process.argv.slice(2);
const files = {};
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) walk(p);
    else files[relative(dir, p)] = readFileSync(p);
  }
};
walk(dir);
if (!files['manifest.json'] || !files['pkg/lectern_bg.wasm']) {
  console.error('pack: the extension is not built (manifest.json or pkg/lectern_bg.wasm missing); run ./build.sh');
  process.exit(1);
}
writeFileSync(out, zipSync(files, { level: 9 }));
console.error(`pack: ${out} (${Object.keys(files).length} files)`);
