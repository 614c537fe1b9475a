// Split a dimension row into its label and its score token: "Strategic Vision 70%",
// "Strategic Vision: 70 %", "Strategic Vision70%", cells ["Strategic Vision", "70%"], "70%" alone.

import type { Block } from '../file/Block.js';
import { stripMarker } from './stripMarker.js';

export interface ScoreLine {
  label: string;
  /** The score as written, without `%` (e.g. "70", "170", "seventy", "70.5"), or null when absent. */
  token: string | null;
}

const numberChar = /[0-9.,+\-−]/;
const labelTrail = /[\s:|=—–-]+$/;

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** Scan back from the end of `text` for a score; linear in the length of the text. */
function splitTrailingScore(text: string): ScoreLine {
  let end = text.length;
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    end--;
  } else {
    const outOf = /\s*\/\s*100$/.exec(text.slice(-12));
    if (outOf !== null) end -= outOf[0].length;
  }
  while (end > 0 && isSpace(text[end - 1])) end--;
  let start = end;
  while (start > 0 && numberChar.test(text[start - 1]!)) start--;
  if (start === end && percent) {
    // "seventy%": a word where the number should be.
    while (start > 0 && !isSpace(text[start - 1]) && text[start - 1] !== ':') start--;
  }
  const token = text.slice(start, end);
  const bare = !percent && end === text.length;
  // Without a % sign, only a separate number at the end counts ("Strategic Vision: 80").
  if (token === '' || !/\d/.test(token) && !percent || (bare && start > 0 && !isSpace(text[start - 1]) && text[start - 1] !== ':')) {
    return { label: text.trim(), token: null };
  }
  return { label: text.slice(0, start).replace(labelTrail, '').trim(), token };
}

export function parseScoreLine(block: Block): ScoreLine {
  const spans = block.spans?.map((s) => stripMarker(s.text)).filter((t) => t !== '');
  if (spans !== undefined && spans.length >= 2) {
    const scoreAt = spans.findIndex((t, i) => i > 0 && /\d|%$/.test(t));
    if (scoreAt > 0) {
      const label = spans.slice(0, scoreAt).join(' ').replace(labelTrail, '').trim();
      const parsed = splitTrailingScore(spans[scoreAt]!);
      return { label, token: parsed.token ?? spans[scoreAt]!.replace(/\s*%$/, '') };
    }
  }
  return splitTrailingScore(stripMarker(block.text));
}
