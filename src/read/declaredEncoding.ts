// The encoding a page declares for itself, read from its first bytes: an HTML <meta charset> or
// <meta http-equiv="Content-Type" content="…; charset=…">, or `encoding:` / `charset:` in a
// Markdown front matter block. Only ASCII matters here, so the head is read byte for byte.

export interface DeclaredEncoding {
  /** The label as written, e.g. "windows-1252", "ISO-8859-1", "latin1". */
  label: string;
  /** Where it was declared. */
  by: 'meta charset' | 'front matter';
  /** Byte offset of the label (ASCII before it, so it is also the text offset). */
  offset: number;
}

/** As the HTML spec's prescan: the declaration must come early. */
const headBytes = 4096;

const metaCharset = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)/i;
const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const frontMatterKey = /^(?:encoding|charset)[ \t]*:[ \t]*["']?([A-Za-z0-9._:+-]+)/im;

export function declaredEncoding(bytes: Uint8Array): DeclaredEncoding | null {
  // One char per byte (latin1), as String.fromCharCode of each byte, decoded natively.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, headBytes)).toString('latin1');
  const front = frontMatter.exec(head);
  if (front !== null) {
    const body = front[1] ?? '';
    const key = frontMatterKey.exec(body);
    if (key !== null) {
      const label = key[1] ?? '';
      const bodyStart = front[0].indexOf('\n') + 1;
      return { label, by: 'front matter', offset: front.index + bodyStart + key.index + key[0].length - label.length };
    }
  }
  const meta = metaCharset.exec(head);
  if (meta !== null) return { label: meta[1] ?? '', by: 'meta charset', offset: meta.index + meta[0].length - (meta[1] ?? '').length };
  return null;
}
