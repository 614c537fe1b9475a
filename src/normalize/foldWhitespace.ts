// Inline text clean-up shared by every normalizer: whitespace runs (including NBSP) become one space.

/** Text that folding would change: whitespace other than a space, two spaces, or one at either end. */
const unfolded = /[^\S ]| {2}|^ | $/;

export function foldWhitespace(text: string): string {
  // Most inline text is folded already: tested, not copied (the parsers call this on every piece).
  return unfolded.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * Did a converter break a word at its hyphen between these two lines ("community-" ⏎ "driven",
 * "2003-" ⏎ "2007")? Only the previous line's last two characters are read, so joining a long
 * paragraph line by line stays linear.
 */
export function brokeAtHyphen(before: string, after: string): boolean {
  return /[\p{L}\p{N}]-$/u.test(before.trimEnd().slice(-2)) && /^[\p{L}\p{N}]/u.test(after.trimStart());
}

/** Wrapped lines joined by single spaces, and without one where a converter broke a word at its hyphen. */
export function joinWrappedLines(lines: readonly string[]): string {
  const parts: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && brokeAtHyphen(lines[i - 1]!, line)) {
      parts[parts.length - 1] = parts[parts.length - 1]!.trimEnd();
      parts.push(line.trimStart());
    } else {
      if (i > 0) parts.push(' ');
      parts.push(line);
    }
  });
  return parts.join('');
}
