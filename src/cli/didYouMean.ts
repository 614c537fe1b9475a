// "Did you mean …?" for a misspelled command, flag or config key: the nearest known name by edit distance.

/** Damerau–Levenshtein (optimal string alignment) distance: a swap of two neighbours counts once. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** A candidate that starts the word or that the word starts, else the closest within a third of the word's length (at least 1, at most 3 edits), or null. */
export function closestName(word: string, candidates: Iterable<string>): string | null {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    // 'warning' for 'warn', 'concurrent' for 'concurrency': one is the start of the other.
    if (Math.min(lower.length, other.length) >= 3 && (lower.startsWith(other) || other.startsWith(lower))) return candidate;
    const distance = editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** ` Did you mean 'x'?` or '' — ready to append to an error message. */
export function didYouMean(word: string, candidates: Iterable<string>, quote = (s: string) => `'${s}'`): string {
  const match = closestName(word, candidates);
  return match === null ? '' : ` Did you mean ${quote(match)}?`;
}
