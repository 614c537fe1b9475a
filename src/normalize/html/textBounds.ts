// Trims a text node's raw source range to its first and last visible characters, stepping over
// whitespace written literally or as an entity (&nbsp; &#160; …), so positions land on real text.

const namedSpaces = new Set([
  'nbsp', 'ensp', 'emsp', 'emsp13', 'emsp14', 'thinsp', 'hairsp', 'numsp', 'puncsp', 'mediumspace',
  'thinspace', 'verythinspace', 'nonbreakingspace', 'tab', 'newline', 'zerowidthspace',
]);

/** Entities are short; looking further than this for the `;` would only cost time. */
const maxEntityLength = 32;

function isSpaceCode(code: number): boolean {
  return /\s/.test(String.fromCharCode(code));
}

/** Length of a whitespace entity starting at `at` (which holds `&`), or 0. */
function spaceEntityLength(text: string, at: number, limit: number): number {
  const semicolon = text.indexOf(';', at + 1);
  const stop = semicolon < 0 || semicolon - at > maxEntityLength || semicolon >= limit ? -1 : semicolon;
  if (stop < 0) return text.startsWith('&nbsp', at) && at + 5 <= limit ? 5 : 0;
  const body = text.slice(at + 1, stop);
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const digits = body.slice(hex ? 2 : 1);
    if (!/^[0-9a-fA-F]{1,8}$/.test(digits)) return 0;
    const code = Number.parseInt(digits, hex ? 16 : 10);
    return code <= 0xffff && isSpaceCode(code) ? stop - at + 1 : 0;
  }
  return namedSpaces.has(body.toLowerCase()) ? stop - at + 1 : 0;
}

/** Offset of the first visible character in text[start, end), or end if there is none. */
export function visibleStart(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) i++;
    else if (code === 38) {
      const length = spaceEntityLength(text, i, end);
      if (length === 0) break;
      i += length;
    } else break;
  }
  return i;
}

/** Offset just past the last visible character in text[start, end), or start if there is none. */
export function visibleEnd(text: string, start: number, end: number): number {
  let j = end;
  while (j > start) {
    const code = text.charCodeAt(j - 1);
    if (isSpaceCode(code)) {
      j--;
      continue;
    }
    if (code !== 59) break;
    const amp = text.lastIndexOf('&', j - 1);
    if (amp < start || j - amp > maxEntityLength + 1 || spaceEntityLength(text, amp, end) !== j - amp) break;
    j = amp;
  }
  return j;
}
