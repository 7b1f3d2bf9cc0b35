// What a printed PDF holds, read with poppler's pdfinfo and pdftotext: its page count and its text.
import assert from 'node:assert/strict';
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

const collapse = (t) => t.replace(/\s+/g, ' ').trim();

// What the tab must print while the view shows, in either browser: the whole article over several
// pages (its title; its first, middle and last paragraph, each by its first and last six words)
// and nothing of the view's toolbar or panels.
export function assertWholeArticlePrinted(printed, { title, paragraphs }) {
  assert.ok(printed.pages >= 3, `${printed.pages} page(s): the whole article, not its first screen`);
  assert.ok(printed.collapsed.includes(collapse(title)), 'the title is printed');
  for (const p of [paragraphs[0], paragraphs[Math.floor(paragraphs.length / 2)], paragraphs.at(-1)]) {
    const words = collapse(p).split(' ');
    assert.ok(printed.collapsed.includes(words.slice(0, 6).join(' ')) && printed.collapsed.includes(words.slice(-6).join(' ')),
      `the paragraph "${words.slice(0, 6).join(' ')}…" is printed`);
  }
  for (const chrome of ['Always clean this site', 'Original', 'Removed (', 'Quotes (', 'Copy']) {
    assert.ok(!printed.collapsed.includes(chrome), `no "${chrome}" on paper`);
  }
}
