// Faults a user can act on map to one line and a documented exit code; anything else is internal.

import { expect, it } from 'vitest';
import { describeFault, FaultExitCode } from '../src/cli/userError.js';
import { OutputLockedError } from '../src/ingest/OutputLock.js';

const err = (code: string, path?: string) => Object.assign(new Error(code), { code, ...(path === undefined ? {} : { path }) });

it.each([
  [err('ENOSPC', '/out/leaders/x.json'), FaultExitCode.diskFull, /^disk full while writing \/out\/leaders\/x\.json: /],
  [err('SQLITE_FULL'), FaultExitCode.diskFull, /^disk full while writing \/out\/leaders\.db: /],
  [err('EROFS', '/out'), FaultExitCode.cannotWrite, /^\/out is on a read-only file system/],
  [err('SQLITE_READONLY'), FaultExitCode.cannotWrite, /^\/out\/leaders\.db is on a read-only file system/],
  [err('EACCES', '/out/report.json'), FaultExitCode.cannotWrite, /^permission denied: cannot write \/out\/report\.json/],
  [err('EPERM', '/out'), FaultExitCode.cannotWrite, /^permission denied/],
  [err('ENOTDIR', '/out'), FaultExitCode.cannotWrite, /^\/out is a file, not a folder/],
  [err('SQLITE_BUSY'), FaultExitCode.locked, /^\/out\/leaders\.db is locked by another program/],
  [new OutputLockedError('/out', { pid: 42, startedAt: 'T' }), FaultExitCode.locked, /^another ingest \(pid 42, started T\) is writing \/out/],
])('%s → exit %i', (error, exitCode, message) => {
  const fault = describeFault(error, { outDir: '/out', database: '/out/leaders.db' });
  expect(fault?.exitCode).toBe(exitCode);
  expect(fault?.message).toMatch(message);
  expect(fault?.message).not.toContain('\n');
});

it('anything else is an internal fault (null: exit 70 with --debug for the stack)', () => {
  expect(describeFault(new TypeError('x is undefined'))).toBeNull();
  expect(describeFault(err('SQLITE_ERROR'))).toBeNull();
});
