// Maps offsets in a text to 1-based line/column points, in O(log lines) per lookup.

import type { Point, Position } from './Position.js';

export class LineIndex {
  readonly #starts: number[] = [0];
  readonly #length: number;

  constructor(text: string) {
    this.#length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.#starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.#starts.push(i + 1);
    }
  }

  point(offset: number): Point {
    const at = Math.max(0, Math.min(offset, this.#length));
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.#starts[lo] ?? 0) + 1, offset: at };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }
}
