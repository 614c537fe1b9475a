// The one Markdown parser: CommonMark plus GFM tables, positions as mdast points.
// Only the table extension of GFM: autolink literals and the rest never change a field, and cost a third of parse time.

import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTable).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
