// The built-in configuration: the project's pipeline.config.ts, resolved.

import defaults from '../../pipeline.config.js';
import { resolveConfig } from './defineConfig.js';
import type { PipelineConfig, PipelineOptions, UserConfig } from './PipelineConfig.js';

export const defaultOptions: PipelineOptions = defaults;

export function configWith(overrides: UserConfig = {}): PipelineConfig {
  return resolveConfig(defaultOptions, overrides);
}

export const defaultConfig: PipelineConfig = configWith();
