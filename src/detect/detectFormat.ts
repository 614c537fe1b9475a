// Detect stage: decide whether the text is HTML, Markdown or plain text.
// The extension decides for .html/.htm/.md/.markdown; anything else is sniffed from the content.

import { extname } from 'node:path';
import type { LeaderFile } from '../file/LeaderFile.js';
import type { SourceFormat } from '../schema/LeaderProfile.js';

const byExtension: Record<string, SourceFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
};

const htmlStart = /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)/i;
const htmlTag = /<(?:p|div|h[1-6]|ul|ol|li|section|span|blockquote|table|main|article)[\s>]/gi;
const markdownLine = /^(?:#{1,6}\s|={3,}\s*$|-{3,}\s*$|>\s|\|.*\|\s*$|\*\s{1,4}\S|\d+\\?\.\s)/;

/** Sniff the format of a text whose extension says nothing. */
export function sniffFormat(text: string): SourceFormat {
  const head = text.slice(0, 65536);
  if (htmlStart.test(head)) return 'html';
  if ((head.match(htmlTag) ?? []).length >= 3) return 'html';
  let markdown = 0;
  // The link pattern excludes its own openers so a line of `[a[a…` or `[a](…` is not scanned once per opener.
  for (const line of head.split(/\r\n|\r|\n/, 400)) {
    if (markdownLine.test(line) || /\*\*[^*]+\*\*|\[[^[\]]+\]\([^()]*\)/.test(line)) markdown++;
  }
  return markdown >= 3 ? 'markdown' : 'text';
}

export function detectFormat(file: LeaderFile): void {
  const known = byExtension[extname(file.path).toLowerCase()];
  if (known !== undefined) {
    file.format = known;
    return;
  }
  // A .txt (or extension-less) file is text unless it is plainly an HTML document.
  const sniffed = sniffFormat(file.text);
  file.format = sniffed === 'html' ? 'html' : extname(file.path).toLowerCase() === '.txt' ? 'text' : sniffed;
}
