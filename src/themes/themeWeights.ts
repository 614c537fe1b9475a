// The numbers behind run-together theme splitting. Gap weights are log-likelihood ratios for "a theme ends here",
// read off counts of word-level cues (not of any theme text); priors are counts of theme lengths and list sizes.

/** Words a theme does not end with ("input vs", "strategy for"): the next word belongs to the same theme. */
export const cannotEndWords: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'for', 'and', 'or', 'nor', 'vs', 'v', 'versus', 'to', 'with', 'without', 'in', 'on', 'at',
  'by', 'as', 'from', 'into', 'onto', 'over', 'under', 'through', 'than', 'like', 'between', 'about', 'across',
  'around', 'via', 'per', 'plus', 'is', 'are', 'was', 'be', 'your', 'my', 'our', 'their', 'its', 'his',
  'her', 'how', 'what', 'when', 'where', 'which', 'who', 'why', 'not', 'no', 'every', 'each', 'more', 'most',
  'very', 'too', 'so', 'if', 'whether', 'that', '&', '+', 'toward', 'towards',
  'beyond', 'within', 'among', 'against', 'during', 'after', 'before', 'behind', 'until', 'upon',
]);

/** Words a theme does not start with ("and commit", "vs output"): they continue the theme before them. */
export const cannotStartWords: ReadonlySet<string> = new Set([
  'and', 'or', 'nor', 'vs', 'v', 'versus', 'of', 'for', 'to', 'with', 'without', 'in', 'on', 'at', 'by', 'as',
  'from', 'into', 'onto', 'over', 'through', 'than', 'like', 'between', 'via', 'per', 'plus', 'is', 'are', 'was',
  'were', "isn't", "aren't", 'its', 'then', 'but', 'so', '&', '+', 'across', 'among', 'within', 'against', 'toward',
  'towards', 'upon', 'until',
]);

/** Words that open a clause-like theme ("when to pivot", "how to get press"). */
export const questionWords: ReadonlySet<string> = new Set(['how', 'when', 'what', 'where', 'which', 'why', 'who']);

/** Log-likelihood ratios (boundary : inside) for cues at the gap between two words of the run. */
export const gapWeights = {
  /** A function word on either side that forbids a break there. */
  forbidden: -12,
  /** The previous word ends in ":" or "," — a run without separators keeps those inside a theme. */
  innerPunctuation: -4,
  /** The two words stand together elsewhere in the same page (summary, principles, quotes, bio). */
  pageBigram: -3.5,
  pageBigramAbsent: 0.45,
  /** The two words stand together inside a known theme. */
  lexiconPair: -2.5,
  /** Known themes often end with the previous word / start with the next (scaled log-odds, clipped). */
  lexiconRole: 0.5,
  lexiconRoleClip: 3,
  /** Pseudo-count pulling a rarely seen word's role odds toward the lexicon's average. */
  lexiconRoleSmoothing: 4,
  nextQuestionWord: 1.9,
  nextCapitalised: 1.7,
  nextAcronym: 1.2,
  prevAcronym: -0.45,
  prevCapitalised: -0.6,
  nextHyphenated: 1.8,
  prevHyphenated: -1.5,
  nextGerund: 1.25,
  nextNotGerund: -0.17,
  prevPlural: 0.8,
  /** Participles and adjective endings ("latent", "operational", "empowered") tend to open a theme. */
  nextParticiple: 1.0,
  prevParticiple: -1.1,
  nextAdjectival: 0.6,
} as const;

/** Whole-theme cues. */
export const themeWeights = {
  /** The candidate is a known theme. */
  lexiconHit: 5,
  /** The candidate (two words or more) occurs as a phrase elsewhere in the page. */
  pagePhrase: 0,
} as const;

/** How strongly the length and count priors weigh against the word evidence. */
export const priorWeights = { length: 1, count: 1.5 };

/** Relative frequency of a theme's length in words (counted over profile pages); longer ones are rarer still. */
export const themeLengthCounts: readonly number[] = [0, 3, 29, 97, 94, 74, 23, 7, 3, 2, 1, 0.5, 0.3];

/** Relative frequency of the number of themes a page carries (profile pages carry six). */
export const themeCountCounts: Readonly<Record<number, number>> = { 1: 0.5, 2: 0.5, 3: 1, 4: 2.5, 5: 6, 6: 80, 7: 6, 8: 2.5, 9: 1, 10: 0.5 };

/** Work limits: past these, splitting stays linear and gives up the count prior. */
export const splitLimits = {
  maxThemeWords: themeLengthCounts.length - 1,
  /** Most words a run may have for the themes-count dynamic programme. */
  countedRunWords: 400,
  /** Most words a run may have to be segmented at all: past it, it is not a themes line but a wall of text. */
  inferredRunWords: 2_000,
  /** Most words of page text indexed as evidence. */
  pageWords: 50_000,
  /** Separated pieces longer than this many words are themselves run together. */
  maxSeparatedWords: 10,
} as const;
