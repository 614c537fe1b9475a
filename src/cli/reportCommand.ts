// `leaderpages report`: rebuild report.html from leaders.db alone (opened read-only).

import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExitCode, UsageError, type Command } from './Command.js';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Rebuild the run report page (report.html) from leaders.db',
  help: `Usage: leaderpages report [--out DIR] [--db FILE] [--config FILE]

Write DIR/report.html: one self-contained page (no network; Chart.js inlined) showing the latest
run recorded in the database: sources by outcome and format, diagnostics by rule and severity with
the worst files, field coverage, key themes separated or inferred (with confidence), dimension score
distributions, the slowest pages, and a filterable table of every rejected or warned source with its
located diagnostics. \`ingest\` writes the same page after each run; this command rebuilds it from the
database alone, which it opens read-only.

Options:
  --out DIR      folder of the report, and of leaders.db unless --db is given
                 (default: the config's out, 'output')
  --db FILE      database to read (default: DIR/leaders.db)
  --config FILE  pipeline config to take the default --out from (default: ./pipeline.config.ts if present)
  -h, --help     show this help

Exit codes: 0 report written; 2 usage error, no readable leaderpages database, or an ingest is
writing DIR right now (it writes the report itself when it finishes).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, db: { type: 'string' }, config: { type: 'string' } },
    });
    if (positionals.length > 0) throw new UsageError(`report takes no arguments (got '${positionals[0]}'); use --out DIR.`);
    let out = values.out;
    if (out === undefined) {
      const { loadConfig } = await import('../config/loadConfig.js');
      out = (await loadConfig(values.config, io.cwd)).out;
    }
    const outDir = resolve(io.cwd, out);
    const database = values.db === undefined ? join(outDir, 'leaders.db') : resolve(io.cwd, values.db);
    const shown = (file: string): string => {
      const rel = relative(io.cwd, file);
      return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
    };
    if (!existsSync(database)) throw new UsageError(`no database at ${shown(database)}; run 'leaderpages ingest' first, or give --db FILE.`);
    const { writeReportPage } = await import('../report/writeReportPage.js');
    const { acquireOutputLock, OutputLockedError } = await import('../ingest/OutputLock.js');
    const htmlFile = join(outDir, 'report.html');
    mkdirSync(outDir, { recursive: true });
    // report.html belongs to the output folder's one writer: an ingest there rewrites it at its end.
    let lock;
    try {
      lock = await acquireOutputLock(outDir, { wait: false });
    } catch (error) {
      if (!(error instanceof OutputLockedError)) throw error;
      throw new UsageError(`an ingest (pid ${error.holder.pid}, started ${error.holder.startedAt}) is writing ${shown(outDir)}; it writes report.html when it finishes.`);
    }
    try {
      writeReportPage(database, htmlFile);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // better-sqlite3's SqliteError carries SQLITE_* codes: not a database, or not one of ours.
      if (typeof code === 'string' && code.startsWith('SQLITE_')) {
        throw new UsageError(`cannot read ${shown(database)} as a leaderpages database: ${(error as Error).message}`);
      }
      throw error;
    } finally {
      lock.release();
    }
    io.stderr.write(`leaderpages report: wrote ${shown(htmlFile)}\n`);
    return ExitCode.ok;
  },
};
