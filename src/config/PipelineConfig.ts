// The shape of pipeline.config.ts, and the resolved config every stage reads.

import type { RuleId, RuleSetting, Severity } from '../diagnostics/rules.js';
import type { SectionKey } from '../sections/Section.js';

export interface DimensionDefinition {
  /** Stable key written to records, e.g. "strategic-vision". */
  key: string;
  /** Display name written to records, e.g. "Strategic Vision". */
  name: string;
  /** Other spellings seen in pages (matched case-insensitively, `&` and "and" interchangeable). */
  aliases: string[];
}

export interface SectionDefinition {
  /** Heading texts that open this section (case-insensitive). */
  headings: string[];
  /** A record cannot be made without this section. */
  required: boolean;
}

export interface PipelineOptions {
  /** Files, folders or globs read by `ingest` and `validate` when none are given. */
  inputs: string[];
  /** Output folder for `ingest`. */
  out: string;
  /** Parser threads; 'auto' sizes the pool to the cores. */
  concurrency: number | 'auto';
  /** Files larger than this are rejected without being read whole. */
  maxFileBytes: number;
  sections: Record<SectionKey, SectionDefinition>;
  dimensions: DimensionDefinition[];
  archetypes: string[];
  /** Site chrome: lines that are navigation (ignored) and lines that start the footer (end of page). `*` matches anything. */
  chrome: { navigation: string[]; footer: string[] };
  /** Per-rule severity overrides. */
  rules: Partial<Record<RuleId, RuleSetting>>;
  themes: {
    /** A JSON file (array of theme strings) of known themes used to split run-together theme lines. */
    lexiconFile: string | null;
  };
}

/** What a pipeline.config file may set: any key; sections, chrome and themes merge key by key over the defaults. */
export type UserConfig = Partial<Omit<PipelineOptions, 'sections' | 'chrome' | 'themes'>> & {
  sections?: Partial<Record<SectionKey, Partial<SectionDefinition>>>;
  chrome?: Partial<PipelineOptions['chrome']>;
  themes?: Partial<PipelineOptions['themes']>;
};

export interface PipelineConfig extends PipelineOptions {
  /** Effective severity of a rule, or null when it is turned off. */
  severityOf(rule: RuleId): Severity | null;
}
