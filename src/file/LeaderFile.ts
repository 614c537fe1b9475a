// The one object that flows through every stage (like vfile): source, decoded text,
// what each stage fills in, and the messages raised along the way.

import type { Block } from './Block.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import { rules, type RuleId, type RuleInfo } from '../diagnostics/rules.js';
import type { Position } from './Position.js';
import type { LeaderProfile, SourceFormat } from '../schema/LeaderProfile.js';
import type { Section } from '../sections/Section.js';
import type { Draft } from '../extract/Draft.js';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import { LineIndex } from './LineIndex.js';
import { ThemeLexicon } from '../themes/ThemeLexicon.js';

export interface LeaderFile {
  path: string;
  bytes: Uint8Array;
  config: PipelineConfig;
  /** Themes seen with separators before (this batch, earlier runs, the lexicon file); extraction adds to it. */
  lexicon: ThemeLexicon;
  /** Decoded text (BOM removed); positions are in this text. */
  text: string;
  lines: LineIndex;
  format: SourceFormat | null;
  blocks: Block[];
  sections: Section[];
  draft: Draft;
  record: LeaderProfile | null;
  messages: Diagnostic[];
  /** Set by a stage that found the file unusable; later stages do nothing. */
  fatal: boolean;
  /** A key-themes run split by inference, with the page text its split weighed: a batch may split it again. */
  themeRun?: ThemeRun;
}

export interface ThemeRun {
  run: string;
  pageText: string[];
}

export function createLeaderFile(path: string, bytes: Uint8Array, config: PipelineConfig, lexicon = new ThemeLexicon()): LeaderFile {
  return {
    path,
    bytes,
    config,
    lexicon,
    text: '',
    lines: new LineIndex(''),
    format: null,
    blocks: [],
    sections: [],
    draft: { fields: {}, positions: {} },
    record: null,
    messages: [],
    fatal: false,
  };
}

const wholeFile: Position = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

/**
 * Record a message at a position. Severity comes from the rule table unless the config overrides it;
 * a rule set to 'off' records nothing.
 */
export function report(
  file: LeaderFile,
  rule: RuleId,
  message: string,
  position: Position = wholeFile,
  path?: string,
): void {
  const { drops }: RuleInfo = rules[rule];
  const severity = file.config.severityOf(rule);
  if (severity === null) {
    // A value left out of the record is never left out in silence: the always-on rule speaks instead.
    if (drops !== undefined) report(file, 'value-dropped', `${message} (${rule} is off; ${drops}.)`, position, path);
    return;
  }
  const said = drops === undefined || severity === 'error' || /left out|ignored|is kept/i.test(message);
  const diagnostic: Diagnostic = {
    severity,
    rule,
    message: said ? message : `${message.replace(/\.?$/, '.')} ${drops.charAt(0).toUpperCase()}${drops.slice(1)}.`,
    line: position.start.line,
    column: position.start.column,
    endLine: position.end.line,
    endColumn: position.end.column,
  };
  if (path !== undefined) diagnostic.path = path;
  file.messages.push(diagnostic);
}
