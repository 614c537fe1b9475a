// Binary sniffing, as git and file(1) do it: a NUL byte, or many C0 control bytes, near the start.

const sampleBytes = 8192;

/** Control bytes that text pages do carry: tab, LF, VT, FF, CR, ESC (ANSI colour in terminal captures). */
const isTextControl = (b: number): boolean => (b >= 9 && b <= 13) || b === 27;

export function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, sampleBytes);
  let control = 0;
  for (let i = 0; i < length; i++) {
    const b = bytes[i]!;
    if (b >= 32) continue;
    if (b === 0) return true;
    if (!isTextControl(b)) control++;
  }
  return length > 0 && control / length > 0.1;
}
