// Faults of the machine, not of the program: a full disk, a read-only or forbidden output folder, a
// locked database. Each becomes one line that names the path and what to do, and its own exit code;
// anything else is an internal fault (exit 70, stack trace only with --debug).

import { OutputLockedError } from '../ingest/OutputLock.js';

/** Exit codes for faults a user can act on (sysexits.h numbers, where one fits). */
export const FaultExitCode = {
  /** Another ingest holds the output folder (the contract: the same code as a usage error). */
  locked: 2,
  /** The output cannot be created or written: read-only file system, permission denied (EX_CANTCREAT). */
  cannotWrite: 73,
  /** The disk (or quota) is full, or another I/O error, or the database was damaged mid-run (EX_IOERR). */
  diskFull: 74,
  /** An internal fault: a bug (EX_SOFTWARE). */
  internal: 70,
} as const;

export interface UserFault {
  exitCode: number;
  message: string;
}

/** Where the command was writing, to name it when the error itself carries no path (SQLite's don't). */
export interface FaultContext {
  outDir?: string;
  database?: string;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function pathOf(error: unknown, fallback: string | undefined): string {
  const path = (error as { path?: unknown }).path;
  return typeof path === 'string' ? path : (fallback ?? 'the output folder');
}

/** The one-line message and exit code for an error a user can act on, or null for an internal fault. */
export function describeFault(error: unknown, context: FaultContext = {}): UserFault | null {
  if (error instanceof OutputLockedError) return { exitCode: FaultExitCode.locked, message: error.message };
  const code = codeOf(error);
  const where = pathOf(error, code.startsWith('SQLITE') ? (context.database ?? context.outDir) : context.outDir);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' || code === 'SQLITE_FULL') {
    return {
      exitCode: FaultExitCode.diskFull,
      message: `disk full while writing ${where}: free some space (or use another --out) and run again; what was committed so far is kept and the run picks up from there.`,
    };
  }
  if (code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_READONLY_DBMOVED' || code === 'SQLITE_READONLY_DIRECTORY') {
    return { exitCode: FaultExitCode.cannotWrite, message: `${where} is on a read-only file system (or opened read-only): choose a writable --out folder.` };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return { exitCode: FaultExitCode.cannotWrite, message: `permission denied: cannot write ${where}; fix its permissions or choose another --out folder.` };
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return { exitCode: FaultExitCode.cannotWrite, message: `${where} is a file, not a folder: choose another --out folder (or move the file).` };
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return {
      exitCode: FaultExitCode.locked,
      message: `${where} is locked by another program (a long read or write); close it, or wait, and run again.`,
    };
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') {
    return {
      exitCode: FaultExitCode.diskFull,
      message: `${where} was damaged during the run (${code}): run again; the next run moves it aside and rebuilds it from the sources.`,
    };
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) {
    return {
      exitCode: FaultExitCode.diskFull,
      message: `I/O error while writing ${where} (${code}; the disk may be full, or a file-size limit reached): check the disk, then run again.`,
    };
  }
  return null;
}
