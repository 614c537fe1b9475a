// The site's pages as pandoc converts them to Markdown (tests/fixtures/converted/pandoc-*, made by
// scripts/convert-pandoc.ts): GFM and CommonMark keep the site's <div> soup as raw HTML, pandoc's own
// Markdown writes fenced divs and attribute blocks. Each must give its source page's expected record.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparedFields } from '../scripts/corpusAccuracy.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const converted = join(import.meta.dirname, 'fixtures', 'converted');
const families = ['pandoc-gfm', 'pandoc-commonmark', 'pandoc-markdown'];
const pages = families.flatMap((family) =>
  readdirSync(join(converted, family))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(family, name)),
);

describe('pandoc copies of the site pages', () => {
  it('has at least 20 pages per family', () => {
    for (const family of families) expect(pages.filter((page) => page.startsWith(`${family}/`)).length).toBeGreaterThanOrEqual(20);
  });

  it.each(pages)('%s', (page) => {
    const path = join(converted, page);
    const expected = JSON.parse(readFileSync(path.replace(/\.md$/, '.expected.json'), 'utf8')) as Record<string, unknown>;
    const { record, diagnostics } = parseDocument({ path, bytes: readFileSync(path) });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(record).not.toBeNull();
    const actual = record as unknown as Record<string, unknown>;
    const themesFlagged = diagnostics.some((d) => d.rule === 'themes-inferred');
    for (const field of comparedFields) {
      if (field === 'themes' && themesFlagged) continue;
      expect(actual[field], field).toEqual(expected[field]);
    }
  });
});
