// Flattens inline HTML content into positioned text tokens, without recursion (pages may nest deeply).
// Each top-level child becomes a "part" so chips, cells and glyph spans can be told apart later.

import type { HtmlNode } from './HtmlNode.js';
import { tagOf } from './HtmlNode.js';
import { blockTags, strongTags } from './htmlTags.js';

export interface InlineToken {
  /** Decoded text, or ' ' for a separator that markup implies (block edge, <br>, glued chips). */
  text: string;
  /** Source range of the text node (end exclusive); -1 for separators. */
  start: number;
  end: number;
  /** Index into the run's parts; -1 for separators. */
  part: number;
  /** Outermost <strong>/<b> and <cite> around the text, if any. */
  strong: HtmlNode | null;
  cite: HtmlNode | null;
  /** A <br> while lines are being split. */
  isBreak: boolean;
}

export interface InlinePart {
  node: HtmlNode;
  isElement: boolean;
}

export interface InlineRun {
  tokens: InlineToken[];
  parts: InlinePart[];
}

export interface CollectOptions {
  /** The decoded page the parser read, to check locations against. */
  source: string;
  splitBreaks: boolean;
  /** Whether an element is left out of the text (read by the caller instead). */
  isSkipped: (element: HtmlNode) => boolean;
  isExcluded?: (element: HtmlNode) => boolean;
  /** Receives excluded elements, in document order. */
  excluded?: HtmlNode[];
  strong?: HtmlNode | null;
  cite?: HtmlNode | null;
}

interface Frame {
  node: HtmlNode | null;
  part: number;
  strong: HtmlNode | null;
  cite: HtmlNode | null;
}

const separatorFrame: Frame = { node: null, part: -1, strong: null, cite: null };

export function separatorToken(): InlineToken {
  return { text: ' ', start: -1, end: -1, part: -1, strong: null, cite: null, isBreak: false };
}

/** A node's source range, end exclusive; [-1, -1] when the parser gave none. */
function sourceRange(node: HtmlNode): [number, number] {
  const start = node.startIndex ?? -1;
  return [start, start < 0 || node.endIndex === null || node.endIndex === undefined ? -1 : node.endIndex + 1];
}

const numberOf = (value: string | undefined): number | null => (value === undefined || value.trim() === '' || !Number.isFinite(Number(value)) ? null : Number(value));

function hasText(node: HtmlNode): boolean {
  return (node.children ?? []).some((child) => (child.type === 'text' ? (child.data ?? '').trim() !== '' : hasText(child)));
}

/**
 * A gauge that shows a value without writing it (`<meter value="80" max="100">`, `<progress>`, an
 * element with role="progressbar" and aria-valuenow): its value as the text "80%", as a reader of
 * the page sees it. A gauge that writes its value as text inside is read as that text.
 */
function gaugeText(node: HtmlNode): string | null {
  const tag = tagOf(node);
  const attribs = node.attribs ?? {};
  let value: number | null = null;
  let min = 0;
  let max = 100;
  if (tag === 'meter' || tag === 'progress') {
    value = numberOf(attribs['value']);
    min = tag === 'meter' ? (numberOf(attribs['min']) ?? 0) : 0;
    max = numberOf(attribs['max']) ?? 1;
  } else if (/^(?:progressbar|meter|slider)$/i.test(attribs['role'] ?? '')) {
    value = numberOf(attribs['aria-valuenow']);
    min = numberOf(attribs['aria-valuemin']) ?? 0;
    max = numberOf(attribs['aria-valuemax']) ?? 100;
  }
  if (value === null || max <= min || hasText(node)) return null;
  const percent = (100 * (value - min)) / (max - min);
  return `${Number.isInteger(percent) ? percent : Number(percent.toFixed(1))}%`;
}

export function collectInline(nodes: readonly HtmlNode[], options: CollectOptions): InlineRun {
  const parts: InlinePart[] = [];
  const top: Frame[] = [];
  let previousWasElement = false;
  for (const node of nodes) {
    if (node.type === 'text') {
      const last = parts[parts.length - 1];
      if (last === undefined || last.isElement) parts.push({ node, isElement: false });
      top.push({ node, part: parts.length - 1, strong: options.strong ?? null, cite: options.cite ?? null });
      previousWasElement = false;
    } else if (tagOf(node) !== '' && (options.isExcluded?.(node) === true || !options.isSkipped(node))) {
      // Chips written back to back (<a>A</a><a>B</a>) still read as separate words.
      if (previousWasElement) top.push(separatorFrame);
      parts.push({ node, isElement: true });
      top.push({ node, part: parts.length - 1, strong: options.strong ?? null, cite: options.cite ?? null });
      previousWasElement = true;
    }
  }

  const tokens: InlineToken[] = [];
  const stack: Frame[] = top.reverse();
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { node } = frame;
    if (node === null) {
      tokens.push(separatorToken());
      continue;
    }
    if (node.type === 'text') {
      const text = node.data ?? '';
      const [start, end] = sourceRange(node);
      tokens.push({
        text,
        start,
        end,
        part: frame.part,
        strong: frame.strong,
        cite: frame.cite,
        isBreak: false,
      });
      continue;
    }
    const tag = tagOf(node);
    if (tag === '') continue;
    // Exclusion first: a <footer> inside a quote is its attribution, not site chrome.
    if (options.isExcluded?.(node) === true) {
      options.excluded?.push(node);
      tokens.push(separatorToken());
      continue;
    }
    if (options.isSkipped(node)) continue;
    if (tag === 'br') {
      tokens.push(options.splitBreaks ? { ...separatorToken(), isBreak: true } : separatorToken());
      continue;
    }
    const shown = gaugeText(node);
    if (shown !== null) {
      const [start, end] = sourceRange(node);
      tokens.push(separatorToken(), { text: shown, start, end, part: frame.part, strong: frame.strong, cite: frame.cite, isBreak: false }, separatorToken());
      continue;
    }
    const strong = frame.strong ?? (strongTags.has(tag) ? node : null);
    const cite = frame.cite ?? (tag === 'cite' ? node : null);
    const block = blockTags.has(tag);
    if (block) stack.push(separatorFrame);
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push({ node: child, part: frame.part, strong, cite });
    }
    if (block) stack.push(separatorFrame);
  }
  return { tokens, parts };
}
