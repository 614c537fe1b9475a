// Remove list markers and decorative glyphs a copy may leave at the start of an item.

const marker = /^(?:[•·●▪◦‣∙○■□➤►▶→➜➔*+-]|\d{1,3}[.)]|\(\d{1,3}\))(?:\s+|$)/;

export function stripMarker(text: string): string {
  let out = text;
  // Markers can stack (`* → text`, `1. • text`); a handful of passes is plenty.
  for (let i = 0; i < 3; i++) {
    const m = marker.exec(out);
    if (m === null) break;
    out = out.slice(m[0].length);
  }
  return out.trim();
}
