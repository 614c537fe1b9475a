// Where a leader's JSON file goes, refusing any id that would land outside the leaders folder.

import { resolve, sep } from 'node:path';

const safeId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `id` can name a leader's file (a lower-case slug). */
export function isSafeLeaderId(id: string): boolean {
  return safeId.test(id);
}

/** The file for `id` inside `leadersDir`, or null when the id is not a safe slug. */
export function leaderJsonPath(leadersDir: string, id: string): string | null {
  if (!safeId.test(id)) return null;
  const root = resolve(leadersDir);
  const file = resolve(root, `${id}.json`);
  return file.startsWith(root + sep) ? file : null;
}
