// Sites of real pages for the run report tests: corpus pages of every family (each a different leader),
// one page that breaks, one duplicate leader; and pages whose text and file names carry script payloads.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');
const families = ['clean-md', 'inner-text', 'seed-text', 'site-html', 'turndown-md'];

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cwd: string, ...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `perFamily` different leaders from each family, plus: an empty page (rejected), a copy of the first
 * leader in another family under a later path (skipped as a duplicate id), a page whose first
 * dimension reads 170% (rejected, with a located error), and a link to nothing (skipped by the walk).
 */
export function makeReportSite(perFamily: number): string {
  const site = mkdtempSync(join(tmpdir(), 'lp-report-'));
  const raw = join(site, 'raw');
  let offset = 0;
  for (const family of families) {
    mkdirSync(join(raw, family), { recursive: true });
    const files = readdirSync(join(corpus, family)).sort();
    for (const file of files.slice(offset, offset + perFamily)) copyFileSync(join(corpus, family, file), join(raw, family, file));
    offset += perFamily;
  }
  const first = readdirSync(join(corpus, 'inner-text')).sort()[0] ?? '';
  mkdirSync(join(raw, 'zz-copies'));
  copyFileSync(join(corpus, 'inner-text', first), join(raw, 'zz-copies', first));
  writeFileSync(join(raw, 'empty.txt'), '');
  symlinkSync('gone.txt', join(raw, 'dangling.txt'));
  const seed = readFileSync(join(corpus, '..', 'seed', 'bill-carr.txt'), 'utf8');
  writeFileSync(join(raw, 'out-of-range.txt'), seed.replaceAll('Bill Carr', 'Range Tester').replace(/Strategic Vision \d+%/, 'Strategic Vision 170%'));
  return site;
}

/** A payload that calls window.__pwn(tag) if it is ever parsed as HTML or followed as a link. */
export function payload(tag: string): string {
  return `<script>__pwn("${tag}-script")</script><img src=x onerror=__pwn("${tag}-img")>javascript:__pwn("${tag}-js")`;
}

/** Payloads in names, bios, quotes, themes, headings and file names, in text, Markdown and HTML pages. */
export function makeHostileSite(): string {
  const site = mkdtempSync(join(tmpdir(), 'lp-report-hostile-'));
  const raw = join(site, 'raw');
  mkdirSync(raw);
  const seed = readFileSync(join(corpus, '..', 'seed', 'bill-carr.txt'), 'utf8');
  const md = readFileSync(join(corpus, 'turndown-md', 'andy-raskin.md'), 'utf8');
  const html = readFileSync(join(corpus, 'site-html', 'ami-vora.html'), 'utf8');
  const escaped = (tag: string): string => payload(tag).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  // Plain text whose name line is not shaped like a person's name: written, with name-guessed and
  // unsafe-name warnings that quote the name.
  writeFileSync(
    join(raw, '<img src=x onerror=__pwn("file-text")>.txt'),
    seed
      .replaceAll('Bill Carr', 'Evil <img src=x onerror=__pwn("name")> Carr')
      .replace('Spent 15 years', `${payload('bio')} Spent 15 years`)
      .replace('"Jeff would say,', `"${payload('quote')} Jeff would say,`)
      .replace('working backwards process', `${payload('theme')} working backwards process`)
      .replace('Episode Summary', `${payload('heading')}\n\nSome text.\n\nEpisode Summary`),
  );
  writeFileSync(join(raw, 'javascript:__pwn("file-js").txt'), seed.replaceAll('Bill Carr', 'Bill <script>__pwn("name2")</script>'));
  // Markdown with a title heading: written, payloads (escaped as Markdown text) in its name and bio.
  writeFileSync(
    join(raw, '"><svg onload=__pwn("file-md")>.md'),
    md
      .replace(/^Andy Raskin {0,2}$/m, 'Andy \\<img src=x onerror=__pwn("mdname")\\> Raskin')
      .replace('Helps CEOs', `${payload('mdbio').replace(/[<>]/g, (c) => `\\${c}`)} Helps CEOs`),
  );
  // HTML whose entity-escaped text decodes to payloads (name, a heading, a quote): written.
  writeFileSync(
    join(raw, "'><iframe src=javascript:__pwn('file-html')>.html"),
    html
      .replace('>Ami Vora</h1>', '>Ami &lt;script&gt;__pwn("htmlname")&lt;/script&gt; Vora</h1>')
      .replace('<h2 class="mb-4 text-lg font-semibold">Key Themes</h2>', `<h2 class="mb-4 text-lg font-semibold">${escaped('htmlheading')}</h2><p>x</p><h2 class="mb-4 text-lg font-semibold">Key Themes</h2>`)
      .replace('"I really enjoy', `"${escaped('htmlquote')} I really enjoy`),
  );
  return site;
}
