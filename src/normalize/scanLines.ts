// Split text into lines with their offsets; content is the line without indentation or trailing blanks.

export interface SourceLine {
  /** Offset of the first content character. */
  contentStart: number;
  /** Offset just past the last content character. */
  contentEnd: number;
  /** Leading whitespace width (a tab counts 4). */
  indent: number;
  content: string;
  /** Columns the line took as written (indent + content), kept when marks are later removed from `content`. */
  columns: number;
  /** Offsets in `content` where a removed link mark stood: the edges of separately marked pieces (links). */
  cuts?: number[];
}

export function scanLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let at = 0;
  while (at <= text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let first = at;
    let indent = 0;
    while (first < end && /[ \t\u00a0\ufeff]/.test(text[first]!)) {
      indent += text[first] === '\t' ? 4 : 1;
      first++;
    }
    let last = end;
    while (last > first && /\s/.test(text[last - 1]!)) last--;
    lines.push({ contentStart: first, contentEnd: last, indent, content: text.slice(first, last), columns: indent + (last - first) });
    if (end >= text.length) break;
    at = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return lines;
}
