// `leaderpages parse FILE`: print one page's record as JSON on stdout, diagnostics on stderr.

import { readFile, stat } from 'node:fs/promises';
import { specialKind } from '../ingest/discoverSources.js';
import { parseArgs } from 'node:util';
import { parseDocument } from '../pipeline/parseDocument.js';
import { loadConfig } from '../config/loadConfig.js';
import { ExitCode, UsageError, type Command } from './Command.js';
import { formatDiagnosticLine } from './formatDiagnosticLine.js';
import { loadThemeLexicon } from '../themes/loadThemeLexicon.js';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'Parse one page and print its record as JSON',
  help: `Usage: leaderpages parse FILE [--config FILE] [--diagnostics] [--provenance]

Parse one leader page (text, Markdown or HTML) and print its record as JSON on stdout.
Diagnostics go to stderr as path:line:column  severity  message  rule.

Options:
  --config FILE    pipeline config to use (default: ./pipeline.config.ts if present)
  --diagnostics    print {"record", "diagnostics"} instead of the bare record
  --provenance     print {"record", "provenance"}: where each field's value came from, by
                   record path ("name", "dimensions[2].score") → {line, column, endLine, endColumn}
                   (with --diagnostics too: {"record", "diagnostics", "provenance"})
  -h, --help       show this help

Exit codes: 0 a record was produced, 1 the page was rejected, 2 usage error.`,

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { config: { type: 'string' }, diagnostics: { type: 'boolean', default: false }, provenance: { type: 'boolean', default: false } },
    });
    if (positionals.length !== 1) throw new UsageError('parse takes exactly one FILE.');
    const path = positionals[0] ?? '';
    const config = await loadConfig(values.config, io.cwd);
    let bytes: Uint8Array;
    try {
      // A FIFO or device would block the read (or never end): only regular files are pages.
      const stats = await stat(path);
      if (!stats.isFile() && !stats.isDirectory()) throw new UsageError(`${path} is ${specialKind(stats)}, not a regular file.`);
      bytes = await readFile(path);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      io.stderr.write(`leaderpages: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return ExitCode.failed;
    }
    const { lexicon, problem } = loadThemeLexicon(config, io.cwd);
    if (problem !== null) io.stderr.write(`leaderpages: warning: ${problem}\n`);
    const result = parseDocument({ path, bytes, config, lexicon });
    for (const d of result.diagnostics) io.stderr.write(formatDiagnosticLine(path, d) + '\n');
    const output =
      values.diagnostics || values.provenance
        ? {
            record: result.record,
            ...(values.diagnostics ? { diagnostics: result.diagnostics } : {}),
            ...(values.provenance ? { provenance: result.provenance } : {}),
          }
        : result.record;
    io.stdout.write(JSON.stringify(output, null, 2) + '\n');
    return result.record === null ? ExitCode.failed : ExitCode.ok;
  },
};
