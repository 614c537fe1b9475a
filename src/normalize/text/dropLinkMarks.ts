// Link marks text converters leave in a copy: numbers before labels (`[12]Leaders`, with or without a
// reference list at the end) and targets after them (`Leaders [/pm-genome/leaders]`). Neither is
// content; where one stood, a label ends (a cut the block builder turns into separate chips).

import { linkReference, referenceEntry } from '../../text/textMarks.js';
import type { SourceLine } from '../scanLines.js';

/** Lines without link marks or reference lists, each with the cuts where a mark stood. */
export function dropLinkMarks(lines: SourceLine[]): SourceLine[] {
  return dropLinkTargets(dropLinkReferences(lines));
}

/**
 * Text browsers list a page's links at the end (`References`, then `1. https://…`) and mark each link
 * in the text with its number (`[12]Leaders`). The list is not content, and the marks are not text.
 * With a list, only numbers the list holds are marks. Without one (a dump told to leave it out), the
 * marks are known by their shape: they number the page's links 1, 2, 3… in reading order, each glued
 * to the label after it — footnote marks follow their word, and a literal "[2]" in prose is neither.
 */
function dropLinkReferences(lines: SourceLine[]): SourceLine[] {
  const entries: number[] = [];
  for (let i = 0; i < lines.length; i++) if (referenceEntry.test(lines[i]!.content)) entries.push(i);
  const highest = entries.length >= 2 ? entries.length : numberedLinkMarks(lines);
  if (highest === 0) return lines;
  const drop = new Set(entries.length >= 2 ? entries : []);
  // The list's own title: a short line just above its first entry (blank lines between).
  let above = (entries[0] ?? 0) - 1;
  while (drop.size > 0 && above >= 0 && lines[above]!.content === '') above--;
  if (drop.size > 0 && above >= 0 && lines[above]!.content.split(' ').length <= 3 && !/[.:,;!?%]$/.test(lines[above]!.content)) drop.add(above);
  return lines.map((line, i) => {
    if (drop.has(i)) return { ...line, content: '' };
    if (!line.content.includes('[')) return line;
    const cuts: number[] = [];
    let removed = 0;
    const content = line.content.replace(linkReference, (mark, n: string, at: number) => {
      if (Number(n) > highest) return mark;
      cuts.push(at - removed);
      removed += mark.length;
      return '';
    });
    return content === line.content ? line : { ...line, content, cuts };
  });
}

/** A link's target written after its label, in brackets: `Leaders [/pm-genome/leaders]`, `[https://…]`. */
const linkTarget = /[ \t]?\[(?:\/|\.{1,2}\/|#|[a-z][a-z0-9+.-]*:)[^\]\s]*\]/gi;

/**
 * Converters that keep links as text write each target after its label (html-to-text:
 * `The Operator [/archetypes/the-operator]The Craftsperson [/archetypes/…]`). A target is not
 * content; where it stood, one label ends (a cut, as for link marks), so chips stay apart.
 * Lines already cut by link marks are left as they are.
 */
function dropLinkTargets(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  /** A target at the start of a line, or alone on it, ends the label that wrapped onto the line above. */
  const endLabelAbove = (): void => {
    const previous = out[out.length - 1];
    if (previous !== undefined && previous.content !== '') out[out.length - 1] = { ...previous, cuts: [...(previous.cuts ?? []), previous.content.length] };
  };
  for (const line of lines) {
    if (!line.content.includes('[') || (line.cuts?.length ?? 0) > 0) {
      out.push(line);
      continue;
    }
    const cuts: number[] = [];
    let removed = 0;
    const content = line.content.replace(linkTarget, (mark: string, at: number) => {
      cuts.push(at - removed);
      removed += mark.length;
      return '';
    });
    if (content === line.content) {
      out.push(line);
    } else if (content.trim() === '') {
      // The line goes, so the paragraph is not broken in two.
      endLabelAbove();
    } else {
      if (cuts[0] === 0) endLabelAbove();
      out.push({ ...line, content, cuts: cuts.filter((cut) => cut > 0) });
    }
  }
  return out;
}

/**
 * How many link marks a page without a reference list carries: its `[n]` marks, in reading order,
 * are exactly 1, 2, 3, … (at least three), and none has a blank after it (each is glued to the label
 * it stands before, or ends a line that wrapped before the label). 0 when the marks are not of that shape.
 */
function numberedLinkMarks(lines: readonly SourceLine[]): number {
  let count = 0;
  for (const line of lines) {
    if (!line.content.includes('[')) continue;
    for (const match of line.content.matchAll(linkReference)) {
      if (Number(match[1]) !== count + 1) return 0;
      const after = line.content[match.index + match[0].length];
      if (after !== undefined && /\s/.test(after)) return 0;
      count++;
    }
  }
  return count >= 3 ? count : 0;
}
