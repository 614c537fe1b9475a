// validate and ingest judge the same pages the same way: on one folder, every source gets the same
// diagnostics (rule, severity, line, column, message) from both — duplicate ids across the pages and
// themes learned from the batch included.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');

interface Message {
  rule: string;
  severity: string;
  line: number;
  column: number;
  message: string;
}

let site: string;

function place(from: string, to: string, text?: string): void {
  mkdirSync(join(site, dirname(to)), { recursive: true });
  if (text === undefined) copyFileSync(join(corpus, from), join(site, to));
  else writeFileSync(join(site, to), text);
}

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'leaderpages-agree-'));
  // The same leader twice: the second by path is a duplicate.
  place('clean-md/bill-carr.md', 'raw/a/bill-carr.md');
  place('seed-text/bill-carr.txt', 'raw/b/bill-carr.txt');
  // A page whose run-together themes are split right only with what another page of the batch teaches.
  place('seed-text/ami-vora.txt', 'raw/ami-vora.txt');
  const seedThemes = (JSON.parse(readFileSync(join(corpus, 'expected', 'seed-text', 'ami-vora.json'), 'utf8')) as { themes: string[] }).themes;
  const template = readFileSync(join(corpus, 'clean-md', 'bill-carr.md'), 'utf8').split('Bill Carr').join('Zora Example');
  place('', 'raw/z/zora-example.md', template.replace(/## Key Themes\n\n(?:- .*\n)+/, `## Key Themes\n\n${seedThemes.map((t) => `- ${t}\n`).join('')}`));
  place('site-html/brian-balfour.html', 'raw/brian-balfour.html');
});

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
});

const pick = ({ rule, severity, line, column, message }: Message): Message => ({ rule, severity, line, column, message });

describe('validate and ingest on the same folder', () => {
  it('report the same diagnostics for every source', () => {
    const validate = spawnSync(process.execPath, [cli, 'validate', 'raw', '--format', 'json'], { cwd: site, encoding: 'utf8' });
    const ingest = spawnSync(process.execPath, [cli, 'ingest', 'raw', '--out', 'out', '--quiet'], { cwd: site, encoding: 'utf8' });
    expect(validate.status).toBe(1);
    expect(ingest.status).toBe(1);
    const linted = JSON.parse(validate.stdout) as { path: string; messages: Message[] }[];
    const report = JSON.parse(readFileSync(join(site, 'out', 'report.json'), 'utf8')) as { sources: { path: string; diagnostics: Message[] }[] };
    const byValidate = Object.fromEntries(linted.map((r) => [r.path, r.messages.map(pick)]));
    const byIngest = Object.fromEntries(report.sources.map((s) => [s.path, s.diagnostics.map(pick)]));
    expect(byValidate).toEqual(byIngest);

    // The cases above are really there (so this test can fail).
    expect(byValidate['raw/b/bill-carr.txt']?.map((m) => m.rule)).toContain('duplicate-id');
    expect(byValidate['raw/a/bill-carr.md']?.map((m) => m.rule)).not.toContain('duplicate-id');
    const themes = byValidate['raw/ami-vora.txt']?.find((m) => m.rule === 'themes-inferred');
    expect(themes?.message).toContain('"metaphors for product alignment"');
  });
});
