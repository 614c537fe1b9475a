// The parsed-HTML node shape this normalizer reads: the fields of cheerio's (domhandler's) nodes we
// use, typed structurally so no stage depends on the parser's own types.

export interface HtmlNode {
  /** 'tag' | 'script' | 'style' | 'text' | 'comment' | 'directive' | 'cdata' | 'root' */
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
  parent?: HtmlNode | null;
  /** Source offsets into the parsed string (htmlparser2's: end inclusive). */
  startIndex?: number | null;
  endIndex?: number | null;
}

/** Lower-case tag name of an element, or '' for text, comments and the document. */
export function tagOf(node: HtmlNode): string {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style' ? (node.name ?? '').toLowerCase() : '';
}
