// Plain-text normalizer: a line scanner. Browser copies put one element per line; converters
// hard-wrap paragraphs, indent list continuations and prefix quotes with `> `. All become blocks.

import { decodeHTML } from 'entities';
import type { Block, BlockKind, Span } from '../file/Block.js';
import type { LeaderFile } from '../file/LeaderFile.js';
import { chromeMatcher } from '../sections/matchChrome.js';
import { matchSectionHeading } from '../sections/matchSectionHeading.js';
import { brokeForNextWord, detectWrapWidth } from './detectWrapWidth.js';
import { foldWhitespace, joinWrappedLines } from './foldWhitespace.js';
import { restoreCase } from './restoreCase.js';
import { scanLines, type SourceLine } from './scanLines.js';
import { dropLinkMarks } from './text/dropLinkMarks.js';
import { capitalsHeading, framedHeading, wrappedFramedHeading } from './text/textHeadings.js';
import { underlinedLabel, underlinedSpans } from './text/underlinedLabels.js';

import { arrowOnly, attributionStart as citeStart, itemStart as bullet, phraseGoesOn, quoteClose, quoteOpen } from '../text/textMarks.js';

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

/** A double quotation mark closing after the text, then more on the line: `"…" — On x`, `"…" (On x)`. */
const closedThenMore = /^\s*["“«„].*\S["”»][ \t]+[—–(-]/;

/** Plain text may still carry HTML entities from the page it was copied from. */
function cleanInline(text: string): string {
  return foldWhitespace(text.includes('&') ? decodeHTML(text) : text);
}

export function normalizeText(file: LeaderFile): Block[] {
  const lines = dropLinkMarks(scanLines(file.text));
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
    const text = underlinedLabel(cleanInline(joinWrappedLines(parts.map((line, i) => (i === 0 ? line.content.slice(skip) : line.content)))));
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

/** Pieces of a block that link marks kept apart (chips, tags), across wrapped lines; null without marks. */
function linkSpans(parts: readonly SourceLine[], skip: number, file: LeaderFile): Span[] | null {
  if (!parts.some((line) => line.cuts !== undefined && line.cuts.length > 0)) return null;
  const spans: Span[] = [];
  let words: string[] = [];
  let from = parts[0]!;
  const close = (to: SourceLine): void => {
    const text = cleanInline(joinWrappedLines(words));
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
 * A known section heading on a line of its own. A one-word alias ("Principles") that ends a wrapped
 * sentence, or any alias followed by sentence punctuation, is prose.
 */
function isHeading(content: string, pending: Pending | null, line: SourceLine, width: number | null, file: LeaderFile): boolean {
  if (/[.,;!?]$/.test(content) || matchSectionHeading(content, file.config) === null) return false;
  return content.includes(' ') || !continues(pending, line, width);
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
