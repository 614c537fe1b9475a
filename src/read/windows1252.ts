// windows-1252 as the WHATWG Encoding Standard defines it (the encoding behind the labels latin1,
// iso-8859-1, ascii and windows-1252). Node 20's TextDecoder('windows-1252') reads 0x80–0x9F as
// C1 controls (ISO-8859-1), losing the curly quotes, dashes and € that real pages carry there.

/** Code points of bytes 0x80–0x9F; the five bytes windows-1252 leaves undefined map to U+0080–U+009F. */
const high = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    units[i] = b >= 0x80 && b <= 0x9f ? (high[b - 0x80] ?? b) : b;
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}
