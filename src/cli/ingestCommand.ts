// `leaderpages ingest`: a folder of pages into leaders/*.json, leaders.ndjson, leaders.db and report.json.

import { parseArgs } from 'node:util';
import { ExitCode, UsageError, type Command } from './Command.js';
import { parseMaxWarnings, warningFailure } from './validateCommand.js';

const options = {
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
  prune: { type: 'boolean', default: false },
  concurrency: { type: 'string' },
  'worker-memory': { type: 'string' },
  config: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  show: { type: 'string' },
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
  help: `Usage: leaderpages ingest [PATH|GLOB ...] [--out DIR] [--force] [--prune] [--concurrency N] [--worker-memory MB]
                         [--config FILE] [--quiet] [--max-warnings N] [--show N]

Parse every page found (folders are walked recursively for .txt, .md, .markdown, .html, .htm) and
write, in DIR:
  leaders/<id>.json   one record per leader (rewritten only when its content changes)
  leaders.ndjson      every record, one per line, sorted by id
  leaders.db          SQLite, tables:
                        leaders      one row per leader (the full record as JSON in 'record')
                        dimensions   (leader_id, position, key, name, score)
                        themes       (leader_id, position, text)
                        principles   (leader_id, position, text)
                        quotes       (leader_id, position, text, context)
                        archetypes   (leader_id, position, name)
                        sources      every source seen: path, sha256, status, leader_id, …
                        diagnostics  every diagnostic of every source, with line and column
                        runs         one row per ingest run, with its counts
                        meta         bookkeeping (whether the exports are up to date)
                        leaders_fts  FTS5 full-text index over name, role, bio, summary,
                                     themes, principles and quotes
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
  --max-warnings N   exit 1 when the run's sources carry more than N warnings
  --show N           print the first N diagnostics after the summary (default 20; 0 for none)
  -h, --help         show this help

When it ends, ingest prints on stderr a summary line, the number of errors and warnings per rule
over every source of the run, and the first diagnostics (errors first); report.json has them all.

Exit codes: 0 every source written or unchanged, 1 some source was rejected (or more warnings
than --max-warnings), 2 usage or config error (an input that names no page included).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
    const concurrency = parseCount('concurrency', values.concurrency, 1);
    const workerMemoryMb = parseCount('worker-memory', values['worker-memory'], 32);
    const show = parseCount('show', values.show, 0) ?? 20;
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const [{ loadConfig }, { requireSources }, { runIngest }, { SchemaTooNewError, openDatabase }, { loadThemeLexicon }, { formatDiagnosticLine }, { runDiagnostics, formatRuleCounts }] =
      await Promise.all([
        import('../config/loadConfig.js'),
        import('./requireSources.js'),
        import('../ingest/runIngest.js'),
        import('../sinks/openDatabase.js'),
        import('../themes/loadThemeLexicon.js'),
        import('./formatDiagnosticLine.js'),
        import('./runDiagnostics.js'),
      ]);
    const config = await loadConfig(values.config, io.cwd);
    const inputs = positionals.length > 0 ? positionals : config.inputs;
    const sources = await requireSources(inputs, io.cwd);
    const { lexicon, problem } = loadThemeLexicon(config, io.cwd);
    if (problem !== null && !values.quiet) io.stderr.write(`leaderpages: warning: ${problem}\n`);
    let summary;
    try {
      summary = await runIngest({
        inputs,
        sources,
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
      });
    } catch (error) {
      if (error instanceof SchemaTooNewError) throw new UsageError(error.message);
      throw error;
    }
    const db = openDatabase(`${summary.outDir}/leaders.db`, { readonly: true });
    const found = runDiagnostics(db, show);
    db.close();
    if (!values.quiet) {
      const counts = formatRuleCounts(found);
      if (counts !== null) io.stderr.write(`${counts}\n`);
      for (const d of found.first) io.stderr.write(formatDiagnosticLine(d.source, d) + '\n');
      const more = found.errors + found.warnings - found.first.length;
      if (more > 0) io.stderr.write(`… and ${more} more: see ${summary.outDir}/report.json\n`);
    }
    if (summary.counts.rejected > 0) return ExitCode.failed;
    const why = warningFailure(found, false, maxWarnings);
    if (why !== null) {
      if (!values.quiet) io.stderr.write(`leaderpages ingest: failed: ${why}\n`);
      return ExitCode.failed;
    }
    return ExitCode.ok;
  },
};
