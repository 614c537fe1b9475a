// `npm run themes`: how well run-together key-themes lines are split, over the shared corpus.
// Prints, per signal set, the share of theme lists recovered exactly and of individual themes, and wrong lists
// that would go out without a themes-inferred warning. Lexicons are leave-one-leader-out: never the page's own leader.

import { resolve } from 'node:path';
import { ThemeLexicon } from '../src/themes/ThemeLexicon.js';
import { splitThemes } from '../src/themes/splitThemes.js';
import { loadRunPages, loadSeparatedThemes, runFamilies, type RunPage } from './themesCorpus.js';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(`Usage: npm run themes -- [CORPUS_DIR]

Over the run-together key-themes pages of a corpus (default ../shared/corpus), print the share of theme
lists and of single themes split exactly, per set of signals, and how many wrong lists lack the warning.
`);
  process.exit(0);
}
const corpus = resolve(process.argv[2] ?? '../shared/corpus');

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

const pages = loadRunPages(corpus);
const separated = loadSeparatedThemes(corpus);
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
