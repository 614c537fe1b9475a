// Does a value stop where no sentence or list item stops? A trailing comma, an open dash or bracket, or
// a word that needs another after it ("the", "and", "of") means a continuation line was lost.

const needsMore = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'to', 'in', 'into', 'for', 'with', 'on', 'at', 'by', 'from', 'as', 'that', 'than', 'is', 'are', 'was', 'were', 'be', 'if', 'because', 'while', 'your', 'their', 'our', 'its', 'his', 'her', 'my']);
const openEnd = /[,;:(\[{—–-]$/;

/** Why the text ends mid-sentence (for the message), or null when it ends where a value can end. */
export function endsMidSentence(text: string): string | null {
  const trimmed = text.trimEnd();
  if (openEnd.test(trimmed)) return `it ends with "${trimmed.slice(-1)}"`;
  const last = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
  return needsMore.has(last.toLowerCase()) ? `its last word is "${last}"` : null;
}
