// Theme lists that carry their own separators: semicolons, bullets, pipes, line breaks, or commas between short items.
// These come out exactly as written; only a piece too long to be one theme is left for inference.

import { splitLimits } from './themeWeights.js';

export interface SeparatedPieces {
  pieces: string[];
  /** Which separator split them, for messages. */
  separator: 'bullet' | 'line' | 'comma';
}

const strongSeparator = /\s*[;•·●▪◦‣⁃|]\s*/;
const listLead = /^(?:[-*+–—]\s+|\d+[.)]\s+)/;
const wordsIn = (text: string): number => (text === '' ? 0 : text.split(/\s+/).length);

/** Pieces of a themes run when it has separators, or null when it is one run of words. */
export function splitSeparated(run: string): SeparatedPieces | null {
  const lines = run.split(/\r?\n/).map(cleanPiece).filter((line) => line !== '');
  if (lines.length > 1 && lines.every((line) => wordsIn(line) <= splitLimits.maxSeparatedWords)) {
    return { pieces: lines.flatMap((line) => splitStrong(line) ?? [line]), separator: 'line' };
  }
  const folded = run.replace(/\s+/g, ' ').trim();
  const strong = splitStrong(folded);
  if (strong !== null) return { pieces: strong, separator: 'bullet' };
  const commas = folded.split(/\s*,\s*/).map(cleanPiece);
  if (commas.length > 1) {
    const last = commas.length - 1;
    commas[last] = (commas[last] ?? '').replace(/^(?:and|or|&)\s+/i, '');
    const pieces = commas.filter((piece) => piece !== '');
    // A comma inside a run-together line ("state of being, CEO is a craft …") leaves a long piece: not a list.
    if (pieces.length > 1 && pieces.every((piece) => wordsIn(piece) <= splitLimits.maxSeparatedWords)) {
      return { pieces, separator: 'comma' };
    }
  }
  return null;
}

function splitStrong(text: string): string[] | null {
  if (!strongSeparator.test(text)) return null;
  const pieces = text.split(strongSeparator).map(cleanPiece).filter((piece) => piece !== '');
  return pieces.length > 0 ? pieces : null;
}

function cleanPiece(piece: string): string {
  return piece.replace(/\s+/g, ' ').trim().replace(listLead, '').trim();
}
