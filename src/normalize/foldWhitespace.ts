// Inline text clean-up shared by every normalizer: whitespace runs (including NBSP) become one space.

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A hyphen a converter wrapped a line at, inside one text value ("self-⏎service" → "self-service"). */
export function joinHyphenWraps(text: string): string {
  return text.includes('-\n') || text.includes('-\r') ? text.replace(/(?<=[\p{L}\p{N}]-)[ \t]*\r?\n\s*(?=[\p{L}\p{N}])/gu, '') : text;
}
