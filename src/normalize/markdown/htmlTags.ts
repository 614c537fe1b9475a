// Small, linear readers for the raw HTML that Markdown lets through (tags, `<br>`).

/** Name of the tag at the start of `value`, lower-cased, `/name` for a closing tag; null if none. */
export function tagName(value: string, at = 0): string | null {
  if (value.charCodeAt(at) !== 60 /* < */) return null;
  let i = at + 1;
  const closing = value.charCodeAt(i) === 47; /* / */
  if (closing) i++;
  const from = i;
  while (i < value.length && i - from < 32) {
    const c = value.charCodeAt(i) | 0x20;
    const isLetter = c >= 97 && c <= 122;
    const isDigit = value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57;
    if (!(isLetter || (i > from && (isDigit || value.charCodeAt(i) === 45)))) break;
    i++;
  }
  if (i === from) return null;
  const name = value.slice(from, i).toLowerCase();
  return closing ? `/${name}` : name;
}

/** True for `<br>`, `<br/>`, `<br />` (any case). */
export function isBreakTag(value: string): boolean {
  return tagName(value) === 'br';
}
