// Learned template text (BatchChrome) taken out of a parsed page's fields: any field value that is such
// a line, or begins or ends with one, loses it, with a `learned-chrome` diagnostic at the field; a name
// holding one yields no record. The record is checked against the schema again.

import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { FieldSource } from '../pipeline/parseDocument.js';
import { foldWhitespace } from '../normalize/foldWhitespace.js';
import { LeaderProfile } from '../schema/LeaderProfile.js';
import type { LearnedChrome } from './BatchChrome.js';
import { chromeKey } from './chromeCandidates.js';
import type { ParseOutcome } from './ParseJob.js';

type Parsed = Extract<ParseOutcome, { kind: 'parsed' }>;

/** The outcome with learned template text taken out of its fields (the same object when there is none). */
export function applyLearnedChrome(learned: readonly LearnedChrome[], outcome: ParseOutcome, config: PipelineConfig, provenance: Record<string, FieldSource> = {}): ParseOutcome {
  if (outcome.kind !== 'parsed' || learned.length === 0) return outcome;
  const found: { path: string; key: string; pages: number }[] = [];
  const clean = (path: string, value: string): string | null => {
    let out = value;
    // strip only ever takes out a key that the value's chromeKey form contains: the others are passed
    // over without folding the value again for each.
    let folded = chromeKey(out);
    for (const { key, pages } of learned) {
      if (!folded.includes(key)) continue;
      const next = strip(out, key);
      if (next === out) continue;
      found.push({ path, key, pages });
      out = next;
      if (out === '') break;
      folded = chromeKey(out);
    }
    return out;
  };
  const r = outcome.record;
  const name = clean('name', r.name);
  const role = r.role === null ? null : clean('role', r.role.text);
  const bio = r.bio === null ? null : clean('bio', r.bio);
  const summary = r.summary === null ? null : clean('summary', r.summary);
  const list = (field: string, items: readonly string[]): string[] =>
    items.map((item, i) => clean(`${field}[${i}]`, item) ?? '').filter((item) => item !== '');
  const archetypes = list('archetypes', r.archetypes);
  const themes = list('themes', r.themes);
  const principles = list('principles', r.principles);
  const quotes = r.quotes
    .map((q, i) => ({ text: clean(`quotes[${i}].text`, q.text) ?? '', context: q.context === null ? null : clean(`quotes[${i}].context`, q.context) || null }))
    .filter((q) => q.text !== '');
  if (found.length === 0) return outcome;

  const diagnostics = [...outcome.diagnostics];
  for (const f of found) {
    const fatal = f.path === 'name';
    const severity = config.severityOf('learned-chrome') ?? (fatal ? 'error' : null);
    if (severity === null) continue;
    const at = provenance[f.path] ?? provenance[f.path.replace(/[.[].*$/, '')] ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const what = fatal ? 'it is not a name, and the page yields no record' : `it was removed from \`${f.path}\``;
    diagnostics.push({
      severity: fatal ? 'error' : severity,
      rule: 'learned-chrome',
      message: `"${f.key}" is template text (outside any field on ${f.pages} pages of this batch); ${what}.`,
      ...at,
      path: f.path,
    });
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const { path, sha256, bytes, format } = outcome;
  if (found.some((f) => f.path === 'name')) return { kind: 'rejected', path, sha256, bytes, format, diagnostics, ...parseMsOf(outcome) };
  const record = {
    ...r,
    role: r.role === null || role === null || role === '' ? null : role === r.role.text ? r.role : { ...r.role, text: role },
    bio: bio === '' ? null : bio,
    summary: summary === '' ? null : summary,
    archetypes,
    themes,
    principles,
    quotes,
  };
  const checked = LeaderProfile.safeParse(record);
  if (!checked.success) {
    const invalid: Diagnostic = { severity: 'error', rule: 'invalid-record', message: `After removing template text the record is not valid: ${checked.error.issues[0]?.message ?? 'invalid'}.`, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { kind: 'rejected', path, sha256, bytes, format, diagnostics: [...diagnostics, invalid], ...parseMsOf(outcome) };
  }
  return { ...outcome, record: checked.data, diagnostics } satisfies Parsed;
}

function parseMsOf(outcome: Parsed): { parseMs?: number } {
  return outcome.parseMs === undefined ? {} : { parseMs: outcome.parseMs };
}

/** `value` without `key` (compared in chromeKey form) when it is the whole value or stands at either end, at a word boundary. */
function strip(value: string, key: string): string {
  const folded = foldWhitespace(value);
  const lower = folded.toLowerCase();
  if (lower.length !== folded.length) return chromeKey(value) === key ? '' : value;
  if (lower === key) return '';
  const edge = /^[\s|›»·•:–—-]+|[\s|›»·•:–—-]+$/g;
  if (lower.startsWith(key) && /[\s|›»·•:–—-]/.test(lower[key.length] ?? '')) return folded.slice(key.length).replace(edge, '');
  if (lower.endsWith(key) && /[\s|›»·•:–—-]/.test(lower[lower.length - key.length - 1] ?? '')) return folded.slice(0, folded.length - key.length).replace(edge, '');
  return value;
}
