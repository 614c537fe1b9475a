// Read stage: turn bytes into text. Detects byte-order marks (UTF-8, UTF-16LE/BE), refuses
// binary files and oversized input, and replaces invalid UTF-8 with U+FFFD (with a located warning).

import { report, type LeaderFile } from '../file/LeaderFile.js';
import { LineIndex } from '../file/LineIndex.js';
import { firstInvalidUtf8 } from './firstInvalidUtf8.js';
import { looksBinary } from './looksBinary.js';

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a byte-order mark announces, and how many bytes the mark takes. */
function byteOrderMark(bytes: Uint8Array): { encoding: Encoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function setText(file: LeaderFile, text: string): void {
  file.text = text;
  file.lines = new LineIndex(text);
}

function decodeUtf16(file: LeaderFile, body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): void {
  setText(file, new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body));
  if (body.length % 2 === 1) {
    const at = file.text.length - 1;
    report(file, 'invalid-encoding', `File is ${encoding.toUpperCase()} with an odd number of bytes; the last byte was replaced with U+FFFD.`, file.lines.position(at, at + 1));
  }
}

function decodeUtf8(file: LeaderFile, body: Uint8Array, bomLength: number): void {
  setText(file, utf8.decode(body));
  const bad = firstInvalidUtf8(body);
  if (bad === -1) return;
  // The valid prefix decodes to exactly the text before the first replacement character.
  const at = utf8.decode(body.subarray(0, bad)).length;
  const point = file.lines.point(at);
  report(
    file,
    'invalid-encoding',
    `File is not valid UTF-8: byte 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad + bomLength} (line ${point.line}, column ${point.column}) and any later invalid bytes were replaced with U+FFFD.`,
    file.lines.position(at, at + 1),
  );
}

export function decodeSource(file: LeaderFile): void {
  const { bytes } = file;
  if (bytes.length > file.config.maxFileBytes) {
    report(file, 'file-too-large', `File is ${bytes.length} bytes, over the ${file.config.maxFileBytes}-byte limit (maxFileBytes).`);
    file.fatal = true;
    return;
  }

  const bom = byteOrderMark(bytes);
  if (bom !== null && bom.encoding !== 'utf-8') decodeUtf16(file, bytes.subarray(bom.length), bom.encoding);
  else if (looksBinary(bytes)) {
    report(file, 'binary-input', 'File is binary (it contains NUL or control bytes), not a text page.');
    file.fatal = true;
    return;
  } else decodeUtf8(file, bom === null ? bytes : bytes.subarray(bom.length), bom?.length ?? 0);

  if (file.text.trim() === '') {
    report(file, 'empty-input', bytes.length === 0 ? 'File is empty.' : bom !== null && bytes.length === bom.length ? 'File holds only a byte-order mark.' : 'File holds only whitespace.');
    file.fatal = true;
  }
}
