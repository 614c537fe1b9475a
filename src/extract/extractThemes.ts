// Themes extractor: chips, list items or lines are themes as they stand; a single run of text is
// split at its separators, or — with none — segmented by inference and flagged for review.

import type { Block } from '../file/Block.js';
import { report, type LeaderFile } from '../file/LeaderFile.js';
import { brokeForNextWord, minimumWrapWidth } from '../normalize/detectWrapWidth.js';
import { foldWhitespace } from '../normalize/foldWhitespace.js';
import { splitThemes, type ThemeSplit } from '../themes/splitThemes.js';
import { themePageText } from '../themes/themePageText.js';
import { sectionBlocks } from './sectionBlocks.js';
import { stripMarker } from './stripMarker.js';

/**
 * A Markdown paragraph keeps its author's line breaks only in the source: lines of one theme each
 * ("working backwards process⏎customer obsession") are a list; lines filled to a width were wrapped.
 */
function markdownLines(file: LeaderFile, block: Block): string[] | null {
  if (file.format !== 'markdown' || block.position.end.line === block.position.start.line) return null;
  const lines = file.text
    .slice(block.position.start.offset, block.position.end.offset)
    .split(/\r\n|\r|\n/)
    .map((line) => foldWhitespace(line.replace(/\\([!-/:-@[-`{-~])/g, '$1')))
    .filter((line) => line !== '');
  if (lines.length < 2 || lines.some((line) => /[*_`<>[\]]/.test(line))) return null;
  return wrapped(lines) ? null : lines;
}

/** Every line was broken only because the next word would not fit: a converter's wrap, not a list. */
function wrapped(lines: readonly string[]): boolean {
  const width = lines.reduce((widest, line) => Math.max(widest, line.length), 0);
  return width >= minimumWrapWidth && lines.slice(0, -1).every((line, i) => brokeForNextWord(line.length, lines[i + 1]?.split(' ', 1)[0] ?? '', width));
}

export function themesInferredMessage(split: ThemeSplit): string {
  const review = split.themes.map((t) => `"${t}"`).join(', ');
  return `Key themes had no separators; split into ${split.themes.length} by inference (confidence ${split.confidence.toFixed(2)}): ${review}.`;
}

export function extractThemes(file: LeaderFile): void {
  const blocks = sectionBlocks(file, 'themes');
  const themes: string[] = [];
  const { positions } = file.draft;
  let inferred = false;
  const only = blocks.length === 1 ? blocks[0] : undefined;

  // A list item is already separated (its marker is the separator), even when it is the only one.
  const lines = only === undefined ? null : markdownLines(file, only);
  if (only !== undefined && lines !== null) {
    for (const line of lines) {
      positions[`themes[${themes.length}]`] = only.position;
      themes.push(line);
    }
  } else if (only !== undefined && only.kind !== 'listItem' && (only.spans === undefined || only.spans.length < 2)) {
    const run = stripMarker(only.text);
    const pageText = themePageText(file.draft.fields);
    const split = splitThemes(run, { pageText, lexicon: file.lexicon });
    inferred = split.inferred;
    if (inferred) {
      report(file, 'themes-inferred', themesInferredMessage(split), only.position, 'themes');
      // Kept so a batch can split the run again with the themes its other pages listed (see ingest/BatchLearning).
      file.themeRun = { run, pageText };
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
