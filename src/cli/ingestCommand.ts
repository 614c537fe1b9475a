// `leaderpages ingest`: a folder of pages into leaders/*.json, leaders.ndjson, leaders.db and report.json.

import { parseArgs } from 'node:util';
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
                         [--config FILE] [--quiet]
       leaderpages ingest [PATH|GLOB ...] --queue URL --sink URL [--max-waiting N] [--out DIR] ...

Parse every page found (folders are walked recursively for .txt, .md, .markdown, .html, .htm) and
write, in DIR:
  leaders/<id>.json   one record per leader (rewritten only when its content changes)
  leaders.ndjson      every record, one per line, sorted by id
  leaders.db          SQLite: leaders, dimensions, themes, principles, quotes, sources,
                      diagnostics, runs, and the leaders_fts full-text index
  report.json         this run: counts, and every source's status and diagnostics

Sources whose bytes and parser version are unchanged since the last run are not parsed again.
Key themes that arrive run together are split with the themes already seen with separators: the
config's themes.lexiconFile, earlier runs (in leaders.db) and, in a second pass over just those
pages, the other pages of this run.
Without PATH, the config's inputs are used (default: raw/**/*.{txt,md,markdown,html,htm}).

Options:
  --out DIR          output folder (default: the config's out, 'output')
  --force            re-parse every source, changed or not
  --prune            delete leaders whose source is gone (rows and JSON file)
  --concurrency N    parser threads (default: one per core)
  --worker-memory MB heap limit per parser thread; a page that needs more is rejected
                     with parser-crash and the batch goes on (default: Node's own limit)
  --config FILE      pipeline config to use (default: ./pipeline.config.ts if present)
  --quiet            print nothing on stderr (no progress, no summary)
  -h, --help         show this help

Distributed (see 'leaderpages worker --help'): with --queue and --sink (or --distributed and the
environment variables), this process is the producer: it enqueues one job per changed source on a
BullMQ queue, workers on any machine parse and write to PostgreSQL, and the producer waits, then runs
the theme pass, prune, exports and report into DIR as above.
${distributedHelp}
  --distributed      take --queue and --sink from the environment variables
  --max-waiting N    at most N jobs wait in Redis at once (default: 1000)

Exit codes: 0 every source written or unchanged, 1 some source was rejected, 2 usage or config error.`,

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
    let summary;
    try {
      const ingestOptions = {
        inputs: positionals.length > 0 ? positionals : config.inputs,
        out: values.out ?? config.out,
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
      throw error;
    }
    if (!values.quiet) {
      for (const source of summary.rejectedSamples) {
        for (const d of source.diagnostics) if (d.severity === 'error') io.stderr.write(formatDiagnosticLine(source.path, d) + '\n');
      }
      const more = summary.counts.rejected - summary.rejectedSamples.length;
      if (more > 0) io.stderr.write(`… and ${more} more rejected sources: see ${summary.outDir}/report.json\n`);
    }
    return summary.counts.rejected > 0 ? ExitCode.failed : ExitCode.ok;
  },
};
