// Expand the ingest's inputs (files, folders walked recursively, globs) into a sorted, de-duplicated
// list of sources. Sorting by path is what makes "the first by path wins" well defined.
// The walk stays inside the input roots: a symbolic link leading out of them is not followed unless
// asked (followSymlinks), no folder or file is visited twice (device + inode, so `ln -s . loop` is
// harmless), and every entry left out for such a reason is returned with the rule that says why.

import { lstatSync, readdirSync, realpathSync, statSync, type BigIntStats, type Stats } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../cli/Command.js';
import { defaultStampSettleMs, sourceStamp, stampTrustedBefore } from './sourceStamp.js';

/** Extensions picked up when a folder is given. */
export const sourceExtensions = ['txt', 'md', 'markdown', 'html', 'htm'] as const;

export interface SourceRef {
  /** Relative to the key base (forward slashes) when inside it, else absolute. */
  path: string;
  /** Absolute path to read. */
  file: string;
  /** Size, inode and change time when walked (see sourceStamp); absent when it changed just before. */
  stamp?: string;
}

export type SkipRule = 'link-outside-input' | 'dangling-link' | 'special-file' | 'unreadable-path' | 'visited-twice';

/** An entry the walk found and left out, and why. */
export interface SkippedEntry {
  path: string;
  rule: SkipRule;
  message: string;
}

export interface DiscoverOptions {
  /** Follow symbolic links that lead out of the input roots (default: no). */
  followSymlinks?: boolean;
  /**
   * The folder source paths are written relative to (default: `cwd`, where inputs are resolved). An
   * ingest passes the folder holding its output folder, so a run from another working folder keys
   * the same files by the same paths.
   */
  keyBase?: string;
  /** A file changed less than this long before the walk gets no stamp (default defaultStampSettleMs). */
  stampSettleMs?: number;
}

export interface Discovery {
  sources: SourceRef[];
  skipped: SkippedEntry[];
}

function displayPath(base: string, file: string): string {
  // The common case, a file under the base, without path.relative (a tenth of the walk).
  const prefix = base.endsWith(sep) ? base : base + sep;
  if (sep === '/' && file.startsWith(prefix) && !file.includes('/.', prefix.length - 1) && !file.includes('//', prefix.length - 1)) return file.slice(prefix.length);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

const extensions = new Set<string>(sourceExtensions.map((e) => `.${e}`));
const isSourceName = (name: string): boolean => extensions.has(extname(name));

/** What kind of non-regular, non-folder entry this is, in words. */
export function specialKind(stats: Stats | BigIntStats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const inodeKey = (stats: BigIntStats): string => `${stats.dev}:${stats.ino}`;

interface Candidate {
  file: string;
  key: string;
  stamp: string | undefined;
  /** Reached through a symbolic link: a second name loses to the file's own path. */
  viaLink?: boolean;
}

class Walk {
  readonly candidates: Candidate[] = [];
  readonly skipped: SkippedEntry[] = [];
  private readonly visitedFolders = new Set<string>();
  readonly realRoots: string[] = [];

  constructor(
    private readonly keyBase: string,
    private readonly followSymlinks: boolean,
    /** Change times before this (ns) earn a stamp. */
    readonly trustedBefore: bigint,
  ) {}

  candidate(file: string, stats: BigIntStats, viaLink?: boolean): void {
    const found: Candidate = { file, key: inodeKey(stats), stamp: sourceStamp(stats, this.trustedBefore) };
    this.candidates.push(viaLink === undefined ? found : { ...found, viaLink });
  }

  skip(file: string, rule: SkipRule, message: string): void {
    this.skipped.push({ path: displayPath(this.keyBase, file), rule, message });
  }

  private insideRoots(real: string): boolean {
    return this.realRoots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep));
  }

  /** Folders reached through links, walked after every real folder so a folder's own path wins. */
  private readonly linkedFolders: { dir: string; stats: BigIntStats }[] = [];

  /** Walk the folders reached through links (and the links found in them), once the real ones are done. */
  drainLinkedFolders(): void {
    for (let next = this.linkedFolders.shift(); next !== undefined; next = this.linkedFolders.shift()) this.folder(next.dir, next.stats, true);
  }

  folder(dir: string, stats: BigIntStats, viaLink = false): void {
    const key = inodeKey(stats);
    if (this.visitedFolders.has(key)) {
      this.skip(dir, 'visited-twice', 'Folder already walked (a link back into the input, or a loop); not walked again.');
      return;
    }
    this.visitedFolders.add(key);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      this.skip(dir, 'unreadable-path', `Folder cannot be listed (${(error as NodeJS.ErrnoException).code ?? String(error)}); its pages were not read.`);
      return;
    }
    // Dot-files and dot-folders are not pages (as with globs): .git, editors' and our own temp files.
    for (const name of names) if (!name.startsWith('.')) this.entry(join(dir, name), name, viaLink);
  }

  private entry(file: string, name: string, viaLink = false): void {
    let stats: BigIntStats;
    try {
      stats = lstatSync(file, { bigint: true });
    } catch (error) {
      this.skip(file, 'unreadable-path', `Cannot look at this entry (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
      return;
    }
    if (stats.isSymbolicLink()) {
      let target: BigIntStats;
      let real: string;
      try {
        target = statSync(file, { bigint: true });
        real = realpathSync(file);
      } catch (error) {
        if (isSourceName(name) || (error as NodeJS.ErrnoException).code === 'ELOOP') {
          this.skip(file, 'dangling-link', `Symbolic link leads nowhere (${(error as NodeJS.ErrnoException).code ?? String(error)}); skipped.`);
        }
        return;
      }
      if (!target.isDirectory() && !isSourceName(name)) return;
      if (!this.followSymlinks && !this.insideRoots(real)) {
        this.skip(file, 'link-outside-input', `Symbolic link leads out of the input (${real}); not followed (use --follow-symlinks to follow it).`);
        return;
      }
      if (target.isDirectory()) {
        this.linkedFolders.push({ dir: file, stats: target });
        return;
      }
      stats = target;
      viaLink = true;
    }
    if (stats.isDirectory()) this.folder(file, stats, viaLink);
    else if (!isSourceName(name)) return;
    else if (stats.isFile()) this.candidate(file, stats, viaLink);
    else this.skip(file, 'special-file', `This is ${specialKind(stats)}, not a regular file; not read.`);
  }
}

/** A file named on the command line must be a regular file (a FIFO would block the read forever). */
function namedFile(walk: Walk, input: string, target: string, stats: BigIntStats): void {
  if (!stats.isFile()) throw new UsageError(`${input} is ${specialKind(stats)}, not a regular file or folder.`);
  walk.candidate(target, stats);
}

async function expandGlob(walk: Walk, cwd: string, input: string, followSymlinks: boolean): Promise<void> {
  for (const found of await glob(input, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: followSymlinks })) {
    const file = resolve(found);
    let stats: BigIntStats;
    try {
      stats = statSync(file, { bigint: true });
    } catch (error) {
      walk.skip(file, 'dangling-link', `Symbolic link leads nowhere (${(error as NodeJS.ErrnoException).code ?? String(error)}); skipped.`);
      continue;
    }
    if (stats.isFile()) walk.candidate(file, stats);
    else if (!stats.isDirectory()) walk.skip(file, 'special-file', `This is ${specialKind(stats)}, not a regular file; not read.`);
  }
}

export async function walkSources(inputs: readonly string[], cwd: string, options: DiscoverOptions = {}): Promise<Discovery> {
  const followSymlinks = options.followSymlinks ?? false;
  const keyBase = options.keyBase ?? cwd;
  const walk = new Walk(keyBase, followSymlinks, stampTrustedBefore(options.stampSettleMs ?? defaultStampSettleMs));
  const folders: { dir: string; stats: BigIntStats }[] = [];
  const globs: string[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      globs.push(input);
      continue;
    }
    const target = resolve(cwd, input);
    let stats: BigIntStats;
    try {
      stats = statSync(target, { bigint: true });
    } catch {
      throw new UsageError(`no such file or folder: ${input}`);
    }
    if (stats.isDirectory()) {
      folders.push({ dir: target, stats });
      walk.realRoots.push(realpathSync(target));
    } else {
      namedFile(walk, input, target, stats);
    }
  }
  for (const { dir, stats } of folders) walk.folder(dir, stats);
  walk.drainLinkedFolders();
  for (const input of globs) await expandGlob(walk, cwd, input, followSymlinks);

  // One source per file (device + inode): its own path wins over a link to it, then the first by path;
  // a second name for it is reported.
  const byKey = new Map<string, SourceRef>();
  const refs = walk.candidates
    .map((c) => ({ ...c, path: displayPath(keyBase, c.file) }))
    .sort((a, b) => Number(a.viaLink ?? false) - Number(b.viaLink ?? false) || byPath(a, b));
  const seenFiles = new Set<string>();
  for (const ref of refs) {
    if (seenFiles.has(ref.file)) continue;
    seenFiles.add(ref.file);
    const first = byKey.get(ref.key);
    if (first !== undefined) {
      walk.skip(ref.file, 'visited-twice', `Same file as ${first.path} (a link or second name for it); read once, as ${first.path}.`);
      continue;
    }
    byKey.set(ref.key, ref.stamp === undefined ? { path: ref.path, file: ref.file } : { path: ref.path, file: ref.file, stamp: ref.stamp });
  }
  return { sources: [...byKey.values()].sort(byPath), skipped: walk.skipped.sort(byPath) };
}

// Code-unit order, not locale order: the same on every machine.
function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export async function discoverSources(inputs: readonly string[], cwd: string, options: DiscoverOptions = {}): Promise<SourceRef[]> {
  return (await walkSources(inputs, cwd, options)).sources;
}
