// The input walk on its own: sorted sources, dot-entries ignored, each file once (its own path wins
// over a link to it), links out of the roots reported unless followed, globs filtered to regular files.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { UsageError } from '../src/cli/Command.js';
import { walkSources } from '../src/ingest/discoverSources.js';

const dir = mkdtempSync(join(tmpdir(), 'lp-walk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const touch = (path: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), 'x');
};

touch('in/b.md');
touch('in/a/c.txt');
touch('in/.hidden/d.txt');
touch('in/.e.html.123.tmp');
touch('in/notes.pdf');
touch('other/x.html');
symlinkSync('../b.md', join(dir, 'in', 'a', 'a-link.md'));
symlinkSync(join(dir, 'other'), join(dir, 'in', 'z-other'));
symlinkSync('.', join(dir, 'in', 'a', 'self'));
spawnSync('mkfifo', [join(dir, 'in', 'fifo.txt')]);

it('walks each folder and file once, ignoring dot-entries and other extensions', async () => {
  const { sources, skipped } = await walkSources(['in'], dir);
  expect(sources.map((s) => s.path)).toEqual(['in/a/c.txt', 'in/b.md']);
  expect(skipped.map((s) => `${s.path} ${s.rule}`)).toEqual([
    'in/a/a-link.md visited-twice',
    'in/a/self visited-twice',
    'in/fifo.txt special-file',
    'in/z-other link-outside-input',
  ]);
});

it('follows links out of the roots when asked', async () => {
  const { sources, skipped } = await walkSources(['in'], dir, { followSymlinks: true });
  expect(sources.map((s) => s.path)).toEqual(['in/a/c.txt', 'in/b.md', 'in/z-other/x.html']);
  expect(skipped.map((s) => s.rule)).not.toContain('link-outside-input');
});

it('roots that overlap read each file once, under its own path; a link between roots stays inside the input', async () => {
  const { sources, skipped } = await walkSources(['in', 'other', 'in/a'], dir);
  expect(sources.map((s) => s.path)).toEqual(['in/a/c.txt', 'in/b.md', 'other/x.html']);
  expect(skipped.map((s) => `${s.path} ${s.rule}`)).toEqual(
    expect.arrayContaining(['in/a visited-twice', 'in/z-other visited-twice', 'in/a/a-link.md visited-twice']),
  );
});

it('globs keep regular files only (never a FIFO); a FIFO named on the command line is a usage error', async () => {
  const { sources } = await walkSources(['in/*.txt', 'in/**/*.txt'], dir);
  expect(sources.map((s) => s.path)).toEqual(['in/a/c.txt']);
  await expect(walkSources(['in/fifo.txt'], dir)).rejects.toThrow(UsageError);
  await expect(walkSources(['in/fifo.txt'], dir)).rejects.toThrow('in/fifo.txt is a FIFO (named pipe), not a regular file or folder.');
});
