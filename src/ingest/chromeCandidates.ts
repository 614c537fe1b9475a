// The blocks of a parsed page that no field took and that are not section headings: where a site's
// template (navigation, breadcrumbs, footers, calls to action) shows up. Counted across a batch by
// BatchChrome; text that repeats on many pages is template, and is kept out of every field.

import type { LeaderFile } from '../file/LeaderFile.js';
import { foldWhitespace } from '../normalize/foldWhitespace.js';

/** Text as compared across pages: whitespace folded, lower-cased. */
export function chromeKey(text: string): string {
  return foldWhitespace(text).toLowerCase();
}

/** Short enough to be a template line, long enough (two words, 8 characters) not to be a common word. */
export function isChromeShaped(key: string): boolean {
  return key.length >= 8 && key.length <= 120 && key.includes(' ');
}

/** At most this many per page: a page's template is a few lines. */
const perPage = 48;

export function chromeCandidates(file: LeaderFile): string[] {
  const taken = Object.values(file.draft.positions).map((p) => [p.start.offset, p.end.offset] as const);
  const headings = new Set(file.sections.flatMap((s) => (s.heading === null ? [] : [s.heading])));
  const found = new Set<string>();
  for (const block of file.blocks) {
    if (found.size >= perPage) break;
    if (headings.has(block)) continue;
    const { start, end } = block.position;
    if (taken.some(([from, to]) => from < end.offset && to > start.offset)) continue;
    for (const piece of [block, ...(block.spans ?? [])]) {
      const key = chromeKey(piece.text);
      if (isChromeShaped(key)) found.add(key);
    }
  }
  return [...found];
}
