// normalizeMarkdown: Markdown from converters and hand-written pages → positioned blocks.
// Fixture pairs in tests/fixtures/markdown (UPDATE=1 rewrites the .blocks.json files), table-driven
// inline cases, position checks (CRLF + BOM, corpus pages) and hostile input.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configWith, defaultConfig } from '../src/config/defaultConfig.js';
import type { Block } from '../src/file/Block.js';
import { createLeaderFile, type LeaderFile } from '../src/file/LeaderFile.js';
import { normalizeMarkdown } from '../src/normalize/normalizeMarkdown.js';
import { decodeSource } from '../src/read/decodeSource.js';

const fixtures = join(import.meta.dirname, 'fixtures/markdown');
const corpus = join(import.meta.dirname, '../../shared/corpus/dev');

function load(path: string, bytes: Uint8Array | string, config = defaultConfig): LeaderFile {
  const file = createLeaderFile(path, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, config);
  decodeSource(file);
  return file;
}

interface Shape {
  kind: Block['kind'];
  text: string;
  depth?: number;
  strong?: boolean;
  spans?: string[];
}

function shape(block: Block): Shape {
  const out: Shape = { kind: block.kind, text: block.text };
  if (block.depth !== undefined) out.depth = block.depth;
  if (block.strong) out.strong = true;
  if (block.spans) out.spans = block.spans.map((span) => span.text);
  return out;
}

function blocksOf(markdown: string): Shape[] {
  return normalizeMarkdown(load('page.md', markdown)).map(shape);
}

/** Every position is inside the text, trimmed, consistent with the line index, and ordered. */
function expectLocated(file: LeaderFile, blocks: Block[]): void {
  let previous = -1;
  for (const block of blocks) {
    const { start, end } = block.position;
    expect(start).toEqual(file.lines.point(start.offset));
    expect(end).toEqual(file.lines.point(end.offset));
    const raw = file.text.slice(start.offset, end.offset);
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.trim()).toBe(raw);
    expect(start.offset).toBeGreaterThanOrEqual(previous);
    previous = start.offset;
    for (const span of block.spans ?? []) {
      expect(span.position.start.offset).toBeGreaterThanOrEqual(start.offset);
      expect(span.position.end.offset).toBeLessThanOrEqual(end.offset);
      // A span's source holds its text's first word (escapes and entities aside).
      const word = span.text.split(' ')[0] ?? '';
      if (/^[\p{L}\p{N}]+$/u.test(word)) {
        expect(file.text.slice(span.position.start.offset, span.position.end.offset)).toContain(word);
      }
    }
  }
}

describe('fixture pages', () => {
  const names = readdirSync(fixtures).filter((name) => name.endsWith('.md'));
  it('has fixtures', () => expect(names.length).toBeGreaterThanOrEqual(4));
  it.each(names)('%s', (name) => {
    const file = load(name, readFileSync(join(fixtures, name)));
    const blocks = normalizeMarkdown(file);
    const actual = blocks.map((block) => ({ at: `${block.position.start.line}:${block.position.start.column}`, ...shape(block) }));
    const expectedPath = join(fixtures, name.replace(/\.md$/, '.blocks.json'));
    if (process.env.UPDATE === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    expectLocated(file, blocks);
  });
});

const cases: Array<[string, string, Shape[]]> = [
  ['setext heading with turndown trailing spaces', 'Dana Okafor  \n===========  \n  \nSection  \n-------  \n', [
    { kind: 'heading', text: 'Dana Okafor', depth: 1 },
    { kind: 'heading', text: 'Section', depth: 2 },
  ]],
  ['ATX headings keep their case', '# DANA OKAFOR\n\n### Key Themes ###', [
    { kind: 'heading', text: 'DANA OKAFOR', depth: 1 },
    { kind: 'heading', text: 'Key Themes', depth: 3 },
  ]],
  ['archetype links then appearances', '[The Operator](/a) [The Craftsperson](/b) 2 appearances', [
    { kind: 'paragraph', text: 'The Operator The Craftsperson 2 appearances', spans: ['The Operator', 'The Craftsperson', '2 appearances'] },
  ]],
  ['bold label then score', '**Strategic Vision:** 70%', [
    { kind: 'paragraph', text: 'Strategic Vision: 70%', spans: ['Strategic Vision:', '70%'] },
  ]],
  ['whole-line strong is a role line', '**Former VP of Digital Media at Amazon**', [
    { kind: 'paragraph', text: 'Former VP of Digital Media at Amazon', strong: true },
  ]],
  ['whole-line emphasis counts as strong', '_Head of Product_  ', [{ kind: 'paragraph', text: 'Head of Product', strong: true }]],
  ['one link alone has no spans', '[← All Leaders](/leaders)', [{ kind: 'paragraph', text: '← All Leaders' }]],
  ['escapes removed', '1\\. Start here \\*now\\*', [{ kind: 'paragraph', text: '1. Start here *now*' }]],
  ['entities decoded, typography kept', 'Execution &amp; Craft&nbsp;&#39;70’ “x” — y', [
    { kind: 'paragraph', text: "Execution & Craft '70’ “x” — y" },
  ]],
  ['images dropped, inline code and html text kept', '![portrait](p.png) Uses `SQL` <span>daily</span>', [
    { kind: 'paragraph', text: 'Uses SQL daily', spans: ['Uses', 'SQL', 'daily'] },
  ]],
  ['soft-wrapped lines joined', 'one\ntwo\n   three', [{ kind: 'paragraph', text: 'one two three' }]],
  ['hard breaks make lines', 'Strategic Vision 70%  \nExecution & Craft 80%\\\nData 60%', [
    { kind: 'line', text: 'Strategic Vision 70%' },
    { kind: 'line', text: 'Execution & Craft 80%' },
    { kind: 'line', text: 'Data 60%' },
  ]],
  ['<br> is a hard break', 'a<br>b<br />c', [
    { kind: 'line', text: 'a' },
    { kind: 'line', text: 'b' },
    { kind: 'line', text: 'c' },
  ]],
  ['bullet styles and arrow glyph', '*   → first  \n- second\n\n+ third\n\n1. fourth\n2) fifth', [
    { kind: 'listItem', text: '→ first' },
    { kind: 'listItem', text: 'second' },
    { kind: 'listItem', text: 'third' },
    { kind: 'listItem', text: 'fourth' },
    { kind: 'listItem', text: 'fifth' },
  ]],
  ['list item with hard breaks stays one item', '- first  \n  continued  \n  end', [{ kind: 'listItem', text: 'first continued end' }]],
  ['nested list follows its parent', '1. parent\n   - child\n2. next', [
    { kind: 'listItem', text: 'parent' },
    { kind: 'listItem', text: 'child' },
    { kind: 'listItem', text: 'next' },
  ]],
  ['bold-label list item', '- **Strategic Vision:** 70%', [
    { kind: 'listItem', text: 'Strategic Vision: 70%', spans: ['Strategic Vision:', '70%'] },
  ]],
  ['quote, empty > line, em-dash cite', '> "Quoted."  \n>   \n> — On quoting  ', [
    { kind: 'quote', text: '"Quoted."' },
    { kind: 'cite', text: '— On quoting' },
  ]],
  ['cite on the next line, en dash', '> “Quoted.”\n> – On quoting', [
    { kind: 'quote', text: '“Quoted.”' },
    { kind: 'cite', text: '– On quoting' },
  ]],
  ['quote paragraphs join; -- cite', '> one\n>\n> two\n>\n> -- context', [
    { kind: 'quote', text: 'one two' },
    { kind: 'cite', text: '-- context' },
  ]],
  ['"- " cite parses as a list inside the quote', '> “Quoted.”\n>\n> - On lists', [
    { kind: 'quote', text: '“Quoted.”' },
    { kind: 'cite', text: 'On lists' },
  ]],
  ['GFM table rows', '| Dimension | Score |\n| --- | ---: |\n| Strategic Vision | 80% |', [
    { kind: 'row', text: 'Dimension Score', spans: ['Dimension', 'Score'] },
    { kind: 'row', text: 'Strategic Vision 80%', spans: ['Strategic Vision', '80%'] },
  ]],
  ['definition list', 'Strategic Vision\n: 70%', [{ kind: 'row', text: 'Strategic Vision 70%', spans: ['Strategic Vision', '70%'] }]],
  ['code block is a paragraph', '```\nStrategic Vision 70%\n```', [{ kind: 'paragraph', text: 'Strategic Vision 70%' }]],
  ['breaks, definitions, comments, scripts dropped', '***\n\n[a]: /x\n\n<!-- c -->\n\n<script>x = 1</script>\n\n<style>p{}</style>\n\nkept', [
    { kind: 'paragraph', text: 'kept' },
  ]],
  ['inline script content dropped', 'a <script>alert(1)</script> b', [{ kind: 'paragraph', text: 'a b' }]],
  ['raw HTML heading and list', '<h2>Key Themes</h2>\n\n<ul><li>one</li><li>two &amp; three</li></ul>', [
    { kind: 'heading', text: 'Key Themes', depth: 2 },
    { kind: 'listItem', text: 'one' },
    { kind: 'listItem', text: 'two & three' },
  ]],
  ['empty input', '', []],
  ['whitespace only', '  \n\t\n', []],
];

describe('Markdown shapes', () => {
  it.each(cases)('%s', (_name, markdown, expected) => {
    expect(blocksOf(markdown)).toEqual(expected);
  });
});

describe('positions', () => {
  it('CRLF line endings and a BOM: 1-based lines and columns in the decoded text', () => {
    const text = '# Dana Okafor\r\n\r\n**Head of Product**\r\n\r\n- **Strategic Vision:** 70%\r\n\r\n> “Quoted.”\r\n>\r\n> — On it\r\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const file = load('crlf.md', bytes);
    const blocks = normalizeMarkdown(file);
    expect(blocks.map((block) => [block.kind, block.position.start.line, block.position.start.column])).toEqual([
      ['heading', 1, 1],
      ['paragraph', 3, 1],
      ['listItem', 5, 1],
      ['quote', 7, 3],
      ['cite', 9, 3],
    ]);
    const starts = blocks.map((block) => file.text.slice(block.position.start.offset, block.position.end.offset));
    expect(starts).toEqual(['# Dana Okafor', '**Head of Product**', '- **Strategic Vision:** 70%', '“Quoted.”', '— On it']);
    const spans = blocks[2]?.spans ?? [];
    expect(spans.map((span) => [span.position.start.line, span.position.start.column, span.position.end.column])).toEqual([
      [5, 3, 24],
      [5, 25, 28],
    ]);
    expectLocated(file, blocks);
  });

  it('hard-break lines and wrapped quote lines point at their own source lines', () => {
    const file = load('lines.md', 'A 1%  \nB 2%  \n\n> “one\n> two”\n> — ctx');
    const blocks = normalizeMarkdown(file);
    expect(blocks.map((block) => `${block.kind}@${block.position.start.line}:${block.position.start.column}-${block.position.end.line}:${block.position.end.column}`)).toEqual([
      'line@1:1-1:5',
      'line@2:1-2:5',
      'quote@4:3-5:7',
      'cite@6:3-6:8',
    ]);
  });

  it('HTML inside Markdown is located in the Markdown file, through blockquote and list prefixes', () => {
    const text = [
      '<div class="chips">',
      '<a href="/a">The Operator</a><a href="/b">The',
      'Scientist</a>',
      '</div>',
      '',
      '> <p>Quoted <b>bold</b>',
      '> second line</p>',
      '',
      '-   <span>→</span>Keep the loop short',
      '',
      '## Key Themes {#key-themes .section}',
      '',
      '[growth loops]{.chip}[pricing]{.chip}',
    ].join('\n');
    const file = load('mixed.md', text);
    const blocks = normalizeMarkdown(file);
    const located = (block: { position: Block['position'] }): string => file.text.slice(block.position.start.offset, block.position.end.offset);
    expect(blocks.map((block) => [block.kind, block.text, located(block), block.position.start.line, block.position.start.column])).toEqual([
      ['line', 'The Operator The Scientist', 'The Operator</a><a href="/b">The\nScientist', 2, 14],
      ['paragraph', 'Quoted bold second line', 'Quoted <b>bold</b>\n> second line', 6, 6],
      ['listItem', '→Keep the loop short', '→</span>Keep the loop short', 9, 11],
      ['heading', 'Key Themes', '## Key Themes', 11, 1],
      ['paragraph', 'growth loops pricing', '[growth loops]{.chip}[pricing]{.chip}', 13, 1],
    ]);
    expect(blocks[0]?.spans?.map(located)).toEqual(['The Operator', 'The\nScientist']);
    expect(blocks[4]?.spans?.map((span) => span.text)).toEqual(['growth loops', 'pricing']);
    expectLocated(file, blocks);
  });

  const converted = join(import.meta.dirname, 'fixtures/converted');
  const pandocPages = ['pandoc-gfm', 'pandoc-commonmark', 'pandoc-markdown'].flatMap((family) =>
    readdirSync(join(converted, family)).filter((name) => name.endsWith('.md')).slice(0, 8).map((name) => join(family, name)),
  );
  it.each(pandocPages)('converted %s: every block and span located', (path) => {
    const file = load(path, readFileSync(join(converted, path)));
    const blocks = normalizeMarkdown(file);
    expect(blocks.length).toBeGreaterThan(10);
    expectLocated(file, blocks);
  });

  const pages = ['turndown-md', 'clean-md'].flatMap((family) =>
    readdirSync(join(corpus, family)).map((name) => join(family, name)),
  );
  it.each(pages)('corpus %s: every block and span located', (path) => {
    const file = load(path, readFileSync(join(corpus, path)));
    const blocks = normalizeMarkdown(file);
    expect(blocks.length).toBeGreaterThan(10);
    expectLocated(file, blocks);
    expect(blocks.filter((block) => block.kind === 'heading').length).toBeGreaterThanOrEqual(5);
  });
});

describe('hostile input', () => {
  const config = configWith({ maxFileBytes: 8 * 1024 * 1024 });
  const size = 2 * 1024 * 1024;
  const units = ['word ', '*a', '[a', '*_* _ ', '1. ', '> ', 'a  \n', '<b>', '&amp', '| a ', 'Term\n: 70%\n\n'];
  it.each(units)('2 MB of %j finishes, keeps its text, and stays located', (unit) => {
    const text = unit.repeat(Math.ceil(size / unit.length));
    const file = load('big.md', text, config);
    const blocks = normalizeMarkdown(file);
    expect(blocks.length).toBeGreaterThan(0);
    const last = blocks[blocks.length - 1];
    expect(last?.position.end.offset).toBeGreaterThan(size / 2);
  }, 60_000);

  it('HTML inside Markdown (blocks, inline, in quotes and lists, pandoc attributes): never throws, every block points at its own words', () => {
    const alphabet = fc.constantFrom(
      'word', 'Other', ' ', '\n', '\n\n', '\r\n', '> ', '- ', '1. ', '## ', '<div>', '</div>', '<div class="a">', '<span>', '</span>',
      '<a href="/x">', '</a>', '<p>', '</p>', '<li>', '<ul>', '</ul>', '<svg onload=x>', '</svg>', '<b hidden>', '</b>', '<br>',
      '<!--', '-->', '&amp;', '**', '[', ']', '(/u)', '{.c}', '{#i .c k="v"}', '::: {.d}', ':::', '`', '|', '\\',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (parts) => {
        const file = load('mixed.md', parts.join(''));
        const blocks = normalizeMarkdown(file);
        for (const block of [...blocks, ...blocks.flatMap((b) => b.spans ?? [])]) {
          const { start, end } = block.position;
          expect(start).toEqual(file.lines.point(start.offset));
          expect(end).toEqual(file.lines.point(end.offset));
          expect(start.offset).toBeLessThanOrEqual(end.offset);
          const word = /^(word|Other)\b/.exec(block.text)?.[1];
          if (word !== undefined) expect(file.text.slice(start.offset, end.offset)).toContain(word);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws, and every block is located, on arbitrary Markdown-ish text', () => {
    const alphabet = fc.constantFrom('a', ' ', '\n', '\r\n', '*', '_', '[', ']', '(', ')', '>', '-', '1.', '|', '<br>', '<p>', '</p>', '&amp;', '\\', '`', ':', '#', '—', '  \n', '<!--', '-->');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 120 }), (parts) => {
        const file = load('fuzz.md', parts.join(''));
        const blocks = normalizeMarkdown(file);
        for (const block of blocks) {
          expect(block.text).not.toBe('');
          expect(block.position.start.offset).toBeLessThanOrEqual(block.position.end.offset);
          expect(block.position.end.offset).toBeLessThanOrEqual(file.text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
