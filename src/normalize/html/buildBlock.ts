// Turns collected inline tokens into positioned blocks and spans: folds whitespace, finds where the
// text starts and ends in the source, and decides which markup pieces become spans.

import type { Block, BlockKind, Span } from '../../file/Block.js';
import type { LeaderFile } from '../../file/LeaderFile.js';
import type { Position } from '../../file/Position.js';
import { foldWhitespace } from '../foldWhitespace.js';
import type { InlineRun, InlineToken } from './collectInline.js';
import { citeableKinds } from './htmlTags.js';
import { visibleEnd, visibleStart } from './textBounds.js';

/**
 * When a block lists its parts as spans: 'chips' when two or more child elements carry text (links,
 * chips, name + score) and outnumber the bare text runs between them, 'parts' whenever there are two or more non-empty parts (list items: the glyph
 * is its own span), 'never' for prose that markup does not divide.
 */
export type SpanMode = 'chips' | 'parts' | 'never';

const visible = /\S/;

function hasVisibleText(token: InlineToken): boolean {
  return token.start >= 0 && visible.test(token.text);
}

/** Source position of the visible text of some tokens, or null when none is located. */
export function locate(file: LeaderFile, tokens: readonly InlineToken[]): Position | null {
  let first: InlineToken | undefined;
  let last: InlineToken | undefined;
  for (const token of tokens) {
    if (!hasVisibleText(token)) continue;
    first ??= token;
    last = token;
  }
  if (first === undefined || last === undefined) return null;
  const start = visibleStart(file.text, first.start, first.end);
  const end = Math.max(start, visibleEnd(file.text, last.start, last.end));
  return file.lines.position(start, end);
}

export function textOf(tokens: readonly InlineToken[]): string {
  return foldWhitespace(tokens.map((token) => token.text).join(''));
}

/** Split tokens into lines at <br> tokens. */
export function splitLines(tokens: readonly InlineToken[]): InlineToken[][] {
  const lines: InlineToken[][] = [[]];
  for (const token of tokens) {
    if (token.isBreak) lines.push([]);
    else lines[lines.length - 1]?.push(token);
  }
  return lines;
}

/** The same outermost element around every visible token, or null. */
function sharedAncestor(tokens: readonly InlineToken[], pick: (token: InlineToken) => unknown): boolean {
  let shared: unknown = undefined;
  for (const token of tokens) {
    if (!visible.test(token.text)) continue;
    const around = pick(token);
    if (around === null || (shared !== undefined && around !== shared)) return false;
    shared = around;
  }
  return shared !== undefined;
}

export function spanOf(file: LeaderFile, tokens: readonly InlineToken[]): Span | null {
  const text = textOf(tokens);
  const position = locate(file, tokens);
  return text === '' || position === null ? null : { text, position };
}

function spansOf(file: LeaderFile, run: InlineRun, tokens: readonly InlineToken[], mode: SpanMode): Span[] | null {
  if (mode === 'never') return null;
  const byPart = new Map<number, InlineToken[]>();
  for (const token of tokens) {
    if (token.part < 0) continue;
    const list = byPart.get(token.part);
    if (list === undefined) byPart.set(token.part, [token]);
    else list.push(token);
  }
  const spans: Span[] = [];
  let elements = 0;
  for (const [part, partTokens] of byPart) {
    const span = spanOf(file, partTokens);
    if (span === null) continue;
    spans.push(span);
    if (run.parts[part]?.isElement === true) elements++;
  }
  if (spans.length < 2) return null;
  // Chips are mostly elements (`<a>A</a> · <a>B</a>`); a sentence with two links is prose.
  return mode === 'parts' || (elements >= 2 && elements > spans.length - elements) ? spans : null;
}

export interface BlockOptions {
  depth?: number;
  spans: SpanMode;
}

export function blockFromTokens(
  file: LeaderFile,
  run: InlineRun,
  tokens: readonly InlineToken[],
  kind: BlockKind,
  options: BlockOptions,
): Block | null {
  const text = textOf(tokens);
  if (text === '') return null;
  const position = locate(file, tokens);
  if (position === null) return null;
  const isCite = citeableKinds.has(kind) && sharedAncestor(tokens, (token) => token.cite);
  const block: Block = { kind: isCite ? 'cite' : kind, text, position };
  if (options.depth !== undefined) block.depth = options.depth;
  const spans = spansOf(file, run, tokens, isCite ? 'never' : options.spans);
  if (spans !== null) block.spans = spans;
  if (sharedAncestor(tokens, (token) => token.strong)) block.strong = true;
  return block;
}

/** A row block from cells already turned into spans. */
export function rowFromSpans(file: LeaderFile, spans: readonly Span[]): Block | null {
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (first === undefined || last === undefined) return null;
  return {
    kind: 'row',
    text: spans.map((span) => span.text).join(' '),
    position: file.lines.position(first.position.start.offset, last.position.end.offset),
    spans: [...spans],
  };
}
