// Normalize stage: one normalizer per source format, each producing the same positioned block list.

import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';
import type { SourceFormat } from '../schema/LeaderProfile.js';
import { flagMarkupInText } from './flagMarkupInText.js';
import { normalizeHtml } from './normalizeHtml.js';
import { normalizeMarkdown } from './normalizeMarkdown.js';
import { normalizeText } from './normalizeText.js';

export type Normalizer = (file: LeaderFile) => Block[];

export const normalizers: Record<SourceFormat, Normalizer> = {
  html: normalizeHtml,
  markdown: normalizeMarkdown,
  text: normalizeText,
};

export function normalizeBlocks(file: LeaderFile): void {
  file.blocks = normalizers[file.format ?? 'text'](file);
  flagMarkupInText(file);
}
