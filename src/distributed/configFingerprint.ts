// The fingerprint of a run's pipeline options stored with each source (the embedded ingest's rule):
// the options as plain data, plus the lexicon file's themes when there are any.

import { createHash } from 'node:crypto';
import type { PipelineConfig, PipelineOptions } from '../config/PipelineConfig.js';

export function plainOptions(config: PipelineConfig): PipelineOptions {
  const { severityOf: _severityOf, ...options } = config;
  return options;
}

export function configFingerprint(config: PipelineConfig, lexiconFile: readonly string[]): string {
  const options = plainOptions(config);
  const fingerprint = lexiconFile.length === 0 ? options : { ...options, lexiconThemes: lexiconFile };
  return createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex');
}
