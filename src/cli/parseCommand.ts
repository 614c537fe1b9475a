// `leaderpages parse FILE`: print one page's record as JSON on stdout, diagnostics on stderr.

import { parseArgs } from 'node:util';
import { ExitCode, UsageError, type Command } from './Command.js';

const options = {
  config: { type: 'string' },
  diagnostics: { type: 'boolean', default: false },
  provenance: { type: 'boolean', default: false },
  'stdin-name': { type: 'string' },
} as const;

async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export const parseCommand: Command = {
  name: 'parse',
  summary: 'Parse one page and print its record as JSON',
  options,
  help: `Usage: leaderpages parse FILE|- [--config FILE] [--diagnostics] [--provenance] [--stdin-name NAME]

Parse one leader page (text, Markdown or HTML) and print its record as JSON on stdout ('null'
when the page is rejected). With '-' the page is read from stdin. Diagnostics go to stderr as
path:line:column  severity  message  rule.

Options:
  --config FILE       pipeline config to use (default: ./pipeline.config.ts if present)
  --diagnostics       print {"record", "diagnostics"} instead of the bare record
  --provenance        print {"record", "provenance"}: where each field's value came from, by
                      record path ("name", "dimensions[2].score") → {line, column, endLine, endColumn}
                      (with --diagnostics too: {"record", "diagnostics", "provenance"})
  --stdin-name NAME   the path recorded for a page read from stdin (its extension decides the
                      format; default '<stdin>', whose format is sniffed from the content)
  -h, --help          show this help

Exit codes: 0 a record was produced, 1 the page was rejected (or could not be read),
            2 usage or config error (FILE does not exist, or is a folder).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
    if (positionals.length !== 1) throw new UsageError('parse takes exactly one FILE (or - for stdin).');
    const target = positionals[0] ?? '';
    const [{ loadConfig }, { parseDocument }, { readSourceFileSync }, { loadThemeLexicon }, { formatDiagnosticLine }, { requireSourceFile }] = await Promise.all([
      import('../config/loadConfig.js'),
      import('../pipeline/parseDocument.js'),
      import('../read/readSourceFile.js'),
      import('../themes/loadThemeLexicon.js'),
      import('./formatDiagnosticLine.js'),
      import('./requireSources.js'),
    ]);
    const config = await loadConfig(values.config, io.cwd);
    let path: string;
    let bytes: Uint8Array | null = null;
    const readDiagnostics = [];
    if (target === '-') {
      path = values['stdin-name'] ?? '<stdin>';
      bytes = await readStdin(io.stdin ?? process.stdin);
    } else {
      path = target;
      const file = requireSourceFile(target, io.cwd);
      const read = readSourceFileSync(file, config);
      if (read.ok) bytes = read.bytes;
      else readDiagnostics.push(read.diagnostic);
    }
    const { lexicon, problem } = loadThemeLexicon(config, io.cwd);
    if (problem !== null) io.stderr.write(`leaderpages: warning: ${problem}\n`);
    const result = bytes === null ? { record: null, diagnostics: readDiagnostics, provenance: {} } : parseDocument({ path, bytes, config, lexicon });
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
