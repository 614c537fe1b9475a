// `leaderpages validate [PATH|GLOB ...]`: lint source pages before they enter the data.
// Reports every diagnostic in the chosen format on stdout; the exit code says whether the pages pass.

import { parseArgs } from 'node:util';
import { loadConfig } from '../config/loadConfig.js';
import { countMessages, type LintResult } from '../lint/LintResult.js';
import { formatNames, formatters, type FormatName } from '../lint/formatters.js';
import { lintExitCode } from '../lint/lintExitCode.js';
import { lintSource } from '../lint/lintSource.js';
import { discoverSources } from '../ingest/discoverSources.js';
import { UsageError, type Command, type CommandIO } from './Command.js';

function isFormat(name: string): name is FormatName {
  return (formatNames as string[]).includes(name);
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${value}'.`);
  return Number(value);
}

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR forces them. */
function wantsColor(io: CommandIO): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check source pages and report problems (a linter for new pages)',
  help: `Usage: leaderpages validate [PATH|GLOB ...] [--format stylish|json|github] [--strict]
                           [--max-warnings N] [--config FILE]

Check leader pages (text, Markdown or HTML) the way ingest would read them, and report every
problem with its rule, line and column. Nothing is written.

Arguments:
  PATH|GLOB           files, folders (walked recursively) or globs; default: the config's inputs

Options:
  --format NAME       stylish (default; grouped per file), json (an array of { path, messages,
                      provenance }: provenance maps each record path to the {line, column} it came from),
                      or github (::error/::warning annotations for GitHub Actions)
  --strict            fail on warnings too
  --max-warnings N    fail when there are more than N warnings
  --config FILE       pipeline config to use (default: ./pipeline.config.ts if present);
                      its \`rules\` change a rule's severity ('off' | 'warn' | 'error')
  -h, --help          show this help

Colours are used on a terminal unless NO_COLOR is set. Rules are listed in docs/rules.md.

Exit codes: 0 no errors (and no warnings with --strict, or at most N with --max-warnings N),
            1 otherwise, 2 usage error.`,

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        strict: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        config: { type: 'string' },
      },
    });
    const format = values.format;
    if (!isFormat(format)) throw new UsageError(`unknown format '${format}' (use ${formatNames.join(', ')}).`);
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const config = await loadConfig(values.config, io.cwd);

    const inputs = positionals.length > 0 ? positionals : config.inputs;
    if (inputs.length === 0) throw new UsageError('no inputs: name files, folders or globs, or set `inputs` in the config.');
    const sources = await discoverSources(inputs, io.cwd);
    if (sources.length === 0) throw new UsageError(`no source files match ${inputs.map((i) => `'${i}'`).join(', ')}.`);

    const results: LintResult[] = [];
    for (const source of sources) results.push(await lintSource(source, config));

    io.stdout.write(formatters[format](results, { color: wantsColor(io) }));
    return lintExitCode(countMessages(results), { strict: values.strict, maxWarnings });
  },
};
