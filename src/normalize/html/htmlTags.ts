// Tag tables for the HTML normalizer: what is skipped, what starts a block, what each block becomes.

import type { BlockKind } from '../../file/Block.js';

/** Never read: metadata, code, embedded documents, form controls. */
export const skippedTags = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe',
  'object', 'embed', 'canvas', 'audio', 'video', 'source', 'track', 'button', 'select', 'option', 'optgroup',
  'datalist', 'textarea', 'input', 'dialog',
]);

/** Site chrome: navigation always; page header/footer unless they belong to the content (see walkBlocks). */
export const chromeTags = new Set(['nav', 'header', 'footer']);

/** Elements laid out as blocks; everything else (span, a, em, unknown tags …) is inline. */
export const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'search',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);

export const headingDepths: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** Sectioning elements: a <header> inside one is the content's own header, not site chrome. */
export const sectioningTags = new Set(['main', 'article', 'section', 'aside']);

/** Where the profile itself lives, in order of preference. */
export const contentRootTags = ['main', 'article', 'body'] as const;

/** Inside a quote, these carry the attribution. */
export const attributionTags = new Set(['cite', 'footer', 'figcaption']);

export const listTags = new Set(['ul', 'ol', 'menu', 'dir']);

/** Kinds a plain inline run becomes when its whole text sits in one <cite>. */
export const citeableKinds = new Set<BlockKind>(['line', 'paragraph']);

export const strongTags = new Set(['strong', 'b']);

/** Elements without content or end tag. */
export const voidTags = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Elements whose content the parser reads as text: tags inside them are not tags. */
export const rawTextTags = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

/** Elements whose end tag may be left out: the next sibling or the parent's end closes them. */
export const optionalEndTags = new Set([
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'tbody', 'thead', 'tfoot',
  'colgroup', 'caption', 'html', 'head', 'body',
]);
