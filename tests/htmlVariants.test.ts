// Other site templates and converters for the same pages: the same record must come out of each.
// Variants are rewritten here, with cheerio, from ../shared/corpus site-html and Markdown pages.

import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { comparedFields, defaultCorpusRoot, listCorpus, type CorpusDocument } from '../scripts/corpusAccuracy.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';

type Variant = (html: string) => string;

function rewrite(edit: ($: ReturnType<typeof load>) => void): Variant {
  return (html) => {
    const $ = load(html);
    edit($);
    return $.html();
  };
}

const htmlVariants: Record<string, Variant> = {
  'headings one level down, upper-cased': rewrite(($) => {
    $('h2').each((_, el) => void $(el).replaceWith(`<h3>${$(el).text().toUpperCase()}</h3>`));
    $('h1').each((_, el) => void $(el).replaceWith(`<h2>${$(el).html() ?? ''}</h2>`));
  }),
  'dimensions as a definition list': rewrite(($) => {
    const section = $('h2').filter((_, el) => $(el).text() === 'Dimension Profile').parent();
    const rows = section.find('div.flex.justify-between, div.justify-between').toArray();
    const dl = rows.map((row) => `<dt>${$(row).children().eq(0).html()}</dt><dd>${$(row).children().eq(1).text()}</dd>`).join('');
    section.find('h2').nextAll().remove();
    section.append(`<dl>${dl}</dl>`);
  }),
  'dimensions as a table': rewrite(($) => {
    const section = $('h2').filter((_, el) => $(el).text() === 'Dimension Profile').parent();
    const rows = section.find('div.justify-between').toArray();
    const body = rows.map((row) => `<tr><td>${$(row).children().eq(0).html()}</td><td>${$(row).children().eq(1).text()}</td></tr>`).join('\n');
    section.find('h2').nextAll().remove();
    section.append(`<table><thead><tr><th>Dimension</th><th>Score</th></tr></thead><tbody>${body}</tbody></table>`);
  }),
  'principles as an ordered list, quotes as figures': rewrite(($) => {
    $('ul.space-y-3').each((_, ul) => {
      const items = $(ul).find('li').toArray().map((li) => `<li>${$(li).children().last().html()}</li>`);
      $(ul).replaceWith(`<ol>${items.join('\n')}</ol>`);
    });
    $('blockquote').each((_, q) => {
      const cite = $(q).find('cite').html() ?? '';
      $(q).find('cite').remove();
      $(q).replaceWith(`<figure><blockquote>${$(q).html()}</blockquote><figcaption>${cite}</figcaption></figure>`);
    });
  }),
  'no <main>, non-breaking spaces, one line per element': (html) =>
    html.replace(/<\/?main>/g, '').replace(/(<\/(?:p|span|h\d|li|a|cite)>)/g, '$1\n').replace(/ (?=\S+<\/span>)/g, '&nbsp;'),
};

const markdownVariants: Record<string, Variant> = {
  'hard-wrapped at 72, * bullets': (md) =>
    md
      .replace(/^- /gm, '* ')
      .split('\n')
      .flatMap((line) => (line.length > 72 && !line.startsWith('|') ? wrap(line, 72) : [line]))
      .join('\n'),
  'upper-cased headings, __strong__': (md) =>
    md.replace(/^([^\r\n]+?)( *\r?\n-{3,})/gm, (_m, t: string, rest: string) => `${t.toUpperCase()}${rest}`).replace(/^(#{2,3}) (.*)$/gm, (_m, h: string, t: string) => `${h} ${t.toUpperCase()}`).replace(/\*\*/g, '__'),
};

/** Hand-written Markdown variants (clean-md only). */
const handWrittenVariants: Record<string, Variant> = {
  'themes one per line, without list markers': (md) =>
    md.replace(/(## Key Themes\s*\n\s*\n)((?:- .*\r?\n)+)/, (_m, head: string, items: string) => head + items.replace(/^- /gm, '')),
};

/** Wrap a Markdown line, keeping quote and list prefixes on continuation lines. */
function wrap(line: string, width: number): string[] {
  const prefix = /^(?:> ?|\s*(?:[*+-]|\d+\.)\s+)/.exec(line)?.[0] ?? '';
  const hang = prefix.startsWith('>') ? prefix : ' '.repeat(prefix.length);
  const out: string[] = [];
  let current = prefix;
  for (const word of line.slice(prefix.length).split(' ')) {
    if ((current + word).length > width && current.trim() !== prefix.trim()) {
      out.push(current.trimEnd());
      current = hang;
    }
    current += `${word} `;
  }
  out.push(current.trimEnd());
  return out;
}

function check(docs: CorpusDocument[], variant: Variant, skipThemes: (doc: CorpusDocument) => boolean): string[] {
  const failures: string[] = [];
  for (const doc of docs) {
    const source = readFileSync(doc.path, 'utf8').replace(/^\uFEFF/, '');
    const changed = variant(source);
    if (changed === source) failures.push(`${doc.path}: the variant left the page unchanged`);
    const { record, diagnostics } = parseDocument({ path: doc.path, bytes: changed });
    const fields = comparedFields.filter((f) => f !== 'themes' || !skipThemes(doc));
    const wrong: string[] = fields.filter((f) => !isDeepStrictEqual((record as Record<string, unknown> | null)?.[f], doc.expected[f]));
    // Run-together themes may be split wrongly, but never without the warning.
    const themesWrong = !isDeepStrictEqual(record?.themes, doc.expected['themes']);
    if (themesWrong && !diagnostics.some((d) => d.rule === 'themes-inferred')) wrong.push('themes (without themes-inferred)');
    if (wrong.length > 0) failures.push(`${doc.path}: ${wrong.join(', ')}`);
  }
  return failures;
}

const corpus = listCorpus(defaultCorpusRoot);

describe.each(Object.entries(htmlVariants))('site template variant: %s', (_name, variant) => {
  it('gives the same record for every site-html page', () => {
    expect(check(corpus.filter((d) => d.family === 'site-html'), variant, () => false)).toEqual([]);
  });
});

describe.each(Object.entries(markdownVariants))('Markdown converter variant: %s', (_name, variant) => {
  it('gives the same record for every clean-md and turndown-md page', () => {
    const docs = corpus.filter((d) => d.family === 'clean-md' || d.family === 'turndown-md');
    expect(check(docs, variant, (d) => d.family === 'turndown-md')).toEqual([]);
  });
});

describe.each(Object.entries(handWrittenVariants))('hand-written Markdown variant: %s', (_name, variant) => {
  it('gives the same record for every clean-md page', () => {
    expect(check(corpus.filter((d) => d.family === 'clean-md'), variant, () => false)).toEqual([]);
  });
});
