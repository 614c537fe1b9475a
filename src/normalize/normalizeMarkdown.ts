// TODO(normalizeMarkdown): placeholder until the Markdown normalizer lands.

import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';

export function normalizeMarkdown(_file: LeaderFile): Block[] {
  return [];
}
