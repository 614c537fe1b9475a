// Typed helper for pipeline.config.ts files, and the merge of a user config over the defaults.

import { rules, type RuleId, type RuleInfo, type Severity } from '../diagnostics/rules.js';
import type { PipelineConfig, PipelineOptions, UserConfig } from './PipelineConfig.js';
import type { SectionKey } from '../sections/Section.js';

export function defineConfig<T extends UserConfig>(config: T): T {
  return config;
}

function mergeSections(defaults: PipelineOptions['sections'], overrides: UserConfig['sections'] = {}): PipelineOptions['sections'] {
  const merged = { ...defaults };
  for (const key of Object.keys(overrides) as SectionKey[]) merged[key] = { ...defaults[key], ...overrides[key] };
  return merged;
}

export function resolveConfig(defaults: PipelineOptions, overrides: UserConfig = {}): PipelineConfig {
  const options: PipelineOptions = {
    ...defaults,
    ...overrides,
    chrome: { ...defaults.chrome, ...overrides.chrome },
    sections: mergeSections(defaults.sections, overrides.sections),
    rules: { ...defaults.rules, ...overrides.rules },
    themes: { ...defaults.themes, ...overrides.themes },
  };
  return {
    ...options,
    severityOf(rule: RuleId): Severity | null {
      const info: RuleInfo = rules[rule];
      if (info.fixed !== undefined) return info.defaultSeverity;
      const setting = options.rules[rule];
      if (setting === 'off') return null;
      if (setting === 'warn') return 'warning';
      if (setting === 'error') return 'error';
      return rules[rule].defaultSeverity;
    },
  };
}
