// Stream lines into a file atomically, with back-pressure, so memory stays flat however many records.

import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import { discardTemp, tempPathFor } from './writeFileAtomic.js';

export async function writeLinesAtomic(file: string, lines: Iterable<string>): Promise<number> {
  const temp = tempPathFor(file);
  const out = createWriteStream(temp);
  let count = 0;
  let chunk = '';
  try {
    for (const line of lines) {
      chunk += line + '\n';
      count++;
      if (chunk.length >= 1 << 16) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
    await rename(temp, file);
  } catch (error) {
    out.destroy();
    discardTemp(temp);
    throw error;
  }
  return count;
}
