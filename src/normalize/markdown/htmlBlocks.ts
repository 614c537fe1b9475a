// Raw HTML blocks inside Markdown (left by some converters): a single linear pass that strips
// tags, drops script/style/comments, and cuts blocks at block-level tags and `<br>`, keeping
// headings, list items, quotes, captions and table/definition rows as their block kinds.

import type { Block, BlockKind } from '../../file/Block.js';
import type { LeaderFile } from '../../file/LeaderFile.js';
import { decodeEntities } from './decodeEntities.js';
import type { Piece } from './inlineLines.js';
import { trimRange } from './inlineLines.js';
import { piecesBlock, piecesText, rowBlock } from './piecesBlock.js';
import { startsWithDash } from './startsWithDash.js';
import { tagName } from './htmlTags.js';

const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'cite', 'dd', 'details',
  'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const markedTags = new Set(['a', 'strong', 'b', 'em', 'i', 'code']);
const emphasisTags = new Set(['strong', 'b', 'em', 'i']);
const rawTextTags = new Set(['script', 'style', 'template', 'noscript', 'textarea']);
const cellTags = new Set(['td', 'th', 'dt', 'dd']);
/** Elements that decide the kind of the text inside them, innermost first. */
const kindTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'figcaption', 'cite', 'blockquote']);

const maxOpen = 32;

/** Index just past the `>` that closes the tag opened at `at`, skipping quoted attribute values; -1 if none. */
function tagEnd(value: string, at: number): number {
  let i = at + 1;
  while (i < value.length) {
    const c = value.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c === 34 || c === 39) {
      const close = value.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else i++;
  }
  return -1;
}

function kindOf(open: readonly string[], text: string, afterBreak: boolean): { kind: BlockKind; depth?: number } {
  for (let k = open.length - 1; k >= 0; k--) {
    const name = open[k] ?? '';
    if (/^h[1-6]$/.test(name)) return { kind: 'heading', depth: Number(name.slice(1)) };
    if (name === 'li') return { kind: 'listItem' };
    if (name === 'figcaption' || name === 'cite') return { kind: 'cite' };
    if (name === 'blockquote') return { kind: startsWithDash(text) ? 'cite' : 'quote' };
  }
  return { kind: afterBreak ? 'line' : 'paragraph' };
}

/**
 * Blocks of one mdast `html` node. `base` is the offset of `value` in the file text when the value
 * is a verbatim slice of it; otherwise every block gets the node's own range.
 */
export function htmlBlocks(file: LeaderFile, value: string, base: number | null, nodeStart: number, nodeEnd: number): Block[] {
  const blocks: Block[] = [];
  const open: string[] = [];
  let pieces: Piece[] = [];
  let marked: Piece | null = null;
  let markedLocated = false;
  let markedDepth = 0;
  let cells: Piece[][] | null = null;
  let afterBreak = false;

  const range = (from: number, to: number): [number, number] => {
    if (base === null) return [nodeStart, nodeEnd];
    const [s, e] = trimRange(value, from, to);
    return [base + s, base + e];
  };
  const flush = (byBreak: boolean): void => {
    if (marked !== null) pieces.push(marked);
    marked = null;
    markedDepth = 0;
    const text = piecesText(pieces);
    if (text !== '') {
      if (cells !== null) cells.push(pieces);
      else {
        const { kind, depth } = kindOf(open, text, byBreak || afterBreak);
        const block = piecesBlock(file, kind, [pieces], depth === undefined ? {} : { depth });
        if (block !== null) blocks.push(block);
      }
      afterBreak = byBreak;
    } else if (byBreak) afterBreak = true;
    pieces = [];
  };
  const flushRow = (): void => {
    flush(false);
    if (cells !== null) {
      const row = rowBlock(file, cells);
      if (row !== null) blocks.push(row);
    }
    cells = null;
  };
  const addText = (from: number, to: number): void => {
    if (to <= from) return;
    const text = decodeEntities(value.slice(from, to));
    const [s, e] = range(from, to);
    if (marked !== null) {
      marked.text += text;
      if (text.trim() !== '') {
        if (!markedLocated) marked.start = s;
        markedLocated = true;
        marked.end = e;
      }
    } else pieces.push({ text, start: s, end: e, marked: false, emphasis: false });
  };

  let i = 0;
  let textFrom = 0;
  while (i < value.length) {
    const lt = value.indexOf('<', i);
    if (lt === -1) break;
    let end: number;
    const name = tagName(value, lt);
    if (value.startsWith('<!--', lt)) {
      const close = value.indexOf('-->', lt + 4);
      end = close === -1 ? value.length : close + 3;
    } else if (name !== null || value.startsWith('<!', lt) || value.startsWith('<?', lt)) {
      end = tagEnd(value, lt);
      if (end === -1) {
        i = lt + 1;
        continue;
      }
    } else {
      i = lt + 1;
      continue;
    }
    addText(textFrom, lt);
    i = end;
    textFrom = end;
    if (name === null) continue;

    const closing = name.startsWith('/');
    const bare = closing ? name.slice(1) : name;
    if (!closing && rawTextTags.has(bare)) {
      const close = new RegExp(`</${bare}`, 'ig');
      close.lastIndex = end;
      const found = close.exec(value);
      const after = found === null ? -1 : tagEnd(value, found.index);
      i = after === -1 ? value.length : after;
      textFrom = i;
      continue;
    }
    if (markedTags.has(bare)) {
      if (!closing) {
        if (markedDepth === 0) {
          const [at] = range(end, end);
          marked = { text: '', start: at, end: at, marked: true, emphasis: emphasisTags.has(bare) };
          markedLocated = false;
        }
        markedDepth++;
      } else if (markedDepth > 0 && --markedDepth === 0 && marked !== null) {
        pieces.push(marked);
        marked = null;
      }
      continue;
    }
    if (!blockTags.has(bare)) continue;

    if (bare === 'tr' || bare === 'dl' || (bare === 'dt' && !closing)) flushRow();
    else flush(bare === 'br');
    if (bare === 'tr' && !closing) cells = [];
    if (bare === 'dt' && !closing) cells = [];
    if (cellTags.has(bare) && closing) flush(false);
    if (kindTags.has(bare)) {
      // A bounded stack keeps closing-tag lookups constant-time on pathological nesting.
      if (!closing && open.length < maxOpen) open.push(bare);
      else {
        const at = open.lastIndexOf(bare);
        if (at !== -1) open.length = at;
      }
    }
  }
  addText(textFrom, value.length);
  flushRow();
  return blocks;
}
