// Is this text hard-wrapped, and at what width? Converters wrap prose at a fixed column
// (72, 76, 80 …); browser copies never do. Returns null for unwrapped text.

import type { SourceLine } from './scanLines.js';

export function detectWrapWidth(lines: readonly SourceLine[]): number | null {
  const lengths = lines.filter((l) => l.content !== '').map((l) => l.indent + l.content.length);
  if (lengths.length < 5) return null;
  const longest = lengths.reduce((a, b) => Math.max(a, b), 0);
  if (longest > 120 || longest < 30) return null;
  // Wrapped prose leaves many lines close to the width.
  const nearWidth = lengths.filter((n) => n >= longest - 12).length;
  return nearWidth >= 3 ? longest : null;
}
