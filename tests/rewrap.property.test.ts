// Property: a converter's hard wrap never changes the data. Re-wrapping any dev text page at any width
// from 40 to 200 — list items on a hanging indent, and optionally quotes and their attributions on
// `> ` lines — yields the record of the page as it was.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { comparedFields, defaultCorpusRoot, listCorpus } from '../scripts/corpusAccuracy.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const pages = listCorpus(defaultCorpusRoot)
  .filter((d) => d.family === 'seed-text' || d.family === 'inner-text')
  .map((d) => ({ ...d, text: readFileSync(d.path, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') }));

const itemMarker = /^(\s*(?:[•·●*-]|\d+\.)\s+)/;
const quoted = /^["“]/;
const attribution = /^(?:—|–|--)\s/;

/** Greedy fill of `words` into lines of at most `width` columns; the first starts with `lead`, the rest with `hang`. */
function fill(words: string[], width: number, lead: string, hang: string): string[] {
  const out: string[] = [];
  let current = lead;
  let empty = true;
  for (const word of words) {
    if (!empty && current.length + 1 + word.length > width) {
      out.push(current);
      current = hang + word;
    } else current += (empty ? '' : ' ') + word;
    empty = false;
  }
  out.push(current);
  return out;
}

function rewrap(text: string, width: number, quotePrefix: boolean): string {
  let inQuote = false;
  return text
    .split('\n')
    .flatMap((line) => {
      const content = line.trim();
      if (content === '') return [inQuote && quotePrefix ? '>' : ''];
      const prefixQuote = quotePrefix && (quoted.test(content) || attribution.test(content));
      inQuote = prefixQuote && !attribution.test(content);
      if (line.length <= width && !prefixQuote) return [line];
      const marker = itemMarker.exec(line)?.[1];
      if (marker !== undefined) return fill(line.slice(marker.length).trim().split(/\s+/), width, marker, ' '.repeat(marker.length));
      const prefix = prefixQuote ? '> ' : line.slice(0, line.length - line.trimStart().length);
      return fill(content.split(/\s+/), width, prefix, prefixQuote ? '> ' : prefix);
    })
    .join('\n');
}

describe('re-wrapping a page', () => {
  it('at any width from 40 to 200, with hanging indents and `> ` quotes, gives the same record', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: pages.length - 1 }), fc.integer({ min: 40, max: 200 }), fc.boolean(), (index, width, quotePrefix) => {
        const page = pages[index]!;
        const text = rewrap(page.text, width, quotePrefix);
        const { record, diagnostics } = parseDocument({ path: page.path, bytes: text });
        const wrong = comparedFields.filter((f) => f !== 'themes' && !isDeepStrictEqual((record as Record<string, unknown> | null)?.[f], page.expected[f]));
        expect(wrong, `${page.path} at ${width}${quotePrefix ? ' with > quotes' : ''}:\n${text}`).toEqual([]);
        // Themes run together on one line are inferred; when that goes wrong it must say so.
        if (!isDeepStrictEqual(record?.themes, page.expected['themes'])) expect(diagnostics.map((d) => d.rule)).toContain('themes-inferred');
      }),
      { numRuns: Number(process.env.REWRAP_RUNS ?? 40) },
    );
  }, 60_000);
});
