// A blockquote becomes 'quote' blocks (consecutive quoted lines joined) and 'cite' blocks for
// attribution lines that start with a dash, whether after an empty `>` line or on the next line.

import type { Blockquote, List, RootContent } from 'mdast';
import type { Block } from '../../file/Block.js';
import type { LeaderFile } from '../../file/LeaderFile.js';
import { inlineLines, type Piece } from './inlineLines.js';
import { piecesBlock, piecesText } from './piecesBlock.js';
import { startsWithDash } from './startsWithDash.js';

export type FlowWalker = (file: LeaderFile, nodes: readonly RootContent[], out: Block[]) => void;

const openingQuote = /^\s*["“‘'«„]/;

/**
 * A short title in quotes, closed on its line without ending a sentence (`'Working Backwards'`): a
 * wrapped attribution carrying on, where a new quote would end with a full stop inside its marks.
 */
function isQuotedPhrase(text: string): boolean {
  return /^\s*["“‘'«„][^"“”‘’'«»„]{1,80}["”’'»][,;:)]?\s*$/.test(text) && !/[.!?…]["”’'»]/.test(text);
}

/**
 * A paragraph after a closed quotation, in the same blockquote, that is not quoted itself and reads
 * as a label, not a sentence (`> "…patterns."` ⏎ `>` ⏎ `> *On the engine*`): the attribution, written
 * without a dash.
 */
function attributionAfterQuote(quote: readonly (readonly Piece[])[], lines: readonly { pieces: Piece[] }[]): boolean {
  const quoted = piecesText(quote[quote.length - 1] ?? []);
  const text = lines.map((line) => piecesText(line.pieces)).join(' ').trim();
  if (!/^\s*["“«„]/.test(piecesText(quote[0] ?? [])) || !/["”»]$/.test(quoted) || text === '' || openingQuote.test(text) || startsWithDash(text)) return false;
  return text.length <= 150 && !/[.!?…]$/.test(text);
}

/** `> - Author` parses as a one-item list; its marker is the attribution dash. */
function isDashList(file: LeaderFile, node: List): boolean {
  const item = node.children[0];
  const at = item?.position?.start.offset;
  return !node.ordered && node.children.length === 1 && at !== undefined && file.text.charCodeAt(at) === 45;
}

export function quoteBlocks(file: LeaderFile, node: Blockquote, out: Block[], walk: FlowWalker): void {
  let quote: Piece[][] = [];
  let cite: Piece[][] = [];
  let citeStart: number | undefined;
  const flush = (): void => {
    const quoted = piecesBlock(file, 'quote', quote);
    if (quoted !== null) out.push(quoted);
    const cited = piecesBlock(file, 'cite', cite, citeStart === undefined ? {} : { start: citeStart });
    if (cited !== null) out.push(cited);
    quote = [];
    cite = [];
    citeStart = undefined;
  };

  for (const child of node.children) {
    if (child.type === 'paragraph') {
      const lines = inlineLines(child.children, file.text);
      if (quote.length > 0 && cite.length === 0 && attributionAfterQuote(quote, lines)) {
        cite.push(...lines.map((line) => line.pieces));
        flush();
        continue;
      }
      for (const line of lines) {
        const text = piecesText(line.pieces);
        if (text === '') continue;
        if (startsWithDash(text)) {
          flush();
          cite.push(line.pieces);
        } else if (cite.length > 0 && (!openingQuote.test(text) || isQuotedPhrase(text))) cite.push(line.pieces);
        else {
          if (cite.length > 0) flush();
          quote.push(line.pieces);
        }
      }
      // A wrapped attribution ends with its paragraph; quoted paragraphs keep joining.
      if (cite.length > 0) flush();
    } else if (child.type === 'list' && isDashList(file, child)) {
      flush();
      const item = child.children[0];
      for (const part of item?.children ?? []) {
        if (part.type === 'paragraph') cite.push(...inlineLines(part.children, file.text).map((line) => line.pieces));
      }
      citeStart = item?.position?.start.offset;
      flush();
    } else {
      flush();
      walk(file, [child], out);
    }
  }
  flush();
}
