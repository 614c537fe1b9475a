// Fields are plain text. Markup that reached a block's text as text — a tag decoded from entities
// (`&lt;img onerror=…&gt;`), a raw tag in a text page, Markdown link syntax in a value — stays literal
// text, and is flagged here (markup-in-text) with its position, for every source format alike.

import type { Block } from '../file/Block.js';
import { report, type LeaderFile } from '../file/LeaderFile.js';

interface MarkupKind {
  what: string;
  pattern: RegExp;
  /** How the markup's start may be written in the source, most specific first. */
  needles: (match: RegExpExecArray) => string[];
}

/** What counts as markup in text; bounded quantifiers keep each test linear. */
const markupKinds: readonly MarkupKind[] = [
  // A start or end tag: `<name>`, `</name>`, `<name attr…>`, or an unclosed `<name attr=`.
  {
    what: 'an HTML tag',
    pattern: /<(\/?[A-Za-z][A-Za-z0-9-]{0,30})(?:\s*\/?>|\s[^<>]{0,500}>|\s[^<>]{0,500}?[\w-]+\s*=)/,
    needles: ([, name = '']) => [`&lt;${name}`, `&#60;${name}`, `&#x3c;${name}`, `\\<${name}`, `<${name}`, name],
  },
  { what: 'an HTML comment', pattern: /<!--/, needles: () => ['<!--', '&lt;!--', '!--'] },
  // `[text](destination` and `![alt](destination`.
  {
    what: 'Markdown link syntax',
    pattern: /!?\[[^\][\n]{1,200}\]\(\s*<?([^\s()<>]{1,500})/,
    needles: ([, destination = '']) => [destination, '](', '['],
  },
];

/** Most blocks hold none of these characters: skip them without running a pattern. */
const markupStart = /[<[]/;

/** At most this many findings per page: a page of escaped markup is one problem, not thousands. */
const maxReports = 20;

/** Where the markup's own characters begin in the source, within the block; the block's start if not found. */
function locate(file: LeaderFile, block: Block, needles: readonly string[]): [number, number] {
  const { start, end } = block.position;
  const source = file.text.slice(start.offset, end.offset).toLowerCase();
  for (const needle of needles) {
    const at = needle === '' ? -1 : source.indexOf(needle.toLowerCase());
    if (at !== -1) return [start.offset + at, start.offset + at + needle.length];
  }
  return [start.offset, start.offset];
}

export function flagMarkupInText(file: LeaderFile): void {
  let reported = 0;
  for (const block of file.blocks) {
    if (reported >= maxReports) return;
    if (!markupStart.test(block.text)) continue;
    for (const { what, pattern, needles } of markupKinds) {
      const match = pattern.exec(block.text);
      if (match === null) continue;
      const [from, to] = locate(file, block, needles(match));
      const shown = match[0].length > 60 ? `${match[0].slice(0, 57)}…` : match[0];
      report(
        file,
        'markup-in-text',
        `${what} written as text: ${JSON.stringify(shown)} is kept as literal text, not markup`,
        file.lines.position(from, to),
      );
      reported++;
      break;
    }
  }
}
