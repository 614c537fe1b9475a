// GFM pipe tables for the fast reader: rows split at their pipes, cells positioned as
// micromark-extension-gfm-table places them (a cell starts at its leading pipe; the last one keeps the
// closing pipe). Rows with escapes, code, empty cells or a lone pipe are left to remark-parse (null).

import type { AlignType, RootContent, TableCell } from 'mdast';
import { nonspace, type Line } from './fastBlockStarts.js';
import { classify, parseInline, type Locate, type Position } from './fastInline.js';

/** A cell's extent [start, end) and its content [from, to), trimmed. */
interface CellSpan {
  start: number;
  end: number;
  from: number;
  to: number;
}

/** A line of only pipes, colons, dashes and spaces, with a dash and a pipe or colon: a table's delimiter row, or part of one. */
export function looksLikeDelimiterRow(text: string, start: number, end: number): boolean {
  let dash = false;
  let mark = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dash = true;
    else if (c === 124 || c === 58) mark = true;
    else if (c !== 32) return false;
  }
  return dash && mark;
}

/** Cells of the row in [start, end) (start at its first non-space character); null when the row is not plain. */
export function splitRow(text: string, start: number, end: number): CellSpan[] | null {
  let last = end;
  while (last > start && text.charCodeAt(last - 1) === 32) last--;
  const row = text.slice(start, last);
  if (row === '|' || row.includes('\\') || row.includes('`')) return null;
  const leading = text.charCodeAt(start) === 124;
  const trailing = text.charCodeAt(last - 1) === 124 && last - 1 > start;
  const pipes: number[] = [];
  for (let i = leading ? start + 1 : start; i < (trailing ? last - 1 : last); i++) if (text.charCodeAt(i) === 124) pipes.push(i);
  const cells: CellSpan[] = [];
  for (let k = 0; k <= pipes.length; k++) {
    const cellStart = k === 0 ? start : (pipes[k - 1] as number);
    const cellEnd = k === pipes.length ? end : (pipes[k] as number);
    let from = k === 0 ? (leading ? start + 1 : start) : cellStart + 1;
    let to = k === pipes.length ? (trailing ? last - 1 : last) : cellEnd;
    while (from < to && text.charCodeAt(from) === 32) from++;
    while (to > from && text.charCodeAt(to - 1) === 32) to--;
    if (from === to) return null;
    cells.push({ start: cellStart, end: cellEnd, from, to });
  }
  return cells;
}

/** Alignment of each delimiter cell (`:--`, `--:`, `:-:`, `---`), or null when one is not a delimiter. */
export function delimiterAlign(text: string, cells: readonly CellSpan[]): AlignType[] | null {
  const align: AlignType[] = [];
  for (const cell of cells) {
    const value = text.slice(cell.from, cell.to);
    if (!/^:?-+:?$/.test(value)) return null;
    const left = value.startsWith(':');
    const right = value.endsWith(':');
    align.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
  }
  return align;
}

function isDelimiter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 42 || c === 95;
}

/**
 * A cell's content is read on its own, so the character before its first `*`/`_` run (and after its
 * last) counts as whitespace; micromark may see the pipe there. Runs at the edges next to
 * punctuation or whitespace, where the two could differ, are remark's.
 */
function plainEdges(text: string, from: number, to: number): boolean {
  let first = from;
  while (first < to && isDelimiter(text, first)) first++;
  let last = to;
  while (last > from && isDelimiter(text, last - 1)) last--;
  if (first === to) return false;
  return (first === from || classify(text, first) === 0) && (last === to || classify(text, last - 1) === 0);
}

/** Table cells with their inline content; null when a cell holds something the fast reader does not read. */
export function tableCells(text: string, cells: readonly CellSpan[], locate: Locate): TableCell[] | null {
  const out: TableCell[] = [];
  for (const cell of cells) {
    if (!plainEdges(text, cell.from, cell.to)) return null;
    const children = parseInline({ text: text.slice(cell.from, cell.to), lineStarts: [0], docStarts: [cell.from] }, locate);
    if (children === null) return null;
    const position: Position = locate(cell.start, cell.end);
    out.push({ type: 'tableCell', children, position });
  }
  return out;
}

export interface ReadTable {
  node: RootContent;
  /** Index of the table's last line. */
  last: number;
}

/** A table whose header row is the line at `index` (content from `first`); null when it is not one read here. */
export function readTable(text: string, lines: readonly Line[], index: number, first: number, locate: Locate): ReadTable | null {
  const header = lines[index] as Line;
  const delimiter = lines[index + 1] as Line;
  const headerCells = splitRow(text, first, header.end);
  const delimiterStart = nonspace(text, delimiter.start, delimiter.end);
  const delimiterCells = delimiterStart - delimiter.start > 3 ? null : splitRow(text, delimiterStart, delimiter.end);
  if (headerCells === null || delimiterCells === null || headerCells.length !== delimiterCells.length) return null;
  const align = delimiterAlign(text, delimiterCells);
  const cells = tableCells(text, headerCells, locate);
  if (align === null || cells === null) return null;
  const rows = [{ type: 'tableRow' as const, children: cells, position: locate(first, header.end) }];
  let last = index + 1;
  for (let k = index + 2; k < lines.length; k++) {
    const line = lines[k] as Line;
    const rowStart = nonspace(text, line.start, line.end);
    if (rowStart === line.end) break;
    // A line that could open another block, or be read as one, is remark's to judge.
    if (rowStart - line.start > 3 || /^(?:[#>\-*+=_<`~]|\d)/.test(text[rowStart] ?? '') || looksLikeDelimiterRow(text, rowStart, line.end)) return null;
    const rowCells = splitRow(text, rowStart, line.end);
    const children = rowCells === null ? null : tableCells(text, rowCells, locate);
    if (children === null) return null;
    rows.push({ type: 'tableRow', children, position: locate(rowStart, line.end) });
    last = k;
  }
  const node: RootContent = { type: 'table', align, children: rows, position: locate(first, (lines[last] as Line).end) };
  return { node, last };
}
