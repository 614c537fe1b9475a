// Which header block is the leader's name. Markup says so with a title heading; plain copies of a page
// start with whatever the site put above the name (menus, breadcrumbs, banners), so there the name is
// the first line shaped like a person's name that the rest of the page speaks of.

import type { Block } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';
import { sectionBlocks } from './sectionBlocks.js';
import { ProseWords, wordsOf } from './ProseWords.js';

export type NameChoice =
  /** A title heading, or the first line of a page without markup: where a name belongs. */
  | { kind: 'title'; at: number }
  /** A later line, after skipping lines that do not hold up as the name. */
  | { kind: 'guessed'; at: number; why: string }
  /** The lines where the name should be do not hold up; `at` is where it was expected. */
  | { kind: 'unconfirmed'; at: number; reason: string }
  | { kind: 'missing' };

/** Lower-case words that belong inside personal names. */
const particles = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'bin', 'al', 'y', 'e', 'ter', 'ten', 'zu', 'st']);
const nameWord = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.|\p{Lo}[\p{Lo}\p{M}]*)$/u;
/** Words that a menu or a title shares with prose; never evidence that a line is this person's name. */
const commonWords = new Set(['The', 'And', 'Of', 'All', 'Home', 'Leaders', 'Leader', 'Menu', 'Search', 'About', 'More', 'Read', 'Next', 'Previous', 'Back']);

/** Two to six words, each capitalised (or a name particle, or a script without case); no digits or marks. */
export function isPersonName(text: string): boolean {
  if (text.length > 60) return false;
  const words = text.split(' ');
  if (words.length < 2 || words.length > 6) return false;
  return words.every((w) => nameWord.test(w) || particles.has(w) || /^(?:Jr\.?|Sr\.?|II|III|IV)$/.test(w)) && nameWord.test(words[0]!);
}

/** A name is short; a sentence (a bio where the name should be) is not one. "Jr." and "Dr." still are. */
export function looksLikeName(block: Block): boolean {
  const words = block.text.split(' ').length;
  return block.text.length <= 100 && words <= 8 && !(words > 4 && /[.!?…]$/.test(block.text));
}

/** The prose a name should be spoken of in: the summary, the quotes and the longer header paragraphs. */
function evidenceWords(file: LeaderFile, header: readonly Block[]): ProseWords {
  const texts: string[] = [];
  for (const block of [...sectionBlocks(file, 'summary'), ...sectionBlocks(file, 'quotes')]) texts.push(block.text);
  for (const block of header) if (block.text.split(' ').length >= 8) texts.push(block.text);
  return new ProseWords(texts.join('\n'));
}

/** Some distinctive word of the name occurs in the page's prose. */
function spokenOf(name: string, evidence: ProseWords): boolean {
  // Only capitalised words (or words of scripts without case) name someone; "the" in a menu proves nothing.
  return wordsOf(name).some((w) => w.length >= 2 && /^[\p{Lu}\p{Lo}]/u.test(w) && !commonWords.has(w) && evidence.has(w));
}

export function chooseName(file: LeaderFile, content: readonly Block[]): NameChoice {
  if (content.length === 0) return { kind: 'missing' };
  const evidence = evidenceWords(file, content);
  const judged = !evidence.empty;
  const title = content.findIndex((b) => b.kind === 'heading' && b.depth === 1);
  if (title >= 0) {
    const block = content[title]!;
    if (!looksLikeName(block)) return { kind: 'unconfirmed', at: title, reason: 'it is too long to be a name' };
    if (judged && !isPersonName(block.text) && !spokenOf(block.text, evidence)) {
      return { kind: 'unconfirmed', at: title, reason: "it is not shaped like a person's name, and no word of it occurs in the summary, quotes or bio" };
    }
    return { kind: 'title', at: title };
  }
  // Without markup: the first single line shaped like a name that the page's prose speaks of; a
  // name-shaped first line stands where a title belongs even when the prose never names the person.
  let firstShaped = -1;
  for (let at = 0; at < content.length; at++) {
    const block = content[at]!;
    // A list item is a breadcrumb step or a menu entry, never the page's name.
    if ((block.kind !== 'line' && block.kind !== 'heading') || block.position.start.line !== block.position.end.line || !isPersonName(block.text)) continue;
    if (firstShaped < 0) firstShaped = at;
    if (judged && !spokenOf(block.text, evidence)) continue;
    return at === 0 ? { kind: 'title', at } : { kind: 'guessed', at, why: `${at} line(s) above it were read as page chrome` };
  }
  // Where a title belongs and shaped like a name, but the prose never names the person: probably right, flagged.
  if (firstShaped === 0) return judged ? { kind: 'guessed', at: 0, why: "the summary, quotes and bio never speak of it" } : { kind: 'title', at: 0 };
  const first = content[0]!;
  if (!judged && looksLikeName(first)) return { kind: 'title', at: 0 };
  // Not shaped like a name ("Bill Carr (Amazon)"), but where the title belongs and the prose names it.
  if (firstShaped < 0 && looksLikeName(first) && spokenOf(first.text, evidence)) {
    return { kind: 'guessed', at: 0, why: "it is not shaped like a person's name, though the page's prose speaks of it" };
  }
  if (firstShaped > 0) return { kind: 'unconfirmed', at: firstShaped, reason: `the page's prose never speaks of it, and the ${firstShaped} line(s) above it are not a name either` };
  const reason = judged && looksLikeName(first) ? "it is not shaped like a person's name, and the summary, quotes and bio never speak of it" : "it is not shaped like a person's name";
  return { kind: 'unconfirmed', at: 0, reason };
}

/** Separators between a name and a site's suffix or a label in a title ("Ami Vora | PM Genome", "Leader: Ami Vora"). */
const titleSeparators = /\s+[|–—·•:]\s+|\s+-\s+|\s+::\s+|(?<=\p{L}):\s+/u;

/**
 * The person's name inside a title that carries more (a site suffix, a label): the one part of it,
 * cut at separators, shaped like a person's name and — when the page has prose — spoken of there.
 * Null when the title is a name already, or no single part is one.
 */
export function nameWithinTitle(file: LeaderFile, content: readonly Block[], title: string): { name: string; rest: string } | null {
  if (isPersonName(title) || !titleSeparators.test(title)) return null;
  const parts = title.split(titleSeparators).map((p) => p.trim()).filter((p) => p !== '');
  const evidence = evidenceWords(file, content);
  const names = parts.filter((p) => isPersonName(p) && (evidence.empty || spokenOf(p, evidence)));
  if (names.length !== 1) return null;
  const name = names[0]!;
  return { name, rest: parts.filter((p) => p !== name).join(' ') };
}
