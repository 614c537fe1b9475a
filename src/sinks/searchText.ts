// The text columns of `leaders` that full-text search indexes (themes, principles, quotes) hold a
// list each, joined on one line: snippet() and ts_headline() quote these columns as they are, and a
// newline in a search hit breaks every one-line display of it. The separator is punctuation, so no
// tokenizer makes a word of it.

import { foldWhitespace } from '../normalize/foldWhitespace.js';

export const searchSeparator = ' · ';

/** `items` on one line, each item's whitespace runs (newlines too) made one space; null when empty. */
export function searchList(items: readonly string[]): string | null {
  return items.length === 0 ? null : items.map(foldWhitespace).join(searchSeparator);
}

/** Each quote's text, then its context when it has one, as one search list. */
export function searchQuotes(quotes: readonly { text: string; context: string | null }[]): string | null {
  return searchList(quotes.flatMap((q) => (q.context === null ? [q.text] : [q.text, q.context])));
}
