// Build report.html from a leaders.db alone: open it read-only, gather the data, inline Chart.js,
// and write the page atomically. Used by `ingest` (after report.json) and by `leaderpages report`.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openDatabase } from '../sinks/openDatabase.js';
import { writeFileAtomic } from '../sinks/writeFileAtomic.js';
import { loadReportData } from './loadReportData.js';
import { renderReportPage } from './renderReportPage.js';

let chartJs: string | null = null;

/** The text of Chart.js's UMD build, from the installed chart.js package. */
export function chartJsSource(): string {
  // The package's exports map does not list the UMD file; it sits beside its CommonJS entry.
  chartJs ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js'), 'utf8');
  return chartJs;
}

export function writeReportPage(databaseFile: string, htmlFile: string): void {
  const db = openDatabase(databaseFile, { readonly: true });
  let html: string;
  try {
    html = renderReportPage(loadReportData(db), chartJsSource());
  } finally {
    db.close();
  }
  writeFileAtomic(htmlFile, html);
}
