// Text a converter wrote in capitals (html-to-text uppercases every heading: "AMI VORA", "CHIEF
// PRODUCT OFFICER AT FAIRE") has lost its case. The page's prose usually writes the same words in
// their own case ("Ami Vora shares …"): that spelling is taken. Otherwise each word is spelled as the
// prose spells it where that spelling has capitals of its own ("CEO", "OpenAI"), else title-cased,
// small words kept lower — a guess, which the extractor taking the value reports (case-restored).

const smallWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'de', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'van', 'von', 'with']);

/** Text with capitals only (at least four letters, no lower case): a candidate for restoring. */
export function isCapitals(text: string): boolean {
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 4;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `word` as the page writes it in prose, when that spelling carries capitals of its own ("CEO", "OpenAI", "Anthropic"). */
function proseSpelling(word: string, pageText: string): string | null {
  if (!/\p{L}/u.test(word)) return null;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'giu');
  for (const match of pageText.matchAll(pattern)) {
    const lineStart = pageText.lastIndexOf('\n', match.index) + 1;
    const lineEnd = pageText.indexOf('\n', match.index);
    const line = pageText.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    // Prose: its line has lower case; the spelling has a capital of its own.
    if (/\p{Ll}/u.test(line) && /\p{Lu}/u.test(match[0])) return match[0];
  }
  return null;
}

/** Word by word: the page's own spelling where it has one, else title case, small words lower. */
function titleCase(text: string, pageText: string): string {
  return text
    .split(' ')
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (i > 0 && smallWords.has(lower)) return lower;
      return proseSpelling(word, pageText) ?? lower.replace(/(^|[-'’(/])(\p{L})/gu, (_m, lead: string, letter: string) => lead + letter.toUpperCase());
    })
    .join(' ');
}

/** The case of `capitals` as `pageText` writes the same words elsewhere, or word by word (see titleCase). */
export function restoreCase(capitals: string, pageText: string): { text: string; from: 'prose' | 'title-case' } {
  const words = capitals.split(/\s+/).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  for (const match of pageText.matchAll(pattern)) {
    // Written with its own capitals, as a name or title is: "Ami Vora", not "group partner at …".
    if (/^\p{Lu}/u.test(match[0]) && /\p{Ll}/u.test(match[0])) return { text: match[0].replace(/\s+/g, ' '), from: 'prose' };
  }
  return { text: titleCase(capitals, pageText), from: 'title-case' };
}
