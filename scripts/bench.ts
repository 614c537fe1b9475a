// `npm run bench [-- --docs N] [--keep]`: time `leaderpages ingest` on N generated pages (default 20,000,
// all five shapes, unique leaders) against the floor — read, sha256 and one NDJSON line per file.
// Prints docs/s, MB/s, the ratio to the floor and peak RSS (via /usr/bin/time -v when present).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCorpus } from './syntheticCorpus.js';

// `--distributed`: the queue + PostgreSQL bench, with its own flags (scripts/benchDistributed.ts).
if (process.argv.includes('--distributed')) {
  const { benchDistributed } = await import('./benchDistributed.js');
  process.exit(await benchDistributed(process.argv.slice(2)));
}

// `--startup`: how fast the CLI starts (scripts/benchStartup.ts).
if (process.argv.includes('--startup')) {
  const { benchStartup } = await import('./benchStartup.js');
  process.exit(await benchStartup(process.argv.slice(2)));
}

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '20000' }, keep: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help) {
  process.stdout.write(`Usage: npm run bench -- [--docs N] [--keep]

Generate N pages (default 20000; all five shapes, unique leaders, from ../shared/corpus), then time a
cold \`leaderpages ingest --force\` and an unchanged re-run against the floor (read + sha256 + one
NDJSON line per file). Prints docs/s, MB/s, the ratio to the floor and peak RSS.

  --docs N   how many pages to generate
  --keep     keep the generated folder and output (its path is printed)

npm run bench -- --startup [--runs N] times the CLI's start-up instead (--help, parse of one page).
`);
  process.exit(0);
}
const docs = Number(values.docs);
const cli = resolve(import.meta.dirname, '..', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'leaderpages-bench-'));

interface Timing {
  label: string;
  seconds: number;
  rssMb: number | null;
  note: string;
}

function floor(files: string[]): number {
  const started = performance.now();
  const fd = openSync(join(dir, 'floor.ndjson'), 'w');
  let buffer = '';
  for (const file of files) {
    const bytes = readFileSync(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    buffer += JSON.stringify({ path: relative(dir, file), sha256, bytes: bytes.length }) + '\n';
    if (buffer.length > 1 << 16) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  return (performance.now() - started) / 1000;
}

function ingest(label: string, ...flags: string[]): Timing {
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const args = [...(timed ? ['-v', process.execPath] : []), cli, 'ingest', 'pages', '--out', 'out', '--quiet', ...flags];
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { run: { counts: Record<string, number> } };
  const c = report.run.counts;
  return { label, seconds, rssMb: rss ? Number(rss[1]) / 1024 : null, note: `exit ${result.status}: ${c['written']} written, ${c['unchanged']} unchanged, ${c['rejected']} rejected` };
}

console.log(`Generating ${docs} pages in ${dir} …`);
const corpus = writeSyntheticCorpus(join(dir, 'pages'), docs);
const mb = corpus.bytes / 1024 / 1024;
console.log(`${docs} pages, ${mb.toFixed(1)} MB\n`);

const floorSeconds = floor(corpus.files);
const rows: Timing[] = [
  { label: 'floor (read + sha256 + NDJSON line)', seconds: floorSeconds, rssMb: null, note: 'in-process' },
  ingest('cold ingest --force'),
  ingest('unchanged re-run'),
];
for (const row of rows) {
  const rate = docs / row.seconds;
  const rss = row.rssMb === null ? '' : `, peak RSS ${row.rssMb.toFixed(0)} MB`;
  console.log(
    `${row.label.padEnd(36)} ${row.seconds.toFixed(2).padStart(7)} s  ${rate.toFixed(0).padStart(7)} docs/s  ${(mb / row.seconds).toFixed(1).padStart(6)} MB/s  ` +
      `${(row.seconds / floorSeconds).toFixed(1).padStart(6)}× floor${rss}  (${row.note})`,
  );
}
if (values.keep) console.log(`\nkept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
