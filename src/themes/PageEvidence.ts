// What the rest of a page says about a themes run: which word pairs and phrases it uses, clause by clause.
// Built once per page; pairs never reach across punctuation, so "process, single-threaded" is not a pair.

import { phraseWords } from './themeKey.js';
import { splitLimits } from './themeWeights.js';

/** Plural and singular compare alike ("metric" in a quote supports "metrics" in a theme). */
export function stemWord(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export class PageEvidence {
  readonly #pairs = new Set<string>();
  readonly #phrases = new Set<string>();

  /** `runWords` (comparison words of the run) limits phrase indexing to phrases that could be its themes. */
  constructor(pageText: readonly string[], runWords: Iterable<string>) {
    const vocabulary = new Set([...runWords].map(stemWord));
    let budget: number = splitLimits.pageWords;
    for (const text of pageText) {
      if (budget <= 0) break;
      for (const clause of text.slice(0, budget * 12).split(/[.,;:!?()[\]{}"“”«»—–…|•·]+|\s-\s|'\s|\s'/)) {
        const words = phraseWords(clause).map(stemWord);
        budget -= words.length;
        this.#index(words, vocabulary);
      }
    }
  }

  hasPair(left: string, right: string): boolean {
    return this.#pairs.has(`${stemWord(left)} ${stemWord(right)}`);
  }

  /**
   * Whether these comparison words, each stemmed (stemWord) and joined by spaces, occur together and
   * in order within one clause of the page.
   */
  hasStemmedPhrase(stemmed: string): boolean {
    return this.#phrases.has(stemmed);
  }

  #index(words: readonly string[], runWords: ReadonlySet<string>): void {
    const longest = splitLimits.maxThemeWords + 4;
    for (let start = 0; start < words.length; start++) {
      const first = words[start] ?? '';
      if (start + 1 < words.length) this.#pairs.add(`${first} ${words[start + 1]}`);
      if (!runWords.has(first)) continue;
      let phrase = first;
      for (let end = start + 1; end < words.length && end - start < longest; end++) {
        const next = words[end] ?? '';
        if (!runWords.has(next)) break;
        phrase += ` ${next}`;
        this.#phrases.add(phrase);
      }
    }
  }
}
