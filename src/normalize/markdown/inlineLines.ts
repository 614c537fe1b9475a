// Flattens mdast phrasing content into source lines of positioned pieces, so a paragraph can be
// kept whole, split at hard breaks, or read as `term / : definition` lines without re-parsing.

import type { PhrasingContent } from 'mdast';
import { isBreakTag, tagName } from './htmlTags.js';

/** One top-level inline piece: a marked node (link, strong …) or a run of plain text. */
export interface Piece {
  text: string;
  /** Offsets into the decoded file text, trimmed of surrounding whitespace. */
  start: number;
  end: number;
  /** A link, strong, emphasis or inline code: a separately marked span. */
  marked: boolean;
  /** Strong or emphasis: a whole-line piece like this makes the block `strong`. */
  emphasis: boolean;
}

export interface InlineLine {
  pieces: Piece[];
  /** How the line ended: a hard break (`  ` / `\` / `<br>`), a soft line ending, or the end. */
  ending: 'hard' | 'soft' | 'end';
}

const rawTextTags = new Set(['script', 'style', 'template', 'noscript']);

/** Plain text of a phrasing node: alt text, images and raw tags are dropped, breaks become spaces. */
export function phrasingText(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'html':
      return isBreakTag(node.value) ? ' ' : '';
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map(phrasingText).join('') : '';
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0;
}

/** Shrinks [start, end) in `source` past whitespace at both ends. */
export function trimRange(source: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpace(source.charCodeAt(s))) s++;
  while (e > s && isSpace(source.charCodeAt(e - 1))) e--;
  return [s, e];
}

/** Start of a continuation line's content: past indentation and blockquote markers. */
function skipLinePrefix(source: string, at: number, end: number): number {
  let i = at;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 62 /* > */) break;
    i++;
  }
  return i;
}

/**
 * Splits a text node at its soft line endings. Each value line is one source line of the node
 * (escapes and references never span lines), so offsets come from the source lines.
 */
function textPieces(value: string, start: number, end: number, source: string): Piece[] {
  const parts = value.split('\n');
  const pieces: Piece[] = [];
  let lineStart = start;
  for (let k = 0; k < parts.length; k++) {
    let lineEnd = end;
    let next = end;
    if (k < parts.length - 1) {
      let i = lineStart;
      while (i < end && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
      lineEnd = i;
      next = source.charCodeAt(i) === 13 && source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    }
    const from = k === 0 ? lineStart : skipLinePrefix(source, lineStart, lineEnd);
    const [s, e] = trimRange(source, from, Math.min(lineEnd, end));
    pieces.push({ text: parts[k] ?? '', start: s, end: e, marked: false, emphasis: false });
    lineStart = Math.min(next, end);
  }
  return pieces;
}

const markedTypes = new Set(['link', 'linkReference', 'strong', 'emphasis', 'inlineCode']);

/** Top-level phrasing children → lines of pieces, split at hard and soft breaks. */
export function inlineLines(children: readonly PhrasingContent[], source: string): InlineLine[] {
  const lines: InlineLine[] = [];
  let pieces: Piece[] = [];
  let skipUntil: string | null = null;
  const endLine = (ending: InlineLine['ending']): void => {
    lines.push({ pieces, ending });
    pieces = [];
  };

  for (const node of children) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === 'html') {
      const name = tagName(node.value);
      if (skipUntil !== null) {
        if (name === `/${skipUntil}`) skipUntil = null;
      } else if (name !== null && rawTextTags.has(name)) skipUntil = name;
      else if (isBreakTag(node.value)) endLine('hard');
      continue;
    }
    if (skipUntil !== null) continue;
    if (node.type === 'break') {
      endLine('hard');
    } else if (node.type === 'text') {
      const split = textPieces(node.value, start, end, source);
      split.forEach((piece, k) => {
        if (k > 0) endLine('soft');
        pieces.push(piece);
      });
    } else {
      const [s, e] = trimRange(source, start, end);
      pieces.push({
        text: phrasingText(node),
        start: s,
        end: e,
        marked: markedTypes.has(node.type),
        emphasis: node.type === 'strong' || node.type === 'emphasis',
      });
    }
  }
  endLine('end');
  return lines;
}
