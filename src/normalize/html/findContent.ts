// Finds the element holding the profile (first <main>, else <article>, else <body>) and marks every
// element that contains block-level content, in one pass without recursion.

import type { HtmlNode } from './HtmlNode.js';
import { tagOf } from './HtmlNode.js';
import { isHidden } from './isHidden.js';
import { blockTags, contentRootTags, skippedTags } from './htmlTags.js';

export interface PageContent {
  root: HtmlNode;
  /** Elements with at least one block-level element among their (visible) descendants. */
  containers: Set<HtmlNode>;
}

/** Elements with block-level content, from elements listed in document (pre-)order. */
function containersOf(order: readonly HtmlNode[]): Set<HtmlNode> {
  // Reverse pre-order visits children before their parents.
  const containers = new Set<HtmlNode>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const parent = node?.parent;
    if (node === undefined || parent === undefined || parent === null) continue;
    if (blockTags.has(tagOf(node)) || containers.has(node)) containers.add(parent);
  }
  return containers;
}

/** A fragment (HTML inside Markdown) is read whole: its root is the fragment itself. */
export function findFragmentContent(fragment: HtmlNode): PageContent {
  return { root: fragment, containers: findContent(fragment, false).containers };
}

export function findContent(document: HtmlNode, pickRoot = true): PageContent {
  const found = new Map<string, HtmlNode>();
  const order: HtmlNode[] = [];
  const stack: HtmlNode[] = [document];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const tag = tagOf(node);
    if (tag !== '') {
      if (skippedTags.has(tag) || isHidden(node)) continue;
      order.push(node);
      if (!found.has(tag)) found.set(tag, node);
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined && (child.children !== undefined || tagOf(child) !== '')) stack.push(child);
    }
  }

  const containers = containersOf(order);

  let root = document;
  for (const tag of pickRoot ? contentRootTags : []) {
    const element = found.get(tag);
    if (element !== undefined) {
      root = element;
      break;
    }
  }
  return { root, containers };
}
