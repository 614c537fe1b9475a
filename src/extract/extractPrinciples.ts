// Principles extractor: one principle per list item or line, markers and arrows removed.

import type { LeaderFile } from '../file/LeaderFile.js';
import { sectionBlocks } from './sectionBlocks.js';
import { stripMarker } from './stripMarker.js';

export function extractPrinciples(file: LeaderFile): void {
  const principles: string[] = [];
  for (const block of sectionBlocks(file, 'principles')) {
    const text = stripMarker(block.text);
    if (text === '') continue;
    file.draft.positions[`principles[${principles.length}]`] = block.position;
    principles.push(text);
  }
  file.draft.fields.principles = principles;
}
