// TODO(normalizeText): placeholder until the Text normalizer lands.

import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';

export function normalizeText(_file: LeaderFile): Block[] {
  return [];
}
