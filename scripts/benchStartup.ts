// `npm run bench -- --startup [--runs N]`: how long the CLI takes to start, against `node -e 1`:
// --help, --version, parse of one page of each format, and parse under a TypeScript config.
// Prints the median and the fastest of N runs (after one warm-up) beside the targets.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

interface Case {
  label: string;
  args: string[];
  cwd: string;
  /** Seconds the issue asks for, when it names one. */
  target?: number;
}

function seconds(args: string[], cwd: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return elapsed;
}

export async function benchStartup(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { startup: { type: 'boolean' }, runs: { type: 'string', default: '10' } }, strict: false });
  const runs = Math.max(1, Number(values.runs) || 10);
  const root = resolve(import.meta.dirname, '..', '..');
  const cli = join(root, 'dist', 'src', 'cli', 'main.js');
  const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');
  const dir = mkdtempSync(join(tmpdir(), 'leaderpages-startup-'));
  try {
    copyFileSync(join(corpus, 'seed-text', 'bill-carr.txt'), join(dir, 'bill-carr.txt'));
    copyFileSync(join(corpus, 'clean-md', 'bill-carr.md'), join(dir, 'bill-carr.md'));
    copyFileSync(join(corpus, 'site-html', 'brian-balfour.html'), join(dir, 'brian-balfour.html'));
    const withConfig = mkdtempSync(join(tmpdir(), 'leaderpages-startup-ts-'));
    copyFileSync(join(corpus, 'seed-text', 'bill-carr.txt'), join(withConfig, 'bill-carr.txt'));
    writeFileSync(join(withConfig, 'pipeline.config.ts'), `const off: 'off' = 'off';\nexport default { rules: { 'themes-inferred': off } };\n`);
    const cases: Case[] = [
      { label: 'node -e 1 (the floor)', args: ['-e', '1'], cwd: dir },
      { label: 'leaderpages --help', args: [cli, '--help'], cwd: dir, target: 0.3 },
      { label: 'leaderpages --version', args: [cli, '--version'], cwd: dir, target: 0.3 },
      { label: 'leaderpages ingest --help', args: [cli, 'ingest', '--help'], cwd: dir, target: 0.3 },
      { label: 'parse one text page', args: [cli, 'parse', 'bill-carr.txt'], cwd: dir, target: 0.5 },
      { label: 'parse one Markdown page', args: [cli, 'parse', 'bill-carr.md'], cwd: dir, target: 0.5 },
      { label: 'parse one HTML page', args: [cli, 'parse', 'brian-balfour.html'], cwd: dir, target: 0.5 },
      { label: 'parse, pipeline.config.ts present', args: [cli, 'parse', 'bill-carr.txt'], cwd: withConfig, target: 0.5 },
    ];
    process.stdout.write(`Start-up, ${runs} runs each after a warm-up: median / fastest, and the median over node's own start (seconds).\n`);
    process.stdout.write(`The targets (issue 13) were set on a machine where node -e 1 takes 0.2 s; on a busy machine read the 'over node' column.\n\n`);
    const width = Math.max(...cases.map((c) => c.label.length));
    let floor = 0;
    for (const c of cases) {
      seconds(c.args, c.cwd);
      const times = Array.from({ length: runs }, () => seconds(c.args, c.cwd)).sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      if (c === cases[0]) floor = median;
      const over = c === cases[0] ? '' : `  +${(median - floor).toFixed(3)} over node`;
      const verdict = c.target === undefined ? '' : median <= c.target ? `  (target ${c.target}: met)` : `  (target ${c.target}: not met)`;
      process.stdout.write(`  ${c.label.padEnd(width)}  ${median.toFixed(3)} / ${(times[0] ?? 0).toFixed(3)}${over}${verdict}\n`);
    }
    rmSync(withConfig, { recursive: true, force: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}
