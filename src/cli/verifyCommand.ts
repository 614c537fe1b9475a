// `leaderpages verify --out DIR`: is the output folder what its database says? Reads only: for cron
// jobs and the CI of apps that consume the exports.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { currentHolder } from '../ingest/OutputLock.js';
import { ExitCode, UsageError, type Command } from './Command.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check an output folder against its database, without writing',
  help: `Usage: leaderpages verify [--out DIR] [--config FILE] [--quiet]

Check that the exports in DIR (leaders/*.json, leaders.ndjson) are exactly what leaders.db holds,
and that leaders.db itself is sound (PRAGMA quick_check). Nothing is written: the next
'leaderpages ingest' repairs what this finds. Each problem is one line on stdout:
  FILE  missing|truncated|edited|stray
  leaders.db  damaged (REASON)

Options:
  --out DIR        output folder (default: the config's out, 'output')
  --config FILE    pipeline config, for its out (default: ./pipeline.config.ts if present)
  --quiet          print only the problems, no closing line on stderr
  -h, --help       show this help

Exit codes: 0 the folder matches its database, 1 it does not (drift or a damaged database),
2 usage error (no leaders.db in DIR), or an ingest is writing DIR right now (run again later).`,

  async run(args, io) {
    // Imported here, not at the top, so that --help of any command does not load SQLite.
    const [{ default: Database }, { loadConfig }, { findDamage }, { checkExports }] = await Promise.all([
      import('better-sqlite3'),
      import('../config/loadConfig.js'),
      import('../sinks/checkDatabase.js'),
      import('../sinks/checkExports.js'),
    ]);
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, config: { type: 'string' }, quiet: { type: 'boolean', default: false } },
    });
    if (positionals.length > 0) throw new UsageError(`verify takes no paths (got '${positionals[0]}'); name the folder with --out DIR.`);
    const out = values.out ?? (await loadConfig(values.config, io.cwd)).out;
    const outDir = resolve(io.cwd, out);
    const file = join(outDir, 'leaders.db');
    if (!existsSync(file)) throw new UsageError(`${file} does not exist: DIR must be an ingest output folder.`);
    const holder = currentHolder(outDir);
    if (holder !== null) {
      throw new UsageError(`an ingest (pid ${holder.pid}, started ${holder.startedAt}) is writing ${outDir}; verify when it has finished.`);
    }
    const damage = findDamage(file, { readonly: true });
    if (damage !== null) {
      io.stdout.write(`leaders.db\tdamaged (${damage})\n`);
      if (!values.quiet) io.stderr.write(`verify: ${file} is damaged; the next ingest moves it aside and rebuilds it.\n`);
      return ExitCode.failed;
    }
    const db = new Database(file, { readonly: true, fileMustExist: true });
    let drift;
    try {
      const records = db.prepare('SELECT id, record FROM leaders ORDER BY id');
      drift = checkExports({ records: () => records.iterate() as IterableIterator<{ id: string; record: string }> }, outDir);
    } finally {
      db.close();
    }
    for (const d of drift) io.stdout.write(`${d.file}\t${d.kind}\n`);
    if (!values.quiet) {
      io.stderr.write(
        drift.length === 0
          ? `verify: ${outDir} matches leaders.db\n`
          : `verify: ${drift.length} export${drift.length === 1 ? '' : 's'} differ from leaders.db; 'leaderpages ingest --out ${out}' repairs them.\n`,
      );
    }
    return drift.length === 0 ? ExitCode.ok : ExitCode.failed;
  },
};
