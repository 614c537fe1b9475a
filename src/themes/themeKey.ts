// How theme text is compared: case, hyphens, curly apostrophes and stray punctuation never decide a match.

/** A lowercased word with nothing to straighten or drop: its own comparison form. */
const plainWord = /^[a-z0-9]+$/;

/** A word's comparison form: lowercase, curly apostrophes straightened, surrounding punctuation dropped. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  // Most words of a page are plain ASCII: tested, not passed through three replaces.
  if (plainWord.test(lower)) return lower;
  return lower
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '')
    .replace(/'$/, '');
}

/** Comparison words of a phrase: hyphens and slashes split words, so "disagree-and-commit" = "disagree and commit". */
export function phraseWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s\-\u2010\u2011/]+/)) {
    const key = wordKey(raw);
    if (key !== '') out.push(key);
  }
  return out;
}

/** The normalised lookup key of a theme: its comparison words joined by single spaces. */
export function themeKey(text: string): string {
  return phraseWords(text).join(' ');
}
