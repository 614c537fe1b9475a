// Many distinct leader pages made from the shared corpus, for the ingest benchmark and crash test:
// each copy gets a unique leader name (every occurrence of the original name is rewritten), so
// every page yields its own id. All five page shapes are mixed.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';

// This file runs from scripts/ (tests) and from dist/scripts/ (npm run bench).
const projectRoot = resolve(import.meta.dirname, basename(resolve(import.meta.dirname, '..')) === 'dist' ? '../..' : '..');
export const corpusDir = resolve(projectRoot, '..', 'shared', 'corpus', 'dev');

export const families = ['seed-text', 'inner-text', 'site-html', 'turndown-md', 'clean-md'] as const;

interface Template {
  family: string;
  ext: string;
  name: string;
  text: string;
}

/** Pages of every family whose leader name appears in the page, so it can be rewritten. */
export function loadTemplates(dir = corpusDir): Template[] {
  const templates: Template[] = [];
  for (const family of families) {
    for (const file of readdirSync(join(dir, family)).sort()) {
      const id = file.slice(0, -extname(file).length);
      const expected = JSON.parse(readFileSync(join(dir, 'expected', family, `${id}.json`), 'utf8')) as { name: string };
      const text = readFileSync(join(dir, family, file), 'utf8');
      if (text.includes(expected.name)) templates.push({ family, ext: extname(file), name: expected.name, text });
    }
  }
  return templates;
}

/** 0 → "Aa", 1 → "Ab" …: letters only, so the name stays a plausible name and its slug unique. */
function suffix(n: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let out = '';
  let rest = n;
  do {
    out = letters[rest % 26] + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return 'Q' + out;
}

export interface SyntheticCorpus {
  files: string[];
  bytes: number;
}

/** Write `count` pages under `dir`, round-robin over the templates' shapes, 1,000 files per folder. */
export function writeSyntheticCorpus(dir: string, count: number, templates = loadTemplates()): SyntheticCorpus {
  const byFamily = families.map((f) => templates.filter((t) => t.family === f)).filter((list) => list.length > 0);
  const files: string[] = [];
  const folders = new Set<string>();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const list = byFamily[i % byFamily.length] ?? [];
    const template = list[Math.floor(i / byFamily.length) % list.length];
    if (template === undefined) throw new Error('no corpus templates found');
    const name = `${template.name} ${suffix(i)}`;
    const folder = join(dir, template.family, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    const file = join(folder, `page-${String(i).padStart(6, '0')}${template.ext}`);
    const text = template.text.split(template.name).join(name);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
