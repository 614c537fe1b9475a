// Plain-text normalizer: a line scanner. Browser copies put one element per line; converters
// hard-wrap paragraphs, indent list continuations and prefix quotes with `> `. All become blocks.

import { decodeHTML } from 'entities';
import type { Block, BlockKind, Span } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';
import { chromeMatcher } from '../sections/matchChrome.js';
import { matchSectionHeading } from '../sections/matchSectionHeading.js';
import { brokeForNextWord, detectWrapWidth } from './detectWrapWidth.js';
import { foldWhitespace } from './foldWhitespace.js';
import { isCapitals, restoreCase } from './restoreCase.js';
import { scanLines, type SourceLine } from './scanLines.js';

import { arrowOnly, attributionStart as citeStart, itemStart as bullet, linkReference, phraseGoesOn, quoteClose, quoteOpen, referenceEntry } from '../text/textMarks.js';

const blockquotePrefix = /^>[ \t]?/;
const setextUnderline = /^(?:={3,}|-{3,})$/;

interface Pending {
  kind: BlockKind;
  lines: SourceLine[];
  /** Characters of the first line before the content (a bullet, `> `). */
  skip: number;
  indent: number;
  depth?: number;
  /** A quotation whose closing mark has not been seen yet. */
  open: boolean;
  /** Lines prefixed with `> `. */
  prefixed: boolean;
}

/**
 * A text converter that underlines links joins a label's words with `_` ("strategic_disagreement_skills",
 * "The_OperatorThe_Craftsperson"). A block that is one such blank-free run of words is a link label;
 * prose with blanks is left as written.
 */
function underlinedLabel(text: string): string {
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
function underlinedSpans(parts: readonly SourceLine[], skip: number, file: LeaderFile): { spans: Span[]; guessed: boolean } | null {
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

/** A double quotation mark closing after the text, then more on the line: `"…" — On x`, `"…" (On x)`. */
const closedThenMore = /^\s*["“«„].*\S["”»][ \t]+[—–(-]/;

/** Plain text may still carry HTML entities from the page it was copied from. */
function cleanInline(text: string): string {
  return foldWhitespace(text.includes('&') ? decodeHTML(text) : text);
}

export function normalizeText(file: LeaderFile): Block[] {
  const lines = dropLinkTargets(dropLinkReferences(scanLines(file.text)));
  const width = detectWrapWidth(lines);
  const chrome = chromeMatcher(file.config);
  const blocks: Block[] = [];
  let pending = null as Pending | null;
  let arrowNext = false;
  let titleSeen = false;

  const flush = (): void => {
    if (pending === null) return;
    const { lines: parts, skip } = pending;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const text = underlinedLabel(cleanInline(joinWrapped(parts.map((line, i) => (i === 0 ? line.content.slice(skip) : line.content)))));
    if (text !== '') {
      const kind = pending.kind === 'line' && parts.length > 1 ? 'paragraph' : pending.kind;
      const block: Block = { kind, text, position: file.lines.position(first.contentStart + skip, last.contentEnd) };
      if (pending.depth !== undefined) block.depth = pending.depth;
      const linked = linkSpans(parts, skip, file);
      const labels = linked === null ? underlinedSpans(parts, skip, file) : null;
      if (linked !== null) block.spans = linked;
      else if (labels !== null) {
        block.spans = labels.spans;
        block.text = labels.spans.map((label) => label.text).join(' ');
        if (labels.guessed) block.spansGuessed = true;
      }
      blocks.push(block);
    }
    pending = null;
  };

  const start = (line: SourceLine, kind: BlockKind, skip = 0): Pending => {
    flush();
    const content = line.content.slice(skip);
    // A quotation closed on its line, with its attribution after it (`"…" — On x`, `"…" (On x)`), is not open.
    const open = kind === 'quote' && !(content.length > 1 && (quoteClose.test(content) || closedThenMore.test(content)));
    pending = { kind, lines: [line], skip, indent: line.indent, open, prefixed: false };
    return pending;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = line.content;
    if (content === '') {
      if (!(pending?.open ?? false) || pending?.prefixed === true) flush();
      continue;
    }

    if (pending === null && (lines[i + 1]?.content ?? '') === '' && capitalsHeading(content, file)) {
      const written = cleanInline(content);
      const restored = restoreCase(written, file.text);
      start(line, 'heading').depth = titleSeen || matchSectionHeading(written, file.config) !== null ? 2 : 1;
      titleSeen = true;
      flush();
      const block = blocks[blocks.length - 1]!;
      block.text = restored.text;
      block.capitals = { written, from: restored.from };
      continue;
    }
    const framed = framedHeading(line) ?? wrappedFramedHeading(line, lines[i + 1]);
    if (framed !== null) {
      start(framed.line, 'heading').depth = framed.depth;
      flush();
      if (framed.wrapped === true) i++;
      continue;
    }
    if (isHeading(content, pending, line, width, file)) {
      start(line, 'heading').depth = 2;
      flush();
      if (setextUnderline.test(lines[i + 1]?.content ?? '')) i++;
      continue;
    }
    if (pending === null && setextUnderline.test(lines[i + 1]?.content ?? '')) {
      start(line, 'heading').depth = lines[i + 1]!.content.startsWith('=') ? 1 : 2;
      flush();
      i++;
      continue;
    }
    if (arrowOnly.test(content)) {
      flush();
      arrowNext = true;
      continue;
    }

    const prefix = blockquotePrefix.exec(content);
    if (prefix !== null) {
      const inner = content.slice(prefix[0].length).trim();
      if (inner === '') {
        // A blank `>` line ends the wrapped run of a quotation, closed or not.
        if (pending?.prefixed === true) pending.open = false;
        continue;
      }
      // Within a `> ` quotation, a line carries on the quote (even one wrapped before a dash, while its
      // quote mark is open) or its attribution, until a dash or a new quote mark.
      const prefixed = pending?.prefixed === true ? pending : null;
      const carriesOn = prefixed !== null && (prefixed.open || (!citeStart.test(inner) && (prefixed.kind === 'quote' || (prefixed.kind === 'cite' && !quoteOpen.test(inner)))));
      if (carriesOn) {
        prefixed.lines.push({ ...line, content: inner });
        if (quoteClose.test(inner)) prefixed.open = false;
      } else {
        const started = start(line, citeStart.test(inner) ? 'cite' : 'quote', prefix[0].length);
        started.prefixed = true;
        started.open = started.kind === 'quote' && quoteOpen.test(inner) && !(inner.length > 1 && quoteClose.test(inner));
      }
      continue;
    }

    if (pending?.open === true && !pending.prefixed) {
      pending.lines.push(line);
      if (quoteClose.test(content)) pending.open = false;
      continue;
    }
    if (arrowNext) {
      arrowNext = false;
      start(line, 'listItem');
      continue;
    }
    // Wrapped prose and list items run on, even onto a line that opens with a dash ("— because …");
    // a new quotation after an attribution starts afresh.
    const freshQuote = pending?.kind === 'cite' && quoteOpen.test(content);
    // A line that carries on a sentence ("known for giving⏎back to the product community.") is not a
    // menu entry; footer lines always stand alone (they follow an attribution that has no full stop).
    const midSentence = pending !== null && !/[.!?:;]$/.test(pending.lines[pending.lines.length - 1]!.content);
    const isChrome = chrome.isFooter(content) || (!midSentence && chrome.isNavigation(content));
    const standsAlone = freshQuote || bullet.test(content) || isChrome;
    if (pending?.kind !== 'quote' && !standsAlone && continues(pending, line, width)) {
      pending!.lines.push(line);
      continue;
    }
    if (citeStart.test(content)) {
      start(line, 'cite');
      continue;
    }
    const item = bullet.exec(content);
    if (item !== null) {
      start(line, 'listItem', item[0].length);
      continue;
    }
    start(line, quoteOpen.test(content) ? 'quote' : 'line');
  }
  flush();
  return blocks;
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
      // A target wrapped onto a line of its own ends the label on the line above; the line goes, so
      // the paragraph is not broken in two.
      const previous = out[out.length - 1];
      if (previous !== undefined && previous.content !== '') out[out.length - 1] = { ...previous, cuts: [...(previous.cuts ?? []), previous.content.length] };
    } else {
      // A target at a line's start ends the label that wrapped above it.
      const previous = out[out.length - 1];
      if (cuts[0] === 0 && previous !== undefined && previous.content !== '') out[out.length - 1] = { ...previous, cuts: [...(previous.cuts ?? []), previous.content.length] };
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

/** Pieces of a block that link marks kept apart (chips, tags), across wrapped lines; null without marks. */
function linkSpans(parts: readonly SourceLine[], skip: number, file: LeaderFile): Span[] | null {
  if (!parts.some((line) => line.cuts !== undefined && line.cuts.length > 0)) return null;
  const spans: Span[] = [];
  let words: string[] = [];
  let from = parts[0]!;
  const close = (to: SourceLine): void => {
    const text = cleanInline(joinWrapped(words));
    if (text !== '') spans.push({ text, position: file.lines.position(from.contentStart, to.contentEnd) });
    words = [];
  };
  parts.forEach((line, i) => {
    const begin = i === 0 ? skip : 0;
    let at = begin;
    for (const cut of line.cuts ?? []) {
      if (cut < begin) continue;
      words.push(line.content.slice(at, cut));
      close(line);
      from = line;
      at = cut;
    }
    words.push(line.content.slice(at));
  });
  close(parts[parts.length - 1]!);
  return spans.length >= 2 ? spans : null;
}

/**
 * A line in capitals standing alone between blank lines, as converters that uppercase headings write
 * them (html-to-text: "AMI VORA", "KEY THEMES"): words of capitals (two or more, or one known section),
 * no sentence end.
 */
function capitalsHeading(content: string, file: LeaderFile): boolean {
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
function framedHeading(line: SourceLine): { line: SourceLine; depth: number; wrapped?: true } | null {
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
function wrappedFramedHeading(line: SourceLine, next: SourceLine | undefined): { line: SourceLine; depth: number; wrapped: true } | null {
  if (next === undefined || next.content === '' || !/^([*=#])\1{1,5}[ \t]+\S/.test(line.content) || !/(?:^|[ \t])([*=#])\1{1,5}$/.test(next.content)) return null;
  const joined = framedHeading({ ...line, content: `${line.content} ${next.content}` });
  if (joined === null) return null;
  const tail = next.content.replace(/[ \t]*[*=#]+$/, '');
  const contentEnd = tail === '' ? line.contentEnd : next.contentStart + tail.length;
  return { line: { ...joined.line, contentEnd }, depth: joined.depth, wrapped: true };
}

/**
 * A known section heading on a line of its own. A one-word alias ("Principles") that ends a wrapped
 * sentence, or any alias followed by sentence punctuation, is prose.
 */
function isHeading(content: string, pending: Pending | null, line: SourceLine, width: number | null, file: LeaderFile): boolean {
  if (/[.,;!?]$/.test(content) || matchSectionHeading(content, file.config) === null) return false;
  return content.includes(' ') || !continues(pending, line, width);
}

/** Join wrapped lines with a space, except after a hyphen a converter broke a compound or range at ("product-" + "led", "2003-" + "2007"). */
function joinWrapped(parts: readonly string[]): string {
  const pieces: string[] = [];
  let previous = '';
  for (const part of parts) {
    // Look at the previous line, never the text built so far: that would make long paragraphs quadratic.
    if (pieces.length > 0) pieces.push(/[\p{L}\p{N}]-$/u.test(previous.slice(-2)) && /^[\p{L}\p{N}]/u.test(part) ? '' : ' ');
    pieces.push(part);
    previous = part;
  }
  return pieces.join('');
}

/** Does `line` carry on the block being built (a hard-wrapped paragraph, list item or quote)? */
function continues(pending: Pending | null, line: SourceLine, width: number | null): boolean {
  if (pending === null || pending.kind === 'heading') return false;
  if (pending.kind === 'listItem' && line.indent > pending.indent) return true;
  const previous = pending.lines[pending.lines.length - 1]!;
  // An item or attribution broken mid-sentence: the next line opens in lower case after no full stop.
  if ((pending.kind === 'listItem' || pending.kind === 'cite') && /^\p{Ll}/u.test(line.content) && !/[.!?:;"”]$/.test(previous.content)) return true;
  // … or after a word no phrase ends with ("the origin of" ⏎ "'Working Backwards'").
  if ((pending.kind === 'listItem' || pending.kind === 'cite') && phraseGoesOn.test(previous.content)) return true;
  if (width === null) return false;
  // Hard wrap: the previous line was broken because this word would not have fitted.
  return brokeForNextWord(previous.columns, line.content.split(/\s/, 1)[0] ?? '', width);
}
