// `leaderpages ingest`: a folder of pages into leaders/*.json, leaders.ndjson, leaders.db and report.json.

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExitCode, UsageError, type Command } from './Command.js';
import { distributedFlags, distributedHelp } from './distributedOptions.js';
import { parseMaxWarnings, warningFailure } from './validateCommand.js';

// The machinery (parsers, SQLite, BullMQ, pg) is imported when the command runs, not for --help.
const options = {
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
  rehash: { type: 'boolean', default: false },
  prune: { type: 'boolean', default: false },
  concurrency: { type: 'string' },
  'worker-memory': { type: 'string' },
  config: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  wait: { type: 'boolean', default: false },
  'follow-symlinks': { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  show: { type: 'string' },
  ...distributedFlags,
  distributed: { type: 'boolean', default: false },
  'max-waiting': { type: 'string' },
} as const;

function parseCount(flag: string, value: string | undefined, least: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new UsageError(`--${flag} must be a whole number of ${least} or more, not '${value}'.`);
  return n;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Ingest pages into JSON files, NDJSON and a SQLite database',
  options,
  help: `Usage: leaderpages ingest [PATH|GLOB ...] [--out DIR] [--force] [--rehash] [--prune] [--concurrency N] [--worker-memory MB]
                         [--wait] [--follow-symlinks] [--config FILE] [--quiet] [--debug]
                         [--max-warnings N] [--show N]
       leaderpages ingest [PATH|GLOB ...] --queue URL --sink URL [--max-waiting N] [--out DIR] ...

Parse every page found (folders are walked recursively for .txt, .md, .markdown, .html, .htm) and
write, in DIR:
  leaders/<id>.json   one record per leader (rewritten only when its content changes)
  leaders.ndjson      every record, one per line, sorted by id
  leaders.db          SQLite, tables:
                        leaders      one row per leader (the full record as JSON in 'record';
                                     stale_run set when its source turned invalid)
                        dimensions   (leader_id, position, key, name, score)
                        themes       (leader_id, position, text)
                        principles   (leader_id, position, text)
                        quotes       (leader_id, position, text, context)
                        archetypes   (leader_id, position, name)
                        sources      every source seen: path, sha256, status, leader_id,
                                     stat_stamp (size, inode, change time when hashed), …
                        diagnostics  every diagnostic of every source, with line and column
                        runs         one row per ingest run, with its counts
                        skipped_inputs  entries the latest run's walk left out, with the rule why
                        meta         bookkeeping (whether the exports are up to date)
                        export_stamps  size, inode and change time of each export when last
                                     written or checked, so a re-run need not read it again
                        leaders_fts  FTS5 full-text index over name, role, bio, summary,
                                     themes, principles and quotes
  report.json         this run: counts, and every source's status and diagnostics
  report.html         this run as a self-contained page: charts and a filterable table of
                      diagnostics (rebuilt from leaders.db by 'leaderpages report')

Sources whose bytes and parser version are unchanged since the last run are not parsed again. A
source whose size, inode and change time are what they were when its bytes were last hashed is not
even read (as git does; a file changed within 2 seconds before a run is read again next time).
Key themes that arrive run together are split with the themes already seen with separators: the
config's themes.lexiconFile, earlier runs (in leaders.db) and the other pages of this run (every
page is parsed once; a run-together line is split again once the whole batch has been seen).
Without PATH, the config's inputs are used (default: raw/**/*.{txt,md,markdown,html,htm}).
Source paths (in records, leaders.db, report.json and messages) are relative to the folder the
first ingest into DIR ran in (recorded in leaders.db), or absolute for a page outside it, so a later
run from another working folder finds the same sources unchanged.

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
  --rehash           read and hash every source, even one whose stat says it is untouched
  --prune            delete leaders whose source is gone (rows and JSON file)
  --concurrency N    parser threads (default: one per core)
  --worker-memory MB heap limit per parser thread; a page that needs more is rejected
                     with parser-crash and the batch goes on (default: 256)
  --wait             if another ingest is writing DIR, wait for it (default: exit 2 at once)
  --follow-symlinks  follow symbolic links that lead out of the input folders
  --config FILE      pipeline config to use (default: ./pipeline.config.ts if present)
  --quiet            print nothing on stderr (no progress, no summary)
  --max-warnings N   exit 1 when the run's sources carry more than N warnings
  --show N           print the first N diagnostics after the summary (default 20; 0 for none)
  --debug            print the stack trace of an internal error
  -h, --help         show this help

Distributed (see 'leaderpages worker --help'): with --queue and --sink (or --distributed and the
environment variables), this process is the producer: it enqueues one job per changed source on a
BullMQ queue, workers on any machine parse and write to PostgreSQL, and the producer waits, then runs
the theme pass, prune, exports and report into DIR as above.
${distributedHelp}
  --distributed      take --queue and --sink from the environment variables
  --max-waiting N    at most N jobs wait in Redis at once (default: 1000)

When it ends, ingest prints on stderr a summary line, the errors and warnings per rule over every
source of the run (parsed now or unchanged), and the first diagnostics, errors first; report.json
has them all.

Exit codes: 0 every source written or unchanged, 1 some source was rejected (or more warnings than
--max-warnings), 2 usage or config error (an input that names no page included), or another
ingest is writing DIR; 73 DIR cannot be written (read-only, permission denied);
74 disk full or I/O error; 130/143 stopped by SIGINT/SIGTERM; 70 internal error (a bug).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
    const [
      { distributedUrls, withSecretsRedacted },
      { GracefulStop, signalExitCode },
      { removeTempFiles },
      { LockWaitCancelled },
      { describeFault },
      { loadConfig },
      { requireSources },
      { sourceKeyBase },
      { runIngest },
      { SchemaTooNewError, openDatabase },
      { loadThemeLexicon },
      { formatDiagnosticLine },
      { runDiagnostics, formatRuleCounts },
      { findSuspectsAhead },
    ] = await Promise.all([
      import('./distributedOptions.js'),
      import('../ingest/gracefulStop.js'),
      import('../ingest/tempFiles.js'),
      import('../ingest/OutputLock.js'),
      import('./userError.js'),
      import('../config/loadConfig.js'),
      import('./requireSources.js'),
      import('../ingest/sourceKeyBase.js'),
      import('../ingest/runIngest.js'),
      import('../sinks/openDatabase.js'),
      import('../themes/loadThemeLexicon.js'),
      import('./formatDiagnosticLine.js'),
      import('./runDiagnostics.js'),
      import('../sinks/findSuspectsOnThread.js'),
    ]);
    const distributed = distributedUrls(values, io.env, values.distributed);
    const maxWaiting = parseCount('max-waiting', values['max-waiting'], 1) ?? 1000;
    const concurrency = parseCount('concurrency', values.concurrency, 1);
    const workerMemoryMb = parseCount('worker-memory', values['worker-memory'], 32);
    const show = parseCount('show', values.show, 0) ?? 20;
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const config = await loadConfig(values.config, io.cwd);
    const inputs = positionals.length > 0 ? positionals : config.inputs;
    const followSymlinks = values['follow-symlinks'];
    const out = values.out ?? config.out;
    const outDir = resolve(io.cwd, out);
    const keyBase = sourceKeyBase(io.cwd, outDir);
    // The export check's stats start now, on another thread, while this one walks the inputs.
    const suspectsAhead = values.force || distributed !== null ? undefined : findSuspectsAhead(outDir);
    const discovery = await requireSources(inputs, io.cwd, { followSymlinks, keyBase }).catch((error: unknown) => {
      suspectsAhead?.cancel();
      throw error;
    });
    const { lexicon, problem } = loadThemeLexicon(config, io.cwd);
    if (problem !== null && !values.quiet) io.stderr.write(`leaderpages: warning: ${problem}\n`);
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
        inputs,
        discovery,
        suspectsAhead,
        keyBase,
        out,
        wait: values.wait,
        followSymlinks,
        stop,
        force: values.force,
        rehash: values.rehash,
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
          : await withSecretsRedacted(distributed.secrets, async () => {
              const { runDistributedIngest } = await import('../distributed/runDistributedIngest.js');
              return runDistributedIngest({ ...ingestOptions, ...distributed, maxWaiting });
            });
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
    // The diagnostics of the run, from leaders.db (a distributed run keeps them in PostgreSQL:
    // there only the rejected samples are printed).
    const found = distributed === null ? readRunDiagnostics(openDatabase, runDiagnostics, summary.outDir, show) : null;
    if (!values.quiet) {
      if (found === null) {
        for (const source of summary.rejectedSamples) {
          for (const d of source.diagnostics) if (d.severity === 'error') io.stderr.write(formatDiagnosticLine(source.path, d) + '\n');
        }
      } else {
        const counts = formatRuleCounts(found);
        if (counts !== null) io.stderr.write(`${counts}\n`);
        for (const d of found.first) io.stderr.write(formatDiagnosticLine(d.source, d) + '\n');
        const more = found.errors + found.warnings - found.first.length;
        if (more > 0) io.stderr.write(`… and ${more} more: see ${summary.outDir}/report.json\n`);
      }
    }
    if (summary.interrupted !== null) return signalExitCode[summary.interrupted];
    if (summary.counts.rejected > 0) return ExitCode.failed;
    const why = found === null ? null : warningFailure(found, false, maxWarnings);
    if (why !== null) {
      if (!values.quiet) io.stderr.write(`leaderpages ingest: failed: ${why}\n`);
      return ExitCode.failed;
    }
    return ExitCode.ok;
  },
};

function readRunDiagnostics(
  open: typeof import('../sinks/openDatabase.js').openDatabase,
  read: typeof import('./runDiagnostics.js').runDiagnostics,
  outDir: string,
  show: number,
): ReturnType<typeof read> {
  const db = open(join(outDir, 'leaders.db'), { readonly: true });
  try {
    return read(db, show);
  } finally {
    db.close();
  }
}
