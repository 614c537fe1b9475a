// HTML normalizer: parses the page (htmlparser2, with source offsets) and turns the content
// element — <main>, <article> or <body>, without navigation, scripts or site chrome — into blocks.

import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';
import { findContent } from './html/findContent.js';
import { parseHtml } from './html/parseHtml.js';
import { reportUnclosed } from './html/reportUnclosed.js';
import { walkBlocks } from './html/walkBlocks.js';

export function normalizeHtml(file: LeaderFile): Block[] {
  const document = parseHtml(file.text);
  reportUnclosed(file, document);
  const { root, containers } = findContent(document);
  return walkBlocks(file, root, containers);
}
