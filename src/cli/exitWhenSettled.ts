// The CLI's exit code comes from its command's promise. Should that promise be left waiting on nothing
// (a thread or handle that no longer keeps the process alive), Node would end the process with code 0
// as if the command had succeeded: a run cut short that scripts take for done. That is a bug, and it
// exits 70 (internal error) with a line saying so.

import { FaultExitCode } from './userError.js';

export function exitWhenSettled(run: Promise<number>, stderr: NodeJS.WritableStream): void {
  let settled = false;
  const unfinished = (): void => {
    if (settled) return;
    stderr.write('leaderpages: internal error: the command stopped before it finished (it was left waiting on nothing). This is a bug; please report it.\n');
    process.exitCode = FaultExitCode.internal;
  };
  process.once('beforeExit', unfinished);
  run.then(
    (code) => {
      settled = true;
      process.off('beforeExit', unfinished);
      process.exitCode = code;
    },
    (error: unknown) => {
      settled = true;
      process.off('beforeExit', unfinished);
      stderr.write(`leaderpages: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = FaultExitCode.internal;
    },
  );
}
