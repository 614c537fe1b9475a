// The real `leaderpages ingest` splitting run-together key themes with what it has seen with separators:
// other pages of the same run (second pass), earlier runs (leaders.db) and the config's lexicon file —
// and doing so deterministically: --force re-runs and different thread counts give the same bytes.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');
const sites: string[] = [];
afterAll(() => {
  for (const site of sites) rmSync(site, { recursive: true, force: true });
});

// A seed-text page whose themes line is one run of words; split without help, it comes out wrong.
const seedPage = 'seed-text/ami-vora.txt';
const seedThemes = (JSON.parse(readFileSync(join(corpus, 'expected', 'seed-text', 'ami-vora.json'), 'utf8')) as { themes: string[] }).themes;

interface Run {
  status: number | null;
  stderr: string;
}

function ingest(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [cli, 'ingest', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

function newSite(): string {
  const site = mkdtempSync(join(tmpdir(), 'lp-lexicon-'));
  sites.push(site);
  return site;
}

function copyPage(site: string, page: string, to = join('raw', page)): void {
  mkdirSync(join(site, dirname(to)), { recursive: true });
  copyFileSync(join(corpus, page), join(site, to));
}

/** A made-up leader's clean Markdown page that lists `themes` one per item (path sorts after the seed page). */
function writeSeparatedPage(site: string, themes: readonly string[], to = 'raw/z/zora-example.md'): void {
  const template = readFileSync(join(corpus, 'clean-md', 'bill-carr.md'), 'utf8').split('Bill Carr').join('Zora Example');
  const page = template.replace(/## Key Themes\n\n(?:- .*\n)+/, `## Key Themes\n\n${themes.map((t) => `- ${t}\n`).join('')}`);
  expect(page).not.toBe(template);
  mkdirSync(join(site, dirname(to)), { recursive: true });
  writeFileSync(join(site, to), page);
}

function themesOf(site: string, id: string, out = 'out'): string[] {
  return (JSON.parse(readFileSync(join(site, out, 'leaders', `${id}.json`), 'utf8')) as { themes: string[] }).themes;
}

function outputs(dir: string): Map<string, string> {
  const files = new Map<string, string>([['leaders.ndjson', readFileSync(join(dir, 'leaders.ndjson'), 'utf8')]]);
  for (const f of readdirSync(join(dir, 'leaders')).sort()) files.set(f, readFileSync(join(dir, 'leaders', f), 'utf8'));
  return files;
}

interface Report {
  run: { counts: Record<string, number> };
  sources: { path: string; status: string; diagnostics: { rule: string; message: string }[] }[];
}

function readReport(out: string): Report {
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
}

describe('themes learned within one run', () => {
  it('without help the seed page comes out wrong (so the cases below can fail)', () => {
    const site = newSite();
    copyPage(site, seedPage);
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    expect(themesOf(site, 'ami-vora')).not.toEqual(seedThemes);
  });

  it('splits the run-together page with themes another page of the batch listed, even one parsed after it', () => {
    const site = newSite();
    copyPage(site, seedPage, 'raw/a/ami-vora.txt');
    writeSeparatedPage(site, seedThemes);
    const run = ingest(site, 'raw', '--out', 'out', '--concurrency', '2');
    expect(run.status).toBe(0);
    expect(themesOf(site, 'ami-vora')).toEqual(seedThemes);

    // The report has one entry per source, and the seed page's entry is the second pass's.
    const report = readReport(join(site, 'out'));
    expect(report.run.counts).toMatchObject({ sources: 2, written: 2, unchanged: 0, rejected: 0 });
    expect(report.sources.map((s) => s.path)).toEqual(['raw/a/ami-vora.txt', 'raw/z/zora-example.md']);
    const inferred = report.sources[0]?.diagnostics.find((d) => d.rule === 'themes-inferred');
    expect(inferred?.message).toContain(seedThemes.map((t) => `"${t}"`).join(', '));

    // Rows agree with the file, and no row is left provisional.
    const db = new Database(join(site, 'out', 'leaders.db'), { readonly: true });
    expect(db.prepare(`SELECT text FROM themes WHERE leader_id = 'ami-vora' ORDER BY position`).pluck().all()).toEqual(seedThemes);
    expect(db.prepare('SELECT count(*) FROM sources WHERE config_sha256 IS NULL').pluck().get()).toBe(0);
    db.close();

    // Unchanged re-run: nothing parsed, no file touched.
    const before = statSync(join(site, 'out', 'leaders', 'ami-vora.json')).mtimeMs;
    const bytes = outputs(join(site, 'out'));
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    expect(readReport(join(site, 'out')).run.counts).toMatchObject({ written: 0, unchanged: 2 });
    expect(statSync(join(site, 'out', 'leaders', 'ami-vora.json')).mtimeMs).toBe(before);
    expect(outputs(join(site, 'out'))).toEqual(bytes);
  });

  it('gives byte-identical outputs on --force re-runs and whatever the number of threads', () => {
    const site = newSite();
    // Different leaders of every text and Markdown shape, run-together and separated ones mixed.
    const pages = [
      'seed-text/ami-vora.txt',
      'seed-text/annie-duke.txt',
      'seed-text/camille-hearst.txt',
      'turndown-md/chip-conley.md',
      'turndown-md/dalton-caldwell.md',
      'clean-md/bill-carr.md',
      'clean-md/evan-lapointe.md',
      'inner-text/austin-hay.txt',
      'inner-text/ben-williams.txt',
    ];
    for (const page of pages) copyPage(site, page);
    writeSeparatedPage(site, seedThemes);
    const inputs = ['raw'];

    expect(ingest(site, ...inputs, '--out', 'out', '--quiet', '--concurrency', '2').status).toBe(0);
    const first = outputs(join(site, 'out'));
    // The second pass revised the run-together pages' report entries in place: one entry per source, in path order.
    const paths = readReport(join(site, 'out')).sources.map((source) => source.path);
    expect(paths).toEqual([...pages.map((page) => join('raw', page)), 'raw/z/zora-example.md'].sort());
    expect(ingest(site, ...inputs, '--out', 'out', '--quiet', '--force', '--concurrency', '2').status).toBe(0);
    expect(readReport(join(site, 'out')).run.counts['written']).toBe(first.size - 1);
    expect(outputs(join(site, 'out'))).toEqual(first);
    expect(ingest(site, ...inputs, '--out', 'out', '--quiet', '--force', '--concurrency', '1').status).toBe(0);
    expect(outputs(join(site, 'out'))).toEqual(first);
    expect(ingest(site, ...inputs, '--out', 'fresh', '--quiet', '--concurrency', '1').status).toBe(0);
    expect(outputs(join(site, 'fresh'))).toEqual(first);
    expect(themesOf(site, 'ami-vora')).toEqual(seedThemes);
  });
});

describe('themes from the lexicon file and from earlier runs', () => {
  it('uses the lexicon file named in a --config file', () => {
    const site = newSite();
    copyPage(site, seedPage);
    writeFileSync(join(site, 'lexicon.json'), JSON.stringify(seedThemes));
    writeFileSync(join(site, 'lexicon.config.mjs'), "export default { themes: { lexiconFile: 'lexicon.json' } };\n");
    const run = ingest(site, 'raw', '--out', 'out', '--config', 'lexicon.config.mjs');
    expect(run.status).toBe(0);
    // No complaint about the lexicon file (the page's own diagnostics are listed after the summary).
    expect(run.stderr).not.toContain('leaderpages: warning');
    expect(themesOf(site, 'ami-vora')).toEqual(seedThemes);
  });

  it('warns about a broken lexicon file on stderr and carries on with the same exit code', () => {
    const site = newSite();
    copyPage(site, seedPage);
    writeFileSync(join(site, 'lexicon.json'), '["strategic disagreement skills", ');
    writeFileSync(join(site, 'lexicon.config.mjs'), "export default { themes: { lexiconFile: 'lexicon.json' } };\n");
    const run = ingest(site, 'raw', '--out', 'out', '--config', 'lexicon.config.mjs');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^leaderpages: warning: themes\.lexiconFile: not JSON: .+\n/);
    expect(themesOf(site, 'ami-vora')).not.toEqual(seedThemes);
  });

  it('re-parses unchanged pages when the lexicon file changes', () => {
    const site = newSite();
    copyPage(site, seedPage);
    writeFileSync(join(site, 'lexicon.json'), '[]');
    writeFileSync(join(site, 'lexicon.config.mjs'), "export default { themes: { lexiconFile: 'lexicon.json' } };\n");
    expect(ingest(site, 'raw', '--out', 'out', '--quiet', '--config', 'lexicon.config.mjs').status).toBe(0);
    expect(themesOf(site, 'ami-vora')).not.toEqual(seedThemes);
    writeFileSync(join(site, 'lexicon.json'), JSON.stringify(seedThemes));
    expect(ingest(site, 'raw', '--out', 'out', '--quiet', '--config', 'lexicon.config.mjs').status).toBe(0);
    expect(readReport(join(site, 'out')).run.counts).toMatchObject({ written: 1, unchanged: 0 });
    expect(themesOf(site, 'ami-vora')).toEqual(seedThemes);
  });

  it('splits a page added in a later run with themes stored by an earlier run', () => {
    const site = newSite();
    writeSeparatedPage(site, seedThemes);
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    copyPage(site, seedPage, 'raw/a/ami-vora.txt');
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    expect(readReport(join(site, 'out')).run.counts).toMatchObject({ written: 1, unchanged: 1 });
    expect(themesOf(site, 'ami-vora')).toEqual(seedThemes);
  });

  it('does not learn from inferred splits stored by earlier runs', () => {
    const site = newSite();
    copyPage(site, seedPage);
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    const db = new Database(join(site, 'out', 'leaders.db'), { readonly: true });
    const stored = db.prepare(`SELECT text FROM themes WHERE leader_id = 'ami-vora' ORDER BY position`).pluck().all();
    db.close();
    // Were the stored (wrong) split learned, the --force re-run would keep it for sure; it must stay as parsed.
    expect(stored).not.toEqual(seedThemes);
    const first = outputs(join(site, 'out'));
    expect(ingest(site, 'raw', '--out', 'out', '--quiet', '--force').status).toBe(0);
    expect(outputs(join(site, 'out'))).toEqual(first);
  });
});
