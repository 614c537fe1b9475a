// A name that tries to escape the output folder (`../../etc/x`) never becomes a path: ingest writes
// nothing outside --out (the page is rejected), and the hostile fixtures never stop the batch.

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
let work: string;
let code: number;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(work.length + 1))
    .sort();
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'leaderpages-escape-'));
  cpSync(join(root, 'tests', 'fixtures', 'hostile'), join(work, 'in', 'deep', 'er'), { recursive: true, filter: (src) => !src.endsWith('.json') });
  code = await new Promise((done) => {
    execFile(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'ingest', 'in', '--out', 'out', '--quiet'], { cwd: join(work) }, (error) =>
      done(error === null ? 0 : typeof error.code === 'number' ? error.code : -1),
    );
  });
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('ingest of hostile pages', () => {
  it('rejects the bad pages without stopping the batch (exit 1)', () => {
    expect(code).toBe(1);
  });

  it('writes only inside --out, and rejects the escaping name instead of writing it anywhere', () => {
    const files = listFiles(work).filter((path) => !path.startsWith('in/'));
    expect(files.every((path) => path.startsWith('out/'))).toBe(true);
    for (const path of files.filter((p) => p.startsWith('out/leaders/'))) expect(path).toMatch(/^out\/leaders\/[a-z0-9]+(?:-[a-z0-9]+)*\.json$/);
    // `../../etc/x` is not a person's name and nothing on the page speaks of it: no record at all.
    const report = JSON.parse(readFileSync(join(work, 'out', 'report.json'), 'utf8')) as {
      sources: { path: string; status: string; diagnostics?: { rule: string }[] }[];
    };
    const unsafe = report.sources.find((s) => s.path.endsWith('unsafe-name.txt'));
    expect(unsafe?.status).toBe('rejected');
    expect(unsafe?.diagnostics?.map((d) => d.rule)).toContain('name-unconfirmed');
    expect(files.some((p) => p.includes('etc'))).toBe(false);
  });
});
