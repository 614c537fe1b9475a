// Link labels a text converter underlined by joining their words with `_` (html2text): single labels
// read as words, and rows of them as separate chips.

import type { Span } from '../../file/Block.js';
import type { LeaderFile } from '../../file/LeaderFile.js';
import { phraseGoesOn } from '../../text/textMarks.js';
import type { SourceLine } from '../scanLines.js';

/**
 * A text converter that underlines links joins a label's words with `_` ("strategic_disagreement_skills",
 * "The_OperatorThe_Craftsperson"). A block that is one such blank-free run of words is a link label;
 * prose with blanks is left as written.
 */
export function underlinedLabel(text: string): string {
  return /\s/.test(text) || !underlined.test(text) ? text : text.replaceAll('_', ' ');
}

/** One link label whose words a converter joined with `_`: no blank, at least one joint. */
const underlined = /^[^\s_]+(?:_[^\s_]+)+$/;

/**
 * A row of such labels separated by blanks ("neuroscience_of_decision-making brain_systems:_safety,_reward"):
 * each label is a chip of its own, underscores read as spaces. The converter wraps a row at blanks,
 * inside labels too, so across a line end a label may go on: a word without joints at a line's end or
 * start, or a label ending mid-phrase ("accountability_as"), is joined to its neighbour over the break,
 * and a row of several lines is marked `guessed`. Null unless every word inside a line is a label.
 */
export function underlinedSpans(parts: readonly SourceLine[], skip: number, file: LeaderFile): { spans: Span[]; guessed: boolean } | null {
  const spans: Span[] = [];
  let carry = false;
  for (const [i, line] of parts.entries()) {
    if (line.cuts !== undefined && line.cuts.length > 0) return null;
    const from = i === 0 ? skip : 0;
    const words = [...line.content.slice(from).matchAll(/\S+/g)];
    for (const [k, word] of words.entries()) {
      const label = underlined.test(word[0]);
      // A word without joints may only be a label's part that wrapped over a line end.
      const wrapsOver = (k === 0 && i > 0) || (k === words.length - 1 && i < parts.length - 1);
      if (!label && !wrapsOver) return null;
      const at = line.contentStart + from + word.index;
      const text = word[0].replaceAll('_', ' ');
      const previous = spans[spans.length - 1];
      if (k === 0 && previous !== undefined && (carry || !label || phraseGoesOn.test(previous.text))) {
        spans[spans.length - 1] = { text: `${previous.text} ${text}`, position: { start: previous.position.start, end: file.lines.point(at + word[0].length) } };
      } else {
        spans.push({ text, position: file.lines.position(at, at + word[0].length) });
      }
      carry = k === words.length - 1 && !label;
    }
  }
  const labels = spans.filter((span) => span.text.includes(' ')).length;
  return spans.length >= 2 && labels * 2 >= spans.length ? { spans, guessed: parts.length > 1 } : null;
}
