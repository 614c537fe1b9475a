// A theme lexicon that does not grow: extraction offers it a page's separated themes and it ignores them,
// so a page's split never depends on which pages the same worker happened to parse before it.

import { ThemeLexicon } from '../themes/ThemeLexicon.js';

export class FixedThemeLexicon extends ThemeLexicon {
  #fixed = false;

  constructor(themes: Iterable<string>) {
    super();
    for (const theme of themes) super.add(theme);
    this.#fixed = true;
  }

  override add(theme: string): boolean {
    return this.#fixed ? false : super.add(theme);
  }
}
