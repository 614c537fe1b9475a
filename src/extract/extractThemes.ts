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
import { endsMidSentence } from './endsMidSentence.js';

/**
 * A Markdown paragraph (or a text paragraph the scanner joined as a hard wrap) keeps its author's line
 * breaks only in the source: lines of one theme each ("working backwards process⏎customer obsession")
 * are a list; lines filled to a width were wrapped.
 */
function sourceLines(file: LeaderFile, block: Block, judgeWrap = true): string[] | null {
  if (file.format === 'html' || block.position.end.line === block.position.start.line) return null;
  const lines = file.text
    .slice(block.position.start.offset, block.position.end.offset)
    .split(/\r\n|\r|\n/)
    .map((line) => foldWhitespace(line.replace(/\\([!-/:-@[-`{-~])/g, '$1')))
    .filter((line) => line !== '');
  if (lines.length < 2 || lines.some((line) => /[*_`<>[\]]/.test(line))) return null;
  // The text scanner only joins lines it judged wrapped, so a text block is wrapped at least at the narrowest width a wrap is read at.
  if (!judgeWrap) return lines;
  return wrapped(lines, file.format === 'text' ? minimumWrapWidth : 0) ? null : lines;
}

/** Every line was broken only because the next word would not fit: a converter's wrap, not a list. */
function wrapped(lines: readonly string[], floor: number): boolean {
  const width = lines.reduce((widest, line) => Math.max(widest, line.length), floor);
  return width >= minimumWrapWidth && lines.slice(0, -1).every((line, i) => brokeForNextWord(line.length, lines[i + 1]?.split(' ', 1)[0] ?? '', width));
}

export function themesInferredMessage(split: ThemeSplit): string {
  const review = split.themes.map((t) => `"${t}"`).join(', ');
  return `Key themes had no separators; split into ${split.themes.length} by inference (confidence ${split.confidence.toFixed(2)}): ${review}.`;
}

/** Join a line that stops mid-phrase to the next one. */
function rejoinBroken(lines: readonly string[]): string[] {
  const out: string[] = [];
  let carry = '';
  for (const line of lines) {
    const text = carry === '' ? line : `${carry} ${line}`;
    if (endsMidSentence(text) !== null) carry = text;
    else {
      out.push(text);
      carry = '';
    }
  }
  if (carry !== '') out.push(carry);
  return out;
}

export function extractThemes(file: LeaderFile): void {
  const blocks = sectionBlocks(file, 'themes');
  const themes: string[] = [];
  const { positions } = file.draft;
  let inferred = false;
  const only = blocks.length === 1 ? blocks[0] : undefined;

  // A list item is already separated (its marker is the separator), even when it is the only one.
  const lines = only === undefined ? null : sourceLines(file, only);
  if (only !== undefined && lines !== null) {
    // In plain text the scanner joined these lines as a wrap; reading them one theme a line is a guess.
    if (file.format === 'text') {
      report(file, 'themes-inferred', `Theme lines ${only.position.start.line}–${only.position.end.line} could be one wrapped run or one theme a line; read as ${lines.length} lines.`, only.position, 'themes');
      inferred = true;
    }
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
      // Lines the scanner joined as a hard wrap, though they were never filled to a width: one theme a line,
      // except where a line stops mid-phrase ("bringing the⏎donuts"). Which it was is a guess, and says so.
      // Beside other blocks of one theme each, a several-line block is more of the same list, not a wrapped run.
      const lines = block.spans !== undefined || block.kind === 'listItem' ? null : sourceLines(file, block, false);
      if (lines !== null) {
        const rejoined = rejoinBroken(lines);
        report(file, 'themes-inferred', `Theme lines ${block.position.start.line}–${block.position.end.line} could be one wrapped theme or one theme a line; read as ${rejoined.length}: ${rejoined.map((t) => `"${t}"`).join(', ')}.`, block.position, 'themes');
        inferred = true;
      }
      const pieces = lines === null ? block.spans ?? [block] : rejoinBroken(lines).map((text) => ({ text, position: block.position }));
      if (lines === null && block.spansGuessed === true) {
        report(file, 'themes-inferred', `Theme chips on lines ${block.position.start.line}–${block.position.end.line} ran together over line ends, where a label may wrap; read as ${pieces.length}: ${pieces.map((p) => `"${stripMarker(p.text)}"`).join(', ')}.`, block.position, 'themes');
        inferred = true;
      }
      for (const piece of pieces) {
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
