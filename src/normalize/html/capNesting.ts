// Guards the HTML parsers against quadratic work: both parse5 and htmlparser2 scan their stack of
// open elements per tag, so thousands of nested elements take minutes. Start tags past a nesting
// cap (and their end tags) are blanked out with spaces of the same length, so offsets still line up.

import { optionalEndTags, rawTextTags, voidTags } from './htmlTags.js';

/** Elements without end tags, or whose start tag implicitly closes the previous one: they never nest deeply. */
const flatTags = new Set([...voidTags, ...optionalEndTags]);

/**
 * Formatting elements are re-opened by the parser after every block boundary until closed, so a few
 * hundred left open make every later text node copy them all; they get a much smaller cap.
 */
const formattingTags = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
const maxOpenFormatting = 4;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isTagNameEnd(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13 || code === 47 || code === 62 || Number.isNaN(code);
}

/** Index just past the `>` that ends the tag starting at `from` (quotes respected), or the text length. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) {
      // A quote only opens an attribute value right after `=` (possibly with spaces).
      let k = i - 1;
      while (k > from && (html.charCodeAt(k) === 32 || html.charCodeAt(k) === 9)) k--;
      if (html.charCodeAt(k) === 61) quote = code;
    } else if (code === 62) return i + 1;
  }
  return html.length;
}

/**
 * Return `html` with start tags nested deeper than `maxDepth` (and as many matching end tags) replaced
 * by spaces. Runs in one pass; the result has the same length as the input.
 */
export function capNesting(html: string, maxDepth: number): string {
  const lower = html.toLowerCase();
  const cuts: Array<[number, number]> = [];
  const open = new Map<string, number>();
  const blanked = new Map<string, number>();
  let depth = 0;
  let formatting = 0;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 33) {
      // Comment, doctype or CDATA: skip to its end.
      const close = lower.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    const closing = next === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart + 1;
    while (nameEnd < html.length && !isTagNameEnd(html.charCodeAt(nameEnd))) nameEnd++;
    const name = lower.slice(nameStart, nameEnd);
    const end = tagEnd(html, nameEnd);
    i = end;
    if (closing) {
      if ((blanked.get(name) ?? 0) > 0) {
        blanked.set(name, (blanked.get(name) ?? 0) - 1);
        cuts.push([lt, end]);
      } else if ((open.get(name) ?? 0) > 0) {
        open.set(name, (open.get(name) ?? 0) - 1);
        depth--;
        if (formattingTags.has(name)) formatting--;
      }
      continue;
    }
    if (rawTextTags.has(name)) {
      const close = lower.indexOf(`</${name}`, end);
      i = close < 0 ? html.length : close;
      continue;
    }
    if (flatTags.has(name)) continue;
    const isFormatting = formattingTags.has(name);
    if (depth >= maxDepth || (isFormatting && formatting >= maxOpenFormatting)) {
      blanked.set(name, (blanked.get(name) ?? 0) + 1);
      cuts.push([lt, end]);
      continue;
    }
    open.set(name, (open.get(name) ?? 0) + 1);
    depth++;
    if (isFormatting) formatting++;
  }
  if (cuts.length === 0) return html;
  const parts: string[] = [];
  let at = 0;
  for (const [start, stop] of cuts) {
    parts.push(html.slice(at, start), ' '.repeat(stop - start));
    at = stop;
  }
  parts.push(html.slice(at));
  return parts.join('');
}
