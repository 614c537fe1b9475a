// Dimension extractor: each row of the profile becomes { key, name, score } with the key and
// name from the catalogue; bad scores, duplicates and unknown names become located diagnostics.

import type { Block } from '../file/Block.js';
import { report, type LeaderFile } from '../file/LeaderFile.js';
import type { Position } from '../file/Position.js';
import type { DimensionDefinition } from '../config/PipelineConfig.js';
import type { DimensionScore } from '../schema/LeaderProfile.js';
import { headingKey } from '../sections/matchSectionHeading.js';
import { parseScoreLines } from './parseScoreLine.js';
import { sectionBlocks, sectionsOf } from './sectionBlocks.js';

const catalogues = new WeakMap<readonly DimensionDefinition[], Map<string, DimensionDefinition>>();

/** The dimension catalogue by normalised name, key and alias. */
export function dimensionCatalogue(dimensions: readonly DimensionDefinition[]): Map<string, DimensionDefinition> {
  let table = catalogues.get(dimensions);
  if (table === undefined) {
    table = new Map();
    for (const d of dimensions) {
      for (const alias of [d.name, d.key, ...d.aliases]) table.set(headingKey(alias), d);
    }
    catalogues.set(dimensions, table);
  }
  return table;
}

/** Where the score token sits in the source, falling back to the whole block. */
function locateToken(file: LeaderFile, block: Block, token: string): Position {
  const { start, end } = block.position;
  const at = file.text.slice(start.offset, end.offset).lastIndexOf(token);
  return at < 0 ? block.position : file.lines.position(start.offset + at, start.offset + at + token.length);
}

export function extractDimensions(file: LeaderFile): void {
  const { fields, positions } = file.draft;
  const table = dimensionCatalogue(file.config.dimensions);
  const found: DimensionScore[] = [];
  /** Keys whose rows were present, even when their score was rejected. */
  const seen = new Set<string>();
  let label: { text: string; block: Block } | null = null;

  const add = (name: string, nameBlock: Block, token: string, scoreBlock: Block): void => {
    const where = locateToken(file, scoreBlock, token);
    const path = `dimensions[${found.length}]`;
    let definition = table.get(headingKey(name));
    // A table's header cells run into its first row ("DimensionScore Strategic Vision80%"): one
    // word of text, then a known name. The name is taken, and what was dropped is said.
    const words = name.split(' ');
    const tail = definition === undefined && words.length >= 2 ? table.get(headingKey(words.slice(1).join(' '))) : undefined;
    if (tail !== undefined) {
      definition = tail;
      report(file, 'dimension-label-trimmed', `"${words[0]}" before the dimension "${tail.name}" was dropped (a table header run into the first row?).`, nameBlock.position, `${path}.name`);
    }
    if (definition === undefined) {
      report(file, 'unknown-dimension', `Unknown dimension "${name}"; it is left out of the record.`, nameBlock.position);
      return;
    }
    if (seen.has(definition.key)) {
      report(file, 'duplicate-dimension', `Dimension "${definition.name}" appears more than once; the first is kept.`, nameBlock.position, path);
      return;
    }
    seen.add(definition.key);
    const number = token.replace('−', '-');
    if (!/^[+-]?\d+$/.test(number)) {
      report(file, 'malformed-percentage', `\`${path}.score\`: "${token}%" is not a whole-number percentage.`, where, `${path}.score`);
      return;
    }
    const score = Number(number);
    if (score < 0 || score > 100) {
      report(file, 'percentage-out-of-range', `\`${path}.score\`: ${score} is ${score > 100 ? 'over 100' : 'below 0'}.`, where, `${path}.score`);
      return;
    }
    positions[path] = nameBlock.position;
    positions[`${path}.score`] = where;
    found.push({ key: definition.key, name: definition.name, score });
  };

  for (const block of sectionBlocks(file, 'dimensions')) {
    for (const line of parseScoreLines(block)) {
      if (line.token === null) {
        // A name on its own line, its score on the next (browser copies); a table header row is neither.
        label = block.kind === 'row' && !table.has(headingKey(line.label)) ? null : { text: line.label, block };
        continue;
      }
      if (line.label === '') {
        if (label !== null) add(label.text, label.block, line.token, block);
        else report(file, 'malformed-percentage', `Score "${line.token}%" has no dimension name.`, block.position);
      } else {
        add(line.label, block, line.token, block);
      }
      label = null;
    }
  }

  fields.dimensions = found;
  const section = sectionsOf(file, 'dimensions')[0];
  if (section === undefined) return;
  if (found.length === 0) {
    if (!file.messages.some((m) => m.severity === 'error')) {
      report(file, 'missing-section', 'The Dimension Profile has no dimension scores.', section.heading?.position, 'dimensions');
    }
    return;
  }
  for (const definition of file.config.dimensions) {
    if (!seen.has(definition.key)) {
      report(file, 'missing-dimension', `Dimension "${definition.name}" is missing from the profile.`, section.heading?.position, 'dimensions');
    }
  }
}
