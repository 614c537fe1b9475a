// Themes already seen with separators (earlier pages, earlier runs, a lexicon file), used to split run-together lines.
// Besides whole-theme lookups it keeps which words start and end known themes: that generalises to new themes.

import { readFileSync } from 'node:fs';
import { phraseWords, themeKey } from './themeKey.js';

interface WordRole {
  starts: number;
  ends: number;
  seen: number;
}

export class ThemeLexicon {
  readonly #display = new Map<string, string>();
  readonly #roles = new Map<string, WordRole>();
  readonly #innerPairs = new Set<string>();
  #words = 0;

  static from(themes: Iterable<string>): ThemeLexicon {
    const lexicon = new ThemeLexicon();
    for (const theme of themes) lexicon.add(theme);
    return lexicon;
  }

  /** Reads a JSON array of theme strings; anything else yields an empty lexicon and a problem text. */
  static fromJsonFile(path: string): { lexicon: ThemeLexicon; problem: string | null } {
    try {
      return ThemeLexicon.fromJson(readFileSync(path, 'utf8'));
    } catch (error) {
      return { lexicon: new ThemeLexicon(), problem: `cannot read ${path}: ${(error as Error).message}` };
    }
  }

  static fromJson(text: string): { lexicon: ThemeLexicon; problem: string | null } {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { lexicon: new ThemeLexicon(), problem: `not JSON: ${(error as Error).message}` };
    }
    if (!Array.isArray(data)) return { lexicon: new ThemeLexicon(), problem: 'expected a JSON array of theme strings' };
    const strings = data.filter((item): item is string => typeof item === 'string');
    const skipped = data.length - strings.length;
    return { lexicon: ThemeLexicon.from(strings), problem: skipped > 0 ? `${skipped} entries are not strings and were skipped` : null };
  }

  get size(): number {
    return this.#display.size;
  }

  /** Words over all known themes (with `size`, the share of words that start or end a theme). */
  get wordCount(): number {
    return this.#words;
  }

  /** Adds a theme; the first display form of a key is kept. Returns false for blank or repeated themes. */
  add(theme: string): boolean {
    const display = theme.replace(/\s+/g, ' ').trim();
    const words = phraseWords(display);
    const key = words.join(' ');
    if (key === '' || this.#display.has(key)) return false;
    this.#display.set(key, display);
    this.#words += words.length;
    words.forEach((word, index) => {
      const role = this.#roles.get(word) ?? { starts: 0, ends: 0, seen: 0 };
      role.seen += 1;
      if (index === 0) role.starts += 1;
      if (index === words.length - 1) role.ends += 1;
      this.#roles.set(word, role);
      if (index > 0) this.#innerPairs.add(`${words[index - 1]} ${word}`);
    });
    return true;
  }

  has(theme: string): boolean {
    return this.#display.has(themeKey(theme));
  }

  /** The display form stored for a theme, or undefined. */
  get(theme: string): string | undefined {
    return this.#display.get(themeKey(theme));
  }

  hasKey(key: string): boolean {
    return this.#display.has(key);
  }

  /** How often a comparison word was seen in known themes, and how often as their first and last word. */
  roleOf(word: string): Readonly<WordRole> | undefined {
    return this.#roles.get(word);
  }

  /** Whether two comparison words stand next to each other inside some known theme. */
  hasInnerPair(left: string, right: string): boolean {
    return this.#innerPairs.has(`${left} ${right}`);
  }

  themes(): string[] {
    return [...this.#display.values()];
  }

  toJSON(): string[] {
    return this.themes();
  }
}
