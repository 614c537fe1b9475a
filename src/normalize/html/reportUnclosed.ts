// An element that is never read (svg, script, template, a hidden element …) or a comment left open
// swallows everything after it: the parser reads the rest as its content, and it is dropped with it.
// That loss is reported (unclosed-markup) at the element, for HTML pages and HTML inside Markdown.

import { report, type LeaderFile } from '../../file/LeaderFile.js';
import type { HtmlNode } from './HtmlNode.js';
import { tagOf } from './HtmlNode.js';
import { isHidden } from './isHidden.js';
import { optionalEndTags, skippedTags, voidTags } from './htmlTags.js';

/** Swallowed text shorter than this is not worth a warning (`<svg>` around an icon's title). */
const minSwallowed = 1;

/** Whether the element's source ends with its own end tag (or `/>`), rather than being closed by something else. */
function closedInSource(source: string, element: HtmlNode, tag: string): boolean {
  const end = element.endIndex;
  if (typeof end !== 'number') return false;
  const tail = source.slice(Math.max(0, end + 1 - 40), end + 1).toLowerCase();
  return tail.endsWith('/>') || new RegExp(`</${tag}\\s*>$`).test(tail);
}

/** Visible characters of text inside a node (counting stops once past `enough`). */
function textInside(node: HtmlNode, enough: number): number {
  let count = 0;
  const stack: HtmlNode[] = [node];
  for (let current = stack.pop(); current !== undefined && count < enough; current = stack.pop()) {
    if (current.type === 'text' || current.type === 'comment') count += (current.data ?? '').replace(/\s+/g, '').length;
    for (const child of current.children ?? []) stack.push(child);
  }
  return count;
}

export function reportUnclosed(file: LeaderFile, root: HtmlNode): void {
  const stack: HtmlNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const tag = tagOf(node);
    const drops = tag !== '' && !voidTags.has(tag) && !optionalEndTags.has(tag) && (skippedTags.has(tag) || isHidden(node));
    if (drops && !closedInSource(file.text, node, tag)) {
      const swallowed = textInside(node, 10_000);
      if (swallowed >= minSwallowed) {
        const start = typeof node.startIndex === 'number' ? node.startIndex : 0;
        report(
          file,
          'unclosed-markup',
          `<${tag}> is never closed: ${swallowed >= 10_000 ? 'over 10,000' : swallowed} characters of text after it were read as part of it and left out`,
          file.lines.position(start, start + tag.length + 1),
        );
        continue;
      }
    }
    const end = node.endIndex;
    if (node.type === 'comment' && typeof end === 'number' && /\S/.test(node.data ?? '') && file.text.slice(end - 2, end + 1) !== '-->') {
      const start = typeof node.startIndex === 'number' ? node.startIndex : 0;
      report(file, 'unclosed-markup', 'A comment is never closed: the text after it was read as part of it and left out', file.lines.position(start, start + 4));
      continue;
    }
    for (const child of node.children ?? []) stack.push(child);
  }
}
