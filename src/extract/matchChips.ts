// Archetype chips and the "N appearances" chip: a block is a chip row when every piece of it is one.

import type { Block } from '../file/Block.js';
import type { PipelineConfig } from '../config/PipelineConfig.js';

export interface ChipRow {
  archetypes: string[];
  appearances: number | null;
}

const appearancesChip = /^(\d{1,5})\s*(?:appearances?|episodes?)$/i;
const separator = /^[\s,;|·•/]+/;

/** Split a piece into archetype names when it consists of nothing else. */
function archetypeRun(piece: string, names: readonly string[]): string[] | null {
  const found: string[] = [];
  // A text converter may underline a link by joining its words with `_` ("The_Growth_Architect").
  let rest = piece.trim().replace(/(?<=\p{L})_(?=\p{L})/gu, ' ');
  while (rest !== '') {
    const lower = rest.toLowerCase();
    // A chip ends where a word ends, or where a copy glued the next chip's capital to it ("The OperatorThe").
    const name = names.find((n) => lower.startsWith(n.toLowerCase()) && (!/[\p{L}\p{N}]/u.test(rest.charAt(n.length)) || (/\p{Ll}/u.test(rest.charAt(n.length - 1)) && /\p{Lu}/u.test(rest.charAt(n.length)))));
    if (name === undefined) return null;
    found.push(rest.slice(0, name.length));
    rest = rest.slice(name.length).replace(separator, '');
  }
  return found;
}

export function matchChips(block: Block, config: PipelineConfig): ChipRow | null {
  if (block.text.length > 300 || block.kind === 'heading') return null;
  const row: ChipRow = { archetypes: [], appearances: null };
  // Longest names first, so "The Growth Scientist" is not read as "The Growth" + junk.
  const names = [...config.archetypes].sort((a, b) => b.length - a.length);
  const pieces = block.spans?.map((s) => s.text) ?? [block.text];
  for (const piece of pieces) {
    const count = appearancesChip.exec(piece.trim());
    if (count !== null) {
      row.appearances = Number(count[1]);
      continue;
    }
    // A piece may also end with the appearances chip when markup did not keep them apart.
    const tail = /(?:\s|(?<=\p{L}))(\d{1,5})\s*(?:appearances?|episodes?)$/iu.exec(piece);
    const head = tail === null ? piece : piece.slice(0, tail.index);
    const run = archetypeRun(head, names);
    if (run === null || run.length === 0) return null;
    row.archetypes.push(...run);
    if (tail !== null) row.appearances = Number(tail[1]);
  }
  return row.archetypes.length > 0 || row.appearances !== null ? row : null;
}
