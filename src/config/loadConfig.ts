// Load a pipeline config file (.ts via tsx, or .js/.mjs) and merge it over the built-in defaults.
// Without --config, ./pipeline.config.ts (or .js/.mjs) in the working directory is used when present.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../cli/Command.js';
import { configWith, defaultConfig } from './defaultConfig.js';
import type { PipelineConfig, UserConfig } from './PipelineConfig.js';

const conventionalNames = ['pipeline.config.ts', 'pipeline.config.mjs', 'pipeline.config.js'];

async function importConfig(file: string): Promise<UserConfig> {
  const url = pathToFileURL(file).href;
  const loaded: unknown = file.endsWith('.ts') || file.endsWith('.mts')
    ? await (await import('tsx/esm/api')).tsImport(url, import.meta.url)
    : await import(url);
  const config = (loaded as { default?: unknown }).default;
  if (config === null || typeof config !== 'object') {
    throw new UsageError(`config ${file} has no default export object (use export default defineConfig({...})).`);
  }
  return config as UserConfig;
}

export async function loadConfig(explicit: string | undefined, cwd: string): Promise<PipelineConfig> {
  let file: string | undefined;
  if (explicit !== undefined) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new UsageError(`config file not found: ${explicit}`);
  } else {
    file = conventionalNames.map((name) => resolve(cwd, name)).find((candidate) => existsSync(candidate));
  }
  if (file === undefined) return defaultConfig;
  try {
    return configWith(await importConfig(file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot load config ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
