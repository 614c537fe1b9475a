// Builds the HTML normalizer's node shape from Markdown phrasing content that mixes text with inline
// tags: text keeps its mdast offsets, emphasis and links become <strong>/<em>/<a>, and each inline
// tag opens or closes an element (attributes parsed by the one HTML parser, so hidden stays hidden).

import type { PhrasingContent } from 'mdast';
import type { HtmlNode } from '../html/HtmlNode.js';
import { tagOf } from '../html/HtmlNode.js';
import { voidTags } from '../html/htmlTags.js';
import { parseHtml } from '../html/parseHtml.js';
import { tagName } from './htmlTags.js';

/** Elements opened by inline tags past this depth are left out (their text is kept). */
const maxOpen = 64;

const markdownTags: Partial<Record<PhrasingContent['type'], string>> = {
  strong: 'strong',
  emphasis: 'em',
  delete: 'del',
  link: 'a',
  linkReference: 'a',
};

function element(name: string, parent: HtmlNode, attribs: Record<string, string> = {}): HtmlNode {
  return { type: 'tag', name, attribs, children: [], parent };
}

function text(data: string, start: number | undefined, end: number | undefined): HtmlNode {
  return { type: 'text', data, startIndex: start ?? null, endIndex: end === undefined ? null : end - 1, parent: null };
}

/** The element an inline start tag opens (name and attributes), or null for anything else. */
function openedElement(value: string, name: string, parent: HtmlNode): HtmlNode | null {
  // Only `hidden` and `style` change how an element is read; most inline tags carry neither.
  if (!/hidden|style/i.test(value)) return element(name, parent);
  const parsed = parseHtml(value).children?.find((node) => tagOf(node) !== '');
  if (parsed === undefined) return null;
  return element(tagOf(parsed), parent, parsed.attribs ?? {});
}

export function phrasingElements(nodes: readonly PhrasingContent[], parent: HtmlNode): HtmlNode[] {
  const stack: HtmlNode[] = [parent];
  /** Index in `stack` of the innermost Markdown element: inline end tags cannot close past it. */
  let floor = 0;
  const current = (): HtmlNode => stack[stack.length - 1] ?? parent;
  const add = (node: HtmlNode): void => {
    node.parent = current();
    current().children?.push(node);
  };

  const visit = (node: PhrasingContent): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'text':
        add(text(node.value, start, end));
        return;
      case 'inlineCode': {
        // Like <code>: its own part of the line, as an HTML page's code element is.
        const code = element('code', current());
        add(code);
        code.children?.push({ ...text(node.value, start, end), parent: code });
        return;
      }
      case 'break':
        add(element('br', current()));
        return;
      case 'html': {
        const name = tagName(node.value);
        if (name === null) return; // comments, declarations
        if (name.startsWith('/')) {
          for (let k = stack.length - 1; k > floor; k--) {
            const open = stack[k] ?? parent;
            if (tagOf(open) === name.slice(1)) {
              if (end !== undefined) open.endIndex = end - 1;
              stack.length = k;
              break;
            }
          }
          return;
        }
        const opened = openedElement(node.value, name, current());
        if (opened === null) return;
        opened.startIndex = start ?? null;
        if (end !== undefined && /\/\s*>$/.test(node.value)) opened.endIndex = end - 1;
        add(opened);
        if (!voidTags.has(name) && !/\/\s*>$/.test(node.value) && stack.length < maxOpen) stack.push(opened);
        return;
      }
      default:
        break;
    }
    const name = markdownTags[node.type];
    if (!('children' in node)) return;
    if (name === undefined) {
      for (const child of node.children) visit(child);
      return;
    }
    const wrapper = element(name, current());
    add(wrapper);
    const outerFloor = floor;
    const depth = stack.length;
    stack.push(wrapper);
    floor = depth;
    for (const child of node.children) visit(child);
    stack.length = depth;
    floor = outerFloor;
  };

  for (const node of nodes) visit(node);
  return parent.children ?? [];
}
