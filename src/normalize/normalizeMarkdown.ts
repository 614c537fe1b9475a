// Markdown normalizer: parses the decoded text with remark (CommonMark + GFM) and flattens the mdast
// tree into positioned blocks in document order. Extractors never see Markdown.

import type { Code, Heading, List, PhrasingContent, RootContent, Table } from 'mdast';
import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';
import { foldWhitespace } from './foldWhitespace.js';
import { boundParseWork } from './markdown/boundParseWork.js';
import { hasInlineHtml, htmlBlocks, phrasingBlocks } from './markdown/htmlBlocks.js';
import { inlineLines, trimRange, type InlineLine, type Piece } from './markdown/inlineLines.js';
import { paragraphBlocks } from './markdown/paragraphBlocks.js';
import { blankPandocMarkup, smartDashes } from './markdown/pandocMarkup.js';
import { parseMarkdown } from './markdown/parseMarkdown.js';
import { piecesBlock, piecesText, rowBlock } from './markdown/piecesBlock.js';
import { quoteBlocks } from './markdown/quoteBlocks.js';
import { phraseGoesOn } from '../text/textMarks.js';

function offsets(node: RootContent): [number, number] {
  const start = node.position?.start.offset ?? 0;
  return [start, node.position?.end.offset ?? start];
}

/** Lines of a cell or heading as one piece list, a space where each line ended. */
function joinLines(lines: readonly InlineLine[]): Piece[] {
  return lines.flatMap((line, index) =>
    index === 0 ? line.pieces : [{ text: ' ', start: 0, end: 0, marked: false, emphasis: false }, ...line.pieces],
  );
}

function headingBlocks(file: LeaderFile, node: Heading, out: Block[]): void {
  if (hasInlineHtml(node.children)) {
    out.push(...phrasingBlocks(file, `h${node.depth}`, [node.children]));
    return;
  }
  const lines = inlineLines(node.children, file.text).map((line) => line.pieces);
  const block = piecesBlock(file, 'heading', lines, { depth: node.depth, start: offsets(node)[0] });
  if (block !== null) out.push(block);
}

/** Each item is one block of its own paragraphs; nested lists and other content follow it. */
function listBlocks(file: LeaderFile, node: List, out: Block[]): void {
  for (const item of node.children) {
    const paragraphs: PhrasingContent[][] = [];
    const rest: RootContent[] = [];
    for (const child of item.children) {
      if (child.type === 'paragraph' || child.type === 'heading') paragraphs.push(child.children);
      else rest.push(child);
    }
    if (paragraphs.some(hasInlineHtml)) out.push(...phrasingBlocks(file, 'li', paragraphs));
    else {
      const lines = paragraphs.flatMap((children) => inlineLines(children, file.text).map((line) => line.pieces));
      const block = piecesBlock(file, 'listItem', lines, { start: offsets(item)[0] });
      if (block !== null) out.push(block);
    }
    flowBlocks(file, rest, out);
  }
}

function tableBlocks(file: LeaderFile, node: Table, out: Block[]): void {
  for (const row of node.children) {
    const cells = row.children.map((cell) => joinLines(inlineLines(cell.children, file.text)));
    const block = rowBlock(file, cells);
    if (block !== null) out.push(block);
  }
}

function codeBlock(file: LeaderFile, node: Code): Block | null {
  const [start, end] = offsets(node);
  const [, trimmedEnd] = trimRange(file.text, start, end);
  const piece: Piece = { text: node.value, start, end: trimmedEnd, marked: false, emphasis: false };
  return piecesBlock(file, 'paragraph', [[piece]]);
}

/** A line that cannot end a heading: mid-phrase ("… acquired by Facebook and") or inside parentheses. */
function endsMidPhrase(text: string): boolean {
  return phraseGoesOn.test(text) || (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
}

/**
 * An ATX heading is one line, so a converter that hard-wraps a long one leaves its end as the first
 * line of a paragraph right below (`## Founder at tbh / Gas (acquired by Facebook and` ⏎ `Discord)`).
 * When the heading stops mid-phrase and the paragraph starts on the next line, that first line is
 * read back into the heading; the paragraph's other lines stay a paragraph. Returns whether it did.
 */
function wrappedHeading(file: LeaderFile, node: Heading, next: RootContent | undefined, out: Block[]): boolean {
  if (next?.type !== 'paragraph' || hasInlineHtml(node.children) || hasInlineHtml(next.children)) return false;
  if (next.position?.start.line !== (node.position?.end.line ?? -2) + 1) return false;
  const lines = inlineLines(node.children, file.text).map((line) => line.pieces);
  if (!endsMidPhrase(lines.map(piecesText).join(' '))) return false;
  const [first, ...rest] = inlineLines(next.children, file.text).map((line) => line.pieces);
  if (first === undefined) return false;
  const heading = piecesBlock(file, 'heading', [...lines, first], { depth: node.depth, start: offsets(node)[0] });
  if (heading === null) return false;
  out.push(heading);
  const paragraph = rest.length > 0 ? piecesBlock(file, 'paragraph', rest) : null;
  if (paragraph !== null) out.push(paragraph);
  return true;
}

function flowBlocks(file: LeaderFile, nodes: readonly RootContent[], out: Block[]): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    let block: Block | null = null;
    switch (node.type) {
      case 'heading':
        if (wrappedHeading(file, node, nodes[index + 1], out)) index++;
        else headingBlocks(file, node, out);
        break;
      case 'paragraph':
        out.push(...(hasInlineHtml(node.children) ? phrasingBlocks(file, 'p', [node.children]) : paragraphBlocks(file, node)));
        break;
      case 'list':
        listBlocks(file, node, out);
        break;
      case 'blockquote':
        quoteBlocks(file, node, out, flowBlocks);
        break;
      case 'table':
        tableBlocks(file, node, out);
        break;
      case 'code':
        block = codeBlock(file, node);
        break;
      case 'html': {
        const [start, end] = offsets(node);
        out.push(...htmlBlocks(file, node.value, start, end));
        break;
      }
      case 'footnoteDefinition':
        flowBlocks(file, node.children, out);
        break;
      default:
        // thematicBreak, definition, yaml …: nothing a profile needs.
        break;
    }
    if (block !== null) out.push(block);
  }
}

/** Text the parser was not given (or could not walk): one 'line' block per source line in [from, to). */
function lineBlocks(file: LeaderFile, from: number, to: number, out: Block[]): void {
  const pattern = /[^\r\n]+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(file.text); match !== null && match.index < to; match = pattern.exec(file.text)) {
    const text = foldWhitespace(match[0]);
    if (text === '') continue;
    const [start, end] = trimRange(file.text, match.index, match.index + match[0].length);
    out.push({ kind: 'line', text, position: file.lines.position(start, end) });
  }
}

/** Text of a block read in pandoc's dialect, its dashes as pandoc reads them. */
function withSmartDashes(block: Block): Block {
  const text = smartDashes(block.text);
  const spans = block.spans?.map((span) => ({ ...span, text: smartDashes(span.text) }));
  return spans === undefined ? { ...block, text } : { ...block, text, spans };
}

export function normalizeMarkdown(file: LeaderFile): Block[] {
  // Read with pandoc's attribute markup blanked out; offsets (and so positions) are the file's own.
  const text = blankPandocMarkup(file.text);
  const view: LeaderFile = text === file.text ? file : { ...file, text };
  const blocks: Block[] = [];
  try {
    for (const segment of boundParseWork(text)) {
      if (segment.parse) flowBlocks(view, parseMarkdown(text, segment.start, segment.end).children, blocks);
      else lineBlocks(view, segment.start, segment.end, blocks);
    }
    return view === file ? blocks : blocks.map(withSmartDashes);
  } catch {
    // Nesting deeper than the stack allows, or a parser fault: keep every line rather than nothing.
    const lines: Block[] = [];
    lineBlocks(view, 0, text.length, lines);
    return lines;
  }
}
