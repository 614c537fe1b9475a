// Decodes HTML character references in raw HTML text (remark already decodes them in Markdown text).

import { decodeNamedCharacterReference } from 'decode-named-character-reference';

// Bounded quantifiers keep this linear on any input.
const reference = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCodePoint(code: number): string | null {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(reference, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16)) ?? whole;
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10)) ?? whole;
    const decoded = name === undefined ? false : decodeNamedCharacterReference(name);
    return decoded === false ? whole : decoded;
  });
}
