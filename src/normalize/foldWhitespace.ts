// Inline text clean-up shared by every normalizer: whitespace runs (including NBSP) become one space.

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
