// Source discovery: files, folders (walked recursively) and globs → a sorted, de-duplicated file list.
// Anything that matches nothing is returned separately, so the CLI can say so instead of passing silently.

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Extensions of source pages picked up when walking a folder. */
export const sourceExtensions = ['txt', 'md', 'markdown', 'mdown', 'html', 'htm', 'xhtml'] as const;

export interface DiscoveredSources {
  /** Paths as the user would write them: relative to cwd, `/`-separated (absolute when the input was). */
  files: string[];
  /** Inputs that named no existing file, folder or matching glob. */
  unmatched: string[];
}

async function kindOf(path: string): Promise<'file' | 'folder' | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : 'file';
  } catch {
    return null;
  }
}

function join(folder: string, child: string): string {
  return folder === '.' || folder === './' ? child : `${folder.replace(/\/+$/, '')}/${child}`;
}

async function expand(input: string, cwd: string): Promise<string[]> {
  const kind = await kindOf(resolve(cwd, input));
  if (kind === 'file') return [input];
  if (kind === 'folder') {
    const found = await glob(`**/*.{${sourceExtensions.join(',')}}`, { cwd: resolve(cwd, input), onlyFiles: true, expandDirectories: false });
    return found.map((child) => join(input, child));
  }
  if (!isDynamicPattern(input)) return [];
  return glob(input, { cwd, onlyFiles: true, expandDirectories: false, absolute: input.startsWith('/') });
}

export async function discoverSources(inputs: readonly string[], cwd: string): Promise<DiscoveredSources> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const input of inputs) {
    const found = await expand(input, cwd);
    if (found.length === 0) unmatched.push(input);
    for (const file of found) files.add(file.replace(/^\.\//, ''));
  }
  return { files: [...files].sort(), unmatched };
}
