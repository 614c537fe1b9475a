// Words of a page's prose, asked for one by one (see chooseName): a word is a run of letters, marks,
// digits and apostrophes, as wordsOf splits text.

/** A word is a run of letters, marks, digits and apostrophes. */
const wordChar = /[\p{L}\p{M}\p{N}'’]/u;

export function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}'’]+/u).filter((w) => w !== '');
}

/**
 * The words of a text, asked one at a time: the same answers as a set of its wordsOf, without
 * splitting it (chooseName asks for the few words of a page's name candidates in all its prose;
 * splitting that prose into a set was a twentieth of a page's parse).
 */
export class ProseWords {
  constructor(private readonly text: string) {}

  /** The prose has no word at all. */
  get empty(): boolean {
    return !wordChar.test(this.text);
  }

  /** `word` (a whole word, as wordsOf gives) stands in the prose as a whole word. */
  has(word: string): boolean {
    const { text } = this;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      if (!isWordCharBefore(text, at) && !isWordCharAt(text, at + word.length)) return true;
    }
    return false;
  }
}

/** A word character starting at `lastIndex`, and one ending a text (a surrogate pair counts as one). */
const wordCharAt = /[\p{L}\p{M}\p{N}'’]/uy;
const wordCharAtEnd = /[\p{L}\p{M}\p{N}'’]$/u;

function isWordCharAt(text: string, at: number): boolean {
  wordCharAt.lastIndex = at;
  return wordCharAt.test(text);
}

function isWordCharBefore(text: string, at: number): boolean {
  // Two code units are enough to hold the character before, whether or not it is a surrogate pair.
  return wordCharAtEnd.test(text.slice(Math.max(0, at - 2), at));
}
