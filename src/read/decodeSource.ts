// Read stage: turn bytes into text. Detects byte-order marks (UTF-8, UTF-16LE/BE), refuses
// binary files and oversized input, and replaces invalid UTF-8 with U+FFFD (with a warning).

import { report, type LeaderFile } from '../file/LeaderFile.js';
import { LineIndex } from '../file/LineIndex.js';

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(2));
}

/** Share of bytes that only binary files contain (NUL and C0 controls other than tab, LF, CR, FF). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

export function decodeSource(file: LeaderFile): void {
  const { bytes } = file;
  if (bytes.length > file.config.maxFileBytes) {
    report(file, 'file-too-large', `File is ${bytes.length} bytes, over the ${file.config.maxFileBytes}-byte limit (maxFileBytes).`);
    file.fatal = true;
    return;
  }

  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeUtf16(bytes, 'utf-16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeUtf16(bytes, 'utf-16be');
  else if (looksBinary(bytes)) {
    report(file, 'binary-input', 'File is binary (it contains NUL or control bytes), not a text page.');
    file.fatal = true;
    return;
  } else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    text = utf8.decode(body);
    if (text.includes('\uFFFD')) {
      let valid = true;
      try {
        utf8Strict.decode(body);
      } catch {
        valid = false;
      }
      if (!valid) {
        file.text = text;
        file.lines = new LineIndex(text);
        const at = text.indexOf('\uFFFD');
        report(file, 'invalid-encoding', 'File is not valid UTF-8; invalid bytes were replaced with U+FFFD.', file.lines.position(at, at + 1));
      }
    }
  }

  file.text = text;
  file.lines = new LineIndex(text);
  if (text.trim() === '') {
    report(file, 'empty-input', bytes.length === 0 ? 'File is empty.' : 'File holds only whitespace.');
    file.fatal = true;
  }
}
