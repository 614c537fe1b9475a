// Principles extractor: one principle per list item or line, markers and arrows removed.

import { report, type LeaderFile } from '../file/LeaderFile.js';
import { endsMidSentence } from './endsMidSentence.js';
import { sectionBlocks } from './sectionBlocks.js';
import { stripMarker } from './stripMarker.js';

export function extractPrinciples(file: LeaderFile): void {
  const principles: string[] = [];
  for (const block of sectionBlocks(file, 'principles')) {
    const text = stripMarker(block.text);
    if (text === '') continue;
    const path = `principles[${principles.length}]`;
    file.draft.positions[path] = block.position;
    const dangling = endsMidSentence(text);
    if (dangling !== null) report(file, 'item-ends-mid-sentence', `Principle ${principles.length + 1} ends mid-sentence (${dangling}); a wrapped continuation may have been lost.`, block.position, path);
    principles.push(text);
  }
  file.draft.fields.principles = principles;
}
