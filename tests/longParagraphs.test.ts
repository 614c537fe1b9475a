// 2 MB documents of many lines — one wrapped paragraph, or many small constructs — in every format:
// parsing must stay linear (these once took 17 s in the text joiner, 11 s in the themes splitter and
// 8.6 s inside micromark).
// Results are asserted, not durations; the generous timeout is what fails on a quadratic regression.

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor'.split(' ');

function wrappedParagraph(wordCount: number, width = 72): string {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < wordCount; i++) {
    const word = words[i % words.length]!;
    if (`${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

const body = wrappedParagraph(300_000);

describe('long wrapped paragraphs', () => {
  it.each([
    ['summary in text', 'a.txt', `Ada Lovelace\n\nAnalyst\n\nDimension Profile\n\nStrategic Vision 70%\n\nEpisode Summary\n\n${body}\n`],
    ['themes in text', 'a.txt', `Ada Lovelace\n\nAnalyst\n\nDimension Profile\n\nStrategic Vision 70%\n\nKey Themes\n\n${body}\n`],
    ['an open quotation in text', 'a.txt', `Ada Lovelace\n\nAnalyst\n\nDimension Profile\n\nStrategic Vision 70%\n\nNotable Quotes\n\n"${body}\n`],
    ['themes in Markdown', 'a.md', `# Ada Lovelace\n\nAnalyst\n\n## Dimension Profile\n\nStrategic Vision 70%\n\n## Key Themes\n\n${body}\n`],
    ['50,000 blockquotes in Markdown', 'a.md', `# Ada Lovelace\n\nAnalyst\n\n## Dimension Profile\n\nStrategic Vision 70%\n\n## Notable Quotes\n\n${'> "a"\n>\n> — b\n\n'.repeat(50_000)}`],
    ['200,000 list items in HTML', 'a.html', `<h1>Ada Lovelace</h1><p>Analyst</p><h2>Dimension Profile</h2><p>Strategic Vision 70%</p><h2>Key Themes</h2><ul>${'<li>ab</li>\n'.repeat(200_000)}</ul>`],
    ['themes in HTML', 'a.html', `<h1>Ada Lovelace</h1><p>Analyst</p><h2>Dimension Profile</h2><p>Strategic Vision 70%</p><h2>Key Themes</h2><p>${body}</p>`],
  ])('%s', (_name, path, text) => {
    expect(text.length).toBeGreaterThan(500_000);
    const { record, diagnostics } = parseDocument({ path, bytes: text });
    expect(record?.name).toBe('Ada Lovelace');
    expect(record?.dimensions[0]).toEqual({ key: 'strategic-vision', name: 'Strategic Vision', score: 70 });
    for (const d of diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('joins the wrapped summary into one value', () => {
    const { record } = parseDocument({ path: 'a.txt', bytes: `Ada Lovelace\n\nAnalyst\n\nDimension Profile\n\nStrategic Vision 70%\n\nEpisode Summary\n\n${body}\n` });
    expect(record?.summary).toBe(body.replace(/\n/g, ' '));
  }, 30_000);
});
