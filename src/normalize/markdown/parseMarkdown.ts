// The one Markdown parser: CommonMark plus GFM (tables, strikethrough), positions as mdast points.

import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
