// `leaderpages validate` end to end: the built CLI on real files, checking stdout, stderr and exit codes.
// Needs `npx tsc -p .` first (npm test builds before running vitest).

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const hostile = 'tests/fixtures/hostile';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.env?.['NO_COLOR'] === undefined) delete env['NO_COLOR'];
  if (options.env?.['FORCE_COLOR'] === undefined) delete env['FORCE_COLOR'];
  return new Promise((done) => {
    execFile(process.execPath, [cli, 'validate', ...args], { cwd: options.cwd ?? root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

interface JsonResult {
  path: string;
  messages: { severity: string; rule: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

const cleanPage = `Dana Okafor

Head of Product at Example Labs

Led product at two marketplaces before joining Example Labs; writes about pricing and team design.

Dimension Profile

Strategic Vision 70%
Execution & Craft 80%
Data & Experimentation 60%
Growth & Distribution 50%
Team & Leadership 90%
User Empathy & Research 40%

Key Themes

- pricing experiments
- team topology

Episode Summary

Dana Okafor explains how small pricing experiments compound and why team shape follows product shape.
`;

let project: string;

beforeAll(() => {
  expect(existsSync(cli), `${cli} is missing: run npx tsc -p . first`).toBe(true);
  project = mkdtempSync(join(tmpdir(), 'leaderpages-validate-'));
  mkdirSync(join(project, 'pages', 'nested'), { recursive: true });
  writeFileSync(join(project, 'pages', 'clean.txt'), cleanPage);
  // Another leader (validate, like ingest, rejects a second page with the same id).
  writeFileSync(
    join(project, 'pages', 'nested', 'charisma.txt'),
    cleanPage.replaceAll('Dana Okafor', 'Dana Charles').replace('User Empathy & Research 40%', 'User Empathy & Research 40%\nCharisma 95%'),
  );
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('leaderpages validate: usage', () => {
  it('prints its help on stdout', async () => {
    const result = await run(['--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Usage: leaderpages validate [PATH|GLOB ...] [--format stylish|json|github] [--strict]');
  });

  it.each([
    [['--format', 'xml', hostile], /unknown format 'xml' \(use stylish, json, github\)/],
    [['--max-warnings', 'many', hostile], /--max-warnings takes a whole number/],
    [['--max-warnings', '-1', hostile], /--max-warnings/],
    [['--frobnicate', hostile], /unknown option '--frobnicate'/],
    [['--fromat', 'json', hostile], /unknown option '--fromat'. Did you mean '--format'\?/],
    [['no/such/folder'], /no such file or folder: no\/such\/folder/],
    [['tests/fixtures/hostile/*.pdf'], /no source files \(.*\) in 'tests\/fixtures\/hostile\/\*\.pdf'/],
  ])('exits 2 with nothing on stdout for %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Run 'leaderpages validate --help' for usage.");
  });

  it('exits 2 for a config file that is not there', async () => {
    const result = await run(['--config', 'missing.config.ts', hostile]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/config file not found: missing.config.ts/);
  });
});

describe('leaderpages validate: hostile fixtures', () => {
  const fixtures = readdirSync(join(root, hostile)).filter((name) => !name.endsWith('.expected.json')).sort();

  it('reports every fixture with its rule, line and column as JSON, and exits 1', async () => {
    const result = await run(['--format', 'json', hostile]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as JsonResult[];
    expect(parsed.map((r) => r.path)).toEqual(fixtures.map((name) => `${hostile}/${name}`));
    for (const name of fixtures) {
      const expected = JSON.parse(readFileSync(join(root, hostile, name.replace(/\.[^.]+$/, '.expected.json')), 'utf8')) as {
        diagnostics: { rule: string; line: number; column: number; severity?: string }[];
      };
      const messages = parsed.find((r) => r.path === `${hostile}/${name}`)?.messages ?? [];
      for (const m of messages) expect(Object.keys(m)).toEqual(['severity', 'rule', 'message', 'line', 'column', 'endLine', 'endColumn', 'field']);
      for (const want of expected.diagnostics) {
        expect(messages.map(({ rule, line, column, severity }) => ({ rule, line, column, severity })), name).toContainEqual({ severity: 'error', ...want });
      }
    }
  });

  it('writes GitHub annotations, one per diagnostic', async () => {
    const json = JSON.parse((await run(['--format', 'json', hostile])).stdout) as JsonResult[];
    const result = await run(['--format', 'github', hostile]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.reduce((n, r) => n + r.messages.length, 0));
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+ \([a-z-]+\)$/);
    expect(lines).toContain(`::error file=${hostile}/empty.txt,line=1,col=1,endLine=1,endColumn=1,title=empty-input::File is empty. (empty-input)`);
  });

  it('prints stylish output grouped per file, with a summary, and no colours off a terminal', async () => {
    const result = await run([hostile]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout).toMatch(new RegExp(`\\n${hostile}/empty.txt\\n  1:1  error    File is empty\\.  empty-input\\n`));
    expect(result.stdout).toMatch(new RegExp(`\\n✖ \\d+ problems? \\(\\d+ errors?, \\d+ warnings?\\) in \\d+ of ${fixtures.length} files\\n$`));
  });
});

describe('leaderpages validate: exit policy and config', () => {
  it('passes clean pages, with a summary line', async () => {
    const result = await run(['pages/clean.txt'], { cwd: project });
    expect(result).toEqual({ code: 0, stdout: '✔ 1 file checked, no problems\n', stderr: '' });
  });

  it('allows warnings by default; --strict and --max-warnings turn them into a failure', async () => {
    const json = JSON.parse((await run(['--format', 'json', 'pages'], { cwd: project })).stdout) as JsonResult[];
    expect(json.map((r) => r.path)).toEqual(['pages/clean.txt', 'pages/nested/charisma.txt']);
    const warnings = json.flatMap((r) => r.messages);
    expect(warnings.every((m) => m.severity === 'warning')).toBe(true);
    expect(warnings.map((m) => m.rule)).toContain('unknown-dimension');
    const n = warnings.length;

    expect((await run(['pages'], { cwd: project })).code).toBe(0);
    expect((await run(['--strict', 'pages'], { cwd: project })).code).toBe(1);
    expect((await run(['--max-warnings', String(n), 'pages'], { cwd: project })).code).toBe(0);
    expect((await run(['--max-warnings', String(n - 1), 'pages'], { cwd: project })).code).toBe(1);
  });

  it('reads the config: default inputs and per-rule severities', async () => {
    writeFileSync(join(project, 'pipeline.config.mjs'), `export default { inputs: ['pages/**/*.txt'], rules: { 'unknown-dimension': 'error' } };\n`);
    try {
      const result = await run(['--format', 'json'], { cwd: project });
      expect(result.code).toBe(1);
      const json = JSON.parse(result.stdout) as JsonResult[];
      expect(json.map((r) => r.path)).toEqual(['pages/clean.txt', 'pages/nested/charisma.txt']);
      expect(json[1]?.messages.find((m) => m.rule === 'unknown-dimension')).toMatchObject({ severity: 'error', line: 15, column: 1 });

      writeFileSync(join(project, 'quiet.config.mjs'), `export default { rules: { 'unknown-dimension': 'off' } };\n`);
      const quiet = JSON.parse((await run(['--format', 'json', '--config', 'quiet.config.mjs', 'pages'], { cwd: project })).stdout) as JsonResult[];
      expect(quiet.flatMap((r) => r.messages).map((m) => m.rule)).not.toContain('unknown-dimension');
    } finally {
      rmSync(join(project, 'pipeline.config.mjs'));
    }
  });

  it('refuses files over maxFileBytes unread, and checks the rest', async () => {
    writeFileSync(join(project, 'small.config.mjs'), `export default { maxFileBytes: ${Buffer.byteLength(cleanPage) - 1} };\n`);
    writeFileSync(join(project, 'pages', 'tiny.txt'), 'Dana Okafor\n');
    try {
      const result = await run(['--format', 'json', '--config', 'small.config.mjs', 'pages/clean.txt', 'pages/tiny.txt'], { cwd: project });
      expect(result.code).toBe(1);
      const json = JSON.parse(result.stdout) as JsonResult[];
      expect(json).toEqual([
        { path: 'pages/clean.txt', messages: [expect.objectContaining({ rule: 'file-too-large', severity: 'error', line: 1, column: 1 })] },
        { path: 'pages/tiny.txt', messages: [expect.objectContaining({ rule: 'not-a-profile' })], provenance: {} },
      ]);
    } finally {
      rmSync(join(project, 'pages', 'tiny.txt'));
    }
  });

  it('colours stylish output when forced, and never when NO_COLOR is set', async () => {
    const coloured = await run(['pages'], { cwd: project, env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[33mwarning\u001b[39m');
    const plain = await run(['pages'], { cwd: project, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toContain('warning');
  });
});
