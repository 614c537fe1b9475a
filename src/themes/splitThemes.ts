// Splits a key-themes line into themes. Separated lists come out exactly; a run of words without separators
// is segmented by inference and flagged (inferred: true) with a confidence, so the caller can warn.

import { PageEvidence, stemWord } from './PageEvidence.js';
import type { ThemeLexicon } from './ThemeLexicon.js';
import { gapEvidence, toRunToken } from './gapEvidence.js';
import { lengthPrior, segmentRun } from './segmentRun.js';
import { splitSeparated } from './splitSeparated.js';
import { splitLimits, themeWeights } from './themeWeights.js';

export interface ThemeSplit {
  themes: string[];
  /** True when the split was guessed from a run without separators: emit `themes-inferred`. */
  inferred: boolean;
  /** 0..1: how sure the split is (1 for separated lists). */
  confidence: number;
}

export interface ThemeContext {
  /** The rest of the same page: bio, summary, principles, quotes and their contexts. */
  pageText: string[];
  /** Themes seen with separators before (this batch, earlier runs, the configured lexicon file). */
  lexicon: ThemeLexicon;
}

export function splitThemes(run: string, context: ThemeContext): ThemeSplit {
  try {
    return splitOrInfer(run, context);
  } catch {
    // Splitting must never stop a page; an unexpected fault degrades to "one theme, unsure".
    const folded = String(run).replace(/\s+/g, ' ').trim();
    return { themes: folded === '' ? [] : [folded], inferred: folded.includes(' '), confidence: 0 };
  }
}

function splitOrInfer(run: string, context: ThemeContext): ThemeSplit {
  const separated = splitSeparated(run);
  if (separated === null) return inferThemes(run.replace(/\s+/g, ' ').trim(), context);
  const split: ThemeSplit = { themes: [], inferred: false, confidence: 1 };
  for (const piece of separated.pieces) {
    // A piece with separators around it can still hold several themes run together.
    const inner = piece.split(' ').length > splitLimits.maxSeparatedWords ? inferThemes(piece, context) : { themes: [piece], inferred: false, confidence: 1 };
    split.themes.push(...inner.themes);
    split.inferred ||= inner.inferred;
    split.confidence = Math.min(split.confidence, inner.confidence);
  }
  return split;
}

function inferThemes(text: string, context: ThemeContext): ThemeSplit {
  if (text === '') return { themes: [], inferred: false, confidence: 1 };
  const { lexicon } = context;
  const tokens = text.split(' ').map(toRunToken);
  if (tokens.length === 1 || lexicon.has(text)) return { themes: [text], inferred: false, confidence: 1 };
  // Flagged, unsplit: segmenting a wall of text would cost seconds and mean nothing.
  if (tokens.length > splitLimits.inferredRunWords) return { themes: [text], inferred: true, confidence: 0 };
  const page = new PageEvidence(context.pageText, tokens.flatMap((token) => token.words));
  const gaps = gapEvidence(tokens, page, lexicon);
  // The segmenter asks for the same (start, end) spans many times over; score each once.
  const span = tokens.length + 1;
  const memo = new Map<number, number>();
  const scoreTheme = (start: number, end: number): number => {
    const key = start * span + end;
    let score = memo.get(key);
    if (score === undefined) {
      score = scoreSpan(start, end);
      memo.set(key, score);
    }
    return score;
  };
  // Each token's comparison words as the lexicon and the page index key them, joined once: a span's
  // keys are these, joined (tokens without words add nothing), not its words gathered and joined again.
  const keys = tokens.map((token) => token.words.join(' '));
  const stems = tokens.map((token) => token.words.map(stemWord).join(' '));
  const scoreSpan = (start: number, end: number): number => {
    let key = '';
    let stem = '';
    for (let i = start; i < end; i++) {
      if (keys[i] === '') continue;
      key = key === '' ? keys[i]! : `${key} ${keys[i]}`;
      stem = stem === '' ? stems[i]! : `${stem} ${stems[i]}`;
    }
    let score = lengthPrior(end - start) + (end < tokens.length ? (gaps[end - 1] ?? 0) : 0);
    if (lexicon.hasKey(key)) score += themeWeights.lexiconHit;
    if (end - start > 1 && page.hasStemmedPhrase(stem)) score += themeWeights.pagePhrase;
    return score;
  };
  const best = segmentRun(tokens.length, scoreTheme);
  const themes = best.starts.map((start, i) =>
    tokens
      .slice(start, best.starts[i + 1] ?? tokens.length)
      .map((token) => token.text)
      .join(' '),
  );
  return { themes, inferred: true, confidence: Math.round(best.confidence * 1000) / 1000 };
}
