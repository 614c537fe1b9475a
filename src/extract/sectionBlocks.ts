// The blocks of every section with a given key, in page order (a section may appear twice).

import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';
import type { Section, SectionKey } from '../sections/Section.js';

export function sectionsOf(file: LeaderFile, key: SectionKey | 'header'): Section[] {
  return file.sections.filter((s) => s.key === key);
}

export function sectionBlocks(file: LeaderFile, key: SectionKey | 'header'): Block[] {
  return sectionsOf(file, key).flatMap((s) => s.blocks);
}
