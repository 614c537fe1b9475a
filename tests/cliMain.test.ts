// The command line as a Unix tool: versions, help, stdin, closed pipes, what ingest --help promises,
// and what the npm package ships. The real built CLI on real files.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const seed = resolve(root, '..', 'shared', 'corpus', 'seed');
const page = join(seed, 'bill-carr.txt');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Run with stdout closed by the reader before the command writes, as `| head -1` or `| true` do. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('versions and help', () => {
  it('--version names the package, parser and record versions', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const result = run(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^leaderpages ${pkg.version.replaceAll('.', '\\.')} \\(parser \\d+\\.\\d+\\.\\d+, record version \\d+\\)\\n$`));
  });

  it.each(['parse', 'ingest', 'validate', 'schema'])("'help %s' prints what '%s --help' prints", (command) => {
    const viaHelp = run(['help', command]);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toBe(run([command, '--help']).stdout);
    expect(viaHelp.stdout).toContain(`Usage: leaderpages ${command}`);
  });

  it('ingest --help names every table leaders.db has after an ingest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaderpages-tables-'));
    try {
      copyFileSync(page, join(dir, 'bill-carr.txt'));
      const ingest = spawnSync(process.execPath, [cli, 'ingest', 'bill-carr.txt', '--out', 'out', '--quiet'], { cwd: dir, encoding: 'utf8' });
      expect(ingest.status, ingest.stderr).toBe(0);
      const db = new Database(join(dir, 'out', 'leaders.db'), { readonly: true });
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
      const fts = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).pluck().all() as string[];
      db.close();
      // FTS5's own shadow tables (<name>_data, _idx, _content, _docsize, _config) are its internals.
      const shadow = (name: string) => fts.some((v) => name.startsWith(`${v}_`) && /_(data|idx|content|docsize|config)$/.test(name));
      const help = run(['ingest', '--help']).stdout;
      const named = tables.filter((name) => !shadow(name));
      expect(named.length).toBeGreaterThan(5);
      for (const table of named) expect(help, table).toMatch(new RegExp(`\\b${table}\\b`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parse -', () => {
  it('reads the page from stdin; --stdin-name gives its path and format', () => {
    const text = readFileSync(page, 'utf8');
    const fromFile = JSON.parse(run(['parse', page]).stdout);
    const result = run(['parse', '-', '--stdin-name', 'bill-carr.txt'], text);
    expect(result.status).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(record.source.path).toBe('bill-carr.txt');
    expect({ ...record, source: null }).toEqual({ ...fromFile, source: null });
    expect(result.stderr).toMatch(/^bill-carr\.txt:\d+:\d+ {2}warning/);
  });

  it('without --stdin-name the page is <stdin>, its format sniffed', () => {
    const result = run(['parse', '-'], readFileSync(resolve(root, '..', 'shared', 'corpus', 'dev', 'clean-md', 'bill-carr.md'), 'utf8'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).source).toMatchObject({ path: '<stdin>', format: 'markdown' });
  });
});

describe('a reader that closes the pipe early', () => {
  it.each([
    [['validate', '--format', 'json', seed]],
    [['parse', page]],
    [['schema', '--stdout']],
  ])('%j ends quietly: no EPIPE stack trace', async (args) => {
    const result = await runIntoClosedPipe(args);
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(result.code).not.toBe(70);
    expect([0, 1]).toContain(result.code);
  });

  it('in a real shell pipeline: | head -1 and | true', () => {
    for (const line of [`"${process.execPath}" "${cli}" validate --format json "${seed}" | head -1`, `"${process.execPath}" "${cli}" parse "${page}" 2>&1 >/dev/null | true; "${process.execPath}" "${cli}" parse "${page}" | true`]) {
      const shell = spawnSync('bash', ['-o', 'pipefail', '-c', line], { cwd: root, encoding: 'utf8' });
      expect(shell.stderr, line).not.toMatch(/EPIPE|Error/);
    }
  });
});

describe('the npm package', () => {
  it('ships the built library and CLI, but no dev scripts and no source maps', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/src/cli/main.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/pipeline.config.js');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(dist\/)?(scripts|tests)\//.test(f))).toEqual([]);
  });
});
