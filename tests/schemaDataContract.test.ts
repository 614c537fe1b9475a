// docs/data-contract.md stays true: its versions are the code's, every table and column of a migrated
// leaders.db is described, its SQL runs against a real ingest, and its TypeScript example type-checks and runs.

import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_VERSION } from '../src/schema/LeaderProfile.js';
import { migrations } from '../src/sinks/migrations.js';

const root = resolve(import.meta.dirname, '..');
const doc = readFileSync(join(root, 'docs', 'data-contract.md'), 'utf8');
const seed = join(root, '..', 'shared', 'corpus', 'seed', 'bill-carr.txt');

function codeBlocks(language: string): string[] {
  return [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let work: string;
let db: Database.Database;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'leaderpages-contract-'));
  mkdirSync(join(work, 'raw'));
  copyFileSync(seed, join(work, 'raw', 'bill-carr.txt'));
  writeFileSync(join(work, 'raw', 'empty.txt'), '');
  const ingest = await run(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'ingest', 'raw', '--out', 'output', '--quiet'], work);
  expect(ingest.code, ingest.stderr).toBe(1); // empty.txt is rejected
  db = new Database(join(work, 'output', 'leaders.db'), { readonly: true });
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('docs/data-contract.md', () => {
  it('states the record version and the SQLite schema version the code has', () => {
    expect(doc).toContain(`**record version ${RECORD_VERSION}** (\`RECORD_VERSION\`)`);
    expect(doc).toContain(`## The record (record version ${RECORD_VERSION})`);
    expect(doc).toContain(`**schema version ${migrations.length}**`);
    expect(doc).toContain(`## The SQLite database (schema version ${migrations.length})`);
    expect(doc).toContain(`PRAGMA user_version;'    # ${migrations.length}`);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
  });

  it('describes every table and every column of the database', () => {
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'leaders_fts_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    expect(tables).toContain('leaders');
    for (const table of tables) {
      const sqliteSection = doc.slice(doc.indexOf('## The SQLite database'));
      const row = sqliteSection.split('\n').find((line) => line.startsWith(`| \`${table}\` |`)) ?? '';
      for (const { name } of db.pragma(`table_info(${table})`) as { name: string }[]) {
        expect(row, `${table}.${name}`).toMatch(new RegExp('`"?' + name + '"?`'));
      }
    }
  });

  it('its SQL runs against a real ingest and finds the seed leader by a theme', () => {
    const queries = codeBlocks('sql');
    expect(queries).toHaveLength(3);
    const [byScore, byText, rejected] = queries.map((sql) => db.prepare(sql).all() as Record<string, unknown>[]);
    expect(byScore).toEqual([]); // the seed's strategic vision is 70
    expect(byText?.map((r) => r['id'])).toEqual(['bill-carr']);
    expect(rejected).toEqual([expect.objectContaining({ path: 'raw/empty.txt', rule: 'empty-input', line: 1, column: 1 })]);
  });

  it('its TypeScript example type-checks against the package and reads the records', async () => {
    const [example] = codeBlocks('ts');
    expect(example).toContain("from 'leaderpages'");
    // Inside the package, so `leaderpages` resolves to this build through the exports map.
    const dir = mkdtempSync(join(root, '.contract-example-'));
    try {
      writeFileSync(join(dir, 'readLeaders.ts'), example ?? '');
      const tsc = await run(process.execPath, [
        join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
        '--noEmit', '--strict', '--noUncheckedIndexedAccess', '--exactOptionalPropertyTypes', '--skipLibCheck',
        '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node',
        join(dir, 'readLeaders.ts'),
      ], root);
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.code).toBe(0);
      const ran = await run(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(dir, 'readLeaders.ts')], work);
      expect(ran.stderr).toBe('');
      expect(ran.stdout).toBe('Bill Carr: strategic vision 70\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
