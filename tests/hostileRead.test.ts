// Reading hostile files from disk: oversized (refused unread), missing, folders.

import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configWith } from '../src/config/defaultConfig.js';
import { readSourceFile } from '../src/read/readSourceFile.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leaderpages-read-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readSourceFile', () => {
  it('reads a file whole when it is under the limit', async () => {
    const path = join(dir, 'small.txt');
    writeFileSync(path, 'Dana Okafor\n');
    const read = await readSourceFile(path, configWith());
    expect(read).toEqual({ ok: true, bytes: expect.any(Uint8Array) });
    if (read.ok) expect(Buffer.from(read.bytes).toString()).toBe('Dana Okafor\n');
  });

  it('reads a file of exactly maxFileBytes, and refuses one byte more', async () => {
    const path = join(dir, 'edge.txt');
    writeFileSync(path, 'x'.repeat(1000));
    expect((await readSourceFile(path, configWith({ maxFileBytes: 1000 }))).ok).toBe(true);
    const refused = await readSourceFile(path, configWith({ maxFileBytes: 999 }));
    expect(refused).toMatchObject({ ok: false, diagnostic: { rule: 'file-too-large', severity: 'error', line: 1, column: 1 } });
  });

  it('refuses a huge file without reading it whole (a 3 GB file could not even be buffered)', async () => {
    const path = join(dir, 'huge.html');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    const read = await readSourceFile(path, configWith());
    expect(read).toMatchObject({ ok: false, diagnostic: { rule: 'file-too-large', severity: 'error' } });
    if (!read.ok) expect(read.diagnostic.message).toBe(`File is ${3 * 1024 ** 3} bytes, over the ${5 * 1024 * 1024}-byte limit (maxFileBytes); it was not read.`);
  });

  it('reports a missing file and a folder as read errors', async () => {
    expect(await readSourceFile(join(dir, 'nope.txt'), configWith())).toMatchObject({
      ok: false,
      diagnostic: { rule: 'read-error', message: 'Cannot read file: ENOENT.' },
    });
    expect(await readSourceFile(dir, configWith())).toMatchObject({ ok: false, diagnostic: { rule: 'read-error' } });
  });
});
