// The fast reader's inline half: text, escapes, entities, code spans, hard breaks, `[label](url "title")`
// links and `*`/`_` emphasis whose delimiters pair up one way only. Anything else — HTML, autolinks,
// images, references, ambiguous delimiter runs — returns null, and remark-parse reads the block instead.

import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { PhrasingContent } from 'mdast';
import { resolve, type BracketItem, type Item, type Locate, type Position } from './fastInlineItems.js';

export type { Locate, Position } from './fastInlineItems.js';

/** Inline content as micromark sees it: its lines joined by their own line endings, each line's indentation removed. */
export interface InlineSource {
  text: string;
  /** Where each line starts in `text`, and where that point is in the document. */
  lineStarts: number[];
  docStarts: number[];
}

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const unicodePunctuation = /\p{P}|\p{S}/u;
const unicodeWhitespace = /\s/;

/** micromark's character classes: 1 whitespace (or no character), 2 punctuation, 0 anything else. */
export function classify(text: string, at: number): number {
  if (at < 0 || at >= text.length) return 1;
  const char = text[at] ?? '';
  if (unicodeWhitespace.test(char)) return 1;
  return unicodePunctuation.test(char) ? 2 : 0;
}

/** A character reference at `at` (`&amp;`, `&#65;`, `&#x41;`) as micromark decodes it: [value, end], or null. */
function characterReference(text: string, at: number): [string, number] | null {
  const match = /^&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z0-9]{1,31}));/.exec(text.slice(at, at + 40));
  if (match === null) return null;
  const [whole, dec, hex, name] = match;
  const end = at + whole.length;
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? null : [decoded, end];
  }
  const code = Number.parseInt(dec ?? hex ?? '', dec === undefined ? 16 : 10);
  // Codes micromark replaces with U+FFFD (controls, surrogates, noncharacters) are left to it.
  const plain = (code >= 32 && code <= 126) || (code >= 160 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfdcf);
  return plain ? [String.fromCodePoint(code), end] : null;
}

function isLineEnding(code: number): boolean {
  return code === 10 || code === 13;
}

/** `(url)` or `(url "title")` after a link label's `]` at `at - 1`: [url, title, end], or null when not exactly that. */
function resource(text: string, at: number): [string, string | null, number] | null {
  let i = at + 1;
  while (text.charCodeAt(i) === 32) i++;
  const urlStart = i;
  for (let c = text.charCodeAt(i); i < text.length && c > 32 && c !== 41 /* ) */; c = text.charCodeAt(++i)) {
    if (c === 40 || c === 60 || c === 92 || c === 38 || c === 96 || c === 127) return null; // ( < \ & `
  }
  const url = text.slice(urlStart, i);
  if (url === '') return null;
  while (text.charCodeAt(i) === 32) i++;
  let title: string | null = null;
  const quote = text.charCodeAt(i);
  if ((quote === 34 || quote === 39) && i > urlStart + url.length) {
    const close = text.indexOf(String.fromCharCode(quote), i + 1);
    if (close === -1) return null;
    title = text.slice(i + 1, close);
    if (/[\\&\r\n]/.test(title)) return null;
    i = close + 1;
    while (text.charCodeAt(i) === 32) i++;
  }
  return text.charCodeAt(i) === 41 ? [url, title, i + 1] : null;
}

/** Scans the content into items; null at the first construct the fast reader does not read. */
function scan(source: InlineSource, locate: Locate): Item[] | null {
  const text = source.text;
  const items: Item[] = [];
  let bracket = -1;
  let runStart = 0;
  let i = 0;
  const flush = (to: number): void => {
    if (to > runStart) items.push({ kind: 'text', value: text.slice(runStart, to), start: runStart, end: to });
  };
  const push = (item: Item, next: number): void => {
    items.push(item);
    i = next;
    runStart = next;
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isLineEnding(c)) {
      // Spaces before a line ending are no text: two or more make a hard break.
      let spaces = i;
      while (spaces > runStart && text.charCodeAt(spaces - 1) === 32) spaces--;
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      flush(spaces);
      if (i - spaces >= 2) push({ kind: 'node', node: { type: 'break', position: locate(spaces, next) } }, next);
      else push({ kind: 'text', value: text.slice(i, next), start: i, end: next }, next);
    } else if (c === 92 /* \ */) {
      const after = text.charCodeAt(i + 1);
      if (isLineEnding(after)) {
        const next = after === 13 && text.charCodeAt(i + 2) === 10 ? i + 3 : i + 2;
        flush(i);
        push({ kind: 'node', node: { type: 'break', position: locate(i, next) } }, next);
      } else if (asciiPunctuation.test(text[i + 1] ?? '')) {
        flush(i);
        push({ kind: 'text', value: text[i + 1] ?? '', start: i, end: i + 2 }, i + 2);
      } else i++;
    } else if (c === 96 /* ` */) {
      let end = i;
      while (text.charCodeAt(end) === 96) end++;
      const size = end - i;
      let close = end;
      for (;;) {
        close = text.indexOf('`', close);
        if (close === -1) break;
        let closeEnd = close;
        while (text.charCodeAt(closeEnd) === 96) closeEnd++;
        if (closeEnd - close === size) break;
        close = closeEnd;
      }
      if (close === -1) {
        // micromark's failed search past a line ending moves the text's end over container prefixes.
        if (/[\r\n]/.test(text.slice(end))) return null;
        i = end;
        continue;
      }
      let value = text.slice(end, close);
      if (/[\r\n]/.test(value)) return null;
      if (value.startsWith(' ') && value.endsWith(' ') && /[^ ]/.test(value)) value = value.slice(1, -1);
      flush(i);
      push({ kind: 'node', node: { type: 'inlineCode', value, position: locate(i, close + size) } }, close + size);
    } else if (c === 38 /* & */) {
      const reference = characterReference(text, i);
      if (reference === null) {
        if (/^&#|^&[A-Za-z0-9]+;/.test(text.slice(i, i + 40))) return null;
        i++;
        continue;
      }
      flush(i);
      push({ kind: 'text', value: reference[0], start: i, end: reference[1] }, reference[1]);
    } else if (c === 42 || c === 95 /* * _ */) {
      let end = i;
      while (text.charCodeAt(end) === c) end++;
      const before = classify(text, i - 1);
      const after = classify(text, end);
      const open = after === 0 || (after === 2 && before !== 0);
      const close = before === 0 || (before === 2 && after !== 0);
      flush(i);
      push({
        kind: 'delim',
        marker: c,
        start: i,
        end,
        open: c === 42 ? open : open && (before !== 0 || !close),
        close: c === 42 ? close : close && (after !== 0 || !open),
      }, end);
    } else if (c === 91 /* [ */) {
      if (bracket !== -1) return null;
      flush(i);
      bracket = items.length;
      push({ kind: 'bracket', start: i }, i + 1);
    } else if (c === 93 /* ] */ && bracket !== -1) {
      flush(i);
      const after = text.charCodeAt(i + 1);
      if (after === 91 /* [ */) return null;
      if (after === 40 /* ( */) {
        const link = resource(text, i + 1);
        const children = link === null ? null : resolve(items.slice(bracket + 1), text, locate);
        if (link === null || children === null) return null;
        const opener = items[bracket] as BracketItem;
        items.length = bracket;
        bracket = -1;
        const node: PhrasingContent = { type: 'link', title: link[1], url: link[0], children, position: locate(opener.start, link[2]) };
        push({ kind: 'node', node }, link[2]);
      } else {
        // No definitions in the text, so `[label]` is a failed reference: literal brackets.
        const opener = items[bracket] as BracketItem;
        items[bracket] = { kind: 'text', value: '[', start: opener.start, end: opener.start + 1 };
        bracket = -1;
        push({ kind: 'text', value: ']', start: i, end: i + 1 }, i + 1);
      }
    } else if (c === 60 /* < */) {
      // `<` starts HTML or an autolink only before a letter, `/`, `!` or `?`.
      if (/[A-Za-z/!?]/.test(text[i + 1] ?? '')) return null;
      i++;
    } else if (c === 33 /* ! */ && text.charCodeAt(i + 1) === 91) {
      return null;
    } else i++;
  }
  flush(text.length);
  if (bracket !== -1) {
    const opener = items[bracket] as BracketItem;
    items[bracket] = { kind: 'text', value: '[', start: opener.start, end: opener.start + 1 };
  }
  return items;
}

/** Phrasing content of the source, positioned in the document; null when it holds anything not read here. */
export function parseInline(source: InlineSource, locate: Locate): PhrasingContent[] | null {
  const toDocument = (offset: number): number => {
    let lo = 0;
    let hi = source.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((source.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (source.docStarts[lo] ?? 0) + offset - (source.lineStarts[lo] ?? 0);
  };
  const at = (start: number, end: number): Position => locate(toDocument(start), end === start ? toDocument(end) : toDocument(end - 1) + 1);
  const items = scan(source, at);
  return items === null ? null : resolve(items, source.text, at);
}
