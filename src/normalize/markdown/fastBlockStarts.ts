// The fast reader's line-level recognizers: where lines end, and which block a line's content opens
// (ATX heading, thematic break, setext underline, list marker), as CommonMark defines them.

export interface Line {
  start: number;
  /** End of the line's content, before its line ending. */
  end: number;
  /** Start of the next line. */
  next: number;
}

export function splitLines(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let at = start;
  for (;;) {
    let i = at;
    while (i < end && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    if (i >= end) {
      lines.push({ start: at, end, next: end });
      return lines;
    }
    const next = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < end ? i + 2 : i + 1;
    lines.push({ start: at, end: i, next });
    at = next;
  }
}

export function nonspace(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i;
}

/** `#` … `######` then a space or the line's end: [depth, content start, content end], content trimmed of a closing sequence. */
export function atxHeading(text: string, at: number, end: number): [number, number, number] | null {
  let i = at;
  while (i < end && text.charCodeAt(i) === 35 && i - at < 7) i++;
  const depth = i - at;
  if (depth > 6 || (i < end && text.charCodeAt(i) !== 32)) return null;
  const from = nonspace(text, i, end);
  let to = end;
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  let hashes = to;
  while (hashes > from && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes === from) to = from;
  else if (hashes < to && text.charCodeAt(hashes - 1) === 32) {
    to = hashes;
    while (to > from && text.charCodeAt(to - 1) === 32) to--;
  }
  return [depth, from, to];
}

export function isThematicBreak(text: string, at: number, end: number): boolean {
  const marker = text.charCodeAt(at);
  if (marker !== 42 && marker !== 45 && marker !== 95) return false;
  let count = 0;
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === marker) count++;
    else if (c !== 32) return false;
  }
  return count >= 3;
}

export function isSetextUnderline(text: string, at: number, end: number): 1 | 2 | null {
  const marker = text.charCodeAt(at);
  if (marker !== 61 && marker !== 45) return null;
  let i = at;
  while (i < end && text.charCodeAt(i) === marker) i++;
  return nonspace(text, i, end) === end ? (marker === 61 ? 1 : 2) : null;
}

export interface ListMarker {
  ordered: boolean;
  start: number | null;
  /** `-`, `*`, `+`, or the ordered delimiter `.` / `)`. */
  marker: string;
  /** Where the content starts. */
  content: number;
}

/** A list item's marker at `at`; 'unsupported' for empty items and indented-code content, null when none. */
export function listMarker(text: string, at: number, end: number): ListMarker | 'unsupported' | null {
  const c = text.charCodeAt(at);
  let i = at;
  let start: number | null = null;
  if (c === 45 || c === 42 || c === 43) i++;
  else {
    while (i < end && i - at < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const delimiter = text.charCodeAt(i);
    if (i === at || i - at > 9 || (delimiter !== 46 && delimiter !== 41)) return null;
    start = Number.parseInt(text.slice(at, i), 10);
    i++;
  }
  if (i < end && text.charCodeAt(i) !== 32) return null;
  const content = nonspace(text, i, end);
  if (content === end || content - i > 4) return 'unsupported';
  return { ordered: start !== null, start, marker: text[i - 1] ?? '', content };
}

/** First characters a lazy continuation line may not start with: they could open or close a block. */
export const unsafeLazyStart = /^(?:[#>\-*+=_|<`~]|\d{1,9}[.)])/;
