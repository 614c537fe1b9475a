// Pandoc's Markdown extensions that CommonMark would read as text: fenced divs (`::: {.class}` …
// `:::`), attribute blocks after headings, links and code (`{#id .class key="value"}`), and
// bracketed spans (`[text]{.class}`). Rewritten in place with the same length, so every offset still
// points into the original file: fences and attributes become spaces, and a bracketed span's
// attributes become an empty link destination `(   )`, so the span stays a piece of its own.

/** One attribute of an attribute block: `#id`, `.class`, `key=value`, `key="value"`, or `-`. */
const attribute = /\s*(?:[#.][^\s{}"'=]+|[A-Za-z_:][\w:.-]*=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+)|-)/y;

/** Attribute blocks are short; scanning further for their `}` would only cost time. */
const maxAttributesLength = 2_000;

/** Index just past the attribute block `{…}` starting at `open`, or -1 when it is not one. */
function attributesEnd(text: string, open: number): number {
  let i = open + 1;
  let count = 0;
  const limit = Math.min(text.length, open + maxAttributesLength);
  while (i < limit) {
    attribute.lastIndex = i;
    const match = attribute.exec(text);
    if (match === null) break;
    i = attribute.lastIndex;
    count++;
  }
  while (i < limit && /\s/.test(text[i] ?? '')) i++;
  return count > 0 && text[i] === '}' ? i + 1 : -1;
}

/** Brackets are matched within this many characters: spans and links are short. */
const maxBracketScan = 500;

function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let i = at - 1; i >= Math.max(0, at - 64) && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}

/** Index of the `[` that the `]` at `close` ends, or -1. */
function matchingBracket(text: string, close: number): number {
  let depth = 0;
  for (let i = close - 1; i >= Math.max(0, close - maxBracketScan); i--) {
    const c = text[i];
    if ((c !== '[' && c !== ']') || isEscaped(text, i)) continue;
    if (c === ']') depth++;
    else if (depth === 0) return i;
    else depth--;
  }
  return -1;
}

/** Whether an unclosed `[` comes before `at` in the same paragraph. */
function insideBrackets(text: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - maxBracketScan); i--) {
    const c = text[i];
    if (c === '\n' && /\n[ \t]*$/.test(text.slice(Math.max(0, i - 80), i))) return false;
    if ((c !== '[' && c !== ']') || isEscaped(text, i)) continue;
    if (c === ']') depth++;
    else if (depth === 0) return true;
    else depth--;
  }
  return false;
}

const fence = /^ {0,3}:{3,}[ \t]*(?:\{[^\n]*\}|[\w-]+)?[ \t]*:*[ \t]*$/gm;

function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/**
 * Pandoc's Markdown reads `---` as an em dash and `--` as an en dash (its `smart` extension, on by
 * default), and its writer writes them so; applied to the text of pages written in that dialect.
 */
export function smartDashes(text: string): string {
  return text.includes('--') ? text.replace(/(?<!-)---(?!-)/g, '\u2014').replace(/(?<!-)--(?!-)/g, '\u2013') : text;
}

/** `text` with pandoc's fences and attribute blocks blanked out; the text itself when it has none. */
export function blankPandocMarkup(text: string): string {
  if (!text.includes(':::') && !text.includes('{')) return text;
  const chars = text.split('');
  let changed = false;
  for (const match of text.matchAll(fence)) {
    blank(chars, match.index, match.index + match[0].length);
    changed = true;
  }
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', open + 1)) {
    const before = text[open - 1];
    // Attributes follow a link, image, span or code directly, or end a heading line after a space.
    const attached = before === ']' || before === ')' || before === '`';
    const heading = before === ' ' && /^ {0,3}#{1,6} /.test(text.slice(text.lastIndexOf('\n', open) + 1, open));
    if (!attached && !heading) continue;
    const end = attributesEnd(text, open);
    if (end === -1 || (heading && !/^[ \t]*(?:\r?\n|\r|$)/.test(text.slice(end, end + 2)))) continue;
    changed = true;
    // Newlines inside the block go too, so a wrapped block cannot leave a blank line behind.
    for (let i = open; i < end; i++) chars[i] = ' ';
    if (before === ']') {
      const start = matchingBracket(text, open - 1);
      if (start !== -1 && insideBrackets(text, start)) {
        // A span inside link text (`[[PM]{.x} Genome](/)`): its words are part of the link's.
        chars[start] = ' ';
        chars[open - 1] = ' ';
      } else {
        chars[open] = '(';
        chars[end - 1] = ')';
      }
    }
    open = end - 1;
  }
  return changed ? chars.join('') : text;
}
