// The run-together theme lines of the shared corpus, with each page's own text and its expected themes,
// and the themes of the separated copies by leader: read by simple means for `npm run themes` and the tests.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { themePageText } from '../src/themes/themePageText.js';

interface Expected {
  themes: string[];
  bio?: string | null;
  summary?: string | null;
  principles?: string[];
  quotes?: { text: string; context?: string | null }[];
}

export interface RunPage {
  family: string;
  id: string;
  run: string;
  pageText: string[];
  truth: string[];
}

export const runFamilies = ['seed-text', 'turndown-md'];
const separatedFamilies = ['inner-text', 'site-html', 'clean-md'];

const readJson = (path: string): Expected => JSON.parse(readFileSync(path, 'utf8')) as Expected;
const idOf = (file: string): string => file.replace(/\.[^.]+$/, '');

/** The paragraph under the "Key Themes" heading (plain or setext), hard-wrapped lines joined. */
export function themesRun(text: string): string | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let at = lines.findIndex((line) => /^\s*(?:#+\s*)?key themes\s*$/i.test(line));
  if (at < 0) return null;
  at += 1;
  while (at < lines.length && /^\s*(?:[-=]+)?\s*$/.test(lines[at] ?? '')) at += 1;
  const run: string[] = [];
  while (at < lines.length && (lines[at] ?? '').trim() !== '') run.push((lines[at++] ?? '').trim());
  return run.join(' ').replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1').replace(/\s+/g, ' ').trim();
}

export function loadRunPages(corpus: string): RunPage[] {
  const pages: RunPage[] = [];
  const add = (family: string, id: string, source: string, expectedPath: string): void => {
    const run = themesRun(readFileSync(source, 'utf8'));
    if (run === null) return;
    const expected = readJson(expectedPath);
    pages.push({ family, id, run, pageText: themePageText(expected), truth: expected.themes });
  };
  for (const family of runFamilies) {
    const folder = join(corpus, 'dev', family);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).sort()) add(family, idOf(file), join(folder, file), join(corpus, 'dev', 'expected', family, `${idOf(file)}.json`));
  }
  const seed = join(corpus, 'seed', 'bill-carr.txt');
  if (existsSync(seed)) add('seed', 'bill-carr', seed, join(corpus, 'seed', 'bill-carr.expected.json'));
  return pages;
}

/** Themes of separated copies, by leader: what a batch would have learned from pages with chips or lists. */
export function loadSeparatedThemes(corpus: string): Map<string, string[]> {
  const byLeader = new Map<string, string[]>();
  for (const family of separatedFamilies) {
    const folder = join(corpus, 'dev', 'expected', family);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      const themes = byLeader.get(idOf(file)) ?? [];
      themes.push(...readJson(join(folder, file)).themes);
      byLeader.set(idOf(file), themes);
    }
  }
  return byLeader;
}
