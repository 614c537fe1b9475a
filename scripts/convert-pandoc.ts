// `npx tsx scripts/convert-pandoc.ts`: regenerate tests/fixtures/converted/pandoc-*/ — the site's pages
// as pandoc converts them to Markdown (`-t gfm`, `-t markdown`, `-t commonmark`). The GFM and CommonMark
// writers keep the markup they cannot express (the site's <div> soup) as raw HTML inside Markdown.
//
// Each page is stored as <family>/<id>.md with <family>/<id>.expected.json: the expected record of its
// source page, since a converter changes the shape, never the data. Every leader is converted for each
// family. CI need not install pandoc: the output is committed. Only the pandoc-* folders are touched.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');
const out = join(root, 'tests', 'fixtures', 'converted');

if (process.argv.includes('--help')) {
  process.stdout.write('Usage: npx tsx scripts/convert-pandoc.ts\n\nRegenerate tests/fixtures/converted/pandoc-*/ (needs pandoc on PATH).\n');
  process.exit(0);
}

/** Family folder → pandoc writer. */
const writers: Record<string, string> = { 'pandoc-gfm': 'gfm', 'pandoc-markdown': 'markdown', 'pandoc-commonmark': 'commonmark' };

function pandoc(html: string, writer: string): string {
  return execFileSync('pandoc', ['-f', 'html', '-t', writer], { input: html, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
}

const ids = readdirSync(join(corpus, 'site-html')).filter((n) => n.endsWith('.html')).map((n) => n.slice(0, -5)).sort();
for (const [family, writer] of Object.entries(writers)) {
  const dir = join(out, family);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const id of ids) {
    const html = readFileSync(join(corpus, 'site-html', `${id}.html`), 'utf8');
    writeFileSync(join(dir, `${id}.md`), pandoc(html, writer));
    writeFileSync(join(dir, `${id}.expected.json`), readFileSync(join(corpus, 'expected', 'site-html', `${id}.json`), 'utf8'));
  }
}
process.stderr.write(`converted ${ids.length} leaders into ${Object.keys(writers).length} pandoc families under ${out}\n`);
