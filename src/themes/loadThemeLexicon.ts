// The starting lexicon of a run: the themes file named in the config (`themes.lexiconFile`), if any.

import { resolve } from 'node:path';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import { ThemeLexicon } from './ThemeLexicon.js';

export interface LoadedLexicon {
  lexicon: ThemeLexicon;
  /** Why the file could not be used, for the CLI to print as a warning; null when all is well. */
  problem: string | null;
}

export function loadThemeLexicon(config: PipelineConfig, cwd: string): LoadedLexicon {
  const file = config.themes.lexiconFile;
  if (file === null) return { lexicon: new ThemeLexicon(), problem: null };
  const { lexicon, problem } = ThemeLexicon.fromJsonFile(resolve(cwd, file));
  return { lexicon, problem: problem === null ? null : `themes.lexiconFile: ${problem}` };
}
