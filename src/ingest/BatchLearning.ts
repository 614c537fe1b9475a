// What an ingest batch learns about key themes. The first pass splits every page with the starting
// lexicon (lexicon file + themes stored by earlier runs); it collects the themes that written pages
// listed with separators, and the paths of written pages whose themes were inferred. If both exist,
// those pages are split once more with the batch's themes added. Only paths and theme strings are kept.

import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import { ThemeLexicon } from '../themes/ThemeLexicon.js';

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
  readonly inferredPaths: string[] = [];
  readonly #taught = new Set<string>();
  #stored: readonly string[] | null = null;
  #startThemes: string[] | null = null;
  #start: ThemeLexicon | null = null;

  /** `loadStored` is called at most once, and only when a page is parsed: an unchanged re-run never pays for it. */
  constructor(
    private readonly fileThemes: readonly string[],
    private readonly loadStored: () => readonly string[],
  ) {}

  get startThemes(): string[] {
    this.#startThemes ??= lexiconThemes(this.fileThemes, this.#storedThemes());
    return this.#startThemes;
  }

  #storedThemes(): readonly string[] {
    this.#stored ??= this.loadStored();
    return this.#stored;
  }

  /** Notes a record written by the first pass; true when its themes were inferred (its result is provisional). */
  written(path: string, themes: readonly string[], diagnostics: readonly Diagnostic[]): boolean {
    if (diagnostics.some((d) => d.rule === 'themes-inferred')) {
      this.inferredPaths.push(path);
      return true;
    }
    this.#start ??= ThemeLexicon.from(this.startThemes);
    for (const theme of themes) {
      if (this.#taught.size >= lexiconLimit) break;
      if (!this.#start.has(theme)) this.#taught.add(theme);
    }
    return false;
  }

  /** The lexicon for a second pass over `inferredPaths`, or null when the batch taught nothing they could use. */
  secondPassThemes(): string[] | null {
    if (this.inferredPaths.length === 0 || this.#taught.size === 0) return null;
    return lexiconThemes(this.fileThemes, [...this.#storedThemes(), ...this.#taught]);
  }
}
