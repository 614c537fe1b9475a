#!/usr/bin/env node
// The leaderpages command line: a thin dispatcher over the command table.
// Command modules are light (help text and flags); each imports its machinery only when it runs,
// so `--help` and `--version` start in about the time Node itself takes.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ExitCode, UsageError, type Command, type CommandIO } from './Command.js';
import { didYouMean } from './didYouMean.js';
import { parseCommand } from './parseCommand.js';
import { ingestCommand } from './ingestCommand.js';
import { validateCommand } from './validateCommand.js';
import { schemaCommand } from './schemaCommand.js';
import { verifyCommand } from './verifyCommand.js';
import { reportCommand } from './reportCommand.js';
import { workerCommand } from './workerCommand.js';
import { describeFault, FaultExitCode } from './userError.js';
import { exitWhenSettled } from './exitWhenSettled.js';

export const commands: readonly Command[] = [parseCommand, ingestCommand, validateCommand, schemaCommand, verifyCommand, reportCommand, workerCommand];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: leaderpages <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help       show this help ('leaderpages help <command>' for a command's)
  -v, --version    print the package, parser and record versions

Run 'leaderpages <command> --help' for a command's options.
Exit codes: 0 success, 1 input rejected (errors in pages), 2 usage or configuration error.
`;
}

function unknownCommand(name: string, io: CommandIO): number {
  const hint = didYouMean(name, commands.map((c) => c.name));
  io.stderr.write(`leaderpages: unknown command '${name}'.${hint}\n\n${usage()}`);
  return ExitCode.usage;
}

/** The flag parseArgs complained about, from its message ("Unknown option '--bogus'…"). */
function unknownFlag(error: Error): string | null {
  const match = /Unknown option '(-{1,2}[^']+)'/.exec(error.message);
  return match?.[1] ?? null;
}

async function versions(): Promise<string> {
  const [{ packageVersion }, { PARSER_VERSION, RECORD_VERSION }] = await Promise.all([import('./packageVersion.js'), import('../version.js')]);
  return `leaderpages ${packageVersion()} (parser ${PARSER_VERSION}, record version ${RECORD_VERSION})\n`;
}

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(usage());
      return ExitCode.ok;
    }
    const command = commands.find((c) => c.name === topic);
    if (command === undefined) return unknownCommand(topic, io);
    io.stdout.write(command.help + '\n');
    return ExitCode.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout.write(await versions());
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) return unknownCommand(name, io);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help + '\n');
    return ExitCode.ok;
  }
  // --debug is understood by every command: stack traces of internal errors are shown only with it.
  const debug = rest.includes('--debug');
  try {
    return await command.run(rest.filter((a) => a !== '--debug'), io);
  } catch (error) {
    // parseArgs throws TypeErrors with codes like ERR_PARSE_ARGS_UNKNOWN_OPTION for bad flags.
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      let message = (error as Error).message;
      const flag = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? unknownFlag(error as Error) : null;
      if (flag !== null) {
        message = `unknown option '${flag}'.${didYouMean(flag.replace(/^-+/, ''), Object.keys(command.options ?? {}), (s) => `'--${s}'`)}`;
      }
      const { ConfigError } = await import('../config/loadConfig.js');
      const helpHint = error instanceof ConfigError ? '' : `Run 'leaderpages ${name} --help' for usage.\n`;
      io.stderr.write(`leaderpages ${name}: ${message}\n${helpHint}`);
      return ExitCode.usage;
    }
    const fault = describeFault(error);
    if (fault !== null) {
      io.stderr.write(`leaderpages ${name}: ${fault.message}\n`);
      return fault.exitCode;
    }
    const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr.write(`leaderpages ${name}: internal error: ${detail}\n${debug ? '' : 'This is a bug; run again with --debug for the stack trace and report it.\n'}`);
    return FaultExitCode.internal;
  }
}

/**
 * A reader that stops early (`| head -1`, `| true`) closes the pipe: stop quietly, as Unix tools do,
 * instead of dying with an EPIPE stack trace. A closed stderr is ignored (the work goes on).
 */
function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw error;
  });
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  exitQuietlyOnClosedPipe();
  exitWhenSettled(main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }), process.stderr);
}
