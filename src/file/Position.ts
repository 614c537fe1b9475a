// Source positions: every block and field points back into the original file.

export interface Point {
  /** 1-based line in the decoded text. */
  line: number;
  /** 1-based column (UTF-16 code units) in that line. */
  column: number;
  /** 0-based offset into the decoded text. */
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}
