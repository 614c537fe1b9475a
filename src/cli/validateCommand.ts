// `leaderpages validate [PATH|GLOB ...]`: lint source pages before they enter the data.
// Reports every diagnostic in the chosen format on stdout; the exit code says whether the pages pass.

import { parseArgs } from 'node:util';
import type { LintCounts } from '../lint/LintResult.js';
import { formatNames, formatters, type FormatName } from '../lint/formatters.js';
import { ExitCode, UsageError, type Command, type CommandIO } from './Command.js';


const options = {
  format: { type: 'string', default: 'stylish' },
  strict: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  config: { type: 'string' },
} as const;

function isFormat(name: string): name is FormatName {
  return (formatNames as string[]).includes(name);
}

export function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${value}'.`);
  return Number(value);
}

/** Why the exit code is 1 when only warnings made it so; null otherwise (errors speak for themselves). */
export function warningFailure(counts: Pick<LintCounts, 'errors' | 'warnings'>, strict: boolean, maxWarnings: number | undefined): string | null {
  if (counts.errors > 0 || counts.warnings === 0) return null;
  const n = `${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) return `${n}, more than --max-warnings ${maxWarnings} allows.`;
  if (strict) return `${n}, and --strict fails on any.`;
  return null;
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
  options,
  help: `Usage: leaderpages validate [PATH|GLOB ...] [--format stylish|json|github] [--strict]
                           [--max-warnings N] [--config FILE]

Check leader pages (text, Markdown or HTML) the way ingest judges them, and report every
problem with its rule, line and column. Nothing is written. The pages are checked as one batch,
as ingest does: run-together key themes are split again with the themes the other pages list
with separators, and a leader id produced by two pages is a duplicate-id error on the later one
by path. (Unlike ingest, validate does not read leaders.db, so themes and ids stored by earlier
ingest runs are not known to it.)

Arguments:
  PATH|GLOB           files, folders (walked recursively) or globs; default: the config's inputs.
                      Each must name at least one page, else exit 2.

Options:
  --format NAME       stylish (default; grouped per file), json (an array of { path, messages,
                      provenance }: each message's record field is \`field\`; provenance maps each
                      record path to the {line, column} it came from), or github
                      (::error/::warning annotations for GitHub Actions)
  --strict            fail on warnings too
  --max-warnings N    fail when there are more than N warnings (the reason is printed on stderr)
  --config FILE       pipeline config to use (default: ./pipeline.config.ts if present);
                      its \`rules\` change a rule's severity ('off' | 'warn' | 'error')
  -h, --help          show this help

Colours are used on a terminal unless NO_COLOR is set. Rules are listed in docs/rules.md.

Exit codes: 0 no errors (and no warnings with --strict, or at most N with --max-warnings N),
            1 otherwise, 2 usage or config error (an input that names no page included).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
    const format = values.format;
    if (!isFormat(format)) throw new UsageError(`unknown format '${format}' (use ${formatNames.join(', ')}).`);
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const [{ loadConfig }, { requireSources }, { lintSources }, { countMessages }, { lintExitCode }, { loadThemeLexicon }] = await Promise.all([
      import('../config/loadConfig.js'),
      import('./requireSources.js'),
      import('../lint/lintSources.js'),
      import('../lint/LintResult.js'),
      import('../lint/lintExitCode.js'),
      import('../themes/loadThemeLexicon.js'),
    ]);
    const config = await loadConfig(values.config, io.cwd);
    const { sources } = await requireSources(positionals.length > 0 ? positionals : config.inputs, io.cwd);
    const { lexicon, problem } = loadThemeLexicon(config, io.cwd);
    if (problem !== null) io.stderr.write(`leaderpages: warning: ${problem}\n`);

    const results = lintSources(sources, config, lexicon.themes());
    io.stdout.write(formatters[format](results, { color: wantsColor(io) }));
    const counts = countMessages(results);
    const why = warningFailure(counts, values.strict, maxWarnings);
    if (why !== null) io.stderr.write(`leaderpages validate: failed: ${why}\n`);
    const code = lintExitCode(counts, { strict: values.strict, maxWarnings });
    return code === ExitCode.ok ? ExitCode.ok : ExitCode.failed;
  },
};
