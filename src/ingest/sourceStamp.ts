// What a source file looked like when the walk saw it — size, inode and change time — so a re-run can
// tell an untouched page from a stat instead of a read (as git's index does). ctime is set to now by
// every write, rename, chmod or utimes and cannot be set back, so a file whose stat still equals its
// stamp holds the bytes that were hashed under it. A change in the same clock tick as the one a stamp
// records would keep the ctime ("racy" in git's words), so a file changed shortly before the walk gets
// no stamp: it is read and hashed again next time.

import type { BigIntStats } from 'node:fs';
import type { SourceRef } from './discoverSources.js';

/** How long before the walk a file must have last changed to get a stamp (covers 2 s FAT/SMB clocks). */
export const defaultStampSettleMs = 2000;

/** Change times before this (ns since the epoch) can be trusted, for a walk starting now. */
export function stampTrustedBefore(settleMs: number = defaultStampSettleMs, nowMs: number = Date.now()): bigint {
  return BigInt(Math.floor(nowMs - settleMs)) * 1_000_000n;
}

/** The stamp of a regular file, or undefined when it changed too recently to be trusted. */
export function sourceStamp(stats: BigIntStats, trustedBefore: bigint): string | undefined {
  return stats.ctimeNs < trustedBefore ? `${stats.size}:${stats.ino}:${stats.ctimeNs}` : undefined;
}

/** The stamp the walk took of `path`, found in the sources (sorted by path: no map of them all). */
export function stampIn(sources: readonly SourceRef[], path: string): string | undefined {
  let low = 0;
  let high = sources.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = sources[mid]!.path;
    if (at === path) return sources[mid]!.stamp;
    if (at < path) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}
