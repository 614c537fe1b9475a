// `npm run themes`: how well run-together key-themes lines are split, over the shared corpus.
// Prints, per signal set, the share of theme lists recovered exactly and of individual themes, and wrong lists
// that would go out without a themes-inferred warning. Lexicons are leave-one-leader-out: never the page's own leader.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ThemeLexicon } from '../src/themes/ThemeLexicon.js';
import { splitThemes } from '../src/themes/splitThemes.js';

interface Expected {
  themes: string[];
  bio?: string | null;
  summary?: string | null;
  principles?: string[];
  quotes?: { text: string; context?: string | null }[];
}

interface RunPage {
  family: string;
  id: string;
  run: string;
  pageText: string[];
  truth: string[];
}

const runFamilies = ['seed-text', 'turndown-md'];
const separatedFamilies = ['inner-text', 'site-html', 'clean-md'];

const corpus = resolve(process.argv[2] ?? '../shared/corpus');
const readJson = (path: string): Expected => JSON.parse(readFileSync(path, 'utf8')) as Expected;
const idOf = (file: string): string => file.replace(/\.[^.]+$/, '');

/** The paragraph under the "Key Themes" heading (plain or setext), hard-wrapped lines joined. */
function themesRun(text: string): string | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let at = lines.findIndex((line) => /^\s*(?:#+\s*)?key themes\s*$/i.test(line));
  if (at < 0) return null;
  at += 1;
  while (at < lines.length && /^\s*(?:[-=]+)?\s*$/.test(lines[at] ?? '')) at += 1;
  const run: string[] = [];
  while (at < lines.length && (lines[at] ?? '').trim() !== '') run.push((lines[at++] ?? '').trim());
  return run.join(' ').replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1').replace(/\s+/g, ' ').trim();
}

function pageTextOf(expected: Expected): string[] {
  return [
    expected.bio ?? '',
    expected.summary ?? '',
    ...(expected.principles ?? []),
    ...(expected.quotes ?? []).flatMap((quote) => [quote.text, quote.context ?? '']),
  ].filter((text) => text !== '');
}

function loadRunPages(): RunPage[] {
  const pages: RunPage[] = [];
  const add = (family: string, id: string, source: string, expectedPath: string): void => {
    const run = themesRun(readFileSync(source, 'utf8'));
    if (run === null) return;
    const expected = readJson(expectedPath);
    pages.push({ family, id, run, pageText: pageTextOf(expected), truth: expected.themes });
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
function loadSeparatedThemes(): Map<string, string[]> {
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

interface Tally {
  lists: number;
  exact: number;
  themes: number;
  found: number;
  unflaggedWrong: number;
  exactConfidence: number[];
  wrongConfidence: number[];
}

function measure(pages: RunPage[], lexiconFor: (page: RunPage) => ThemeLexicon, usePage: boolean): Tally {
  const tally: Tally = { lists: 0, exact: 0, themes: 0, found: 0, unflaggedWrong: 0, exactConfidence: [], wrongConfidence: [] };
  for (const page of pages) {
    const split = splitThemes(page.run, { pageText: usePage ? page.pageText : [], lexicon: lexiconFor(page) });
    const exact = split.themes.length === page.truth.length && split.themes.every((theme, i) => theme === page.truth[i]);
    tally.lists += 1;
    tally.themes += page.truth.length;
    tally.found += page.truth.filter((theme) => split.themes.includes(theme)).length;
    if (exact) {
      tally.exact += 1;
      tally.exactConfidence.push(split.confidence);
    } else {
      tally.wrongConfidence.push(split.confidence);
      if (!split.inferred) tally.unflaggedWrong += 1;
    }
  }
  return tally;
}

const percent = (part: number, whole: number): string => `${whole === 0 ? '–' : ((100 * part) / whole).toFixed(1)}%`.padStart(7);
const mean = (values: number[]): string => (values.length === 0 ? '  –  ' : (values.reduce((a, b) => a + b, 0) / values.length).toFixed(3));

const pages = loadRunPages();
const separated = loadSeparatedThemes();
const empty = new ThemeLexicon();
const otherLeaders = (page: RunPage): ThemeLexicon =>
  ThemeLexicon.from([...separated].filter(([leader]) => leader !== page.id).flatMap(([, themes]) => themes));
const sameBatch = (page: RunPage): ThemeLexicon => ThemeLexicon.from([...separated.values()].flat());

const settings: [string, (page: RunPage) => ThemeLexicon, boolean][] = [
  ['word cues + priors only', () => empty, false],
  ['+ page text', () => empty, true],
  ['+ lexicon of other leaders', otherLeaders, false],
  ['+ page text + lexicon of other leaders', otherLeaders, true],
  ['(same-leader copies in lexicon: not a held-out measure)', sameBatch, true],
];

console.log(`Run-together theme lists in ${corpus}: ${pages.length} pages (${runFamilies.join(', ')}, seed)`);
console.log('');
console.log('signals'.padEnd(58) + 'lists exact  themes exact  wrong w/o warning  confidence exact / wrong');
for (const [name, lexiconFor, usePage] of settings) {
  const t = measure(pages, lexiconFor, usePage);
  console.log(
    `${name.padEnd(58)}${percent(t.exact, t.lists)} ${String(t.exact).padStart(4)}  ${percent(t.found, t.themes)}      ${String(t.unflaggedWrong).padStart(8)}         ${mean(t.exactConfidence)} / ${mean(t.wrongConfidence)}`,
  );
}
