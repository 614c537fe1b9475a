// `leaderpages ingest`: a folder of pages into leaders/*.json, leaders.ndjson, leaders.db and report.json.

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GracefulStop, signalExitCode } from '../ingest/gracefulStop.js';
import { removeTempFiles } from '../ingest/tempFiles.js';
import { LockWaitCancelled } from '../ingest/OutputLock.js';
import { describeFault } from './userError.js';
import { loadConfig } from '../config/loadConfig.js';
import { runIngest } from '../ingest/runIngest.js';
import { SchemaTooNewError } from '../sinks/openDatabase.js';
import { loadThemeLexicon } from '../themes/loadThemeLexicon.js';
import { ExitCode, UsageError, type Command } from './Command.js';
import { formatDiagnosticLine } from './formatDiagnosticLine.js';
import { distributedFlags, distributedHelp, distributedUrls, withSecretsRedacted } from './distributedOptions.js';
import { runDistributedIngest } from '../distributed/runDistributedIngest.js';

function parseCount(flag: string, value: string | undefined, least: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new UsageError(`--${flag} must be a whole number of ${least} or more, not '${value}'.`);
  return n;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Ingest pages into JSON files, NDJSON and a SQLite database',
  help: `Usage: leaderpages ingest [PATH|GLOB ...] [--out DIR] [--force] [--prune] [--concurrency N] [--worker-memory MB]
                         [--wait] [--follow-symlinks] [--config FILE] [--quiet] [--debug]
       leaderpages ingest [PATH|GLOB ...] --queue URL --sink URL [--max-waiting N] [--out DIR] ...

Parse every page found (folders are walked recursively for .txt, .md, .markdown, .html, .htm) and
write, in DIR:
  leaders/<id>.json   one record per leader (rewritten only when its content changes)
  leaders.ndjson      every record, one per line, sorted by id
  leaders.db          SQLite: leaders, dimensions, themes, principles, quotes, sources,
                      diagnostics, runs, and the leaders_fts full-text index
  report.json         this run: counts, and every source's status and diagnostics
  report.html         this run as a self-contained page: charts and a filterable table of
                      diagnostics (rebuilt from leaders.db by 'leaderpages report')

Sources whose bytes and parser version are unchanged since the last run are not parsed again.
Key themes that arrive run together are split with the themes already seen with separators: the
config's themes.lexiconFile, earlier runs (in leaders.db) and the other pages of this run (every
page is parsed once; a run-together line is split again once the whole batch has been seen).
Without PATH, the config's inputs are used (default: raw/**/*.{txt,md,markdown,html,htm}).

The output folder heals itself. leaders.db is the source of truth: on every run each export
(leaders/*.json, leaders.ndjson) is compared with what the database holds, and one found missing,
truncated, edited or stray is rewritten (or removed) and listed in the summary and in report.json
("exports"); 'leaderpages verify' checks without writing. A damaged leaders.db is moved aside to
leaders.db.corrupt-<time> and rebuilt from the sources. One ingest writes a folder at a time (lock
file DIR/.leaderpages.lock). Folder walks stay inside the inputs: links out of them, FIFOs, sockets,
unreadable folders and second visits are skipped and listed in report.json ("skipped") with a rule.
Ctrl-C (or SIGTERM) finishes the pages in flight, commits, writes consistent exports and a report
marked interrupted; a second Ctrl-C stops at once (the database stays sound); the next run goes on
from there.

Options:
  --out DIR          output folder (default: the config's out, 'output')
  --force            re-parse every source, changed or not
  --prune            delete leaders whose source is gone (rows and JSON file)
  --concurrency N    parser threads (default: one per core)
  --worker-memory MB heap limit per parser thread; a page that needs more is rejected
                     with parser-crash and the batch goes on (default: 256)
  --wait             if another ingest is writing DIR, wait for it (default: exit 2 at once)
  --follow-symlinks  follow symbolic links that lead out of the input folders
  --config FILE      pipeline config to use (default: ./pipeline.config.ts if present)
  --quiet            print nothing on stderr (no progress, no summary)
  --debug            print the stack trace of an internal error
  -h, --help         show this help

Distributed (see 'leaderpages worker --help'): with --queue and --sink (or --distributed and the
environment variables), this process is the producer: it enqueues one job per changed source on a
BullMQ queue, workers on any machine parse and write to PostgreSQL, and the producer waits, then runs
the theme pass, prune, exports and report into DIR as above.
${distributedHelp}
  --distributed      take --queue and --sink from the environment variables
  --max-waiting N    at most N jobs wait in Redis at once (default: 1000)

Exit codes: 0 every source written or unchanged, 1 some source was rejected, 2 usage or config
error, or another ingest is writing DIR; 73 DIR cannot be written (read-only, permission denied);
74 disk full or I/O error; 130/143 stopped by SIGINT/SIGTERM; 70 internal error (a bug).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        prune: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        'worker-memory': { type: 'string' },
        config: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        wait: { type: 'boolean', default: false },
        'follow-symlinks': { type: 'boolean', default: false },
        ...distributedFlags,
        distributed: { type: 'boolean', default: false },
        'max-waiting': { type: 'string' },
      },
    });
    const distributed = distributedUrls(values, io.env, values.distributed);
    const maxWaiting = parseCount('max-waiting', values['max-waiting'], 1) ?? 1000;
    const concurrency = parseCount('concurrency', values.concurrency, 1);
    const workerMemoryMb = parseCount('worker-memory', values['worker-memory'], 32);
    const config = await loadConfig(values.config, io.cwd);
    const { lexicon, problem } = loadThemeLexicon(config, io.cwd);
    if (problem !== null && !values.quiet) io.stderr.write(`leaderpages: warning: ${problem}\n`);
    const out = values.out ?? config.out;
    const outDir = resolve(io.cwd, out);
    const stop = new GracefulStop({
      onFirst: (signal) => {
        if (!values.quiet) io.stderr.write(`\nleaderpages: ${signal}: finishing the pages in flight, then stopping (again to stop at once)\n`);
      },
      onForce: () => {
        removeTempFiles([outDir, join(outDir, 'leaders')], process.pid);
      },
    }).install();
    let summary;
    try {
      const ingestOptions = {
        inputs: positionals.length > 0 ? positionals : config.inputs,
        out,
        wait: values.wait,
        followSymlinks: values['follow-symlinks'],
        stop,
        force: values.force,
        prune: values.prune,
        concurrency: concurrency ?? config.concurrency,
        quiet: values.quiet,
        config,
        cwd: io.cwd,
        stderr: io.stderr,
        lexiconThemes: lexicon.themes(),
        workerMemoryMb,
      };
      summary =
        distributed === null
          ? await runIngest(ingestOptions)
          : await withSecretsRedacted(distributed.secrets, () => runDistributedIngest({ ...ingestOptions, ...distributed, maxWaiting }));
    } catch (error) {
      if (error instanceof SchemaTooNewError) throw new UsageError(error.message);
      if (error instanceof LockWaitCancelled && stop.signal !== null) {
        if (!values.quiet) io.stderr.write(`leaderpages ingest: ${error.message}\n`);
        return signalExitCode[stop.signal];
      }
      const fault = describeFault(error, { outDir, database: join(outDir, 'leaders.db') });
      if (fault === null) throw error;
      io.stderr.write(`leaderpages ingest: ${fault.message}\n`);
      return fault.exitCode;
    } finally {
      stop.uninstall();
    }
    if (!values.quiet) {
      for (const source of summary.rejectedSamples) {
        for (const d of source.diagnostics) if (d.severity === 'error') io.stderr.write(formatDiagnosticLine(source.path, d) + '\n');
      }
      const more = summary.counts.rejected - summary.rejectedSamples.length;
      if (more > 0) io.stderr.write(`… and ${more} more rejected sources: see ${summary.outDir}/report.json\n`);
    }
    if (summary.interrupted !== null) return signalExitCode[summary.interrupted];
    return summary.counts.rejected > 0 ? ExitCode.failed : ExitCode.ok;
  },
};
