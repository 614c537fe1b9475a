// Header extractor: name (and id), role, bio, archetype chips and appearances — the blocks
// before the first known section, with navigation already removed.

import type { Block } from '../file/Block.js';
import { report, type LeaderFile } from '../file/LeaderFile.js';
import { matchChips } from './matchChips.js';
import { sectionBlocks, sectionsOf } from './sectionBlocks.js';
import { chooseId } from './chooseId.js';
import { splitRole } from './splitRole.js';
import { chooseName, nameWithinTitle } from './chooseName.js';
import { phraseGoesOn } from '../text/textMarks.js';

const unsafeName = /[/\\<>|?*\u0000-\u001f]|\.\./;
const sentenceEnd = /[.!?…]$/;

function looksLikeRole(block: Block): boolean {
  return block.strong === true || (block.text.length <= 160 && !sentenceEnd.test(block.text));
}

/** Index of the last sentence-ending mark followed by a blank, or -1. */
function lastSentenceEnd(text: string): number {
  for (let at = text.length - 2; at > 0; at--) {
    if (text[at + 1] === ' ' && /[.!?]/.test(text[at]!)) return at;
  }
  return -1;
}

export function extractHeader(file: LeaderFile): void {
  const { fields, positions } = file.draft;
  fields.archetypes = [];
  fields.appearances = null;
  const content: Block[] = [];
  for (const whole of sectionBlocks(file, 'header')) {
    let block = whole;
    let chips = matchChips(block, file.config);
    if (chips === null && block.kind === 'paragraph') {
      // A hard-wrapped copy may run the chip row on from the bio: "… strategy. The OperatorThe Visionary".
      const end = lastSentenceEnd(block.text);
      const { spans: _pieces, ...plain } = block;
      const tail = end < 0 ? null : matchChips({ ...plain, text: block.text.slice(end + 1).trim() }, file.config);
      if (tail !== null) {
        content.push({ ...plain, text: block.text.slice(0, end + 1) });
        chips = tail;
      }
    }
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

  const choice = chooseName(file, content);
  if (choice.kind === 'missing') {
    const where = sectionsOf(file, 'dimensions')[0]?.heading?.position ?? file.blocks[0]?.position;
    report(file, 'missing-name', 'No leader name found before the first section (expected a title line such as "Bill Carr").', where, 'name');
    return;
  }
  const nameAt = choice.at;
  const nameBlock = content[nameAt]!;
  if (choice.kind === 'unconfirmed') {
    // No record is named after a menu: the name is left unset, so the record cannot validate.
    const shown = nameBlock.text.length > 60 ? `${nameBlock.text.slice(0, 57)}…` : nameBlock.text;
    report(file, 'name-unconfirmed', `"${shown}" does not hold up as the leader's name: ${choice.reason}.`, nameBlock.position, 'name');
    return;
  }
  if (choice.kind === 'guessed') {
    report(file, 'name-guessed', `Name "${nameBlock.text}" taken from a line that is not a title heading; ${choice.why}.`, nameBlock.position, 'name');
  }
  const within = nameWithinTitle(file, content, nameBlock.text);
  const name = within?.name ?? nameBlock.text;
  if (within !== null) {
    report(file, 'name-guessed', `Name "${name}" taken from the title "${nameBlock.text}"; "${within.rest}" read as a site's suffix or a label.`, nameBlock.position, 'name');
  }
  fields.name = name;
  fields.id = chooseId(name, file.path);
  positions['name'] = positions['id'] = nameBlock.position;
  reportCapitals(file, nameBlock, 'name');
  if (unsafeName.test(name)) {
    report(file, 'unsafe-name', `Name "${name}" contains path or control characters; its id is "${fields.id}".`, nameBlock.position, 'name');
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
    reportCapitals(file, first, 'role');
  }
  if (bioBlocks.length > 0) {
    fields.bio = bioBlocks.map((b) => b.text).join(' ');
    positions['bio'] = bioBlocks[0]!.position;
  }
  const runOn = fields.role === null && bioBlocks.length > 0 ? roleRunOn(file, bioBlocks[0]!) : null;
  if (runOn !== null) {
    fields.role = splitRole(runOn.role);
    fields.bio = [runOn.bio, ...bioBlocks.slice(1).map((b) => b.text)].join(' ');
    positions['role'] = runOn.at;
    report(file, 'role-guessed', `No role line stood apart under the name; took "${runOn.role}", the first line of the paragraph below it, as the role.`, runOn.at, 'role');
  }
}

/** A value taken from a heading a converter wrote in capitals: where its case came from. */
function reportCapitals(file: LeaderFile, block: Block, field: 'name' | 'role'): void {
  if (block.capitals === undefined) return;
  const how = block.capitals.from === 'prose' ? 'as the page writes it elsewhere' : 'by title case (the page writes it nowhere else: a guess)';
  report(file, 'case-restored', `The ${field} was written in capitals ("${block.capitals.written}"); its case was restored ${how}: "${block.text}".`, block.position, field);
}

/**
 * A copy without blank lines between paragraphs runs the role line into the bio: the paragraph's first
 * source line is role-shaped (short, no sentence end) and the next line opens a new sentence. Plain text
 * and Markdown only: HTML keeps its paragraphs apart.
 */
function roleRunOn(file: LeaderFile, block: Block): { role: string; bio: string; at: Block['position'] } | null {
  if (file.format === 'html' || block.kind !== 'paragraph' || block.position.start.line === block.position.end.line) return null;
  const start = block.position.start.offset;
  const lineAt = (from: number): { text: string; next: number } => {
    const end = file.text.indexOf('\n', from);
    return { text: file.text.slice(from, end < 0 ? undefined : end).replace(/\s+/g, ' ').trim(), next: end < 0 ? file.text.length : end + 1 };
  };
  // The role may itself wrap ("… (acquired by Facebook and" ⏎ "Discord)"): it runs on while a line
  // ends mid-phrase or the next opens in lower case.
  let role = '';
  let line = lineAt(start);
  for (let k = 0; ; k++) {
    if (line.text === '' || /[.!?:;,]$/.test(line.text) || /[.!?]\s/.test(line.text) || k === 3) return null;
    role = role === '' ? line.text : `${role} ${line.text}`;
    const following = lineAt(line.next);
    if (!phraseGoesOn.test(line.text) && !/^\p{Ll}/u.test(following.text)) break;
    line = following;
  }
  if (role.length < 3 || role.length > 160 || !block.text.startsWith(role)) return null;
  const bio = block.text.slice(role.length).trim();
  if (!/^\p{Lu}/u.test(bio)) return null;
  return { role, bio, at: file.lines.position(start, start + role.length) };
}
