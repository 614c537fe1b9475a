// `npm run bench [-- --docs N] [--keep]`: time `leaderpages ingest` on N generated pages (default 20,000,
// all five shapes, unique leaders) against the floor — read, sha256 and one NDJSON line per file —
// measured in the same run, since the machine may be shared. Prints, for a cold run and an unchanged
// re-run: wall time, docs/s, the ratio to the floor and peak RSS (/usr/bin/time -v when present); the
// cold run's stages (parse, learn, write, finish: LEADERPAGES_TIMINGS) with the writer's cost per
// record; parse time per format (worker CPU, from sources.parse_ms); and start-up times.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { defaultStampSettleMs } from '../src/ingest/sourceStamp.js';
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
  options: {
    docs: { type: 'string', default: '20000' },
    keep: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`Usage: npm run bench -- [--docs N] [--concurrency N] [--keep]

Generate N pages (default 20000; all five shapes, unique leaders, from ../shared/corpus), then time a
cold \`leaderpages ingest\` (new output folder), an unchanged re-run, and one with --rehash (every
source read and hashed, not told untouched from its stat) against the floor (read + sha256 + one
NDJSON line per file, measured in the same run). Prints per run: seconds, docs/s, MB/s,
the ratio to the floor and peak RSS; per stage of the cold run (parse, learn, write, finish) ms/page
and the writer's cost per record; per format the parse time per page (worker CPU); and the start-up
time of \`--help\` and of \`parse\` on one page.

  --docs N          how many pages to generate
  --concurrency N   parser threads for the ingest runs (default: the ingest's own default)
  --keep            keep the generated folder and output (its path is printed)

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
  stages: Record<string, number> | null;
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

function timed(args: string[]): { seconds: number; rssMb: number | null; status: number | null; stderr: string } {
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : process.execPath;
  const started = performance.now();
  const result = spawnSync(command, [...(useTime ? ['-v', process.execPath] : []), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LEADERPAGES_TIMINGS: '1' },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : null, status: result.status, stderr: result.stderr };
}

function ingest(label: string, ...flags: string[]): Timing {
  const threads = values.concurrency === undefined ? [] : ['--concurrency', values.concurrency];
  const run = timed([cli, 'ingest', 'pages', '--out', 'out', ...threads, ...flags]);
  const stages = /leaderpages timings (\{.*\})/.exec(run.stderr);
  const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { run: { counts: Record<string, number> } };
  const c = report.run.counts;
  return {
    label,
    seconds: run.seconds,
    rssMb: run.rssMb,
    note: `exit ${run.status}: ${c['written']} written, ${c['unchanged']} unchanged, ${c['rejected']} rejected`,
    stages: stages?.[1] === undefined ? null : (JSON.parse(stages[1]) as Record<string, number>),
  };
}

/** The note of a run, with how many sources it read (the others were known untouched from a stat). */
function withReads(t: Timing): Timing {
  const read = t.stages?.['filesRead'];
  return read === undefined ? t : { ...t, note: `${t.note}, ${read} read` };
}

const fmt = (n: number, digits = 2, width = 8): string => n.toFixed(digits).padStart(width);

console.log(`Generating ${docs} pages in ${dir} …`);
const corpus = writeSyntheticCorpus(join(dir, 'pages'), docs);
const generatedAt = Date.now();
const mb = corpus.bytes / 1024 / 1024;
console.log(`${docs} pages, ${mb.toFixed(1)} MB\n`);

const floorSeconds = floor(corpus.files);
// Pages are scraped before they are ingested: a file changed within the settle time before a walk gets
// no stat stamp and is read again by the next run (see src/ingest/sourceStamp.ts).
await new Promise((r) => setTimeout(r, Math.max(0, generatedAt + defaultStampSettleMs + 100 - Date.now())));
const cold = withReads(ingest('cold ingest (new folder)'));
const rerun = withReads(ingest('unchanged re-run'));
const rehash = withReads(ingest('unchanged re-run, --rehash', '--rehash'));
const rows: Timing[] = [{ label: 'floor (read + sha256 + NDJSON line)', seconds: floorSeconds, rssMb: null, note: 'in-process', stages: null }, cold, rerun, rehash];
console.log('run                                        s    docs/s    MB/s   × floor  peak RSS');
for (const row of rows) {
  const rss = row.rssMb === null ? '        ' : `${fmt(row.rssMb, 0, 5)} MiB`;
  console.log(`${row.label.padEnd(36)} ${fmt(row.seconds)} ${fmt(docs / row.seconds, 0)} ${fmt(mb / row.seconds, 1, 7)} ${fmt(row.seconds / floorSeconds, 1, 8)}×  ${rss}  (${row.note})`);
}

if (cold.stages !== null) {
  const s = cold.stages;
  const written = Number(cold.note.match(/(\d+) written/)?.[1] ?? docs);
  console.log(`\ncold run by stage (${s['workers']} parser threads)   s   ms/page   × floor`);
  for (const stage of ['parseMs', 'learnMs', 'writeMs', 'finishMs'] as const) {
    const ms = s[stage] ?? 0;
    console.log(`  ${stage.replace('Ms', '').padEnd(38)} ${fmt(ms / 1000)} ${fmt(ms / docs, 3)} ${fmt(ms / 1000 / floorSeconds, 1)}×`);
  }
  const startup = cold.seconds * 1000 - ['parseMs', 'learnMs', 'writeMs', 'finishMs'].reduce((sum, k) => sum + (s[k] ?? 0), 0);
  console.log(`  ${'start-up, discovery, checks'.padEnd(38)} ${fmt(startup / 1000)} ${fmt(startup / docs, 3)} ${fmt(startup / 1000 / floorSeconds, 1)}×`);
  console.log(`  writer cost per written record: ${((s['writeMs'] ?? 0) / Math.max(1, written)).toFixed(3)} ms (SQLite rows + FTS + leaders/<id>.json)`);
}

const db = new Database(join(dir, 'out', 'leaders.db'), { readonly: true });
const perFormat = db
  .prepare(`SELECT coalesce(format, '(none)') AS format, count(*) AS pages, avg(parse_ms) AS ms, sum(parse_ms) AS total FROM sources WHERE parse_ms IS NOT NULL GROUP BY format ORDER BY format`)
  .all() as { format: string; pages: number; ms: number; total: number }[];
db.close();
console.log('\nparse per format (worker CPU, cold run)   pages   ms/page   pages/s per thread');
for (const f of perFormat) console.log(`  ${f.format.padEnd(38)} ${String(f.pages).padStart(6)} ${fmt(f.ms, 3)} ${fmt(1000 / f.ms, 0)}`);

const page = relative(dir, corpus.files[0] ?? '');
const help = timed([cli, '--help']);
const parse = timed([cli, 'parse', page]);
console.log(`\nstart-up: --help ${help.seconds.toFixed(2)} s, parse of one page ${parse.seconds.toFixed(2)} s`);

if (values.keep) console.log(`\nkept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
