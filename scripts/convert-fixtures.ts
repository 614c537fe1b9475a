// `npx tsx scripts/convert-fixtures.ts`: regenerate tests/fixtures/converted/ — the site's pages as
// real text browsers copy them (w3m, lynx, lynx -nolist at widths 60, 80, 200), and pages of our own
// site templates (built from the corpus records' data) as HTML and through the same tools; and, at
// width 80, both through other converters nobody tuned the parser for when they were added: elinks
// (link numbers, no reference list), links, html2text (Debian's C tool: `*****` headings, underscored
// links, no blank lines), html2markdown (python3-html2text: wrapped link targets, `->` arrows),
// pandoc's plain text, and the html-to-text npm package (headings in capitals, `[url]` after links).
//
// Each converted page is stored as <family>/<id>.txt (or .html) with <family>/<id>.expected.json: the
// expected record of its source page, since a converter changes the shape, never the data.
//
// Size: every page is converted at width 80; at widths 60 and 200 a rotating third of the leaders
// (index % 3, shifted per tool) is converted, so each leader is seen at several widths overall.
// CI need not install the tools: the output is committed. Requires w3m, lynx, elinks, links,
// html2text, html2markdown and pandoc on PATH (Debian: w3m lynx elinks links html2text
// python3-html2text pandoc).

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { convert as htmlToText } from 'html-to-text';
import { renderTemplate, templateNames } from './siteTemplates.js';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');
const out = join(root, 'tests', 'fixtures', 'converted');

if (process.argv.includes('--help')) {
  process.stdout.write('Usage: npx tsx scripts/convert-fixtures.ts\n\nRegenerate tests/fixtures/converted/ (needs w3m, lynx, elinks, links, html2text, html2markdown, pandoc).\n');
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

/** Converters that read a file: at width 80 only, each with the extension of what it writes. */
interface FileTool {
  name: string;
  ext: string;
  run(file: string): string;
}

const fileTools: FileTool[] = [
  { name: 'elinks', ext: 'txt', run: (f) => execFile('elinks', ['-dump', '-dump-width', '80', '-no-references', '-force-html', f]) },
  { name: 'links', ext: 'txt', run: (f) => execFile('links', ['-dump', '-width', '80', f]) },
  { name: 'html2text', ext: 'txt', run: (f) => execFile('html2text', ['-utf8', '-width', '80', f]) },
  { name: 'html2markdown', ext: 'md', run: (f) => execFile('html2markdown', ['--body-width=78', f]) },
  { name: 'pandoc-plain', ext: 'txt', run: (f) => execFile('pandoc', ['-f', 'html', '-t', 'plain', '--columns=80', f]) },
  { name: 'html-to-text', ext: 'txt', run: (f) => htmlToText(readFileSync(f, 'utf8'), { wordwrap: 80 }) },
];

const scratch = mkdtempSync(join(tmpdir(), 'leaderpages-convert-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

function execFile(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
}

/** The page through a converter that reads files. */
function convertFile(tool: FileTool, html: string): string {
  const file = join(scratch, 'page.html');
  writeFileSync(file, html);
  return tool.run(file);
}

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
const families = [
  ...tools.flatMap((tool) => widths.map((width) => `${tool.name}-${width}`)),
  'template-html',
  ...tools.map((tool) => `template-${tool.name}-80`),
  ...fileTools.flatMap((tool) => [`${tool.name}-80`, `template-${tool.name}-80`]),
];
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
  for (const tool of fileTools) {
    write(`${tool.name}-80`, id, tool.ext, convertFile(tool, html), expected);
    write(`template-${tool.name}-80`, id, tool.ext, convertFile(tool, page), expected);
  }
});

process.stderr.write(`converted ${ids.length} leaders into ${families.length} families under ${out}\n`);
