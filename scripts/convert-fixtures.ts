// `npx tsx scripts/convert-fixtures.ts`: regenerate tests/fixtures/converted/ — the site's pages as
// real text browsers copy them (w3m, lynx, lynx -nolist at widths 60, 80, 200), and pages of our own
// site templates (built from the corpus records' data) as HTML and through the same tools.
//
// Each converted page is stored as <family>/<id>.txt (or .html) with <family>/<id>.expected.json: the
// expected record of its source page, since a converter changes the shape, never the data.
//
// Size: every page is converted at width 80; at widths 60 and 200 a rotating third of the leaders
// (index % 3, shifted per tool) is converted, so each leader is seen at several widths overall.
// CI need not install the tools: the output is committed. Requires w3m and lynx on PATH.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderTemplate, templateNames } from './siteTemplates.js';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');
const out = join(root, 'tests', 'fixtures', 'converted');

if (process.argv.includes('--help')) {
  process.stdout.write('Usage: npx tsx scripts/convert-fixtures.ts\n\nRegenerate tests/fixtures/converted/ (needs w3m and lynx).\n');
  process.exit(0);
}

interface Tool {
  name: string;
  run(html: string, width: number): string;
}

const tools: Tool[] = [
  { name: 'w3m', run: (html, width) => exec('w3m', ['-dump', '-T', 'text/html', '-cols', String(width)], html) },
  { name: 'lynx', run: (html, width) => exec('lynx', ['-dump', '-force_html', '-stdin', `-width=${width}`], html) },
  { name: 'lynx-nolist', run: (html, width) => exec('lynx', ['-dump', '-nolist', '-force_html', '-stdin', `-width=${width}`], html) },
];
const widths = [60, 80, 200];

function exec(command: string, args: string[], input: string): string {
  return execFileSync(command, args, { input, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
}

/** Width 80 for every page; the other widths for a rotating third of the leaders. */
function chosen(index: number, toolIndex: number, width: number): boolean {
  if (width === 80) return true;
  return (index + toolIndex + (width === 60 ? 0 : 1)) % 3 === 0;
}

function write(family: string, id: string, ext: string, text: string, expected: string): void {
  const dir = join(out, family);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${id}.${ext}`), text);
  writeFileSync(join(dir, `${id}.expected.json`), expected);
}

// Only the families this script makes are replaced; others in the folder (pandoc's, say) are left alone.
const families = [...tools.flatMap((tool) => widths.map((width) => `${tool.name}-${width}`)), 'template-html', ...tools.map((tool) => `template-${tool.name}-80`)];
for (const family of families) rmSync(join(out, family), { recursive: true, force: true });
const ids = readdirSync(join(corpus, 'site-html')).filter((n) => n.endsWith('.html')).map((n) => n.slice(0, -5)).sort();

ids.forEach((id, index) => {
  const html = readFileSync(join(corpus, 'site-html', `${id}.html`), 'utf8');
  const expected = readFileSync(join(corpus, 'expected', 'site-html', `${id}.json`), 'utf8');
  tools.forEach((tool, toolIndex) => {
    for (const width of widths) {
      if (chosen(index, toolIndex, width)) write(`${tool.name}-${width}`, id, 'txt', tool.run(html, width), expected);
    }
  });
  // Our own templates: each leader rendered with one of them (rotating), as HTML and through the tools at 80.
  const template = templateNames[index % templateNames.length]!;
  const record = JSON.parse(expected) as Parameters<typeof renderTemplate>[1];
  const page = renderTemplate(template, record);
  write('template-html', id, 'html', page, expected);
  for (const tool of tools) write(`template-${tool.name}-80`, id, 'txt', tool.run(page, 80), expected);
});

process.stderr.write(`converted ${ids.length} leaders into ${families.length} families under ${out}\n`);
