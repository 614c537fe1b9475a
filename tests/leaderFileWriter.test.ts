// leaders/<id>.json written on a thread of their own (src/sinks/LeaderFileWriter.ts): every file given is
// on disk when settle() returns, with the stamp of what was written; a write error comes back as the
// same error (code and path), so the CLI still names the fault. The built modules are used, since the
// thread starts from dist/.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LeaderFileWriter } from '../dist/src/sinks/LeaderFileWriter.js';
import { statStamp } from '../dist/src/sinks/exportStamps.js';

const dir = mkdtempSync(join(tmpdir(), 'lp-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes every file given before settle returns, each with its stamp', async () => {
  const folder = join(dir, 'fresh');
  mkdirSync(folder);
  const writer = new LeaderFileWriter(true);
  const names = Array.from({ length: 100 }, (_, i) => `leader-${i}`);
  for (const name of names) writer.write(`leaders/${name}.json`, join(folder, `${name}.json`), `{"id":"${name}"}`);
  const written = writer.settle();
  await writer.close();
  expect(written.map((w) => w.name)).toEqual(names.map((n) => `leaders/${n}.json`));
  for (const w of written) {
    // Laid out from the line given: two-space indent, a final newline.
    expect(readFileSync(w.path, 'utf8')).toBe(`{\n  "id": "${w.name.slice(8, -5)}"\n}\n`);
    expect(w.changed).toBe(true);
    expect(w.stamp).toEqual(statStamp(w.path));
  }
});

it('in a folder from an earlier run, rewrites only the files whose bytes change', async () => {
  const folder = join(dir, 'again');
  mkdirSync(folder);
  const first = new LeaderFileWriter(false);
  first.write('leaders/a.json', join(folder, 'a.json'), '["one"]');
  first.write('leaders/b.json', join(folder, 'b.json'), '["two"]');
  expect(first.settle().map((w) => w.changed)).toEqual([true, true]);
  first.write('leaders/a.json', join(folder, 'a.json'), '["one"]');
  first.write('leaders/b.json', join(folder, 'b.json'), '["three"]');
  expect(first.settle().map((w) => w.changed)).toEqual([false, true]);
  await first.close();
  expect(readFileSync(join(folder, 'b.json'), 'utf8')).toBe('[\n  "three"\n]\n');
});

it('gives back a write error with its code and path', async () => {
  const writer = new LeaderFileWriter(true);
  const missing = join(dir, 'no-such-folder', 'x.json');
  writer.write('leaders/x.json', missing, '{}');
  let thrown: unknown;
  try {
    writer.settle();
  } catch (error) {
    thrown = error;
  }
  await writer.close();
  expect(thrown).toBeInstanceOf(Error);
  expect((thrown as NodeJS.ErrnoException).code).toBe('ENOENT');
  expect((thrown as NodeJS.ErrnoException).path).toBe(missing);
});
