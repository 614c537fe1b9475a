// Content a reader never sees: the `hidden` attribute or an inline display:none / visibility:hidden.

import type { HtmlNode } from './HtmlNode.js';

export function isHidden(element: HtmlNode): boolean {
  const attributes = element.attribs;
  if (attributes === undefined) return false;
  if (attributes['hidden'] !== undefined) return true;
  const style = attributes['style'];
  if (style === undefined || style === '') return false;
  const compact = style.replace(/\s+/g, '').toLowerCase();
  return compact.includes('display:none') || compact.includes('visibility:hidden');
}
