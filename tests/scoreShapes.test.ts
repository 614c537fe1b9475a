// Dimension scores as other site templates show them: a word for per cent, a score out of 10 or 5,
// and HTML gauges that show the value without writing it (<meter>, <progress>, role="progressbar").
// A value that is no whole percentage is an error where it stands, never rounded in silence.

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const names = ['Strategic Vision', 'Execution & Craft', 'Data & Experimentation', 'Growth & Distribution', 'Team & Leadership', 'User Empathy & Research'];
const scores = [80, 70, 50, 60, 90, 75];

function markdown(row: (name: string, score: number) => string): string {
  return `# Ada Lovelace\n\nAnalyst at Babbage & Co\n\n## Dimension Profile\n\n${names.map((n, i) => row(n, scores[i]!)).join('\n')}\n\n## Key Themes\n\n- engines\n- poetry\n`;
}

function html(gauge: (score: number) => string): string {
  const rows = names.map((n, i) => `<li><span>${n}</span> ${gauge(scores[i]!)}</li>`).join('');
  return `<html><body><h1>Ada Lovelace</h1><p>Analyst at Babbage &amp; Co</p><h2>Dimension Profile</h2><ul>${rows}</ul><h2>Key Themes</h2><ul><li>engines</li><li>poetry</li></ul></body></html>`;
}

describe('scores written in words or on another scale', () => {
  it.each([
    ['"80 percent"', (n: string, s: number) => `- ${n} — ${s} percent`],
    ['"8/10"', (n: string, s: number) => `- ${n}: ${s / 10}/10`],
    ['"4 / 5"', (n: string, s: number) => `- ${n}: ${s / 20} / 5`],
    ['"80/100"', (n: string, s: number) => `- ${n}: ${s}/100`],
    ['"8 out of 10"', (n: string, s: number) => `- ${n}: ${s / 10} out of 10`],
    ['"80% Strategic Vision"', (n: string, s: number) => `- ${s}% ${n}`],
  ])('%s reads as a percentage', (_shape, row) => {
    const { record, diagnostics } = parseDocument({ path: 'a.md', bytes: markdown(row) });
    expect(record?.dimensions.map((d) => d.score)).toEqual(scores);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a score out of 10 that is no whole percentage is an error at its row', () => {
    const page = markdown((n, s) => `- ${n}: ${n.startsWith('Data') ? '5.25' : s / 10}/10`);
    const { record, diagnostics } = parseDocument({ path: 'a.md', bytes: page });
    expect(record).toBeNull();
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'malformed-percentage', line: 9, column: 27, path: 'dimensions[2].score' }));
  });
});

describe('HTML gauges', () => {
  it.each([
    ['<meter value max=100>', (s: number) => `<meter value="${s}" max="100"></meter>`],
    ['<meter value max=10>', (s: number) => `<meter value="${s / 10}" max="10"></meter>`],
    ['<progress value> (max 1)', (s: number) => `<progress value="${s / 100}"></progress>`],
    ['<span role=progressbar aria-valuenow>', (s: number) => `<span role="progressbar" aria-valuenow="${s}" aria-valuemin="0" aria-valuemax="100"></span>`],
  ])('%s shows its value as a percentage', (_shape, gauge) => {
    const { record } = parseDocument({ path: 'a.html', bytes: html(gauge) });
    expect(record?.dimensions.map((d) => d.score)).toEqual(scores);
  });

  it('a gauge that also writes its value is read once', () => {
    const { record, diagnostics } = parseDocument({ path: 'a.html', bytes: html((s) => `<meter value="${s}" max="100">${s}%</meter>`) });
    expect(record?.dimensions.map((d) => d.score)).toEqual(scores);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
