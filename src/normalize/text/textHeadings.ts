// Headings plain text marks by their shape rather than by a known section title: framed by runs of
// marks (`****** Title ******`, wrapped or not) or written in capitals between blank lines.

import type { LeaderFile } from '../../file/LeaderFile.js';
import { matchSectionHeading } from '../../sections/matchSectionHeading.js';
import { isCapitals } from '../restoreCase.js';
import type { SourceLine } from '../scanLines.js';

/**
 * A line in capitals standing alone between blank lines, as converters that uppercase headings write
 * them (html-to-text: "AMI VORA", "KEY THEMES"): words of capitals (two or more, or one known section),
 * no sentence end.
 */
export function capitalsHeading(content: string, file: LeaderFile): boolean {
  if (content.length > 100 || !/^\p{Lu}/u.test(content) || !isCapitals(content) || /[.!?:;,]$/.test(content)) return false;
  return content.includes(' ') || matchSectionHeading(content, file.config) !== null;
}

/** A heading framed by one run of marks on each side: `****** Title ******`, `== Section ==`. */
const framedLine = /^([*=#])\1{1,5}[ \t]+(\S(?:.*\S)?)[ \t]+\1{2,6}$/;

/**
 * A line that is a heading by the frame around it, as text converters write headings: `*` frames are
 * longer for higher levels (html2text: six for a title), `=` and `#` frames shorter (wiki, closed ATX).
 * Both runs are the same length, and the text inside holds no such run.
 */
export function framedHeading(line: SourceLine): { line: SourceLine; depth: number; wrapped?: true } | null {
  const match = framedLine.exec(line.content);
  if (match === null) return null;
  const mark = match[1]!;
  const text = match[2]!;
  const from = line.content.indexOf(text);
  const before = line.content.slice(0, from).trim();
  const after = line.content.slice(from + text.length).trim();
  if (before !== after || text.includes(mark.repeat(2))) return null;
  const depth = mark === '*' ? Math.max(1, 7 - before.length) : Math.min(6, before.length);
  const { cuts: _cuts, ...plain } = line;
  return { line: { ...plain, content: text, contentStart: line.contentStart + from, contentEnd: line.contentStart + from + text.length }, depth };
}

/**
 * A framed heading the converter wrapped onto a second line (`***** Executive Coach at … / Former` ⏎
 * `Google *****`, or the closing frame alone below): the two lines read as one framed line.
 */
export function wrappedFramedHeading(line: SourceLine, next: SourceLine | undefined): { line: SourceLine; depth: number; wrapped: true } | null {
  if (next === undefined || next.content === '' || !/^([*=#])\1{1,5}[ \t]+\S/.test(line.content) || !/(?:^|[ \t])([*=#])\1{1,5}$/.test(next.content)) return null;
  const joined = framedHeading({ ...line, content: `${line.content} ${next.content}` });
  if (joined === null) return null;
  const tail = next.content.replace(/[ \t]*[*=#]+$/, '');
  const contentEnd = tail === '' ? line.contentEnd : next.contentStart + tail.length;
  return { line: { ...joined.line, contentEnd }, depth: joined.depth, wrapped: true };
}
