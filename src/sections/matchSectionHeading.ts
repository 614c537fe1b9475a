// Which known section (if any) a heading text opens: compared case-insensitively against the
// configured headings and aliases, ignoring `#` marks, a trailing colon, `&`/"and", and a section
// number before it or an item count after it.

import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { SectionKey } from './Section.js';

export function headingKey(text: string): string {
  const lower = text.toLowerCase().replace(/&/g, ' and ');
  // In ASCII the letters and digits are [a-z0-9] once lowercased: the same key, without Unicode tables.
  return (/^[\x00-\x7f]*$/.test(lower) ? lower.replace(/[^a-z0-9]+/g, ' ') : lower.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
}

/** A section number before a heading ("02 · Key Themes") or an item count after it ("Notable Quotes (3)"). */
const numbering = /^\d{1,2} (?=\p{L})|(?<=\p{L}) \d{1,2}$/gu;

const cache = new WeakMap<PipelineConfig, Map<string, SectionKey>>();

function headingTable(config: PipelineConfig): Map<string, SectionKey> {
  let table = cache.get(config);
  if (table === undefined) {
    table = new Map();
    for (const [key, section] of Object.entries(config.sections) as [SectionKey, { headings: string[] }][]) {
      for (const heading of section.headings) table.set(headingKey(heading), key);
    }
    cache.set(config, table);
  }
  return table;
}

export function matchSectionHeading(text: string, config: PipelineConfig): SectionKey | null {
  if (text.length > 80) return null;
  const key = headingKey(text);
  const table = headingTable(config);
  return table.get(key) ?? table.get(key.replace(numbering, '')) ?? null;
}
