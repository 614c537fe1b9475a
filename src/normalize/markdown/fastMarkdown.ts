// A fast reader for the Markdown leader pages are written in: ATX and setext headings, paragraphs,
// bullet and ordered lists, blockquotes, thematic breaks and GFM pipe tables, with the inline subset of
// fastInline. It builds the tree remark-parse would, positions included, or returns null for anything
// it does not read with certainty (HTML, code, definitions, tabs, ambiguous laziness …); the caller then
// asks remark-parse. The block structure follows CommonMark's container algorithm, line by line.

import type { Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { atxHeading, isSetextUnderline, isThematicBreak, listMarker, nonspace, splitLines, unsafeLazyStart, type Line } from './fastBlockStarts.js';
import { parseInline, type InlineSource, type Locate, type Position } from './fastInline.js';
import { looksLikeDelimiterRow, readTable } from './fastTable.js';

type Point = Position['start'];

/** An open container and the lines it spans, for positions and `spread`. */
interface Container {
  node: Root | Blockquote | List | ListItem;
  parent: Container | null;
  /** Offset where the node starts. */
  start: number;
  first: number;
  last: number;
  /** Columns a list item's content is indented, relative to its parent's content. */
  indent: number;
  /** Bullet or delimiter of a list. */
  marker: string;
  blanks: number[];
  children: Container[];
}

interface OpenParagraph {
  parent: Container;
  /** Content start of each line, and its line. */
  starts: number[];
  lines: Line[];
}

/** Tabs (columns), NUL (micromark replaces it) and byte-order marks (micromark drops a leading one). */
const unsupported = /[\t\0\uFEFF]/;

/** The mdast tree of `text.slice(start, end)` as parseMarkdown gives it (offsets into `text`), or null when not read here. */
export function parseMarkdownFast(text: string, start = 0, end = text.length): Root | null {
  if (unsupported.test(text.slice(start, end))) return null;
  const lines = splitLines(text, start, end);
  const locate: Locate = (from, to) => ({ start: point(from), end: point(to) });
  const point = (offset: number): Point => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lines[mid] as Line).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lines[lo] as Line).start + 1, offset };
  };
  let lineIndex = 0;

  const root: Root = { type: 'root', children: [] };
  const rootContainer: Container = { node: root, parent: null, start, first: 0, last: 0, indent: 0, marker: '', blanks: [], children: [] };
  const stack: Container[] = [rootContainer];
  let paragraph: OpenParagraph | null = null;

  const open = (node: Blockquote | List | ListItem, at: number, indent = 0, marker = ''): Container => {
    const parent = stack[stack.length - 1] as Container;
    const container: Container = { node, parent, start: at, first: lineIndex, last: lineIndex, indent, marker, blanks: [], children: [] };
    (parent.node.children as RootContent[]).push(node);
    parent.children.push(container);
    stack.push(container);
    return container;
  };
  /**
   * Closes the containers above `depth`. A list or quote closed inside a quote that goes on gets an end
   * from micromark that reaches into the next line's prefix; those are remark's (false).
   */
  const closeAbove = (depth: number): boolean => {
    const quoted = stack.slice(1, depth + 1).some((container) => container.node.type === 'blockquote');
    if (quoted && stack.slice(depth + 1).some((container) => container.node.type !== 'listItem')) return false;
    stack.length = depth + 1;
    return true;
  };
  /** A list holds only items: any other block closes the lists it would land in. */
  const closeLists = (): boolean => {
    let depth = stack.length - 1;
    while ((stack[depth] as Container).node.type === 'list') depth--;
    return closeAbove(depth);
  };
  const add = (node: RootContent): boolean => {
    if (!closeLists()) return false;
    ((stack[stack.length - 1] as Container).node.children as RootContent[]).push(node);
    return true;
  };
  const inlineOf = (starts: readonly number[], spans: readonly Line[]): PhrasingContent[] | null => {
    const source: InlineSource = { text: '', lineStarts: [], docStarts: [] };
    spans.forEach((line, k) => {
      const from = starts[k] as number;
      let to = line.end;
      if (k === spans.length - 1) while (to > from && text.charCodeAt(to - 1) === 32) to--;
      source.lineStarts.push(source.text.length);
      source.docStarts.push(from);
      source.text += text.slice(from, k === spans.length - 1 ? to : line.next);
    });
    return parseInline(source, locate);
  };
  /** Closes the open paragraph; false when its content is not read here. */
  const closeParagraph = (): boolean => {
    if (paragraph === null) return true;
    const { parent, starts, lines: spans } = paragraph;
    paragraph = null;
    const raw = spans.map((line, k) => text.slice(starts[k], line.end)).join('\n');
    // A paragraph may open with link reference definitions; those are remark's.
    if (raw.includes(']:')) return false;
    const children = inlineOf(starts, spans);
    if (children === null) return false;
    const node: Paragraph = { type: 'paragraph', children, position: locate(starts[0] as number, (spans[spans.length - 1] as Line).end) };
    (parent.node.children as RootContent[]).push(node);
    return true;
  };
  const closeUnmatched = (matched: number): boolean => {
    if (stack.length - 1 > matched && !closeParagraph()) return false;
    return closeAbove(matched);
  };

  for (; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex] as Line;
    let at = line.start;
    let matched = 0;
    for (let depth = 1; depth < stack.length; depth++) {
      const container = stack[depth] as Container;
      const first = nonspace(text, at, line.end);
      if (container.node.type === 'blockquote') {
        if (first - at > 3 || text.charCodeAt(first) !== 62) break;
        at = text.charCodeAt(first + 1) === 32 ? first + 2 : first + 1;
      } else if (container.node.type === 'listItem') {
        if (first === line.end) at = first;
        else if (first - at >= container.indent) at += container.indent;
        else break;
      }
      matched = depth;
    }
    const allMatched = matched === stack.length - 1;
    // micromark judges every container this line opens as interrupting the paragraph open before it.
    const interrupts = paragraph !== null;
    let opened = false;
    let done = false;
    let first = nonspace(text, at, line.end);
    while (first < line.end) {
      if (first - at >= 4) {
        if (paragraph !== null && allMatched && !opened) break;
        return null;
      }
      const c = text.charCodeAt(first);
      if (c === 62 /* > */) {
        if (!closeUnmatched(matched) || !closeParagraph() || !closeLists()) return null;
        open({ type: 'blockquote', children: [] }, first);
        at = text.charCodeAt(first + 1) === 32 ? first + 2 : first + 1;
        matched = stack.length - 1;
        opened = true;
        first = nonspace(text, at, line.end);
        continue;
      }
      if ((c === 96 || c === 126) && text.charCodeAt(first + 1) === c && text.charCodeAt(first + 2) === c) return null;
      if (c === 60 /* < */ && /[A-Za-z/!?]/.test(text[first + 1] ?? '')) return null;
      const heading = c === 35 ? atxHeading(text, first, line.end) : null;
      if (heading !== null) {
        if (!closeUnmatched(matched) || !closeParagraph()) return null;
        const children = inlineOf([heading[1]], [{ start: heading[1], end: heading[2], next: heading[2] }]);
        if (children === null) return null;
        if (!add({ type: 'heading', depth: heading[0] as Heading['depth'], children, position: locate(first, line.end) })) return null;
        done = true;
        break;
      }
      const underline = paragraph !== null && allMatched && !opened ? isSetextUnderline(text, first, line.end) : null;
      if (underline !== null && paragraph !== null) {
        const { parent, starts, lines: spans } = paragraph;
        paragraph = null;
        const children = spans.some((span, k) => text.slice(starts[k], span.end).includes(']:')) ? null : inlineOf(starts, spans);
        if (children === null) return null;
        (parent.node.children as RootContent[]).push({ type: 'heading', depth: underline, children, position: locate(starts[0] as number, line.end) });
        done = true;
        break;
      }
      if (isThematicBreak(text, first, line.end)) {
        if (!closeUnmatched(matched) || !closeParagraph()) return null;
        if (!add({ type: 'thematicBreak', position: locate(first, line.end) })) return null;
        done = true;
        break;
      }
      const marker = listMarker(text, first, line.end);
      if (marker === 'unsupported') return null;
      if (marker === null) break;
      if (!closeUnmatched(matched) || !closeParagraph()) return null;
      let list = stack[stack.length - 1] as Container;
      if (list.node.type === 'list' && (list.marker !== marker.marker || list.node.ordered !== marker.ordered)) {
        if (!closeAbove(stack.length - 2)) return null;
        list = stack[stack.length - 1] as Container;
      }
      // A new ordered list interrupts a paragraph only from 1; leave the other case to remark.
      if (list.node.type !== 'list' && interrupts && marker.ordered && marker.start !== 1) return null;
      if (list.node.type !== 'list') open({ type: 'list', ordered: marker.ordered, start: marker.start, spread: false, children: [] }, first, 0, marker.marker);
      open({ type: 'listItem', spread: false, checked: null, children: [] }, first, marker.content - at);
      at = marker.content;
      matched = stack.length - 1;
      opened = true;
      first = marker.content;
    }
    if (done) {
      for (const container of stack) container.last = lineIndex;
      continue;
    }
    if (first === line.end) {
      // A blank line: it closes what did not continue, and is remembered for `spread`.
      if (!closeUnmatched(matched) || !closeParagraph()) return null;
      // The line is blank inside the innermost quote (`>` alone), not to the containers around it.
      let quoted = 0;
      stack.forEach((container, depth) => {
        if (container.node.type === 'blockquote') quoted = depth;
      });
      stack.forEach((container, depth) => {
        if (depth > quoted) container.blanks.push(lineIndex);
        else if (depth > 0) container.last = lineIndex;
      });
      continue;
    }
    if (looksLikeDelimiterRow(text, first, line.end)) return null;
    if (!allMatched && !opened && paragraph !== null) {
      if (unsafeLazyStart.test(text.slice(first, first + 11))) return null;
    } else {
      if (!closeUnmatched(matched) || !closeLists()) return null;
      const next = lines[lineIndex + 1];
      if (next !== undefined && looksLikeDelimiterRow(text, nonspace(text, next.start, next.end), next.end)) {
        // A table's header row: read at the top level only, and not after indentation.
        if (stack.length !== 1 || first - at >= 4) return null;
        if (!closeParagraph()) return null;
        const table = readTable(text, lines, lineIndex, first, locate);
        if (table === null) return null;
        root.children.push(table.node);
        lineIndex = table.last;
        continue;
      }
    }
    if (paragraph === null) paragraph = { parent: stack[stack.length - 1] as Container, starts: [], lines: [] };
    paragraph.starts.push(first);
    paragraph.lines.push(line);
    for (const container of stack) container.last = lineIndex;
  }
  if (!closeParagraph()) return null;
  if (!finish(rootContainer, lines, locate)) return null;
  root.position = locate(start, end);
  return root;
}

/** Positions and `spread` of the containers, from the lines they span; false for an empty blockquote (remark ends it oddly). */
function finish(container: Container, lines: readonly Line[], locate: Locate): boolean {
  if (!container.children.every((child) => finish(child, lines, locate))) return false;
  const { node } = container;
  if (node.type === 'root') return true;
  if (node.type === 'blockquote' && node.children.length === 0) return false;
  const within = (line: number, spans: readonly Container[]): boolean => spans.some((span) => span.first <= line && line <= span.last);
  if (node.type === 'list') {
    const items = container.children;
    const lastItem = items[items.length - 1] as Container;
    // Inside a quote, a list that went on over `>` lines after its last item ends on them in micromark.
    if (quoted(container) && container.blanks.some((line) => line > lastItem.last)) return false;
    container.last = lastItem.last;
    node.spread = container.blanks.some((line) => line < lastItem.first && !within(line, items));
  } else if (node.type === 'listItem') {
    node.spread = container.blanks.some((line) => line < container.last && !within(line, container.children));
  }
  node.position = locate(container.start, (lines[container.last] as Line).end);
  return true;
}

function quoted(container: Container): boolean {
  for (let up = container.parent; up !== null; up = up.parent) if (up.node.type === 'blockquote') return true;
  return false;
}
