// Themes extractor: chips, list items or lines are themes as they stand; a single run of text is
// split at its separators, or — with none — segmented by inference and flagged for review.

import { report, type LeaderFile } from '../file/LeaderFile.js';
import { sectionBlocks } from './sectionBlocks.js';
import { stripMarker } from './stripMarker.js';

const separators = /\s*[,;|•·●]\s*/;

export function extractThemes(file: LeaderFile): void {
  const blocks = sectionBlocks(file, 'themes');
  const themes: string[] = [];
  const { positions } = file.draft;
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (only !== undefined && (only.spans === undefined || only.spans.length < 2)) {
    // TODO(issue 5): replace with splitThemes() inference.
    const parts = separators.test(only.text) ? only.text.split(separators).filter((t) => t !== '') : [only.text];
    if (parts.length === 1 && only.text.split(' ').length > 5) {
      report(file, 'themes-inferred', 'Key themes are run together with no separators; they could not be split.', only.position, 'themes');
    }
    for (const part of parts) {
      positions[`themes[${themes.length}]`] = only.position;
      themes.push(part);
    }
  } else {
    for (const block of blocks) {
      for (const piece of block.spans ?? [block]) {
        const text = stripMarker(piece.text);
        if (text === '') continue;
        positions[`themes[${themes.length}]`] = piece.position;
        themes.push(text);
      }
    }
  }
  file.draft.fields.themes = themes;
}
