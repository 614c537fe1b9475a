// Text marks in one table: the characters that mean something on a leader page whatever tool made it —
// bullet glyphs, list arrows, dashes before an attribution, quotation pairs, breadcrumb separators.
// Every stage reads its patterns from here, so a new glyph is added once.

/** Bullet glyphs a list item may start with (ASCII `*`, `+`, `-` included). */
export const bulletGlyphs = '•·●▪◦‣∙○■□➤►▶*+-';
/** Arrows a copy puts before an item ("→ Start with the customer"); never the start of prose. */
export const arrowGlyphs = '→➜➔➤►▶';
/** The ASCII spelling of an arrow, as converters that transliterate to ASCII write it ("->Start with …"). */
const asciiArrow = '->';
/**
 * Any other pictograph or non-ASCII symbol a template may use as a bullet (✓ ✔ ✅ ◆ ▸ ❯ ⇒ …) and
 * circled numbers (① ❶): symbols never begin prose. ASCII symbols (`|`, `=`, `<`) are left out:
 * they begin tables and code; so are © ® ™ °, which begin footers and measures.
 */
const symbolBullet = '(?![\\x00-\\x7f\\u00a9\\u00ae\\u2122\\u00b0])[\\p{So}\\p{Sm}\\u2460-\\u24ff\\u2768-\\u2793]\\ufe0f?';
/** Dashes that open an attribution ("— On product"); `--` is the ASCII spelling. */
export const attributionDashes = ['—', '–', '―', '--'] as const;
/** Opening quotation mark → the closing marks that may end it (straight quotes close anything). */
export const quotePairs: Readonly<Record<string, string>> = { '"': '"', '“': '”', '”': '”', '„': '“', '«': '»', '‘': '’', "'": "'" };
/** Marks that may open a quotation line; a straight single quote is too often an apostrophe. */
export const quoteOpeners = '"“”„«‘';
/** Marks that may close a quotation line. */
export const quoteClosers = '"“”»’';
/** Separators between breadcrumb steps ("Home › Leaders", "Home / Leaders / Bill Carr"). */
export const breadcrumbSeparators = '›»>/|→';

const charClass = (chars: string): string => `[${chars.replace(/[\\\]^-]/g, '\\$&')}]`;
const dashAlternatives = attributionDashes.join('|');

/** A list marker and the blanks after it: a bullet, an arrow, `1.`, `1)`, `(1)`. */
export const listMarker = new RegExp(`^(?:${asciiArrow}|${charClass(bulletGlyphs + arrowGlyphs)}|${symbolBullet}|\\d{1,3}[.)]|\\(\\d{1,3}\\))(?:\\s+|$)`, 'u');
/** An arrow glued to its item ("→Start with …"): arrows never begin prose, so no blank is needed. */
export const gluedArrow = new RegExp(`^(?:${asciiArrow}|${charClass(arrowGlyphs)})(?=\\S)`);
/** A line that is a list item in plain text: a bullet or a number, then blanks. */
export const itemStart = new RegExp(`^(?:${asciiArrow}|${charClass(bulletGlyphs + arrowGlyphs)}|${symbolBullet}|\\d{1,3}[.)])[ \\t\\u00a0]+`, 'u');
/** A line holding only an arrow (browser copies put it on its own line before the item). */
export const arrowOnly = new RegExp(`^(?:${charClass(arrowGlyphs)}|->|&rarr;)$`);
/** A line that opens with an attribution dash. */
export const attributionStart = new RegExp(`^(?:${dashAlternatives})`);
/** An attribution dash and the blanks after it (a lone ASCII hyphen counts here, after a quotation). */
export const attributionDash = new RegExp(`^(?:${dashAlternatives}|-)\\s*`);
/** A quotation and its attribution on one line: `"…" — context`. */
export const inlineAttribution = new RegExp(`(${charClass(quoteClosers)})\\s+(?:${dashAlternatives})\\s+(?=\\S)`, 'g');
export const quoteOpen = new RegExp(`^${charClass(quoteOpeners)}`);
export const quoteClose = new RegExp(`${charClass(quoteClosers)}$`);
/** A link-reference marker a text browser leaves before a link's label: `[12]Leaders`. */
export const linkReference = /\[(\d{1,4})\]/g;
/** A bare URL (with a scheme), alone on a line or after a list number: a link-reference list entry. */
export const referenceEntry = /^(?:\d{1,4}[.)]\s+)?[a-z][a-z0-9+.-]*:\/\/\S*$/i;
/** A breadcrumb step separator surrounded by blanks or at the end of a step. */
export const breadcrumbStep = new RegExp(`(?:^|\\s)${charClass(breadcrumbSeparators)}(?:\\s|$)`);
/** A line ending in an article, preposition or conjunction: the phrase carries on to the next line. */
export const phraseGoesOn = /(?:^|\s)(?:a|an|the|of|to|in|on|for|with|from|by|at|as|and|or|but|vs\.?|versus|into|about|between|than)$/i;
