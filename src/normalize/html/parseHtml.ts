// The one HTML parser: htmlparser2's tokenizer and DomHandler, with source offsets on every node.
// It builds no implied elements (no <tbody>, no <html>/<body> wrappers) and reopens no formatting
// elements, so it is a few times faster than a spec tree builder; walkBlocks reads both shapes.

import { DomHandler } from 'domhandler';
import { Parser } from 'htmlparser2';
import { capNesting } from './capNesting.js';
import type { HtmlNode } from './HtmlNode.js';

/** Real pages nest a few dozen elements deep; the parser's stack scans turn quadratic far beyond that. */
const maxNesting = 256;

/**
 * Parses `html` into a document node. Offsets index `html` itself, or, given `toSource`, the file
 * the HTML was cut from (HTML inside Markdown: `toSource` maps an offset in the fragment to the file).
 */
export function parseHtml(html: string, toSource?: (offset: number) => number): HtmlNode {
  const handler = new DomHandler(undefined, { withStartIndices: true, withEndIndices: true });
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(capNesting(html, maxNesting));
  const document = handler.root as unknown as HtmlNode;
  if (toSource !== undefined) {
    const stack: HtmlNode[] = [document];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (typeof node.startIndex === 'number') node.startIndex = toSource(node.startIndex);
      if (typeof node.endIndex === 'number') node.endIndex = toSource(node.endIndex);
      for (const child of node.children ?? []) stack.push(child);
    }
  }
  return document;
}
