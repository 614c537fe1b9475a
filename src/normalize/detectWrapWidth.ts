// Is this text hard-wrapped, and at what width? Converters wrap prose at a fixed column
// (72, 76, 80 …); browser copies never do. Returns null for unwrapped text.

import type { SourceLine } from './scanLines.js';

/** Narrower than this, short lines are a page's own layout (names, rows, chips), not a wrap. */
export const minimumWrapWidth = 40;
/** Wrapped prose leaves several full lines of several words each close to the width. */
const fullLinesNeeded = 3;
const fullLineWords = 6;

export function detectWrapWidth(lines: readonly SourceLine[]): number | null {
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, line.columns);
  if (longest < minimumWrapWidth) return null;
  let full = 0;
  for (const line of lines) {
    if (line.columns >= longest - 12 && line.content.split(' ').length >= fullLineWords) full++;
  }
  return full >= fullLinesNeeded ? longest : null;
}

/** Columns a wrapper may leave unused at the end of a full line (tabs and converters' own slack). */
const wrapSlack = 3;

/** A line of `lineWidth` columns ends where it does only because `nextWord` would not have fitted. */
export function brokeForNextWord(lineWidth: number, nextWord: string, width: number): boolean {
  return lineWidth + 1 + nextWord.length > width - wrapSlack;
}
