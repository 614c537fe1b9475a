// Read stage: turn bytes into text. A byte-order mark decides first (UTF-8, UTF-16LE/BE); then what the
// page declares (<meta charset>, http-equiv Content-Type, `encoding:` in Markdown front matter); then
// UTF-8 if the bytes are valid UTF-8; else windows-1252 (what browsers assume for undeclared Western
// pages), flagged as a guess. Binary and oversized input is refused. Where invalid UTF-8 remains, bad
// sequences become U+FFFD with a located warning (and a field that keeps one is an error later).

import { report, type LeaderFile } from '../file/LeaderFile.js';
import { LineIndex } from '../file/LineIndex.js';
import { declaredEncoding } from './declaredEncoding.js';
import { firstInvalidUtf8 } from './firstInvalidUtf8.js';
import { looksBinary } from './looksBinary.js';
import { decodeWindows1252 } from './windows1252.js';

type Decoder = InstanceType<typeof TextDecoder>;

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Legacy single-byte encoding assumed for pages that are not UTF-8 and say nothing. */
const fallbackEncoding = 'windows-1252';

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

function decodeUtf8(file: LeaderFile, body: Uint8Array, bomLength: number, bad: number): void {
  setText(file, utf8.decode(body));
  if (bad === -1) return;
  // The valid prefix decodes to exactly the text before the first replacement character.
  const at = utf8.decode(body.subarray(0, bad)).length;
  const point = file.lines.point(at);
  report(
    file,
    'invalid-encoding',
    `File is not valid UTF-8: byte 0x${hex(body[bad])} at offset ${bad + bomLength} (line ${point.line}, column ${point.column}) and any later invalid bytes were replaced with U+FFFD.`,
    file.lines.position(at, at + 1),
  );
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).padStart(2, '0');
}

/** A TextDecoder for a declared label, or null when the label names no encoding TextDecoder knows. */
function decoderFor(label: string): Decoder | null {
  try {
    return new TextDecoder(label, { fatal: false, ignoreBOM: true });
  } catch {
    return null;
  }
}

/** True when the bytes hold at least one well-formed multi-byte UTF-8 character. */
function hasUtf8Characters(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0xc2 || b > 0xf4) continue;
    const need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

/**
 * True when the bytes look like UTF-8, broken or not: a valid multi-byte character, or a lead byte
 * followed by a continuation byte (an overlong form, an encoded surrogate, a cut sequence). Latin-1
 * text has its accented letters between ASCII letters, so neither shape occurs in it in practice.
 */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  if (hasUtf8Characters(bytes)) return true;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if ((bytes[i] ?? 0) >= 0xc0 && ((bytes[i + 1] ?? 0) & 0xc0) === 0x80) return true;
  }
  return false;
}

/** Decode with a single-byte (or other non-UTF) decoder; the first non-ASCII byte locates a guess. */
function decodeLegacy(file: LeaderFile, body: Uint8Array, decoder: Decoder, guess: string | null): void {
  setText(file, decoder.encoding === 'windows-1252' ? decodeWindows1252(body) : decoder.decode(body));
  if (guess === null) return;
  const first = body.findIndex((b) => b >= 0x80);
  const at = first === -1 ? 0 : first; // single-byte: byte offset = text offset
  report(
    file,
    'encoding-guessed',
    `${guess}; read as ${decoder.encoding} (byte 0x${hex(body[first])} reads as "${file.text[at] ?? ''}"). Declare the encoding (<meta charset>, or encoding: in front matter) or save the page as UTF-8.`,
    file.lines.position(at, at + 1),
  );
}

function decodeDeclaredOrSniffed(file: LeaderFile, body: Uint8Array): void {
  const bad = firstInvalidUtf8(body);
  const declared = declaredEncoding(body);
  if (declared !== null) {
    const decoder = decoderFor(declared.label);
    if (decoder === null) {
      decodeUtf8(file, body, 0, bad);
      const where = file.lines.position(declared.offset, declared.offset + declared.label.length);
      report(file, 'invalid-encoding', `The page declares encoding "${declared.label}" (${declared.by}), which is not an encoding name; it was read as UTF-8.`, where);
      return;
    }
    if (decoder.encoding !== 'utf-8' && !decoder.encoding.startsWith('utf-16')) {
      if (bad === -1 && hasUtf8Characters(body)) {
        // A page re-saved as UTF-8 that kept its old declaration: its bytes say UTF-8.
        decodeUtf8(file, body, 0, -1);
        const where = file.lines.position(declared.offset, declared.offset + declared.label.length);
        report(file, 'encoding-guessed', `The page declares ${decoder.encoding} (${declared.by}) but its bytes are valid UTF-8 with non-ASCII characters; it was read as UTF-8.`, where);
        return;
      }
      decodeLegacy(file, body, decoder, null);
      return;
    }
    // Declared UTF-8 (or UTF-16 without a BOM, which HTML also reads as UTF-8).
    decodeUtf8(file, body, 0, bad);
    return;
  }
  if (bad !== -1 && !looksLikeUtf8(body)) {
    decodeLegacy(file, body, new TextDecoder(fallbackEncoding), 'File is not valid UTF-8 and declares no encoding');
    return;
  }
  decodeUtf8(file, body, 0, bad);
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
  } else if (bom !== null) {
    const body = bytes.subarray(bom.length);
    decodeUtf8(file, body, bom.length, firstInvalidUtf8(body));
  } else decodeDeclaredOrSniffed(file, bytes);

  if (file.text.trim() === '') {
    report(file, 'empty-input', bytes.length === 0 ? 'File is empty.' : bom !== null && bytes.length === bom.length ? 'File holds only a byte-order mark.' : 'File holds only whitespace.');
    file.fatal = true;
  }
}
