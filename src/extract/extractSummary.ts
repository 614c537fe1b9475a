// Summary extractor: the episode summary's prose, as one whitespace-folded paragraph.

import type { LeaderFile } from '../file/LeaderFile.js';
import { sectionBlocks } from './sectionBlocks.js';
import { stripMarker } from './stripMarker.js';

export function extractSummary(file: LeaderFile): void {
  const blocks = sectionBlocks(file, 'summary');
  const text = blocks.map((b) => (b.kind === 'listItem' ? stripMarker(b.text) : b.text)).filter((t) => t !== '').join(' ');
  file.draft.fields.summary = text === '' ? null : text;
  if (blocks[0] !== undefined) file.draft.positions['summary'] = blocks[0].position;
}
