// A dimension profile whose heading a copy lost: a run of rows in the header that name catalogue
// dimensions and give scores. Carved out as the dimensions section, and reported as a guess.

import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';
import { dimensionCatalogue } from '../extract/extractDimensions.js';
import { parseScoreLines } from '../extract/parseScoreLine.js';
import { headingKey } from './matchSectionHeading.js';

/** Rows needed before a run counts as a profile: fewer could be prose that names a dimension. */
const rowsNeeded = 3;

/** Index range [start, end) of the first run of dimension rows among `blocks`, or null. */
export function findHeadlessDimensions(file: LeaderFile, blocks: readonly Block[]): [number, number] | null {
  const table = dimensionCatalogue(file.config.dimensions);
  let start = -1;
  let labels = 0;
  let scores = 0;
  const close = (end: number): [number, number] | null => (start >= 0 && labels >= rowsNeeded && scores >= rowsNeeded ? [start, end] : null);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const rows = block.text.length > 400 ? [] : parseScoreLines(block);
    const known = rows.length > 0 && rows.every((row) => (row.label === '' ? row.token !== null : table.has(headingKey(row.label))));
    if (!known) {
      const found = close(i);
      if (found !== null) return found;
      start = -1;
      labels = scores = 0;
      continue;
    }
    if (start < 0) start = i;
    for (const row of rows) {
      if (row.label !== '') labels++;
      if (row.token !== null) scores++;
    }
  }
  return close(blocks.length);
}
