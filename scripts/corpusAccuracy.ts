// Field-level accuracy of parseDocument over ../shared/corpus: every document against its expected record.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from '../src/pipeline/parseDocument.js';
import type { Diagnostic } from '../src/diagnostics/Diagnostic.js';

export const comparedFields = ['id', 'name', 'role', 'bio', 'archetypes', 'appearances', 'dimensions', 'themes', 'summary', 'principles', 'quotes'] as const;
export type ComparedField = (typeof comparedFields)[number];

export interface CorpusDocument {
  family: string;
  path: string;
  expected: Record<string, unknown>;
}

export interface DocumentResult extends CorpusDocument {
  actual: Record<string, unknown> | null;
  diagnostics: Diagnostic[];
  /** Fields whose value differs from the expected record. */
  wrong: ComparedField[];
}

export const defaultCorpusRoot = resolve(import.meta.dirname, '..', '..', 'shared', 'corpus');
/** Real converters' copies of the site's pages (scripts/convert-fixtures.ts): one folder per family. */
export const convertedRoot = resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'converted');

/** Every document of the corpus with its expected record, found by readdir. */
export function listCorpus(root: string): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  const seed = join(root, 'seed');
  if (existsSync(seed)) {
    for (const name of readdirSync(seed).filter((n) => !n.endsWith('.json')).sort()) {
      const id = name.replace(/\.[^.]+$/, '');
      docs.push({ family: 'seed', path: join(seed, name), expected: JSON.parse(readFileSync(join(seed, `${id}.expected.json`), 'utf8')) });
    }
  }
  const dev = join(root, 'dev');
  for (const family of readdirSync(dev).filter((n) => n !== 'expected' && !n.includes('.')).sort()) {
    for (const name of readdirSync(join(dev, family)).sort()) {
      const id = name.replace(/\.[^.]+$/, '');
      docs.push({ family, path: join(dev, family, name), expected: JSON.parse(readFileSync(join(dev, 'expected', family, `${id}.json`), 'utf8')) });
    }
  }
  return docs;
}

/** Converted families: `<family>/<id>.<ext>` beside `<family>/<id>.expected.json`. */
export function listConverted(root: string = convertedRoot): CorpusDocument[] {
  if (!existsSync(root)) return [];
  const docs: CorpusDocument[] = [];
  for (const family of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, family)).filter((n) => !n.endsWith('.json')).sort()) {
      const id = name.replace(/\.[^.]+$/, '');
      docs.push({ family, path: join(root, family, name), expected: JSON.parse(readFileSync(join(root, family, `${id}.expected.json`), 'utf8')) });
    }
  }
  return docs;
}

/**
 * Rules that speak of a field without carrying its path: the content they report was dropped or
 * guessed, so a wrong value there is not silent.
 */
const ruleFields: Partial<Record<string, readonly ComparedField[]>> = {
  'malformed-quote': ['quotes'],
  'unknown-dimension': ['dimensions'],
  'unknown-section': comparedFields,
  'missing-name': ['id', 'name'],
};

/** Does some warning or error point at this field (by its path, or by a rule about it)? */
export function flags(diagnostics: readonly Diagnostic[], field: ComparedField): boolean {
  return diagnostics.some((d) => {
    const path = d.path ?? '';
    return path === field || path.startsWith(`${field}[`) || path.startsWith(`${field}.`) || (ruleFields[d.rule]?.includes(field) ?? false);
  });
}

/** Wrong or missing without a diagnostic: a missing record without an error, or a wrong field nothing points at. */
export function silentlyWrong(result: DocumentResult): ComparedField[] {
  if (result.actual === null) return result.diagnostics.some((d) => d.severity === 'error') ? [] : [...comparedFields];
  return result.wrong.filter((f) => !flags(result.diagnostics, f));
}

export function measureDocument(doc: CorpusDocument): DocumentResult {
  const { record, diagnostics } = parseDocument({ path: doc.path, bytes: readFileSync(doc.path) });
  const actual = record as Record<string, unknown> | null;
  const wrong = comparedFields.filter((f) => actual === null || !isDeepStrictEqual(actual[f], doc.expected[f]));
  return { ...doc, actual, diagnostics, wrong };
}
