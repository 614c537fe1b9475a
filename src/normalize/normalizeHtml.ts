// HTML normalizer: parses the page with cheerio (parse5, with source offsets) and turns the content
// element — <main>, <article> or <body>, without navigation, scripts or site chrome — into blocks.

import { load } from 'cheerio';
import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';
import { capNesting } from './html/capNesting.js';
import { findContent } from './html/findContent.js';
import type { HtmlNode } from './html/HtmlNode.js';
import { walkBlocks } from './html/walkBlocks.js';

/** Real pages nest a few dozen elements deep; the parser turns quadratic far beyond that. */
const maxNesting = 256;

export function normalizeHtml(file: LeaderFile): Block[] {
  const $ = load(capNesting(file.text, maxNesting), { sourceCodeLocationInfo: true });
  const document = $.root()[0] as unknown as HtmlNode | undefined;
  if (document === undefined) return [];
  const { root, containers } = findContent(document);
  return walkBlocks(file, root, containers);
}
