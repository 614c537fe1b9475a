// Extract stage: one extractor per part of the record, run in order over the sections.

import type { LeaderFile } from '../file/LeaderFile.js';
import type { Extractor } from './Extractor.js';
import { extractHeader } from './extractHeader.js';
import { extractDimensions } from './extractDimensions.js';
import { extractThemes } from './extractThemes.js';
import { extractSummary } from './extractSummary.js';
import { extractPrinciples } from './extractPrinciples.js';
import { extractQuotes } from './extractQuotes.js';

export const extractors: readonly Extractor[] = [
  extractHeader,
  extractDimensions,
  extractSummary,
  extractPrinciples,
  extractQuotes,
  extractThemes,
];

export function extractFields(file: LeaderFile): void {
  for (const extract of extractors) extract(file);
}
