// Turns positioned inline pieces into blocks: folded text, spans for separately marked pieces,
// `strong` for a wholly emphasised line, and a position from the first to the last piece.

import type { Block, BlockKind, Span } from '../../file/Block.js';
import type { LeaderFile } from '../../file/LeaderFile.js';
import { brokeAtHyphen, foldWhitespace, joinWrappedLines } from '../foldWhitespace.js';
import type { Piece } from './inlineLines.js';

interface Group {
  text: string;
  start: number;
  end: number;
  emphasis: boolean;
}

export interface BlockExtras {
  depth?: number;
  /** Overrides the start offset (e.g. a list item starts at its marker). */
  start?: number;
}

/** A marked piece's text (a link label) over the lines a converter wrapped it onto, a word broken at its hyphen kept whole. */
const labelText = (text: string): string => joinWrappedLines(text.split(/\r?\n/));

/** Pieces' text joined; marked pieces written back to back (`[A](a)[B](b)`) still read as separate words, as in HTML. */
function joinPieces(pieces: readonly Piece[]): string {
  let text = '';
  pieces.forEach((piece, index) => {
    if (index > 0 && piece.marked && pieces[index - 1]?.marked === true) text += ' ';
    text += piece.marked ? labelText(piece.text) : piece.text;
  });
  return text;
}

/** Text of pieces on one line, folded. */
export function piecesText(pieces: readonly Piece[]): string {
  return foldWhitespace(joinPieces(pieces));
}

/** Spans of a block: each marked piece, and each non-empty text run between them. */
function groupsOf(lines: readonly (readonly Piece[])[]): Group[] {
  const groups: Group[] = [];
  let run: Piece[] = [];
  const flushRun = (): void => {
    const text = piecesText(run);
    const located = run.filter((piece) => piece.text.trim() !== '');
    const first = located[0];
    const last = located[located.length - 1];
    if (text !== '' && first !== undefined && last !== undefined) {
      groups.push({ text, start: first.start, end: last.end, emphasis: false });
    }
    run = [];
  };
  lines.forEach((pieces, index) => {
    const previous = lines[index - 1];
    const wrappedAtHyphen = brokeAtHyphen(previous?.[previous.length - 1]?.text ?? '', pieces[0]?.text ?? '');
    if (index > 0 && !wrappedAtHyphen) run.push({ text: ' ', start: 0, end: 0, marked: false, emphasis: false });
    for (const piece of pieces) {
      if (!piece.marked) {
        run.push(piece);
        continue;
      }
      flushRun();
      const text = foldWhitespace(labelText(piece.text));
      if (text !== '') groups.push({ text, start: piece.start, end: piece.end, emphasis: piece.emphasis });
    }
  });
  flushRun();
  return groups;
}

function span(file: LeaderFile, group: Group): Span {
  return { text: group.text, position: file.lines.position(group.start, group.end) };
}

/** One block from lines of pieces joined by single spaces; null when it has no text. */
export function piecesBlock(
  file: LeaderFile,
  kind: BlockKind,
  lines: readonly (readonly Piece[])[],
  extras: BlockExtras = {},
): Block | null {
  const text = foldWhitespace(joinWrappedLines(lines.map(joinPieces)));
  const groups = groupsOf(lines);
  const first = groups[0];
  const last = groups[groups.length - 1];
  if (text === '' || first === undefined || last === undefined) return null;
  const block: Block = { kind, text, position: file.lines.position(extras.start ?? first.start, last.end) };
  if (extras.depth !== undefined) block.depth = extras.depth;
  if (groups.length >= 2) block.spans = groups.map((group) => span(file, group));
  else if (first.emphasis) block.strong = true;
  return block;
}

/** One 'row' block whose spans are the non-empty cells; null when every cell is empty. */
export function rowBlock(file: LeaderFile, cells: readonly (readonly Piece[])[], extras: BlockExtras = {}): Block | null {
  const groups: Group[] = [];
  for (const cell of cells) {
    const text = piecesText(cell);
    const located = cell.filter((piece) => piece.text.trim() !== '');
    const first = located[0];
    const last = located[located.length - 1];
    if (text !== '' && first !== undefined && last !== undefined) {
      groups.push({ text, start: first.start, end: last.end, emphasis: false });
    }
  }
  const first = groups[0];
  const last = groups[groups.length - 1];
  if (first === undefined || last === undefined) return null;
  return {
    kind: 'row',
    text: groups.map((group) => group.text).join(' '),
    position: file.lines.position(extras.start ?? first.start, last.end),
    spans: groups.map((group) => span(file, group)),
  };
}
