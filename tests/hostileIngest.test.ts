// A name that tries to escape the output folder (`../../etc/x`) is only ever a safe slug: ingest writes
// nothing outside --out, and the hostile fixtures never stop the batch.

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

  it('writes only inside --out, and the escaping name becomes a slug', () => {
    const files = listFiles(work).filter((path) => !path.startsWith('in/'));
    expect(files.every((path) => path.startsWith('out/'))).toBe(true);
    expect(files).toContain('out/leaders/etc-x.json');
    for (const path of files.filter((p) => p.startsWith('out/leaders/'))) expect(path).toMatch(/^out\/leaders\/[a-z0-9]+(?:-[a-z0-9]+)*\.json$/);
    const record = JSON.parse(readFileSync(join(work, 'out', 'leaders', 'etc-x.json'), 'utf8')) as { id: string; name: string };
    expect(record).toMatchObject({ id: 'etc-x', name: '../../etc/x' });
  });
});
