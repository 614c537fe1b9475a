// Themes extractor: chips, list items or lines are themes as they stand; a single run of text is
// split at its separators, or — with none — segmented by inference and flagged for review.

import { report, type LeaderFile } from '../file/LeaderFile.js';
import { splitThemes } from '../themes/splitThemes.js';
import { sectionBlocks } from './sectionBlocks.js';
import { stripMarker } from './stripMarker.js';

/** The rest of the page, whose wording often repeats a theme's. */
function pageText(file: LeaderFile): string[] {
  const { fields } = file.draft;
  return [
    fields.bio ?? '',
    fields.summary ?? '',
    ...(fields.principles ?? []),
    ...(fields.quotes ?? []).flatMap((q) => [q.text, q.context ?? '']),
  ].filter((t) => t !== '');
}

export function extractThemes(file: LeaderFile): void {
  const blocks = sectionBlocks(file, 'themes');
  const themes: string[] = [];
  const { positions } = file.draft;
  let inferred = false;
  const only = blocks.length === 1 ? blocks[0] : undefined;

  // A list item is already separated (its marker is the separator), even when it is the only one.
  if (only !== undefined && only.kind !== 'listItem' && (only.spans === undefined || only.spans.length < 2)) {
    const split = splitThemes(stripMarker(only.text), { pageText: pageText(file), lexicon: file.lexicon });
    inferred = split.inferred;
    if (inferred) {
      const review = split.themes.map((t) => `"${t}"`).join(', ');
      const message = `Key themes had no separators; split into ${split.themes.length} by inference (confidence ${split.confidence.toFixed(2)}): ${review}.`;
      report(file, 'themes-inferred', message, only.position, 'themes');
    }
    for (const theme of split.themes) {
      positions[`themes[${themes.length}]`] = only.position;
      themes.push(theme);
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
  // Themes that arrived separated teach the lexicon, for the pages after this one.
  if (!inferred) for (const theme of themes) file.lexicon.add(theme);
  file.draft.fields.themes = themes;
}
