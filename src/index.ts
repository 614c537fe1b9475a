// The public API of leaderpages. Only re-exports; a test pins the sorted list of names.

export { parseDocument, runStages, stages } from './pipeline/parseDocument.js';
export type { ParseInput, ParseResult } from './pipeline/parseDocument.js';
export type { Stage } from './pipeline/Stage.js';
export { createLeaderFile, report } from './file/LeaderFile.js';
export type { LeaderFile } from './file/LeaderFile.js';
export type { Block, BlockKind, Span } from './file/Block.js';
export type { Point, Position } from './file/Position.js';
export type { Diagnostic } from './diagnostics/Diagnostic.js';
export { rules, ruleIds } from './diagnostics/rules.js';
export type { RuleId, RuleInfo, RuleSetting, Severity } from './diagnostics/rules.js';
export { defineConfig, resolveConfig } from './config/defineConfig.js';
export { defaultConfig, configWith } from './config/defaultConfig.js';
export { loadConfig } from './config/loadConfig.js';
export type { PipelineConfig, PipelineOptions, UserConfig, DimensionDefinition, SectionDefinition } from './config/PipelineConfig.js';
export { LeaderProfile, DimensionScore, Quote, Role, Source, RECORD_VERSION, sourceFormats } from './schema/LeaderProfile.js';
export type { SourceFormat } from './schema/LeaderProfile.js';
export type { Section, SectionKey } from './sections/Section.js';
export { PARSER_VERSION } from './version.js';
export { ThemeLexicon } from './themes/ThemeLexicon.js';
export { splitThemes } from './themes/splitThemes.js';
export type { ThemeContext, ThemeSplit } from './themes/splitThemes.js';
export { loadThemeLexicon } from './themes/loadThemeLexicon.js';
export { toJsonSchema } from './schema/toJsonSchema.js';
export { runIngest } from './ingest/runIngest.js';
export type { IngestOptions, IngestSummary } from './ingest/runIngest.js';
export { openDatabase } from './sinks/openDatabase.js';
export type { LeaderDatabase } from './sinks/openDatabase.js';
