// Binary sniffing, as git and file(1) do it: a NUL byte, or many C0 control bytes, near the start.

const sampleBytes = 8192;

/** Control bytes that text pages do carry: tab, LF, VT, FF, CR, ESC (ANSI colour in terminal captures). */
const textControls = new Set([9, 10, 11, 12, 13, 27]);

export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, sampleBytes);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && !textControls.has(b)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
