// A Markdown paragraph becomes one 'paragraph' block, one 'line' block per hard-break-separated
// piece, 'row' blocks when it is written as a definition list (`Term` then `: definition`), or
// 'listItem' blocks when every line opens with a bullet glyph (`• a` ⏎ `• b`).

import type { Paragraph } from 'mdast';
import type { Block } from '../../file/Block.js';
import type { LeaderFile } from '../../file/LeaderFile.js';
import { inlineLines, trimRange, type InlineLine, type Piece } from './inlineLines.js';
import { piecesBlock, piecesText, rowBlock } from './piecesBlock.js';
import { itemStart } from '../../text/textMarks.js';

const definitionMark = /^\s*:/;

/** The line's pieces with its leading `:` removed (and its start moved past it). */
function withoutColon(pieces: readonly Piece[], source: string): Piece[] {
  const [first, ...rest] = pieces;
  if (first === undefined || first.marked) return [...pieces];
  const colon = source.indexOf(':', first.start);
  const [start, end] = colon === -1 || colon >= first.end ? [first.start, first.end] : trimRange(source, colon + 1, first.end);
  return [{ ...first, text: first.text.replace(definitionMark, ''), start, end }, ...rest];
}

/** Rows for `Term\n: definition` paragraphs (PHP Markdown Extra, pandoc); null when not one. */
function definitionRows(file: LeaderFile, lines: readonly InlineLine[]): Block[] | null {
  const filled = lines.filter((line) => piecesText(line.pieces) !== '');
  const marks = filled.map((line) => definitionMark.test(piecesText(line.pieces)));
  if (filled.length < 2 || marks[0] === true || !marks.includes(true)) return null;
  const rows: Block[] = [];
  let cells: Piece[][] = [];
  const flush = (): void => {
    const row = cells.length > 0 ? rowBlock(file, cells) : null;
    if (row !== null) rows.push(row);
    cells = [];
  };
  filled.forEach((line, index) => {
    if (marks[index] === true) cells.push(withoutColon(line.pieces, file.text));
    else {
      flush();
      cells.push(line.pieces);
    }
  });
  flush();
  return rows;
}

/**
 * One item per line when every line of the paragraph opens with a bullet glyph CommonMark does not
 * know (`• a` ⏎ `• b`, `✓ …`): a list the copy wrote as text. Null otherwise.
 */
function glyphItems(file: LeaderFile, lines: readonly InlineLine[]): Block[] | null {
  const filled = lines.filter((line) => piecesText(line.pieces) !== '');
  if (filled.length < 2 || !filled.every((line) => !(line.pieces[0]?.marked ?? true) && itemStart.test(piecesText(line.pieces)))) return null;
  return filled.flatMap((line) => piecesBlock(file, 'listItem', [line.pieces]) ?? []);
}

export function paragraphBlocks(file: LeaderFile, node: Paragraph): Block[] {
  const lines = inlineLines(node.children, file.text);
  const rows = definitionRows(file, lines) ?? glyphItems(file, lines);
  if (rows !== null) return rows;
  const blocks: Block[] = [];
  if (!lines.some((line) => line.ending === 'hard')) {
    const block = piecesBlock(file, 'paragraph', lines.map((line) => line.pieces));
    return block === null ? [] : [block];
  }
  // Soft-wrapped source lines inside one hard-break piece stay together.
  let group: Piece[][] = [];
  for (const line of lines) {
    group.push(line.pieces);
    if (line.ending === 'soft') continue;
    const block = piecesBlock(file, 'line', group);
    if (block !== null) blocks.push(block);
    group = [];
  }
  return blocks;
}
