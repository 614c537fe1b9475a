// Every document in ../shared/corpus against its expected record, field by field.
// Themes of the run-together families are the themes issue's concern and are measured by `npm run themes`.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparedFields, defaultCorpusRoot, listCorpus, measureDocument } from '../scripts/corpusAccuracy.js';

const runTogether = new Set(['seed', 'seed-text', 'turndown-md']);
const formats: Record<string, string> = { '.txt': 'text', '.md': 'markdown', '.html': 'html' };
const docs = listCorpus(defaultCorpusRoot);

describe('corpus', () => {
  it('finds the seed and all five families', () => {
    expect(new Set(docs.map((d) => d.family))).toEqual(new Set(['seed', 'seed-text', 'inner-text', 'site-html', 'turndown-md', 'clean-md']));
    expect(docs.length).toBeGreaterThanOrEqual(276);
  });

  it.each(docs.map((d) => [`${d.family}/${d.path.split('/').pop()}`, d] as const))('%s', (_name, doc) => {
    const result = measureDocument(doc);
    expect(result.actual, JSON.stringify(result.diagnostics)).not.toBeNull();
    for (const field of comparedFields) {
      if (field === 'themes' && runTogether.has(doc.family)) continue;
      expect(result.actual?.[field], field).toEqual(doc.expected[field]);
    }
    const bytes = readFileSync(doc.path);
    expect(result.actual?.['source']).toEqual({
      path: doc.path,
      format: formats[doc.path.slice(doc.path.lastIndexOf('.'))],
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      parserVersion: expect.any(String),
      recordVersion: 1,
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
