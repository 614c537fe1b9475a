// The fast reader's inline items and how they become phrasing nodes: emphasis delimiters paired the
// one way that is certain (anything else is null), and adjacent text joined into one text node.

import type { PhrasingContent, Root } from 'mdast';

/** A node's place in the source, as mdast nodes carry it. */
export type Position = NonNullable<Root['position']>;

/** Maps a document offset to an mdast position point. */
export type Locate = (start: number, end: number) => Position;

export interface TextItem {
  kind: 'text';
  value: string;
  start: number;
  end: number;
}
export interface DelimItem {
  kind: 'delim';
  marker: number;
  start: number;
  end: number;
  open: boolean;
  close: boolean;
}
export interface NodeItem {
  kind: 'node';
  node: PhrasingContent;
}
export interface BracketItem {
  kind: 'bracket';
  start: number;
}
export type Item = TextItem | DelimItem | NodeItem | BracketItem;

interface Frame {
  opener: DelimItem | null;
  children: (TextItem | NodeItem)[];
}

function literal(item: DelimItem, text: string): TextItem {
  return { kind: 'text', value: text.slice(item.start, item.end), start: item.start, end: item.end };
}

/**
 * Pairs emphasis delimiters and merges text. Only runs of one or two that either open or close, and
 * close the innermost open run of the same marker and size, are read; any other pairing is null.
 */
export function resolve(items: readonly Item[], text: string, locate: Locate): PhrasingContent[] | null {
  const stack: Frame[] = [{ opener: null, children: [] }];
  const top = (): Frame => stack[stack.length - 1] as Frame;
  for (const item of items) {
    if (item.kind === 'bracket') return null;
    if (item.kind !== 'delim') {
      top().children.push(item);
      continue;
    }
    const size = item.end - item.start;
    if (!item.open && !item.close) {
      top().children.push(literal(item, text));
      continue;
    }
    if ((item.open && item.close) || size > 2) return null;
    if (item.open) {
      stack.push({ opener: item, children: [] });
      continue;
    }
    if (!stack.some((frame) => frame.opener?.marker === item.marker)) {
      top().children.push(literal(item, text));
      continue;
    }
    const frame = top();
    const opener = frame.opener;
    if (opener === null || opener.marker !== item.marker || opener.end - opener.start !== size) return null;
    stack.pop();
    const children = merge(frame.children, locate);
    const node: PhrasingContent = { type: size === 2 ? 'strong' : 'emphasis', children, position: locate(opener.start, item.end) };
    top().children.push({ kind: 'node', node });
  }
  while (stack.length > 1) {
    const frame = stack.pop() as Frame;
    if (frame.opener !== null) top().children.push(literal(frame.opener, text));
    top().children.push(...frame.children);
  }
  return merge(top().children, locate);
}

/** Adjacent text items become one text node, as mdast-util-from-markdown joins them. */
function merge(items: readonly (TextItem | NodeItem)[], locate: Locate): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let text: TextItem | null = null;
  const flush = (): void => {
    if (text !== null) nodes.push({ type: 'text', value: text.value, position: locate(text.start, text.end) });
    text = null;
  };
  for (const item of items) {
    if (item.kind === 'node') {
      flush();
      nodes.push(item.node);
    } else if (text === null) text = { ...item };
    else text = { kind: 'text', value: text.value + item.value, start: text.start, end: item.end };
  }
  flush();
  return nodes;
}
