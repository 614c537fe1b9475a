// Last stage of a page: a record whose fields still hold U+FFFD (bytes no encoding could read) is not
// published. Each damaged field is reported at its first U+FFFD in the text, or at the field.

import { report, type LeaderFile } from '../file/LeaderFile.js';
import type { Position } from '../file/Position.js';

function* strings(value: unknown, path: string): Generator<[path: string, text: string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* strings(item, path === '' ? key : `${path}.${key}`);
  }
}

/** The position of the nearest located ancestor of a record path (`quotes[1].text` → `quotes[1]` → `quotes`). */
function locate(positions: Record<string, Position>, path: string): Position | undefined {
  for (let at = path; at !== ''; at = at.replace(/(?:\[\d+\]|\.[^.[]+|^[^.[]+)$/, '')) {
    const found = positions[at];
    if (found !== undefined) return found;
  }
  return undefined;
}

export function rejectReplacementCharacters(file: LeaderFile): void {
  if (file.record === null) return;
  const { source: _source, ...fields } = file.record;
  let damaged = false;
  for (const [path, text] of strings(fields, '')) {
    if (!text.includes('\uFFFD')) continue;
    damaged = true;
    const field = locate(file.draft.positions, path);
    const from = field?.start.offset ?? 0;
    const at = file.text.indexOf('\uFFFD', from);
    const where = at !== -1 && (field === undefined || at <= field.end.offset) ? file.lines.position(at, at + 1) : field;
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    report(file, 'replacement-character', `\`${path}\`: "${shown}" holds U+FFFD, a character the decoder could not read (see invalid-encoding); the record is not written.`, where, path);
  }
  if (damaged) file.record = null;
}
