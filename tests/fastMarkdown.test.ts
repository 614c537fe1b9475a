// The fast Markdown reader against remark-parse, the reference: on every Markdown fixture and corpus page,
// on synthetic pages and on generated ones, whenever the fast reader answers, its tree is remark's tree
// (positions included) and the normalizer's blocks and messages are those of remark alone. It must also
// answer for ordinary pages, and decline what it does not read.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/defaultConfig.js';
import { createLeaderFile, type LeaderFile } from '../src/file/LeaderFile.js';
import { boundParseWork } from '../src/normalize/markdown/boundParseWork.js';
import { parseMarkdownFast } from '../src/normalize/markdown/fastMarkdown.js';
import { blankPandocMarkup } from '../src/normalize/markdown/pandocMarkup.js';
import { markdownReaders, parseMarkdown, rejoinWrappedDestinations } from '../src/normalize/markdown/parseMarkdown.js';
import { normalizeMarkdown } from '../src/normalize/normalizeMarkdown.js';
import { decodeSource } from '../src/read/decodeSource.js';
import { loadTemplates } from '../scripts/syntheticCorpus.js';

const corpus = join(import.meta.dirname, '../../shared/corpus/dev');
const fixtures = join(import.meta.dirname, 'fixtures');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

function load(path: string, bytes: Uint8Array | string): LeaderFile {
  const file = createLeaderFile(path, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, defaultConfig);
  decodeSource(file);
  return file;
}

function withReader<T>(fast: boolean, run: () => T): T {
  const before = markdownReaders.fast;
  markdownReaders.fast = fast;
  try {
    return run();
  } finally {
    markdownReaders.fast = before;
  }
}

/** remark's tree for text.slice(start, end), and the fast reader's (null when it declines). */
function trees(text: string, start: number, end: number): { reference: unknown; fast: unknown } {
  const reference = withReader(false, () => parseMarkdown(text, start, end));
  return { reference, fast: parseMarkdownFast(rejoinWrappedDestinations(text), start, end) };
}

interface Comparison {
  segments: number;
  answered: number;
}

/** Compares both readers on every segment the normalizer parses, then the normalizer's output with the fast path on and off. */
function compare(file: LeaderFile): Comparison {
  const text = blankPandocMarkup(file.text);
  let segments = 0;
  let answered = 0;
  for (const segment of boundParseWork(text)) {
    if (!segment.parse) continue;
    segments++;
    const { reference, fast } = trees(text, segment.start, segment.end);
    if (fast === null) continue;
    answered++;
    expect(fast).toStrictEqual(reference);
  }
  const slow = { ...file, messages: [] };
  const quick = { ...file, messages: [] };
  expect(withReader(true, () => normalizeMarkdown(quick))).toStrictEqual(withReader(false, () => normalizeMarkdown(slow)));
  expect(quick.messages).toStrictEqual(slow.messages);
  return { segments, answered };
}

describe('fast reader equals remark-parse on fixtures', () => {
  const files = [...markdownFiles(corpus), ...markdownFiles(fixtures)];
  it('finds the Markdown fixtures', () => expect(files.length).toBeGreaterThanOrEqual(390));
  it.each(files.map((path) => [relative(join(import.meta.dirname, '../..'), path), path]))('%s', (_name, path) => {
    compare(load(path, readFileSync(path)));
  });
});

describe('fast reader answers for ordinary pages', () => {
  // Every page of the hand-written and converted Markdown families is read entirely by the fast reader.
  const families = [join(corpus, 'clean-md'), join(corpus, 'turndown-md'), join(fixtures, 'converted/html2markdown-80')];
  it.each(families)('%s', (dir) => {
    const files = markdownFiles(dir);
    expect(files.length).toBeGreaterThan(40);
    for (const path of files) {
      const { segments, answered } = compare(load(path, readFileSync(path)));
      expect({ path, answered }).toEqual({ path, answered: segments });
    }
  });

  it('reads the synthetic corpus Markdown pages (names rewritten) entirely', () => {
    const templates = loadTemplates().filter((template) => template.ext === '.md');
    expect(templates.length).toBeGreaterThan(100);
    templates.forEach((template, index) => {
      const text = template.text.split(template.name).join(`${template.name} Q${index}`);
      const { segments, answered } = compare(load(`page-${index}.md`, text));
      expect(answered).toBe(segments);
    });
  });
});

/** Read by the fast reader, and equal to remark. */
const answered: Array<[string, string]> = [
  ['setext headings with trailing spaces', 'Dana Okafor  \n===========  \n  \nSection\n-------\n'],
  ['ATX headings with closing sequences', '# A #\n## B ##  \n### C \\#\n#\n# #\n####### not a heading'],
  ['paragraph with soft and hard breaks', 'one  \ntwo\\\n   three \nfour'],
  ['CRLF and lone CR line endings', 'a\r\nb  \r\nc\r\rd\r\n'],
  ['bullet, ordered and nested lists', '- a\n- b\n  - c\n\n    d\n- e\n\n1. x\n2. y\n\n10) z'],
  ['lazy continuation in list and quote', '- item\ncontinued\n\n> quote\ncontinued'],
  ['blockquote with a dash attribution', '> “Quoted.”  \n>   \n> — On quoting  \n\n> - Author'],
  ['thematic breaks', '***\n- - -\n___  \n'],
  ['pipe tables', '| Dimension | Score |\n| --- | ---: |\n| Strategic Vision | 80% |\n| Execution & Craft | 70% |\nExtra | a | b'],
  ['emphasis and strong', '**Strategic Vision:** 70% and *em* and _em_ and __strong__, a * b, 5* rating'],
  ['links with and without title', '[← All Leaders](/pm-genome/leaders) [x](/u "title") [y](/v \'t\') [z]'],
  ['entities and escapes', 'AT&amp;T &copy; &#65;&#x42; &nbsp;; \\*not\\* 1\\. \\[x\\] & more'],
  ['inline code', 'Uses `SQL` and `` a`b `` and ` x ` and `unclosed'],
  ['odd characters', 'Ünïcødé — “q” → ← 🙂 <- a | b ~~x~~'],
];

/** Declined by the fast reader (remark-parse reads them). */
const declined: Array<[string, string]> = [
  ['HTML block', '<div>\nx\n</div>'],
  ['inline HTML', 'a <span>b</span>'],
  ['autolink', 'see <https://example.com>'],
  ['fenced code', '```\ncode\n```'],
  ['indented code', 'text\n\n    code'],
  ['reference definition', '[x]: /url\n\n[x]'],
  ['full reference link', '[x][y]'],
  ['image', '![alt](p.png)'],
  ['tab', 'a\tb'],
  ['nested brackets', '[a [b] c](/u)'],
  ['triple emphasis', '***both***'],
  ['intraword asterisks', 'a*b*c'],
  ['crossed emphasis', '*a _b* c_'],
  ['empty list item', '-\n  a'],
  ['link destination in angle brackets', '[a](<b>)'],
  ['link with unbalanced destination', '[a](b c)'],
  ['new ordered list interrupting a paragraph', 'text\n2. two'],
  ['table in a list', '- a | b\n  --|--'],
  ['lazy line that could start a block', '> a\n- b\n\n> c\n===\n'],
];

describe('table of cases', () => {
  it.each(answered)('answers: %s', (_name, text) => {
    const { reference, fast } = trees(text, 0, text.length);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual(reference);
  });
  it.each(declined)('declines: %s', (_name, text) => {
    expect(parseMarkdownFast(text, 0, text.length)).toBeNull();
  });
});

// Page-like Markdown from pieces: line openers, inline pieces the fast reader reads (and combinations
// it must decline), markers that must make it decline, line endings and blank lines. Half the pages
// draw from the read pieces only, so generated pages reach deep into what the fast reader answers.
const opener = fc.constantFrom(
  '', '', '', '', '# ', '## ', '###### ', '####### ', '#', '> ', '>', '>  ', '- ', '* ', '+ ', '1. ', '2. ', '3) ', '10. ',
  ' ', '  ', '   ', '  - ', '   > ', '- > ', '> - ', '> > ', '- - ', '1. - ', '  1. ', '    ', '    - ', '-', '=', '---', '===', '***', '| ',
);
const readPiece = fc.constantFrom(
  'Bill', 'Carr', 'Strategic Vision', '70%', 'a', 'b', ' ', ' ', ' ', '  ', '&', '&amp;', '&copy;', '&#65;', '&bogus',
  '**bold**', '*em*', '_em_', '__s__', '*', '**', '_', '__', 'a_b_c', '*a **b** c*', '**a *b* c**', '**[x](/y)**',
  '[link](/url)', '[link](/url "title")', "[l](/u 't')", '[x]', '[*em* link](/u)', '[', ']', '(', ')', '](',
  '<-', '`code`', '``', '` a `', '`', '\\*', '\\', '\\_', '\\[', '|', ' | ', '—', '“', '”', '"', "'", '→', '←', '🙂', '\u00a0', 'é',
  '#', ':', '1.', '2)', '-', '+', '=', '!', '~', '\f', '\v', '\u2028', '\u3000', 'x\u0301',
);
const declinedPiece = fc.constantFrom(
  '&#0;', '&bogus;', '&#x1F600;', '***x***', 'a*b*c', '*a*b', '*a _b* c_', '[a](b c)', '[x]: /u', '[x][y]', '![img](x.png)',
  '<b>', '</b>', '<http://x.y>', '<br>', '--|--', ':--', '--:', '~~~', '```', '\t',
);
// Pieces mostly stand apart as words do; sometimes they touch (`**a**b`, `x[y](z)`).
const separated = (piece: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(fc.constantFrom(' ', ' ', ' ', ''), piece).map(([gap, text]) => gap + text);
const line = (piece: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(opener, piece, fc.array(separated(piece), { maxLength: 6 })).map(([start, first, pieces]) => start + first + pieces.join(''));
const ending = fc.constantFrom('\n', '\n', '\n', '\r\n', '\n\n', '\n\n', '\r', '  \n', '\n  \n');
const pageOf = (piece: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(fc.tuple(line(piece), ending), { minLength: 1, maxLength: 14 }).map((lines) => lines.map(([text, end]) => text + end).join(''));
// Pages shaped like leader pages: headings, paragraphs, lists, quotes with attributions and tables.
const words = fc.tuple(readPiece, fc.array(separated(readPiece), { maxLength: 5 })).map(([first, rest]) => first + rest.join(''));
const trailing = fc.constantFrom('', '', '  ', ' ');
const block = fc.oneof(
  fc.tuple(fc.constantFrom('# ', '## ', '### '), words, trailing).map((parts) => parts.join('')),
  fc.tuple(words, trailing, fc.constantFrom('\n===', '\n---', '\n=====  ')).map((parts) => parts.join('')),
  fc.array(fc.tuple(words, trailing).map((parts) => parts.join('')), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '*   → '), fc.array(fc.tuple(fc.constantFrom('', '', '  ', '   '), words), { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\n\n'))
    .map(([marker, items, gap]) => items.map(([indent, text], k) => indent + marker.replace('1.', `${k + 1}.`) + text).join(gap)),
  fc.tuple(fc.array(words, { minLength: 1, maxLength: 2 }), fc.constantFrom('>', '>  ', ''), words)
    .map(([quoted, blank, cite]) => [...quoted.map((text) => `> “${text}”`), blank, `> — ${cite}`].filter((text) => text !== '').join('\n')),
  fc.array(fc.tuple(words, words), { minLength: 1, maxLength: 4 })
    .map((rows) => ['| Dimension | Score |', '| --- | ---: |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n')),
  fc.array(fc.tuple(words, words), { minLength: 2, maxLength: 4 })
    .map((rows) => rows.map(([a, b], k) => (k === 1 ? `${a}|${b}\n:-|-:` : `|${a}|${b}`)).join('\n')),
);
const leaderPage = fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n', '\r\n\r\n', '  \n  \n')), { minLength: 1, maxLength: 10 })
  .map((blocks) => blocks.map(([text, gap]) => text + gap).join(''));
const page = fc.oneof(
  pageOf(readPiece),
  pageOf(fc.oneof({ arbitrary: readPiece, weight: 6 }, { arbitrary: declinedPiece, weight: 1 })),
  leaderPage,
);
const runs = Number(process.env['FAST_MARKDOWN_RUNS'] ?? 1500);

describe('generated pages', () => {
  it('the fast tree equals remark’s whenever the fast reader answers, and it often does', () => {
    let fastAnswers = 0;
    fc.assert(
      fc.property(page, fc.constantFrom('', 'Intro line\n\n', '> x\n\n'), (text, prefix) => {
        // Read as a segment after a prefix, as the normalizer reads long pages: offsets shift, lines do not.
        const whole = prefix + text;
        const { reference, fast } = trees(whole, prefix.length, whole.length);
        if (fast === null) return;
        fastAnswers++;
        expect(fast).toStrictEqual(reference);
      }),
      { numRuns: runs },
    );
    expect(fastAnswers).toBeGreaterThan(runs / 8);
  });

  it('the normalizer’s blocks are the same with the fast path on and off', () => {
    fc.assert(
      fc.property(page, (text) => {
        compare(load('page.md', text));
      }),
      { numRuns: Math.ceil(runs / 5) },
    );
  });
});
