// What a printed PDF holds, read with poppler's pdfinfo and pdftotext: its page count and its text.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function readPdf(bytes) {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-pdf-'));
  try {
    const file = join(dir, 'printed.pdf');
    await writeFile(file, bytes);
    const run = (cmd, args) => {
      try {
        return execFileSync(cmd, args, { encoding: 'utf8' });
      } catch (e) {
        throw new Error(`${cmd} failed (${e.message}): install poppler-utils (Debian: apt-get install poppler-utils)`);
      }
    };
    const pages = Number(run('pdfinfo', [file]).match(/^Pages:\s+(\d+)/m)?.[1]);
    const text = run('pdftotext', ['-layout', file, '-']);
    return { pages, text, collapsed: text.replace(/\s+/g, ' ') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
