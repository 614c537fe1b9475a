// The whole-batch theme step of a distributed run, after the first pass has drained: the embedded
// BatchLearning rule, read from the sink. Pages of this run whose theme split was inferred are parsed
// again with the themes the batch's other pages listed with separators — when there are both.

import { lexiconLimit, lexiconThemes } from '../ingest/BatchLearning.js';
import type { PgRunStore } from '../sinks/postgres/PgRunStore.js';
import { ThemeLexicon } from '../themes/ThemeLexicon.js';

export interface ThemePassInput {
  store: PgRunStore;
  run: number;
  /** Off when themes-inferred is turned off: inferred splits are then not marked, so nothing is learned. */
  learning: boolean;
  fileThemes: readonly string[];
  storedThemes: readonly string[];
  startLexicon: readonly string[];
  configSha256: string;
}

/** The second pass to run (its lexicon and paths), or null once provisional results are confirmed. */
export async function themePass(input: ThemePassInput): Promise<{ lexicon: string[]; paths: string[] } | null> {
  const { store, run } = input;
  if (!input.learning) return null;
  const paths = await store.provisionalPaths(run);
  if (paths.length > 0) {
    const start = ThemeLexicon.from(input.startLexicon);
    const taught = new Set<string>();
    for await (const theme of store.separatedThemesOfRun(run)) {
      if (taught.size >= lexiconLimit) break;
      if (!start.has(theme)) taught.add(theme);
    }
    if (taught.size > 0) return { lexicon: lexiconThemes(input.fileThemes, [...input.storedThemes, ...taught]), paths };
  }
  await store.confirmProvisional(run, input.configSha256);
  return null;
}
