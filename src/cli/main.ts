#!/usr/bin/env node
// The leaderpages command line: a thin dispatcher over the command table.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ExitCode, UsageError, type Command, type CommandIO } from './Command.js';
import { parseCommand } from './parseCommand.js';
import { ingestCommand } from './ingestCommand.js';
import { validateCommand } from './validateCommand.js';
import { schemaCommand } from './schemaCommand.js';
import { verifyCommand } from './verifyCommand.js';
import { reportCommand } from './reportCommand.js';
import { workerCommand } from './workerCommand.js';
import { describeFault, FaultExitCode } from './userError.js';

export const commands: readonly Command[] = [parseCommand, ingestCommand, validateCommand, schemaCommand, verifyCommand, reportCommand, workerCommand];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: leaderpages <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'leaderpages <command> --help' for a command's options.
`;
}

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    const { PARSER_VERSION } = await import('../version.js');
    io.stdout.write(`${PARSER_VERSION}\n`);
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`leaderpages: unknown command '${name}'\n\n${usage()}`);
    return ExitCode.usage;
  }
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
      io.stderr.write(`leaderpages ${name}: ${(error as Error).message}\nRun 'leaderpages ${name} --help' for usage.\n`);
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

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`leaderpages: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
