// Remove list markers and decorative glyphs a copy may leave at the start of an item.

import { gluedArrow, listMarker } from '../text/textMarks.js';

export function stripMarker(text: string): string {
  let out = text;
  // Markers can stack (`* → text`, `1. • text`, `• →text`); a handful of passes is plenty.
  for (let i = 0; i < 3; i++) {
    const m = listMarker.exec(out) ?? gluedArrow.exec(out);
    if (m === null) break;
    out = out.slice(m[0].length);
  }
  return out.trim();
}
