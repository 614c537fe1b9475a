// Splits a run of words into themes: the best-scoring segmentation by dynamic programming (words × themes),
// and how far ahead of its nearest rivals it is. Work is linear in the run; long runs drop the count prior.

import { priorWeights, themeCountCounts, themeLengthCounts, splitLimits } from './themeWeights.js';

export interface Segmentation {
  /** Token indices where each theme starts; the first is 0. */
  starts: number[];
  score: number;
  /** 0..1: how clearly this beats every nearby segmentation (moved, merged or split themes). */
  confidence: number;
}

/** The score of tokens [start, end) as one theme, excluding the count prior. */
export type ThemeScore = (start: number, end: number) => number;

const lengthTotal = themeLengthCounts.reduce((sum, count) => sum + count, 0);
const lengthLogPrior = themeLengthCounts.map((count) => (count > 0 ? Math.log(count / lengthTotal) : -Infinity));
const countTotal = Object.values(themeCountCounts).reduce((sum, count) => sum + count, 0);
const rareCount = Math.log(0.1 / countTotal);

export function lengthPrior(length: number): number {
  return priorWeights.length * (lengthLogPrior[length] ?? -Infinity);
}

export function countPrior(count: number): number {
  const seen = themeCountCounts[count];
  return priorWeights.count * (seen === undefined ? rareCount - count * 0.5 : Math.log(seen / countTotal));
}

/** Confidence falls off with a nearby rival's score deficit on this scale (log-odds). */
const confidenceScale = 1.5;

export function segmentRun(length: number, scoreTheme: ThemeScore): Segmentation {
  if (length <= 1) return { starts: [0], score: 0, confidence: 1 };
  const counted = length <= splitLimits.countedRunWords;
  const starts = counted ? bestCounted(length, scoreTheme) : bestUncounted(length, scoreTheme);
  const total = (candidate: readonly number[]): number => totalScore(candidate, length, scoreTheme, counted);
  const score = total(starts);
  // Past the counted size the run is not a themes line any more: no rival search, no confidence.
  if (!counted) return { starts, score, confidence: 0 };
  let confidence = 1;
  for (const rival of neighbours(starts, length)) {
    const deficit = score - total(rival);
    confidence *= 1 / (1 + Math.exp(-deficit / confidenceScale));
  }
  // Runs no segmentation scores finitely (tokens with no words) leave nothing to compare: unsure.
  return { starts, score, confidence: Number.isFinite(confidence) ? confidence : 0 };
}

function totalScore(starts: readonly number[], length: number, scoreTheme: ThemeScore, counted: boolean): number {
  let score = counted ? countPrior(starts.length) : 0;
  for (let i = 0; i < starts.length; i++) score += scoreTheme(starts[i] ?? 0, starts[i + 1] ?? length);
  return score;
}

/** best[k][j]: best score of the first j tokens as k themes. O(length × maxThemes × maxThemeWords). */
function bestCounted(length: number, scoreTheme: ThemeScore): number[] {
  const maxWords = splitLimits.maxThemeWords;
  const maxThemes = Math.min(length, 16);
  const best: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let k = 0; k <= maxThemes; k++) {
    best.push(new Float64Array(length + 1).fill(-Infinity));
    from.push(new Int32Array(length + 1).fill(-1));
  }
  (best[0] as Float64Array)[0] = 0;
  for (let k = 1; k <= maxThemes; k++) {
    const row = best[k] as Float64Array;
    const prevRow = best[k - 1] as Float64Array;
    const link = from[k] as Int32Array;
    for (let end = 1; end <= length; end++) {
      for (let start = Math.max(0, end - maxWords); start < end; start++) {
        const before = prevRow[start] ?? -Infinity;
        if (before === -Infinity) continue;
        const value = before + scoreTheme(start, end);
        if (value > (row[end] ?? -Infinity)) {
          row[end] = value;
          link[end] = start;
        }
      }
    }
  }
  let bestK = 1;
  let bestValue = -Infinity;
  for (let k = 1; k <= maxThemes; k++) {
    const value = ((best[k] as Float64Array)[length] ?? -Infinity) + countPrior(k);
    if (value > bestValue) {
      bestValue = value;
      bestK = k;
    }
  }
  if (bestValue === -Infinity) return bestUncounted(length, scoreTheme);
  const starts: number[] = [];
  for (let k = bestK, end = length; k > 0; k--) {
    const start = (from[k] as Int32Array)[end] ?? 0;
    starts.push(start);
    end = start;
  }
  return starts.reverse();
}

function bestUncounted(length: number, scoreTheme: ThemeScore): number[] {
  const maxWords = splitLimits.maxThemeWords;
  const best = new Float64Array(length + 1).fill(-Infinity);
  const from = new Int32Array(length + 1).fill(0);
  best[0] = 0;
  for (let end = 1; end <= length; end++) {
    for (let start = Math.max(0, end - maxWords); start < end; start++) {
      const value = (best[start] ?? 0) + scoreTheme(start, end);
      if (value > (best[end] ?? -Infinity)) {
        best[end] = value;
        from[end] = start;
      }
    }
  }
  const starts: number[] = [];
  for (let end = length; end > 0; end = from[end] ?? 0) starts.push(from[end] ?? 0);
  return starts.reverse();
}

/** Segmentations one edit away: a boundary moved by one or two words, two themes merged, one theme split. */
function* neighbours(starts: readonly number[], length: number): Generator<number[]> {
  for (let i = 1; i < starts.length; i++) {
    const at = starts[i] ?? 0;
    const low = starts[i - 1] ?? 0;
    const high = starts[i + 1] ?? length;
    for (const shift of [-2, -1, 1, 2]) {
      const moved = at + shift;
      if (moved > low && moved < high) yield [...starts.slice(0, i), moved, ...starts.slice(i + 1)];
    }
    yield [...starts.slice(0, i), ...starts.slice(i + 1)];
  }
  for (let i = 0; i < starts.length; i++) {
    const end = starts[i + 1] ?? length;
    for (let cut = (starts[i] ?? 0) + 1; cut < end; cut++) yield [...starts.slice(0, i + 1), cut, ...starts.slice(i + 1)];
  }
}
