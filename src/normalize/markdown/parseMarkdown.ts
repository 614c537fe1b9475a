// The one Markdown parser: CommonMark plus GFM tables, positions as mdast points.
// Only the table extension of GFM: autolink literals and the rest never change a field, and cost a third of parse time.
// remark-parse is the reference reader; the fast reader answers first when it reads a stretch with certainty.

import type { Nodes, Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { parseMarkdownFast } from './fastMarkdown.js';

function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTable).freeze();

/** A link destination a converter hard-wrapped (`[Leaders](/pm-⏎genome/leaders)`): no blank in either piece. */
const wrappedDestination = /\]\(([^()\s<>]+)(\n[ \t]*)([^()\s<>]+)\)/g;

/**
 * CommonMark allows no line break in a link destination, so a converter that wraps lines inside one
 * (html2text breaks at a URL's hyphens) leaves `[label](/pm-` … `genome/x)` as literal text. The break
 * is moved after the closing parenthesis: the same length, the same lines, every offset outside the
 * destination unchanged, and the link is a link again.
 */
export function rejoinWrappedDestinations(text: string): string {
  if (!text.includes('](')) return text;
  return text.replace(wrappedDestination, (_all, head: string, gap: string, tail: string) => `](${head}${tail})${gap}`);
}

/** Which readers parseMarkdown may use; tests turn the fast one off to compare against remark-parse alone. */
export const markdownReaders = { fast: true };

/** The fast reader's tree, or null when it does not read the stretch (or trips over it). */
function readFast(text: string, start: number, end: number): Root | null {
  try {
    return parseMarkdownFast(text, start, end);
  } catch {
    return null;
  }
}

/** Parses `text.slice(start, end)`; node offsets are into the whole `text` (line/column are not kept in step). */
export function parseMarkdown(source: string, start = 0, end = source.length): Root {
  const text = rejoinWrappedDestinations(source);
  const fast = markdownReaders.fast ? readFast(text, start, end) : null;
  if (fast !== null) return fast;
  const whole = start === 0 && end === text.length;
  const tree = processor.parse(whole ? text : text.slice(start, end));
  if (start === 0) return tree;
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const { position } = node;
    if (position !== undefined) {
      node.position = {
        start: { ...position.start, offset: (position.start.offset ?? 0) + start },
        end: { ...position.end, offset: (position.end.offset ?? 0) + start },
      };
    }
    if ('children' in node && Array.isArray(node.children)) stack.push(...(node.children as Nodes[]));
  }
  return tree;
}
