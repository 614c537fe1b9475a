// Other text converters' copies of the corpus pages: the same record must come out of each.
// Variants are made here from ../shared/corpus text pages by the transformations such tools apply.

import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparedFields, defaultCorpusRoot, listCorpus } from '../scripts/corpusAccuracy.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const headings = ['Dimension Profile', 'Key Themes', 'Episode Summary', 'Leadership Principles', 'Notable Quotes'];

/** Hard-wrap every long line at `width`, breaking at spaces and after hyphens, with a hanging indent for items. */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width) return [line];
      const hang = /^\s*(?:[•·*-]|\d+\.)\s+/.exec(line)?.[0].replace(/\S/g, ' ') ?? '';
      // Pieces of words: a compound may break after its hyphen, and then joins back without a space.
      const pieces = line
        .trim()
        .split(/\s+/)
        .flatMap((word) => word.split(/(?<=\p{L}-)(?=\p{L})/u).map((piece, i) => ({ piece, glue: i === 0 ? ' ' : '' })));
      const out: string[] = [];
      let current = line.slice(0, line.length - line.trimStart().length);
      for (const { piece, glue: wanted } of pieces) {
        const glue = current.trim() === '' ? '' : wanted;
        if ((current + glue + piece).length > width && current.trim() !== '') {
          out.push(current);
          current = hang + piece;
        } else current += glue + piece;
      }
      out.push(current);
      return out;
    })
    .join('\n');
}

const variants: Record<string, (text: string) => string> = {
  'wrapped at 72': (t) => hardWrap(t, 72),
  'wrapped at 80, upper-cased headings': (t) => hardWrap(headings.reduce((s, h) => s.replace(`\n${h}\n`, `\n${h.toUpperCase()}\n`), t), 80),
  '" * " items': (t) => t.replace(/^\s*[•·*●-]\s+/gm, ' * '),
  '"> " quoted lines': (t) => t.replace(/^(["“].*)$/gm, '> $1'),
  'glued Name70% rows': (t) => t.replace(/^([A-Za-z &]+) (\d+ ?%)$/gm, '$1$2'),
};

const pages = listCorpus(defaultCorpusRoot).filter((d) => d.family === 'seed-text' || d.family === 'inner-text');

describe.each(Object.entries(variants))('text converter variant: %s', (_name, transform) => {
  it('gives the same record for every seed-text and inner-text page', () => {
    const failures: string[] = [];
    for (const doc of pages) {
      const text = transform(readFileSync(doc.path, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
      const { record, diagnostics } = parseDocument({ path: doc.path, bytes: text });
      // Run-together themes are inferred (and flagged); the themes issue measures them.
      const fields = comparedFields.filter((f) => f !== 'themes' || doc.family === 'inner-text');
      const wrong: string[] = fields.filter((f) => !isDeepStrictEqual((record as Record<string, unknown> | null)?.[f], doc.expected[f]));
      const themesWrong = !isDeepStrictEqual(record?.themes, doc.expected['themes']);
      if (themesWrong && !diagnostics.some((d) => d.rule === 'themes-inferred')) wrong.push('themes (without themes-inferred)');
      if (wrong.length > 0) failures.push(`${doc.path}: ${wrong.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });
});
