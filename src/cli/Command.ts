// A CLI command: a name, a one-line summary, its --help text, and a run function returning the exit code.

/** Exit codes scripts can rely on. */
export const ExitCode = {
  ok: 0,
  /** The command ran, and found input it rejected (errors in pages). */
  failed: 1,
  /** Usage or configuration error: nothing was done. */
  usage: 2,
} as const;

export interface CommandIO {
  /** Read by `parse -`; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Its flags (node:util parseArgs options): parsed by the command, and named in "did you mean" hints. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;
  run(args: string[], io: CommandIO): Promise<number>;
}

/** Thrown by argument parsing; the CLI prints the message and exits with code 2. */
export class UsageError extends Error {}
