// The sinks on finished records (the corpus's expected clean-md records, given a source):
// SQLite rows and FTS, migrations, JSON files written atomically and only on change, safe paths, NDJSON.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeaderProfile } from '../src/schema/LeaderProfile.js';
import { LeaderStore } from '../src/sinks/LeaderStore.js';
import { openDatabase, SchemaTooNewError } from '../src/sinks/openDatabase.js';
import { migrations } from '../src/sinks/migrations.js';
import { formatRecordJson, formatRecordLine, leaderFileContent } from '../src/sinks/formatRecordJson.js';
import { leaderJsonPath } from '../src/sinks/leaderJsonPath.js';
import { writeFileIfChanged } from '../src/sinks/writeFileAtomic.js';
import { writeLinesAtomic } from '../src/sinks/writeNdjson.js';
import { syncLeaderFiles } from '../src/sinks/syncLeaderFiles.js';
import { PARSER_VERSION, RECORD_VERSION } from '../src/version.js';

const expectedDir = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'dev', 'expected', 'clean-md');

function loadRecords(): LeaderProfile[] {
  return readdirSync(expectedDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(join(expectedDir, f), 'utf8')) as Record<string, unknown>;
      const source = { path: `raw/${f.replace(/\.json$/, '.md')}`, format: 'markdown', sha256: 'a'.repeat(64), bytes: 100, parserVersion: PARSER_VERSION, recordVersion: RECORD_VERSION };
      return LeaderProfile.parse({ ...expected, source });
    });
}

const records = loadRecords();
let dir: string;
let store: LeaderStore;
let run: number;

function save(record: LeaderProfile): void {
  store.saveSource(
    { path: record.source.path, sha256: record.source.sha256, bytes: record.source.bytes, format: 'markdown', status: 'written', leaderId: record.id, parserVersion: PARSER_VERSION, configSha256: null },
    run,
    [],
  );
  store.replaceLeader(record, formatRecordLine(record), run);
  store.flushSearch();
}

function count(table: string): number {
  return store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lp-sinks-'));
  store = new LeaderStore(openDatabase(join(dir, 'leaders.db')));
  run = store.beginRun(new Date().toISOString(), PARSER_VERSION, {});
});

afterEach(() => {
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A leader's child rows as stored, each value with its SQLite type. */
function childRows(id: string): Record<string, unknown[][]> {
  const rows = (sql: string): unknown[][] => store.db.prepare(sql).raw().all(id) as unknown[][];
  return {
    archetypes: rows(`SELECT position, typeof(position), name, typeof(name) FROM archetypes WHERE leader_id = ? ORDER BY position`),
    themes: rows(`SELECT position, typeof(position), text, typeof(text) FROM themes WHERE leader_id = ? ORDER BY position`),
    principles: rows(`SELECT position, typeof(position), text, typeof(text) FROM principles WHERE leader_id = ? ORDER BY position`),
    dimensions: rows(`SELECT position, typeof(position), key, name, score, typeof(score) FROM dimensions WHERE leader_id = ? ORDER BY position`),
    quotes: rows(`SELECT position, typeof(position), text, context, typeof(context) FROM quotes WHERE leader_id = ? ORDER BY position`),
  };
}

/** What childRows must give for a record: its lists in order, text as text, positions and scores as integers. */
function expectedRows(record: LeaderProfile): Record<string, unknown[][]> {
  const list = (items: readonly string[]) => items.map((text, i) => [i, 'integer', text, 'text']);
  return {
    archetypes: list(record.archetypes),
    themes: list(record.themes),
    principles: list(record.principles),
    dimensions: record.dimensions.map((d, i) => [i, 'integer', d.key, d.name, d.score, 'integer']),
    quotes: record.quotes.map((q, i) => [i, 'integer', q.text, q.context, q.context === null ? 'null' : 'text']),
  };
}

describe('LeaderStore', () => {
  it('has records to work with', () => {
    expect(records.length).toBeGreaterThanOrEqual(50);
  });

  it("stores each record's lists as child rows, in order, with their types", () => {
    for (const record of records) save(record);
    for (const record of records) expect(childRows(record.id)).toEqual(expectedRows(record));
    // Quotes, tabs and newlines, non-Latin text and emoji, an empty list, a control character: the rows
    // still say exactly what the record says.
    const base = records[0]!;
    const awkward: LeaderProfile = {
      ...base,
      id: 'awkward-lists',
      source: { ...base.source, path: 'raw/awkward-lists.md' },
      archetypes: [],
      themes: ['"Quoted" \\ slash', 'tab\tand\nnewline', '日本語 😀'],
      principles: ['bell \u0007 inside'],
      quotes: [{ text: 'No context', context: null }, { text: 'With context', context: 'On "X" — 2024' }],
    };
    save(awkward);
    expect(childRows(awkward.id)).toEqual(expectedRows(awkward));
  });

  it('opens in WAL mode with foreign keys on and the latest schema version', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.length);
  });

  it('stores one row per leader and one child row per list item', () => {
    store.db.transaction(() => records.forEach(save))();
    const sum = (pick: (r: LeaderProfile) => unknown[]) => records.reduce((n, r) => n + pick(r).length, 0);
    expect(count('leaders')).toBe(records.length);
    expect(count('sources')).toBe(records.length);
    expect(count('dimensions')).toBe(sum((r) => r.dimensions));
    expect(count('themes')).toBe(sum((r) => r.themes));
    expect(count('principles')).toBe(sum((r) => r.principles));
    expect(count('quotes')).toBe(sum((r) => r.quotes));
    expect(count('archetypes')).toBe(sum((r) => r.archetypes));
    expect(count('leaders_fts')).toBe(records.length);
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps list order in the position column and role parts in columns', () => {
    const bill = records.find((r) => r.id === 'bill-carr') as LeaderProfile;
    save(bill);
    const themes = store.db.prepare(`SELECT text FROM themes WHERE leader_id = ? ORDER BY position`).pluck().all('bill-carr');
    expect(themes).toEqual(bill.themes);
    const row = store.db.prepare(`SELECT role_title, role_organization FROM leaders WHERE id = ?`).get('bill-carr');
    expect(row).toEqual({ role_title: bill.role?.title, role_organization: bill.role?.organization });
    expect(JSON.parse(store.db.prepare(`SELECT record FROM leaders WHERE id = ?`).pluck().get('bill-carr') as string)).toEqual(bill);
  });

  it('replaces a leader without leaving old child or FTS rows behind', () => {
    const bill = records.find((r) => r.id === 'bill-carr') as LeaderProfile;
    save(bill);
    const edited = { ...bill, themes: ['only one theme'], quotes: [{ text: 'Zebras are unusually punctual.', context: null }] };
    save(edited);
    expect(count('leaders')).toBe(1);
    expect(count('themes')).toBe(1);
    expect(count('quotes')).toBe(1);
    expect(count('leaders_fts')).toBe(1);
    const hit = store.db.prepare(`SELECT l.id FROM leaders_fts JOIN leaders l ON l.key = leaders_fts.rowid WHERE leaders_fts MATCH ?`).pluck();
    expect(hit.all('zebras')).toEqual(['bill-carr']);
    expect(hit.all(`"${bill.quotes[0]?.text.split(' ')[0] ?? ''}"`)).toEqual([]);
  });

  it('finds a leader by a word from one of their quotes with an FTS query', () => {
    store.db.transaction(() => records.forEach(save))();
    const annie = records.find((r) => r.id === 'annie-duke') as LeaderProfile;
    // A word that occurs in one of her quotes and in no other field of any record.
    const words = (annie.quotes.map((q) => q.text).join(' ').toLowerCase().match(/[a-z]{6,}/g) ?? []);
    const others = JSON.stringify(records.map((r) => ({ ...r, source: null, quotes: r.id === 'annie-duke' ? [] : r.quotes, dimensions: [] }))).toLowerCase();
    const word = words.find((w) => !others.includes(w));
    expect(word).toBeDefined();
    const ids = store.db
      .prepare(`SELECT l.id FROM leaders_fts JOIN leaders l ON l.key = leaders_fts.rowid WHERE leaders_fts MATCH ?`)
      .pluck()
      .all(`quotes:${word}`);
    expect(ids).toEqual(['annie-duke']);
  });

  it('deleting a source cascades to its leader, children, FTS row and diagnostics', () => {
    const bill = records.find((r) => r.id === 'bill-carr') as LeaderProfile;
    store.saveSource(
      { path: bill.source.path, sha256: bill.source.sha256, bytes: 1, format: 'markdown', status: 'written', leaderId: 'bill-carr', parserVersion: PARSER_VERSION, configSha256: null },
      run,
      [{ severity: 'warning', rule: 'themes-inferred', message: 'm', line: 3, column: 1, endLine: 3, endColumn: 9, path: 'themes' }],
    );
    store.replaceLeader(bill, formatRecordLine(bill), run);
    expect(store.diagnosticsOf(bill.source.path)).toEqual([
      { severity: 'warning', rule: 'themes-inferred', message: 'm', line: 3, column: 1, endLine: 3, endColumn: 9, path: 'themes' },
    ]);
    store.deleteSource(bill.source.path);
    for (const table of ['leaders', 'dimensions', 'themes', 'principles', 'quotes', 'leaders_fts', 'diagnostics']) expect(count(table)).toBe(0);
  });

  it('keeps leaders_fts equal to its content table through bulk indexing, replacing and deleting in one transaction', () => {
    const [first, second, third] = records as [LeaderProfile, LeaderProfile, LeaderProfile];
    const match = store.db.prepare(`SELECT l.id FROM leaders_fts JOIN leaders l ON l.key = leaders_fts.rowid WHERE leaders_fts MATCH ? ORDER BY l.id`).pluck();
    store.db.transaction(() => {
      for (const record of [first, second, third]) {
        store.saveSource({ path: record.source.path, sha256: 's', bytes: 1, format: 'text', status: 'written', leaderId: record.id, parserVersion: PARSER_VERSION, configSha256: null }, run, []);
        store.replaceLeader(record, formatRecordLine(record), run);
      }
      // Replaced and deleted before the rows were ever indexed: the store indexes them first.
      store.replaceLeader({ ...first, name: 'Zebulon Quux' }, formatRecordLine(first), run);
      store.deleteSource(second.source.path);
      store.flushSearch();
    })();
    expect(() => store.db.prepare(`INSERT INTO leaders_fts (leaders_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    expect(match.all('zebulon')).toEqual([first.id]);
    expect(match.all(`"${second.name}"`)).toEqual([]);
    expect(match.all(`"${third.name}"`)).toEqual([third.id]);
  });

  it('refuses a database from a newer schema', () => {
    store.db.pragma(`user_version = ${migrations.length + 1}`);
    store.db.close();
    expect(() => openDatabase(join(dir, 'leaders.db'))).toThrow(SchemaTooNewError);
    store = new LeaderStore(openDatabase(join(dir, 'other.db')));
  });

  it('lets a reader open the database while a write transaction is open', () => {
    store.db.exec('BEGIN IMMEDIATE');
    save(records[0] as LeaderProfile);
    const reader = openDatabase(join(dir, 'leaders.db'), { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM leaders').pluck().get()).toBe(0);
    store.db.exec('COMMIT');
    expect(reader.prepare('SELECT count(*) FROM leaders').pluck().get()).toBe(1);
    reader.close();
  });
});

describe('JSON files', () => {
  it('formats records with keys in published order, two-space indent and a final newline', () => {
    const bill = records.find((r) => r.id === 'bill-carr') as LeaderProfile;
    const shuffled = Object.fromEntries(Object.entries(bill).reverse()) as LeaderProfile;
    const text = formatRecordJson(shuffled);
    expect(text).toBe(formatRecordJson(bill));
    expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(LeaderProfile.shape));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "id": "bill-carr",');
  });

  it('lays out a record line as the same file text (the file thread is given lines)', () => {
    // Quotes, dashes, non-Latin letters, nulls and numbers of the clean-md records: byte for byte.
    expect(records.length).toBeGreaterThan(50);
    for (const record of records) expect(leaderFileContent(formatRecordLine(record))).toBe(formatRecordJson(record));
    const awkward = { ...records[0]!, bio: 'tab\t, newline\n, lone surrogate \ud800, emoji 😀, "quoted" \\ slash' } as LeaderProfile;
    expect(leaderFileContent(formatRecordLine(awkward))).toBe(formatRecordJson(awkward));
  });

  it('writes only when content changed, and leaves no temp file', () => {
    const file = join(dir, 'bill-carr.json');
    expect(writeFileIfChanged(file, 'one\n')).toBe(true);
    const before = statSync(file).mtimeMs;
    expect(writeFileIfChanged(file, 'one\n')).toBe(false);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(writeFileIfChanged(file, 'two\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('two\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['bill-carr', true],
    ['../etc/passwd', false],
    ['a/b', false],
    ['..', false],
    ['', false],
    ['Bill-Carr', false],
    ['x\u0000y', false],
  ])('leaderJsonPath(%j) stays inside the leaders folder: %s', (id, ok) => {
    const file = leaderJsonPath(join(dir, 'leaders'), id);
    if (ok) expect(file).toBe(join(dir, 'leaders', `${id}.json`));
    else expect(file).toBeNull();
  });

  it('syncLeaderFiles removes stale and temp files and restores missing ones', () => {
    const leaders = join(dir, 'leaders');
    const [a, b] = records as [LeaderProfile, LeaderProfile];
    save(a);
    save(b);
    // a's file is missing, a gone leader's file and a half-written temp file are present.
    mkdirSync(leaders);
    writeFileSync(join(leaders, `${b.id}.json`), formatRecordJson(b));
    writeFileSync(join(leaders, 'gone-leader.json'), '{}');
    writeFileSync(join(leaders, `.${b.id}.json.tmp`), '{"half');
    expect(syncLeaderFiles(store, leaders)).toEqual({ removed: 2, restored: 1 });
    expect(readdirSync(leaders).sort()).toEqual([`${a.id}.json`, `${b.id}.json`].sort());
    expect(readFileSync(join(leaders, `${a.id}.json`), 'utf8')).toBe(formatRecordJson(a));
  });

  it('writes NDJSON lines sorted by id from the database', async () => {
    store.db.transaction(() => [...records].reverse().forEach(save))();
    const file = join(dir, 'leaders.ndjson');
    const n = await writeLinesAtomic(file, (function* () {
      for (const row of store.records()) yield row.record;
    })());
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(n).toBe(records.length);
    expect(lines.map((l) => (JSON.parse(l) as LeaderProfile).id)).toEqual(records.map((r) => r.id).sort());
    expect(lines[0]).toBe(formatRecordLine(records.find((r) => r.id === lines.map((l) => (JSON.parse(l) as LeaderProfile).id)[0]) as LeaderProfile));
  });
});

