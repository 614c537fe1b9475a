// Split a dimension row into its label and its score token: "Strategic Vision 70%",
// "Strategic Vision: 70 %", "Strategic Vision70%", cells ["Strategic Vision", "70%"], "70%" alone,
// "70 percent", "70/100", "80% Strategic Vision", and scores out of 10 or 5 ("7/10", "3.5/5",
// "7 out of 10") as percentages.

import type { Block } from '../file/Block.js';
import { stripMarker } from './stripMarker.js';

export interface ScoreLine {
  label: string;
  /** The score as written, without `%` (e.g. "70", "170", "seventy", "70.5"), or null when absent. */
  token: string | null;
}

const numberChar = /[0-9.,+\-−]/;
/** Punctuation between a label and its score ("Strategic Vision: 70%", "Strategic Vision ..... 70%"). */
const labelTrail = /[\s:|=—–\-.·…_]/;

/** Trim label punctuation from the end; a loop, since a regex anchored at the end is quadratic on long runs. */
function trimLabel(text: string): string {
  let end = text.length;
  while (end > 0 && labelTrail.test(text[end - 1]!)) end--;
  return text.slice(0, end).trim();
}

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** Scan back from the end of `text` for a score; linear in the length of the text. */
function splitTrailingScore(text: string): ScoreLine {
  let end = text.length;
  let percent = false;
  /** The scale of a score written out of 10 or 5 ("8/10", "4 / 5"); 100 for percentages. */
  let scale = 100;
  const word = /\s*(?:percent|per cent|pct\.?)$/i.exec(text.slice(-12));
  if (text.endsWith('%')) {
    percent = true;
    end--;
  } else if (word !== null) {
    percent = true;
    end -= word[0].length;
  } else {
    const outOf = /\s*(?:\/|\bout of\b)\s*(100|10|5)$/i.exec(text.slice(-16));
    if (outOf !== null) {
      end -= outOf[0].length;
      scale = Number(outOf[1]);
    }
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
  return { label: trimLabel(text.slice(0, start)), token: scale === 100 ? token : onHundred(token, scale) };
}

/** A score out of 10 or 5 as a percentage ("8" of 10 → "80"); as written ("8.25/10") when it is no whole percentage. */
function onHundred(token: string, scale: number): string {
  const value = Number(token);
  const percent = (value * 100) / scale;
  return /^\d+(?:\.\d+)?$/.test(token) && Number.isInteger(Math.round(percent * 1e9) / 1e9) ? String(Math.round(percent)) : `${token}/${scale}`;
}

export function parseScoreLine(block: Block): ScoreLine {
  const spans = block.spans?.map((s) => stripMarker(s.text)).filter((t) => t !== '');
  if (spans !== undefined && spans.length >= 2) {
    const scoreAt = spans.findIndex((t, i) => i > 0 && /\d|%$/.test(t));
    if (scoreAt > 0) {
      const label = trimLabel(spans.slice(0, scoreAt).join(' '));
      const parsed = splitTrailingScore(spans[scoreAt]!);
      return { label, token: parsed.token ?? spans[scoreAt]!.replace(/\s*%$/, '') };
    }
  }
  return splitTrailingScore(stripMarker(block.text));
}

/**
 * The rows of a block. Usually one; several when a copy ran rows together into one paragraph
 * ("Strategic Vision 70% Execution & Craft 90% …", Markdown lines without blank lines between them).
 */
/** A score before its label, alone on its line: "80% Strategic Vision". */
const scoreFirst = /^([+-]?\d+(?:\.\d+)?)\s*%\s+(\p{L}[^%]*)$/u;

export function parseScoreLines(block: Block): ScoreLine[] {
  if ((block.spans?.length ?? 0) >= 2) return [parseScoreLine(block)];
  const text = block.text;
  const first = scoreFirst.exec(stripMarker(text));
  if (first !== null) return [{ label: trimLabel(first[2]!), token: first[1]! }];
  const rows: ScoreLine[] = [];
  let start = 0;
  for (let at = text.indexOf('%'); at >= 0; at = text.indexOf('%', at + 1)) {
    const piece = text.slice(start, at + 1).trim();
    if (piece.length > 1) rows.push(splitTrailingScore(stripMarker(piece)));
    start = at + 1;
  }
  const rest = text.slice(start).trim();
  if (rows.length === 0) return [parseScoreLine(block)];
  if (rest !== '') rows.push(splitTrailingScore(stripMarker(rest)));
  return rows;
}
