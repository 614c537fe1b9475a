// Fault 7: what a walk of the input folders meets. A link loop is walked once, a link out of the
// inputs is not followed (unless --follow-symlinks), dangling links, FIFOs and sockets are skipped —
// and every one of them is listed in report.json with its rule. A FIFO named on the command line is
// an error, not a hang, for parse, validate and ingest.

import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { expectHealed, filesUnder, lp, makeSite } from './faultSite.js';

const site = makeSite(24);
const pages = join(site.dir, 'pages');
const elsewhere = join(site.dir, 'elsewhere');
let socketServer: ReturnType<typeof createServer> | null = null;
afterAll(() => {
  socketServer?.close();
  site.remove();
});

interface Report {
  sources: { path: string }[];
  skipped: { path: string; rule: string; severity: string; message: string }[];
}

it('walks a folder with a loop, links in and out, a dangling link, a FIFO and a socket: each page once, each oddity reported', async () => {
  // A pristine copy, for the clean run to compare with.
  cpSync(pages, join(site.dir, 'plain'), { recursive: true });
  const [first] = filesUnder(pages).sort();
  mkdirSync(elsewhere);
  cpSync(join(pages, first as string), join(elsewhere, 'outsider.html'));
  symlinkSync('.', join(pages, 'loop'));
  symlinkSync('..', join(pages, 'up'));
  symlinkSync(elsewhere, join(pages, 'out-folder'));
  symlinkSync(join(elsewhere, 'outsider.html'), join(pages, 'out-file.html'));
  symlinkSync(join(pages, first as string), join(pages, 'alias.html'));
  symlinkSync('no-such-page.html', join(pages, 'dangling.html'));
  expect(spawnSync('mkfifo', [join(pages, 'pipe.txt')]).status).toBe(0);
  socketServer = createServer();
  await new Promise<void>((done) => socketServer?.listen(join(pages, 'socket.md'), done));

  const run = lp(site.dir, ['ingest', 'pages', '--out', 'out'], 60_000);
  expect(run.error).toBeUndefined(); // no hang
  expect(run.status).toBe(0);
  expect(run.stderr).toContain('24 sources: 24 written');
  expect(run.stderr).toContain('skipped (see report.json)');
  const report = JSON.parse(readFileSync(join(site.dir, 'out', 'report.json'), 'utf8')) as Report;
  expect(report.sources).toHaveLength(24);
  expect(report.skipped.map((s) => `${s.path} ${s.rule}`).sort()).toEqual(
    [
      `pages/alias.html visited-twice`,
      'pages/dangling.html dangling-link',
      'pages/loop visited-twice',
      'pages/out-file.html link-outside-input',
      'pages/out-folder link-outside-input',
      'pages/pipe.txt special-file',
      'pages/socket.md special-file',
      'pages/up link-outside-input',
    ].sort(),
  );
  for (const s of report.skipped) {
    expect(s.severity).toBe('warning');
    expect(s.message.length).toBeGreaterThan(10);
  }
  // The same records as a clean run over the folder without the oddities.
  expectHealed(site, 'out', ['plain'], [], { clean: 'plain/', ours: 'pages/' });

  // Asked to, the walk follows links out of the input: the outsider is read (its leader is a
  // duplicate of the first page's, so it is rejected by duplicate-id, not missed).
  rmSync(join(pages, 'up')); // followed, it would take in the whole site
  const follow = lp(site.dir, ['ingest', 'pages', '--out', 'followed', '--follow-symlinks', '--quiet'], 60_000);
  expect(follow.status).toBe(1);
  const followed = JSON.parse(readFileSync(join(site.dir, 'followed', 'report.json'), 'utf8')) as Report;
  expect(followed.sources.map((s) => s.path)).toContain('pages/out-file.html');
  expect(followed.sources).toHaveLength(25);
  // Both links lead to the one outsider file: read once, under the first path.
  expect(followed.skipped.map((s) => `${s.path} ${s.rule}`)).toContain('pages/out-folder/outsider.html visited-twice');
  expect(followed.skipped.map((s) => s.rule)).not.toContain('link-outside-input');
});

it('a FIFO named on the command line is an error, not a hang: parse, validate and ingest', () => {
  const fifo = join(site.dir, 'named.txt');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  for (const args of [['parse', 'named.txt'], ['validate', 'named.txt'], ['ingest', 'named.txt', '--out', 'fifo-out']]) {
    const run = lp(site.dir, args, 30_000);
    expect(run.error).toBeUndefined(); // would be ETIMEDOUT on a hang
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('named.txt is a FIFO (named pipe), not a regular file');
  }
});

// Root reads any folder whatever its mode, so this runs only as an ordinary user (as on CI).
it.skipIf(process.getuid?.() === 0)('an unreadable folder is reported with unreadable-path, and the rest is read', () => {
  const locked = join(pages, 'locked');
  mkdirSync(locked);
  cpSync(join(elsewhere, 'outsider.html'), join(locked, 'hidden.html'));
  chmodSync(locked, 0o000);
  try {
    const run = lp(site.dir, ['ingest', 'pages', '--out', 'locked-out', '--quiet'], 60_000);
    expect([0, 1]).toContain(run.status);
    const report = JSON.parse(readFileSync(join(site.dir, 'locked-out', 'report.json'), 'utf8')) as Report;
    expect(report.skipped.map((s) => `${s.path} ${s.rule}`)).toContain('pages/locked unreadable-path');
  } finally {
    chmodSync(locked, 0o755);
  }
});
