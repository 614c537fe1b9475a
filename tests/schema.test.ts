// The published JSON Schema: the committed file equals the generated one, and it agrees with the zod schema.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeaderProfile, RECORD_VERSION, recordKeys } from '../src/schema/LeaderProfile.js';
import { jsonSchemaPath, jsonSchemaText, toJsonSchema } from '../src/schema/toJsonSchema.js';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const seedExpected = join(root, '..', 'shared', 'corpus', 'seed', 'bill-carr.expected.json');

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, 'schema', ...args], { cwd }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

describe('JSON Schema', () => {
  it(`the committed ${jsonSchemaPath} is the generated schema (run \`npm run schema\` after changing the zod schema)`, () => {
    expect(readFileSync(join(root, jsonSchemaPath), 'utf8')).toBe(jsonSchemaText());
  });

  it('recordKeys (what the writers order fields by, without loading zod) are the schema\'s fields in its order', () => {
    expect([...recordKeys]).toEqual(Object.keys(LeaderProfile.shape));
  });

  it('targets draft 2020-12 and carries the record version', () => {
    const schema = toJsonSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(`urn:leaderpages:leader-profile:v${RECORD_VERSION}`);
    expect(schema['additionalProperties']).toBe(false);
    expect(Object.keys(schema['properties'] as object)).toEqual(Object.keys(LeaderProfile.shape));
    expect(schema['required']).toEqual(Object.keys(LeaderProfile.shape));
    const source = (schema['properties'] as Record<string, { properties: Record<string, unknown> }>)['source'];
    expect(source?.properties['recordVersion']).toEqual({ type: 'number', const: RECORD_VERSION });
  });

  it('describes the seed record, and the zod schema accepts it too', () => {
    const fields = JSON.parse(readFileSync(seedExpected, 'utf8')) as Record<string, unknown>;
    const record = {
      ...fields,
      source: { path: 'raw/bill-carr.txt', format: 'text', sha256: 'a'.repeat(64), bytes: 2706, parserVersion: '1.0.0', recordVersion: RECORD_VERSION },
    };
    expect(LeaderProfile.safeParse(record).success).toBe(true);
    const schema = toJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(record).sort()).toEqual([...schema.required].sort());
  });
});

describe('leaderpages schema', () => {
  it('writes the file, prints it with --stdout, and --check detects drift', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaderpages-schema-'));
    try {
      expect(await run(['--check'], dir)).toMatchObject({ code: 1, stdout: '' });
      const written = await run([], dir);
      expect(written).toEqual({ code: 0, stdout: '', stderr: `leaderpages schema: wrote ${jsonSchemaPath}\n` });
      expect(readFileSync(join(dir, jsonSchemaPath), 'utf8')).toBe(jsonSchemaText());
      expect(await run(['--check'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
      writeFileSync(join(dir, jsonSchemaPath), '{}\n');
      const stale = await run(['--check'], dir);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain('is out of date');
      expect((await run(['--stdout'], dir)).stdout).toBe(jsonSchemaText());
      await run(['--out', 'elsewhere/profile.json'], dir);
      expect(readFileSync(join(dir, 'elsewhere', 'profile.json'), 'utf8')).toBe(jsonSchemaText());
      expect((await run(['extra'], dir)).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
