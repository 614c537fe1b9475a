// micromark is super-linear on some inputs (runs of unclosed `*`, `[`, deep `1. 1. 1.` nesting) and
// costs ~10–30 µs per line or construct. Paragraphs (blank-line separated chunks) that are marker-dense,
// deeply nested, or past a whole-document budget are set aside and read as plain lines; the rest is
// parsed in segments. Real profile pages never come near the limits.

/** Markup characters micromark has to pair up or resolve. */
const markerCodes = new Set(['*', '_', '[', ']', '<', '`', '\\', '!', '&', '~'].map((c) => c.charCodeAt(0)));

export const parseLimits = {
  /** Markup characters in one paragraph. */
  markersPerChunk: 500,
  /** Container markers (`>`, `-`, `1.`) opening one line. */
  nesting: 8,
  /** Columns of indentation before a line's content (deep list nesting is written as indentation). */
  indent: 40,
  /** Work handed to micromark for the whole document: per paragraph 8 + lines + 4 × markup characters + characters / 16. */
  documentWork: 50_000,
  /**
   * Work in one micromark call. Its event splicing is quadratic in the constructs of one parse (50,000
   * units of blockquotes took 8.6 s in one call), so long documents are parsed a stretch at a time,
   * cut at blank lines outside fenced code.
   */
  segmentWork: 2_000,
};

/** A stretch [start, end) of the text, to be parsed as Markdown or read as plain lines. */
export interface TextSegment {
  start: number;
  end: number;
  parse: boolean;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 12 && c !== 0xa0) return false;
  }
  return true;
}

/** True when the line opens with more container markers (`>`, bullets, `1.`) or indentation than micromark handles quickly. */
function isDeep(text: string, start: number, end: number): boolean {
  let depth = 0;
  let columns = 0;
  let i = start;
  while (i < end && depth <= parseLimits.nesting && columns <= parseLimits.indent) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      columns += c === 9 ? 4 : 1;
      i++;
    }
    else if (c === 62 /* > */) {
      depth++;
      i++;
    } else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
      depth++;
      i += 2;
    } else {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const mark = text.charCodeAt(j);
      if (j === i || (mark !== 46 && mark !== 41) || text.charCodeAt(j + 1) !== 32) break;
      depth++;
      i = j + 2;
    }
  }
  return depth > parseLimits.nesting || columns > parseLimits.indent;
}

/** Segments covering the whole text, in order. */
export function boundParseWork(text: string): TextSegment[] {
  const quarantined: Array<[number, number]> = [];
  let work = 0;
  let chunkStart = -1;
  let chunkEnd = 0;
  let markers = 0;
  let lines = 0;
  let deep = false;
  let lastSetAside = false;
  /** Offsets where a new parse segment starts, because the one before had enough work. */
  const cuts: number[] = [];
  let segmentWork = 0;
  let inFence = false;

  const closeChunk = (): void => {
    if (chunkStart === -1) return;
    const cost = 8 + lines + 4 * markers + Math.floor((chunkEnd - chunkStart) / 16);
    if (markers > parseLimits.markersPerChunk || deep || work + cost > parseLimits.documentWork) {
      // Chunks set aside one after another (blank lines between) make one stretch of plain lines.
      const last = quarantined[quarantined.length - 1];
      if (last !== undefined && lastSetAside) last[1] = chunkEnd;
      else quarantined.push([chunkStart, chunkEnd]);
      lastSetAside = true;
    } else {
      work += cost;
      lastSetAside = false;
      if (segmentWork > 0 && segmentWork + cost > parseLimits.segmentWork && !inFence) {
        cuts.push(chunkStart);
        segmentWork = 0;
      }
      segmentWork += cost;
    }
    chunkStart = -1;
    markers = 0;
    lines = 0;
    deep = false;
  };

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    if (/^ {0,3}(?:```|~~~)/.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 6)))) inFence = !inFence;
    if (isBlankLine(text, lineStart, lineEnd)) closeChunk();
    else {
      if (chunkStart === -1) chunkStart = lineStart;
      chunkEnd = lineEnd;
      lines++;
      for (let i = lineStart; i < lineEnd; i++) if (markerCodes.has(text.charCodeAt(i))) markers++;
      if (!deep && isDeep(text, lineStart, lineEnd)) deep = true;
    }
    if (lineEnd >= text.length) break;
    lineStart = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  }
  closeChunk();

  const segments: TextSegment[] = [];
  let at = 0;
  let cut = 0;
  const parseUpTo = (end: number): void => {
    for (; cut < cuts.length && (cuts[cut] ?? end) < end; cut++) {
      const next = cuts[cut] ?? end;
      if (next > at) segments.push({ start: at, end: next, parse: true });
      at = Math.max(at, next);
    }
    if (end > at) segments.push({ start: at, end, parse: true });
  };
  for (const [start, end] of quarantined) {
    parseUpTo(start);
    segments.push({ start, end, parse: false });
    at = end;
  }
  if (at < text.length || segments.length === 0) {
    parseUpTo(text.length);
    if (segments.length === 0) segments.push({ start: at, end: text.length, parse: true });
  }
  return segments;
}
