// `npm run corpus`: field-level accuracy per family over ../shared/corpus (or a corpus folder given as argument).

import { comparedFields, defaultCorpusRoot, listConverted, listCorpus, measureDocument, silentlyWrong, type DocumentResult } from './corpusAccuracy.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`Usage: npm run corpus -- [CORPUS_DIR] [--verbose]

Parse every document of a corpus (default ../shared/corpus: seed/ and dev/<family>/ with dev/expected/)
and the converted families of tests/fixtures/converted/ (real text browsers' copies of the site's
pages, see scripts/convert-fixtures.ts), and print, per family, the share of record fields that
equal the expected record (all fields, and all but themes), and the pages whose record is wrong or
missing without a diagnostic that points at the problem ("silent").
  --verbose   also print every wrong field, expected against actual
  --no-converted   only the corpus folder
`);
  process.exit(0);
}
const root = args.find((a) => !a.startsWith('--')) ?? defaultCorpusRoot;
const verbose = args.includes('--verbose');
const docs = [...listCorpus(root), ...(args.includes('--no-converted') ? [] : listConverted())];
const results = docs.map(measureDocument);
const families = [...new Set(results.map((r) => r.family))];

const percent = (n: number, of: number): string => ((100 * n) / of).toFixed(2).padStart(6);

function line(label: string, rs: DocumentResult[]): string {
  const fields = rs.length * comparedFields.length;
  const exact = fields - rs.reduce((n, r) => n + r.wrong.length, 0);
  const exactNoThemes = rs.length * (comparedFields.length - 1) - rs.reduce((n, r) => n + r.wrong.filter((f) => f !== 'themes').length, 0);
  const docs = rs.filter((r) => r.wrong.length === 0).length;
  const silent = rs.filter((r) => silentlyWrong(r).length > 0).length;
  return `${label.padEnd(24)} ${String(rs.length).padStart(5)} docs  ${percent(exact, fields)}% fields exact  ${percent(exactNoThemes, rs.length * (comparedFields.length - 1))}% but themes  ${percent(docs, rs.length)}% docs exact  ${String(silent).padStart(4)} silent`;
}

for (const family of families) process.stdout.write(line(family, results.filter((r) => r.family === family)) + '\n');
process.stdout.write(line('all', results) + '\n');

const byField = comparedFields.map((f) => `${f}:${results.filter((r) => r.wrong.includes(f)).length}`).join('  ');
process.stdout.write(`wrong by field  ${byField}\n`);
if (verbose) {
  for (const r of results.filter((x) => x.wrong.length > 0)) {
    const silent = silentlyWrong(r);
    process.stdout.write(`\n${r.path}: ${r.wrong.join(', ')}${silent.length > 0 ? `  SILENT: ${silent.join(', ')}` : ''}\n`);
    for (const f of r.wrong) {
      process.stdout.write(`  ${f}\n    expected ${JSON.stringify(r.expected[f])?.slice(0, 300)}\n    actual   ${JSON.stringify(r.actual?.[f])?.slice(0, 300)}\n`);
    }
    if (r.actual === null) for (const d of r.diagnostics) process.stdout.write(`    ${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}\n`);
  }
}
