// Text stays text: markup written as text is kept literally in fields and flagged (markup-in-text);
// an element left open that swallows text is flagged (unclosed-markup). Fixtures in
// tests/fixtures/hostile/markup-* pin rule, line and column; these cases pin the values and the kinds.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configWith } from '../src/config/defaultConfig.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const hostile = join(import.meta.dirname, 'fixtures', 'hostile');

function parse(path: string, text: string) {
  return parseDocument({ path, bytes: text });
}

function rulesAt(result: ReturnType<typeof parse>, rule: string): string[] {
  return result.diagnostics.filter((d) => d.rule === rule).map((d) => `${d.line}:${d.column}`);
}

describe('markup written as text stays literal text', () => {
  it.each([
    ['markup-entities.html', 'bio', 'Led product at two marketplaces <img src=x onerror=alert(1)> before joining Example Labs.'],
    ['markup-escaped.md', 'bio', 'Led product at two marketplaces <img src=x onerror=alert(1)> before joining Example Labs.'],
    ['markup-text-page.txt', 'bio', 'Led product at two marketplaces <img src=x onerror=alert(1)> before joining Example Labs.'],
    ['markup-text-page.txt', 'summary', 'Dana Okafor explains how small pricing experiments compound; see [the talk](javascript:alert(1)).'],
  ] as const)('%s: %s', (name, field, value) => {
    const result = parseDocument({ path: `raw/${name}`, bytes: readFileSync(join(hostile, name)) });
    expect(result.record?.[field]).toBe(value);
    expect(rulesAt(result, 'markup-in-text').length).toBeGreaterThan(0);
  });

  it('an unclosed <svg> inside a paragraph loses only that paragraph, and says so', () => {
    const result = parseDocument({ path: 'raw/markup-unclosed-svg.html', bytes: readFileSync(join(hostile, 'markup-unclosed-svg.html')) });
    expect(result.record?.bio).toBe('Led product at two marketplaces');
    expect(result.record?.summary).toBe('Dana Okafor explains how small pricing experiments compound.');
    expect(rulesAt(result, 'unclosed-markup')).toEqual(['7:36']);
  });

  it.each([
    ['a decoded tag in HTML', 'p.html', '<p>A &lt;script&gt;x&lt;/script&gt; b</p>', ['1:6']],
    ['a decimal entity tag', 'p.html', '<p>A &#60;b onmouseover=x&#62; b</p>', ['1:6']],
    ['a comment written as text', 'p.txt', 'Plain <!-- note --> line', ['1:7']],
    ['a raw end tag in a text page', 'p.txt', 'Plain\n\nline </div> here', ['3:6']],
    ['an unclosed tag with an attribute in text', 'p.txt', 'Bio <svg onload=alert(1)', ['1:5']],
    ['an image in a text page', 'p.txt', 'See ![x](http://example.com/p.png)', ['1:10']],
    ['a link that Markdown could not read', 'p.md', "[x](javascript:alert('a b'))", ['1:5']],
  ])('%s is flagged', (_name, path, text, at) => {
    expect(rulesAt(parse(path, text), 'markup-in-text')).toEqual(at);
  });

  it.each([
    ['comparisons', 'p.txt', 'Growth < 5% and churn > 2%; a<b'],
    ['brackets without a link', 'p.md', 'See [1] and [note] (later)'],
    ['a Markdown link Markdown read', 'p.md', '[the talk](https://example.com/talk)'],
    ['real markup in HTML', 'p.html', '<p><b>Bold</b> and <a href="/x">link</a></p>'],
    ['closed hidden content', 'p.html', '<p>Shown <svg><title>icon</title></svg> text</p><div hidden>secret</div>'],
  ])('%s are not flagged', (_name, path, text) => {
    const result = parse(path, text);
    expect(rulesAt(result, 'markup-in-text')).toEqual([]);
    expect(rulesAt(result, 'unclosed-markup')).toEqual([]);
  });

  it.each([
    ['an unclosed comment', 'p.html', '<p>Bio</p><!-- the rest <p>Summary text</p>', ['1:11']],
    ['an unclosed script', 'p.html', '<p>Bio</p>\n<script>var x = 1;\n<p>Summary text</p>', ['2:1']],
    ['a hidden element left open', 'p.html', '<div>Bio <span hidden>secret</div><p>Summary</p>', ['1:10']],
    ['an unclosed svg in Markdown inline HTML', 'p.md', 'Bio **<svg onload=x>bold text** end', ['1:7']],
    ['an unclosed template in a Markdown HTML block', 'p.md', 'Bio\n\n<template>\n<p>Swallowed', ['3:1']],
  ])('%s is flagged as unclosed-markup', (_name, path, text, at) => {
    expect(rulesAt(parse(path, text), 'unclosed-markup')).toEqual(at);
  });

  it('turning the rules off changes no record', () => {
    const bytes = readFileSync(join(hostile, 'markup-text-page.txt'));
    const on = parseDocument({ path: 'raw/markup-text-page.txt', bytes });
    const off = parseDocument({ path: 'raw/markup-text-page.txt', bytes, config: configWith({ rules: { 'markup-in-text': 'off', 'unclosed-markup': 'off' } }) });
    expect(off.record).toEqual(on.record);
    expect(off.diagnostics.filter((d) => d.rule === 'markup-in-text' || d.rule === 'unclosed-markup')).toEqual([]);
  });
});
