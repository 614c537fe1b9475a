// Header extractor: name (and id), role, bio, archetype chips and appearances — the blocks
// before the first known section, with navigation already removed.

import type { Block } from '../file/Block.js';
import { report, type LeaderFile } from '../file/LeaderFile.js';
import { matchChips } from './matchChips.js';
import { sectionBlocks, sectionsOf } from './sectionBlocks.js';
import { chooseId } from './chooseId.js';
import { splitRole } from './splitRole.js';

const unsafeName = /[/\\<>|?*\u0000-\u001f]|\.\./;
const sentenceEnd = /[.!?…]$/;

/** A name is short; a sentence (a bio where the name should be) is not one. "Jr." and "Dr." still are. */
function looksLikeName(block: Block): boolean {
  const words = block.text.split(' ').length;
  return block.text.length <= 100 && words <= 8 && !(words > 4 && sentenceEnd.test(block.text));
}

function looksLikeRole(block: Block): boolean {
  return block.strong === true || (block.text.length <= 160 && !sentenceEnd.test(block.text));
}

export function extractHeader(file: LeaderFile): void {
  const { fields, positions } = file.draft;
  fields.archetypes = [];
  fields.appearances = null;
  const content: Block[] = [];
  for (const block of sectionBlocks(file, 'header')) {
    const chips = matchChips(block, file.config);
    if (chips === null) {
      content.push(block);
      continue;
    }
    for (const archetype of chips.archetypes) {
      positions[`archetypes[${fields.archetypes.length}]`] = block.position;
      fields.archetypes.push(archetype);
    }
    if (chips.appearances !== null) {
      fields.appearances = chips.appearances;
      positions['appearances'] = block.position;
    }
  }

  const nameAt = Math.max(0, content.findIndex((b) => b.kind === 'heading' && b.depth === 1));
  const nameBlock = content[nameAt];
  if (nameBlock === undefined || !looksLikeName(nameBlock)) {
    const where = nameBlock?.position ?? sectionsOf(file, 'dimensions')[0]?.heading?.position ?? file.blocks[0]?.position;
    report(file, 'missing-name', 'No leader name found before the first section (expected a title line such as "Bill Carr").', where, 'name');
    return;
  }
  fields.name = nameBlock.text;
  fields.id = chooseId(nameBlock.text, file.path);
  positions['name'] = positions['id'] = nameBlock.position;
  if (unsafeName.test(nameBlock.text)) {
    report(file, 'unsafe-name', `Name "${nameBlock.text}" contains path or control characters; its id is "${fields.id}".`, nameBlock.position, 'name');
  }

  const rest = content.slice(nameAt + 1);
  const [first, ...others] = rest;
  fields.role = null;
  fields.bio = null;
  if (first === undefined) return;
  const bioBlocks = others.length > 0 || looksLikeRole(first) ? others : rest;
  if (bioBlocks !== rest) {
    fields.role = splitRole(first.text);
    positions['role'] = first.position;
  }
  if (bioBlocks.length > 0) {
    fields.bio = bioBlocks.map((b) => b.text).join(' ');
    positions['bio'] = bioBlocks[0]!.position;
  }
}
