// `npm run corpus`: field-level accuracy per family over ../shared/corpus (or a corpus folder given as argument).

import { comparedFields, defaultCorpusRoot, listCorpus, measureDocument, type DocumentResult } from './corpusAccuracy.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`Usage: npm run corpus -- [CORPUS_DIR] [--verbose]

Parse every document of a corpus (default ../shared/corpus: seed/ and dev/<family>/ with dev/expected/)
and print, per family, the share of record fields that equal the expected record.
  --verbose   also print every wrong field, expected against actual
`);
  process.exit(0);
}
const root = args.find((a) => !a.startsWith('--')) ?? defaultCorpusRoot;
const verbose = args.includes('--verbose');
const results = listCorpus(root).map(measureDocument);
const families = [...new Set(results.map((r) => r.family))];

function line(label: string, rs: DocumentResult[]): string {
  const fields = rs.length * comparedFields.length;
  const exact = fields - rs.reduce((n, r) => n + r.wrong.length, 0);
  const docs = rs.filter((r) => r.wrong.length === 0).length;
  return `${label.padEnd(12)} ${String(rs.length).padStart(5)} docs  ${((100 * exact) / fields).toFixed(2).padStart(6)}% fields exact  ${((100 * docs) / rs.length).toFixed(1).padStart(5)}% docs exact`;
}

for (const family of families) process.stdout.write(line(family, results.filter((r) => r.family === family)) + '\n');
process.stdout.write(line('all', results) + '\n');

const byField = comparedFields.map((f) => `${f}:${results.filter((r) => r.wrong.includes(f)).length}`).join('  ');
process.stdout.write(`wrong by field  ${byField}\n`);
if (verbose) {
  for (const r of results.filter((x) => x.wrong.length > 0)) {
    process.stdout.write(`\n${r.path}: ${r.wrong.join(', ')}\n`);
    for (const f of r.wrong) {
      process.stdout.write(`  ${f}\n    expected ${JSON.stringify(r.expected[f])?.slice(0, 300)}\n    actual   ${JSON.stringify(r.actual?.[f])?.slice(0, 300)}\n`);
    }
    if (r.actual === null) for (const d of r.diagnostics) process.stdout.write(`    ${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}\n`);
  }
}
