// The output formats of `leaderpages validate`, looked up by name.

import type { LintResult } from './LintResult.js';
import { formatGithub } from './formatGithub.js';
import { formatJson } from './formatJson.js';
import { formatStylish } from './formatStylish.js';

export interface FormatOptions {
  /** ANSI colours (stylish only): on a TTY, never when NO_COLOR is set. */
  color: boolean;
}

export type Formatter = (results: readonly LintResult[], options: FormatOptions) => string;

export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const formatNames = Object.keys(formatters) as FormatName[];
