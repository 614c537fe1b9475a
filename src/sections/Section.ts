// A page section: a known heading (or the header before the first one) and the blocks under it.

import type { Block } from '../file/Block.js';

export type SectionKey = 'dimensions' | 'themes' | 'summary' | 'principles' | 'quotes';

export interface Section {
  /** `header` is everything before the first recognised section heading. */
  key: SectionKey | 'header';
  heading: Block | null;
  blocks: Block[];
}
