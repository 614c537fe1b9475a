// The project's own page fixtures: tests/fixtures/pages/<name>.<ext> with <name>.expected.json
// (the record without `source`, plus the diagnostics). UPDATE=1 rewrites the expected files.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const dir = join(import.meta.dirname, 'fixtures', 'pages');
const pages = readdirSync(dir).filter((n) => !n.endsWith('.json')).sort();

function observe(name: string): unknown {
  const { record, diagnostics } = parseDocument({ path: name, bytes: readFileSync(join(dir, name)) });
  if (record === null) return { record: null, diagnostics };
  const { source: _source, ...fields } = record;
  return diagnostics.length === 0 ? fields : { ...fields, diagnostics };
}

describe('page fixtures', () => {
  it.each(pages)('%s', (name) => {
    const expectedPath = join(dir, name.replace(/\.[^.]+$/, '.expected.json'));
    const actual = observe(name);
    if (process.env['UPDATE'] === '1') writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
    expect(existsSync(expectedPath), `${expectedPath} is missing (write it by hand, or UPDATE=1 and review)`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});
