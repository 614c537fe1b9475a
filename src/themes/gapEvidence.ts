// Evidence at each gap between two words of a run: a log-likelihood ratio that a theme ends there.

import type { PageEvidence } from './PageEvidence.js';
import type { ThemeLexicon } from './ThemeLexicon.js';
import { phraseWords, wordKey } from './themeKey.js';
import { cannotEndWords, cannotStartWords, gapWeights as w, questionWords } from './themeWeights.js';

/** One word of the run as written, with the comparison words it holds ("single-threaded" holds two). */
export interface RunToken {
  text: string;
  words: string[];
  /** The first and last comparison word, or the token itself for bare symbols such as "&". */
  head: string;
  tail: string;
}

export function toRunToken(text: string): RunToken {
  const words = phraseWords(text);
  const bare = wordKey(text) === '' ? text : '';
  return { text, words, head: words[0] ?? bare, tail: words.at(-1) ?? bare };
}

const capitalised = /^\p{Lu}\p{Ll}/u;
const acronym = /\p{Lu}.*\p{Lu}/u;
const participle = /^\p{L}{3,}ed$/u;
const adjectival = /^\p{L}{2,}(?:al|ive|ic|ous|ful|less|able|ible|ent|ant|ary)$|-(?:driven|based|led|first|minded|centered|centric)$/iu;

/** `gaps[i]` is the evidence for a theme ending after token i (the last entry is unused). */
export function gapEvidence(tokens: readonly RunToken[], page: PageEvidence, lexicon: ThemeLexicon): Float64Array {
  const gaps = new Float64Array(tokens.length);
  // An upper-cased or title-cased copy says nothing through capitals.
  const capitalCount = tokens.filter((token) => /^\p{Lu}/u.test(token.text)).length;
  const useCase = capitalCount * 2 <= tokens.length;
  const baseEnd = lexicon.wordCount > 0 ? lexicon.size / lexicon.wordCount : 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const prev = tokens[i] as RunToken;
    const next = tokens[i + 1] as RunToken;
    if (cannotEndWords.has(prev.tail) || cannotStartWords.has(next.head)) {
      gaps[i] = w.forbidden;
      continue;
    }
    let score = 0;
    if (/[,:]$/.test(prev.text)) score += w.innerPunctuation;
    score += page.hasPair(prev.tail, next.head) ? w.pageBigram : w.pageBigramAbsent;
    if (lexicon.hasInnerPair(prev.tail, next.head)) score += w.lexiconPair;
    if (baseEnd > 0) score += w.lexiconRole * (endOdds(lexicon, prev.tail, baseEnd, 'ends') + endOdds(lexicon, next.head, baseEnd, 'starts'));
    if (questionWords.has(next.head)) score += w.nextQuestionWord;
    if (useCase) {
      if (capitalised.test(next.text) && !/^\p{Lu}/u.test(prev.text)) score += w.nextCapitalised;
      if (acronym.test(next.text)) score += w.nextAcronym;
      if (acronym.test(prev.text)) score += w.prevAcronym;
      if (capitalised.test(prev.text) && /^\p{Ll}/u.test(next.text)) score += w.prevCapitalised;
    }
    if (next.words.length > 1 && next.text.includes('-')) score += w.nextHyphenated;
    if (prev.words.length > 1 && prev.text.includes('-')) score += w.prevHyphenated;
    score += next.head.length > 4 && next.head.endsWith('ing') ? w.nextGerund : w.nextNotGerund;
    if (prev.tail.length > 3 && /[^s]s$/.test(prev.tail)) score += w.prevPlural;
    if (participle.test(next.head)) score += w.nextParticiple;
    else if (adjectival.test(next.text)) score += w.nextAdjectival;
    if (participle.test(prev.tail)) score += w.prevParticiple;
    gaps[i] = score;
  }
  return gaps;
}

/** Log-odds that a word takes this role in known themes, against the lexicon's average, clipped. */
function endOdds(lexicon: ThemeLexicon, word: string, base: number, role: 'starts' | 'ends'): number {
  const seen = lexicon.roleOf(word);
  if (seen === undefined) return 0;
  const hits = seen[role];
  const prior = w.lexiconRoleSmoothing;
  const odds = Math.log((hits + prior * base) / (seen.seen - hits + prior * (1 - base))) - Math.log(base / (1 - base));
  return Math.max(-w.lexiconRoleClip, Math.min(w.lexiconRoleClip, odds));
}
