// TODO(normalizeHtml): placeholder until the Html normalizer lands.

import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';

export function normalizeHtml(_file: LeaderFile): Block[] {
  return [];
}
