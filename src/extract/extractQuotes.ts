// Quotes extractor: each quotation (marks removed, inner quotes kept) with the attribution
// that follows it (dash removed) as its context.

import type { Block } from '../file/Block.js';
import { report, type LeaderFile } from '../file/LeaderFile.js';
import type { Quote } from '../schema/LeaderProfile.js';
import { sectionBlocks } from './sectionBlocks.js';
import { stripMarker } from './stripMarker.js';
import { endsMidSentence } from './endsMidSentence.js';
import { attributionDash as dash, attributionStart, inlineAttribution as inlineCite, quotePairs as pairs } from '../text/textMarks.js';

/** A closing quotation mark, then the attribution in parentheses to the end: `"…" (On x)`. */
const parenthesisedCite = /(["”»])\s+\(([^()]{2,200})\)$/;

export function unquote(text: string): string {
  const open = text.charAt(0);
  const close = pairs[open];
  if (close === undefined || text.length < 2) return text;
  const last = text.charAt(text.length - 1);
  if (last === close || last === '"' || last === '”') return text.slice(1, -1).trim();
  return text.slice(1).trim();
}

function isCite(block: Block): boolean {
  return block.kind === 'cite' || attributionStart.test(block.text);
}

export function extractQuotes(file: LeaderFile): void {
  const quotes: Quote[] = [];
  const { positions } = file.draft;
  let open: Quote | null = null;

  for (const block of sectionBlocks(file, 'quotes')) {
    if (isCite(block)) {
      const context = block.text.replace(dash, '').trim();
      if (open !== null && open.context === null && context !== '') {
        open.context = context;
        positions[`quotes[${quotes.length - 1}].context`] = block.position;
      } else {
        report(file, 'malformed-quote', `Attribution "${block.text.slice(0, 60)}" has no quotation before it.`, block.position);
      }
      continue;
    }
    let text = block.kind === 'listItem' ? stripMarker(block.text) : block.text;
    let context: string | null = null;
    const split = [...text.matchAll(inlineCite)].pop();
    const parenthesised = parenthesisedCite.exec(text);
    if (split !== undefined && split.index !== undefined && pairs[text.charAt(0)] !== undefined) {
      context = text.slice(split.index + split[0].length).trim();
      text = text.slice(0, split.index + 1);
    } else if (parenthesised !== null && pairs[text.charAt(0)] !== undefined) {
      // `"…" (On the engine)`: the attribution in parentheses after the closing mark.
      context = parenthesised[2]!.trim();
      text = text.slice(0, parenthesised.index + 1);
    }
    const words = unquote(text);
    if (words === '') continue;
    open = { text: words, context };
    const path = `quotes[${quotes.length}]`;
    positions[path] = block.position;
    // Markup (a blockquote, a figure) or quote marks say a text is a quotation; otherwise it is a guess.
    if (block.kind !== 'quote' && pairs[text.charAt(0)] === undefined) {
      report(file, 'quote-unmarked', `Quote ${quotes.length + 1} has no quotation marks and no quote markup; it was taken as a quotation because it sits in the quotes section.`, block.position, path);
    }
    const dangling = endsMidSentence(words);
    if (dangling !== null) report(file, 'item-ends-mid-sentence', `Quote ${quotes.length + 1} ends mid-sentence (${dangling}); part of it may have been lost.`, block.position, path);
    quotes.push(open);
  }
  file.draft.fields.quotes = quotes;
}
