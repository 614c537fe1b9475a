// The block tree: the one contract between normalizers and everything after them.
// HTML, Markdown and plain text all become these few node kinds, each with its source position.

import type { Position } from './Position.js';

export type BlockKind =
  /** A section or page heading; `depth` 1–6 (plain-text headings get depth 2, the page title 1). */
  | 'heading'
  /** A run of prose (one or more source lines joined with single spaces). */
  | 'paragraph'
  /** One item of a list (bulleted, numbered, arrowed). */
  | 'listItem'
  /** Quoted text: a blockquote, a figure, or a line in quote marks. */
  | 'quote'
  /** An attribution line: `— context`, `<cite>`, `<figcaption>`. */
  | 'cite'
  /** A row of a table or a definition-list term/definition pair; `cells` holds the parts. */
  | 'row'
  /** A single line of plain text whose role is not known from markup. */
  | 'line';

/** A separately delimited inline piece of a block: a link, a chip, a table cell. */
export interface Span {
  text: string;
  position: Position;
}

export interface Block {
  kind: BlockKind;
  /** Plain text: entities decoded, Markdown escapes and emphasis removed, whitespace folded, trimmed. */
  text: string;
  position: Position;
  depth?: number;
  /** Inline pieces that markup kept apart (chips, links, cells), in order; absent when there is no markup. */
  spans?: Span[];
  /**
   * The text as the page wrote it, in capitals, when a converter uppercased a heading (html-to-text)
   * and `text` is its case restored (see restoreCase); extractors that take a value from it say so.
   */
  capitals?: { written: string; from: 'prose' | 'title-case' };
  /** Set when where the spans were cut at line ends is a guess (labels a converter wrapped, then ran together). */
  spansGuessed?: boolean;
  /** Set when the block was a strongly emphasised whole line (e.g. `**role**` in Markdown). */
  strong?: boolean;
}
