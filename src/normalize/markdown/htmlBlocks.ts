// Raw HTML inside Markdown (left by converters that keep the markup they cannot express) is read by
// the HTML normalizer itself: parsed with the same parser, walked by the same block walker, with
// offsets mapped back into the Markdown file. Flow HTML (`html` block nodes) and phrasing content that
// mixes text with inline tags both go this way, so an HTML page and its Markdown copy cannot disagree.

import type { PhrasingContent } from 'mdast';
import type { Block } from '../../file/Block.js';
import type { LeaderFile } from '../../file/LeaderFile.js';
import { findFragmentContent } from '../html/findContent.js';
import type { HtmlNode } from '../html/HtmlNode.js';
import { parseHtml } from '../html/parseHtml.js';
import { reportUnclosed } from '../html/reportUnclosed.js';
import { walkBlocks } from '../html/walkBlocks.js';
import { phrasingElements } from './phrasingElements.js';

/**
 * Maps offsets in an `html` node's value to the file. The value is the node's source with container
 * prefixes (`> `, list indentation) removed from each line, so each value line is the end of its
 * source line; when that does not hold (tabs expanded), every offset maps to the node's start.
 */
export function fragmentOffsets(source: string, value: string, start: number, end: number): (offset: number) => number {
  if (source.slice(start, end) === value) return (offset) => start + offset;
  const valueStarts: number[] = [];
  const shifts: number[] = [];
  const valueLine = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  const sourceLine = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  sourceLine.lastIndex = start;
  for (let v = valueLine.exec(value); v !== null && v.index < value.length; v = valueLine.exec(value)) {
    const s = sourceLine.exec(source);
    const content = v[0].replace(/[\r\n]+$/, '');
    const sourceContent = s === null ? '' : s[0].replace(/[\r\n]+$/, '');
    if (s === null || s.index >= end || !sourceContent.endsWith(content)) return () => start;
    valueStarts.push(v.index);
    shifts.push(s.index + sourceContent.length - content.length - v.index);
    if (v[0] === '') break;
  }
  return (offset) => {
    let lo = 0;
    let hi = valueStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((valueStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return Math.min(end, offset + (shifts[lo] ?? start));
  };
}

/** Blocks of one flow `html` node, read as an HTML fragment. */
export function htmlBlocks(file: LeaderFile, value: string, start: number, end: number): Block[] {
  const fragment = parseHtml(value, fragmentOffsets(file.text, value, start, end));
  reportUnclosed(file, fragment);
  const { root, containers } = findFragmentContent(fragment);
  return walkBlocks(file, root, containers);
}

/** Whether phrasing content holds HTML other than line breaks (which Markdown reads itself). */
export function hasInlineHtml(nodes: readonly PhrasingContent[]): boolean {
  for (const node of nodes) {
    if (node.type === 'html' && !/^<\/?br\b/i.test(node.value)) return true;
    if ('children' in node && hasInlineHtml(node.children)) return true;
  }
  return false;
}

/**
 * Blocks of phrasing content with inline HTML, read as the element `tag` (p, h1–h6, li) holding it;
 * `paragraphs` are read as one element each inside it (a list item of several paragraphs).
 */
export function phrasingBlocks(file: LeaderFile, tag: string, paragraphs: readonly (readonly PhrasingContent[])[]): Block[] {
  const element: HtmlNode = { type: 'tag', name: tag, attribs: {}, children: [], parent: null };
  const fragment: HtmlNode = { type: 'root', children: [element], parent: null };
  element.parent = fragment;
  if (paragraphs.length === 1) {
    element.children = phrasingElements(paragraphs[0] ?? [], element);
  } else {
    for (const children of paragraphs) {
      const paragraph: HtmlNode = { type: 'tag', name: 'p', attribs: {}, children: [], parent: element };
      paragraph.children = phrasingElements(children, paragraph);
      element.children?.push(paragraph);
    }
  }
  reportUnclosed(file, fragment);
  const { root, containers } = findFragmentContent(fragment);
  return walkBlocks(file, root, containers);
}
