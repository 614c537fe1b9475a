// Walks the content element of a parsed page and emits the block list in document order:
// headings, paragraphs, list items, quotes with their attributions, table and definition rows, lines.

import type { Block, BlockKind, Span } from '../../file/Block.js';
import type { LeaderFile } from '../../file/LeaderFile.js';
import { blockFromTokens, rowFromSpans, spanOf, splitLines, textOf, type SpanMode } from './buildBlock.js';
import { collectInline, separatorToken, type InlineToken } from './collectInline.js';
import type { HtmlNode } from './HtmlNode.js';
import { tagOf } from './HtmlNode.js';
import { isHidden } from './isHidden.js';
import {
  attributionTags,
  blockTags,
  chromeTags,
  headingDepths,
  listTags,
  sectioningTags,
  skippedTags,
  strongTags,
} from './htmlTags.js';

/** Past this depth the rest of a subtree is read as one line (recursion stays shallow). */
const maxWalkDepth = 200;

/** A last quote paragraph starting with a dash is the attribution (`— On hiring`). */
const attributionDash = /^(?:[\u2014\u2013\u2015]|--?\s)/;
const onlyDashes = /^[\s\u2014\u2013\u2015-]*$/;

interface Context {
  /** Inside main/article/section: a <header> here is the content's own. */
  inSection: boolean;
  depth: number;
}

/** Whether an element is left out of every text: metadata, controls, hidden or chrome content. */
function isSkippedInline(element: HtmlNode): boolean {
  const tag = tagOf(element);
  return skippedTags.has(tag) || chromeTags.has(tag) || isHidden(element);
}

export function walkBlocks(file: LeaderFile, root: HtmlNode, containers: ReadonlySet<HtmlNode>): Block[] {
  const blocks: Block[] = [];
  const push = (block: Block | null): void => {
    if (block !== null) blocks.push(block);
  };

  const isInline = (node: HtmlNode): boolean => {
    const tag = tagOf(node);
    return tag === '' || (!blockTags.has(tag) && !containers.has(node));
  };

  /** Peel single inline wrappers (<a><span>A</span><span>B</span></a>) so their children are the parts. */
  const unwrap = (nodes: readonly HtmlNode[]): { nodes: readonly HtmlNode[]; strong: HtmlNode | null; cite: HtmlNode | null } => {
    let current = nodes;
    let strong: HtmlNode | null = null;
    let cite: HtmlNode | null = null;
    for (;;) {
      let only: HtmlNode | null = null;
      let count = 0;
      for (const node of current) {
        const tag = tagOf(node);
        if (node.type === 'text' ? /\S/.test(node.data ?? '') : tag !== '' && !isSkippedInline(node)) {
          only = node;
          count++;
          if (count > 1) break;
        }
      }
      const tag = only === null ? '' : tagOf(only);
      if (count !== 1 || only === null || tag === '' || tag === 'br' || blockTags.has(tag)) break;
      strong ??= strongTags.has(tag) ? only : null;
      cite ??= tag === 'cite' ? only : null;
      current = only.children ?? [];
    }
    return { nodes: current, strong, cite };
  };

  const emitInline = (
    nodes: readonly HtmlNode[],
    kind: BlockKind,
    options: { split: boolean; spans: SpanMode; depth?: number; isExcluded?: (element: HtmlNode) => boolean },
  ): HtmlNode[] => {
    const wrapped = unwrap(nodes);
    const excluded: HtmlNode[] = [];
    const run = collectInline(wrapped.nodes, {
      source: file.text,
      splitBreaks: options.split,
      isSkipped: isSkippedInline,
      ...(options.isExcluded === undefined ? {} : { isExcluded: options.isExcluded }),
      excluded,
      strong: wrapped.strong,
      cite: wrapped.cite,
    });
    const lines = options.split ? splitLines(run.tokens).filter((line) => textOf(line) !== '') : [run.tokens];
    const lineKind = lines.length > 1 ? 'line' : kind;
    const blockOptions = options.depth === undefined ? { spans: options.spans } : { spans: options.spans, depth: options.depth };
    for (const line of lines) push(blockFromTokens(file, run, line, lineKind, blockOptions));
    return excluded;
  };

  const cellSpan = (cell: HtmlNode): Span | null =>
    spanOf(file, collectInline(cell.children ?? [], { source: file.text, splitBreaks: false, isSkipped: isSkippedInline }).tokens);

  const emitRow = (cells: readonly HtmlNode[]): void => {
    const spans: Span[] = [];
    for (const cell of cells) {
      const span = cellSpan(cell);
      if (span !== null) spans.push(span);
    }
    push(rowFromSpans(file, spans));
  };

  const elementsOf = (node: HtmlNode): HtmlNode[] => (node.children ?? []).filter((child) => tagOf(child) !== '');

  const isCell = (node: HtmlNode): boolean => tagOf(node) === 'td' || tagOf(node) === 'th';

  const emitTable = (table: HtmlNode, context: Context): void => {
    // Cells written without a <tr> form one implied row, as a browser reads them.
    let loose: HtmlNode[] = [];
    const flushLoose = (): void => {
      if (loose.length > 0) emitRow(loose);
      loose = [];
    };
    for (const child of elementsOf(table)) {
      const tag = tagOf(child);
      if (isCell(child)) {
        loose.push(child);
        continue;
      }
      flushLoose();
      if (tag === 'tr') emitRow(elementsOf(child).filter(isCell));
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') emitTable(child, context);
      else if (tag === 'caption') emitInline(child.children ?? [], 'line', { split: true, spans: 'chips' });
      else if (tag !== 'colgroup' && tag !== 'col') walkElement(child, context);
    }
    flushLoose();
  };

  /** Each <dt> with the <dd>s after it is one row; <div> wrappers around groups are allowed. */
  const emitDefinitions = (list: HtmlNode, context: Context): void => {
    let group: HtmlNode[] = [];
    const flush = (): void => {
      if (group.length > 0) emitRow(group);
      group = [];
    };
    const items = elementsOf(list).flatMap((child) => (tagOf(child) === 'div' ? elementsOf(child) : [child]));
    for (const item of items) {
      const tag = tagOf(item);
      if (tag === 'dt') {
        flush();
        group.push(item);
      } else if (tag === 'dd') group.push(item);
      else {
        flush();
        walkElement(item, context);
      }
    }
    flush();
  };

  /** Quote text from everything but the attribution parts, then one cite block per attribution. */
  const emitQuote = (container: HtmlNode): void => {
    const excluded: HtmlNode[] = [];
    const run = collectInline(container.children ?? [], {
      source: file.text,
      splitBreaks: false,
      isSkipped: isSkippedInline,
      isExcluded: (element) => attributionTags.has(tagOf(element)),
      excluded,
    });
    const byPart = new Map<number, InlineToken[]>();
    for (const token of run.tokens) {
      if (token.part < 0) continue;
      const list = byPart.get(token.part);
      if (list === undefined) byPart.set(token.part, [token]);
      else list.push(token);
    }
    const filled = [...byPart.entries()].filter(([, tokens]) => !onlyDashes.test(textOf(tokens)));
    const last = filled[filled.length - 1];
    let trailing: InlineToken[] | null = null;
    if (filled.length > 1 && last !== undefined && run.parts[last[0]]?.isElement === true && attributionDash.test(textOf(last[1]))) {
      trailing = last[1];
      filled.pop();
    }
    const quoteTokens = filled.flatMap(([, tokens]) => [...tokens, separatorToken()]);
    push(blockFromTokens(file, run, quoteTokens, 'quote', { spans: 'never' }));
    if (trailing !== null) push(blockFromTokens(file, run, trailing, 'cite', { spans: 'never' }));
    for (const attribution of excluded.filter((element) => !isHidden(element))) emitInline(attribution.children ?? [], 'cite', { split: false, spans: 'never' });
  };

  const isQuoteFigure = (figure: HtmlNode): boolean => {
    const tags = elementsOf(figure).map(tagOf);
    return tags.includes('figcaption') && (tags.includes('blockquote') || tags.includes('p'));
  };

  const walkChildren = (nodes: readonly HtmlNode[], context: Context, runKind: BlockKind): void => {
    let run: HtmlNode[] = [];
    const flush = (): void => {
      if (run.length > 0) emitInline(run, runKind, { split: true, spans: 'chips' });
      run = [];
    };
    for (const node of nodes) {
      if (isInline(node)) run.push(node);
      else {
        flush();
        walkElement(node, context);
      }
    }
    flush();
  };

  const walkElement = (element: HtmlNode, outer: Context): void => {
    const tag = tagOf(element);
    if (skippedTags.has(tag) || isHidden(element)) return;
    if (tag === 'nav' || tag === 'footer' || (tag === 'header' && !outer.inSection)) return;
    const context: Context = { inSection: outer.inSection || sectioningTags.has(tag), depth: outer.depth + 1 };
    const children = element.children ?? [];
    if (context.depth > maxWalkDepth) {
      emitInline([element], 'line', { split: true, spans: 'never' });
      return;
    }
    const depth = headingDepths[tag];
    if (depth !== undefined) emitInline(children, 'heading', { split: false, spans: 'chips', depth });
    else if (tag === 'p' && !containers.has(element)) emitInline(children, 'paragraph', { split: true, spans: 'chips' });
    else if (tag === 'p') walkChildren(children, context, 'paragraph');
    else if (tag === 'li') {
      const nested = emitInline(children, 'listItem', {
        split: false,
        spans: 'parts',
        isExcluded: (inner) => listTags.has(tagOf(inner)),
      });
      for (const list of nested) walkElement(list, context);
    } else if (tag === 'blockquote' || (tag === 'figure' && isQuoteFigure(element))) emitQuote(element);
    else if (tag === 'table') emitTable(element, context);
    else if (tag === 'dl') emitDefinitions(element, context);
    else if (tag === 'tr') emitRow(elementsOf(element));
    else if (containers.has(element)) walkChildren(children, context, 'line');
    else emitInline(children, 'line', { split: true, spans: 'chips' });
  };

  const tag = tagOf(root);
  walkChildren(root.children ?? [], { inSection: sectioningTags.has(tag), depth: 0 }, 'line');
  return blocks;
}
