// What an ingest batch learns from all of its pages before any is written, in one place. Every page is
// parsed once, with the starting lexicon (lexicon file + themes stored by earlier runs). Pages come to
// `learn` in path order: the themes that pages listed with separators teach the batch lexicon, and pages
// whose themes were split by inference are held. Once the whole batch is seen, `settle` splits each
// held run again with the batch lexicon (no second read or parse; see LearnedBatch). Only theme strings,
// ids and paths are kept, so memory does not grow with page size. A distributed producer can drive the
// same steps.

import { isSafeLeaderId } from '../sinks/leaderJsonPath.js';
import { ThemeLexicon } from '../themes/ThemeLexicon.js';
import { BatchChrome } from './BatchChrome.js';
import { BatchIds } from './BatchIds.js';
import type { LearnedBatchData } from './LearnedBatch.js';
import type { PackedOutcome } from './ParseJob.js';

/** Lexicon file themes in file order, then every learned theme in code-unit order: one list per set of inputs. */
export function lexiconThemes(fileThemes: readonly string[], learned: Iterable<string>): string[] {
  return [...fileThemes, ...[...new Set(learned)].sort()];
}

/**
 * At most this many themes from earlier runs, and at most this many new ones from a batch, ride along:
 * the lexicon is copied to every worker, and must not grow with the number of pages ingested.
 */
export const lexiconLimit = 20_000;

export class BatchLearning {
  /** Which sources of the batch claim which id (first by path wins). */
  readonly ids = new BatchIds();
  /** Template lines the batch's pages carry outside any field. */
  readonly chrome = new BatchChrome();
  #held = 0;
  readonly #taught = new Set<string>();
  #stored: readonly string[] | null = null;
  #startThemes: string[] | null = null;
  #start: ThemeLexicon | null = null;

  /**
   * `loadStored` is called at most once, and only when a page is parsed: an unchanged re-run never pays for it.
   * `splitting` false (themes-inferred turned off) learns ids only: learning from separated themes is
   * sound only while inferred splits are marked as such.
   */
  constructor(
    private readonly fileThemes: readonly string[],
    private readonly loadStored: () => readonly string[],
    private readonly splitting = true,
  ) {}

  get startThemes(): string[] {
    if (!this.splitting) return [...this.fileThemes];
    this.#startThemes ??= lexiconThemes(this.fileThemes, this.#storedThemes());
    return this.#startThemes;
  }

  #storedThemes(): readonly string[] {
    this.#stored ??= this.loadStored();
    return this.#stored;
  }

  /** A source that is unchanged since the last run, still holding `id`. */
  unchanged(path: string, id: string | null): void {
    if (id !== null) this.ids.claim(id, path);
  }

  /** A parsed (or rejected) page, in path order. */
  learn(packed: Omit<PackedOutcome, 'line'>): void {
    if (packed.chrome !== null) this.chrome.learn(packed.chrome);
    if (packed.id === null) return;
    // Only a page that will be written teaches: a duplicate or an unusable id is rejected.
    const first = this.ids.claim(packed.id, packed.path);
    if (!first || !isSafeLeaderId(packed.id) || !this.splitting) return;
    if (packed.held) {
      this.#held++;
      return;
    }
    this.#start ??= ThemeLexicon.from(this.startThemes);
    for (const theme of packed.separatedThemes ?? []) {
      if (this.#taught.size >= lexiconLimit) break;
      if (!this.#start.has(theme)) this.#taught.add(theme);
    }
  }

  /** Call once, after the last `learn`: what the batch learned, to apply to each outcome before it is written. */
  settle(): LearnedBatchData {
    const chrome = this.chrome.settle();
    if (this.#held === 0 || this.#taught.size === 0) return { lexiconThemes: null, chrome };
    return { lexiconThemes: lexiconThemes(this.fileThemes, [...this.#storedThemes(), ...this.#taught]), chrome };
  }
}
