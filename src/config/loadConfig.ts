// Load a pipeline config file, check it (every problem with its key path), and merge it over the
// built-in defaults. Without --config, ./pipeline.config.{ts,mts,cts,js,mjs,cjs} is used when present.

import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UsageError } from '../cli/Command.js';
import { configWith, defaultConfig } from './defaultConfig.js';
import { configExtensions } from './importConfigFile.js';
import type { PipelineConfig, UserConfig } from './PipelineConfig.js';

/** A config that does not load or does not pass the schema: the CLI prints it and exits 2. */
export class ConfigError extends UsageError {}

export async function loadConfig(explicit: string | undefined, cwd: string): Promise<PipelineConfig> {
  let file: string | undefined;
  if (explicit !== undefined) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${explicit}`);
  } else {
    file = configExtensions.map((extension) => resolve(cwd, `pipeline.config${extension}`)).find((candidate) => existsSync(candidate));
  }
  if (file === undefined) return defaultConfig;
  const shown = explicit ?? relative(cwd, file);
  const [{ importConfigFile }, { validateConfig }] = await Promise.all([import('./importConfigFile.js'), import('./validateConfig.js')]);
  let loaded: unknown;
  try {
    loaded = await importConfigFile(file);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /\b(module|require|exports) is not defined in ES module scope/.test(message)
      ? ` (the nearest package.json says "type": "module", so a .js config is an ES module: use export default, or rename it .cjs)`
      : '';
    throw new ConfigError(`cannot load config ${shown}: ${message}${hint}`);
  }
  if (loaded === null || typeof loaded !== 'object' || Array.isArray(loaded)) {
    throw new ConfigError(`config ${shown} has no default export object (use export default defineConfig({ ... }) or module.exports = { ... }).`);
  }
  const { config, problems } = validateConfig(loaded);
  if (config === null) {
    const lines = problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new ConfigError(`invalid config ${shown} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
  }
  // A key set to undefined means "not set", not "set to nothing".
  const given = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
  return configWith(given as UserConfig);
}
