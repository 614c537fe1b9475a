// Template text learned from a whole batch, as web-extraction tools learn a site's template: lines
// that no field took on a page (chromeCandidates) and that repeat on many pages of the batch. Once the
// batch is seen, any field value that is such a line, or begins or ends with one, loses it (see
// applyLearnedChrome). The counts are bounded (lossy counting), so memory does not grow with the batch.

/** A line is template when at least this share of the batch's parsed pages, and this many, carry it outside any field. */
export const chromeShare = 0.05;
export const chromeMinPages = 3;
/** Distinct lines counted at most; past it, the rarest are dropped (they could never reach the share). */
const maxTracked = 100_000;

/** A learned template line (chromeKey form) and how many pages of the batch carried it. */
export interface LearnedChrome {
  key: string;
  pages: number;
}

export class BatchChrome {
  readonly #counts = new Map<string, number>();
  #pages = 0;
  #floor = 0;

  /** One parsed page's candidate lines (chromeKey form). */
  learn(candidates: readonly string[]): void {
    this.#pages++;
    for (const key of candidates) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    if (this.#counts.size > maxTracked) {
      this.#floor++;
      for (const [key, n] of this.#counts) if (n <= this.#floor) this.#counts.delete(key);
    }
  }

  /** Call once after the last `learn`: the learned lines with their page counts, longest first (so a longer line is stripped whole). */
  settle(): LearnedChrome[] {
    const least = Math.max(chromeMinPages, Math.ceil(chromeShare * this.#pages));
    const learned = [...this.#counts].filter(([, n]) => n >= least).map(([key, pages]) => ({ key, pages }));
    learned.sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : 1));
    this.#counts.clear();
    return learned;
  }
}
