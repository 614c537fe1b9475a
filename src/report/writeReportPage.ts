// Build report.html from a leaders.db alone: gather the data, inline Chart.js, and write the page
// atomically. Used by `ingest` (after report.json) and by `leaderpages report`.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openDatabase, type LeaderDatabase } from '../sinks/openDatabase.js';
import { writeFileAtomic } from '../sinks/writeFileAtomic.js';
import { loadReportData } from './loadReportData.js';
import type { ReportData } from './ReportData.js';
import { reportPageParts } from './renderReportPage.js';

let chartJs: string | null = null;

/** The text of Chart.js's UMD build, from the installed chart.js package. */
export function chartJsSource(): string {
  // The package's exports map does not list the UMD file; it sits beside its CommonJS entry.
  chartJs ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js'), 'utf8');
  return chartJs;
}

/**
 * `database`: a file, opened read-only for the page; or an open connection (the ingest's own, which
 * also keeps the figures over all records for the next run: see loadReportData).
 */
export function writeReportPage(database: string | LeaderDatabase, htmlFile: string): void {
  const db = typeof database === 'string' ? openDatabase(database, { readonly: true }) : database;
  let data: ReportData;
  try {
    data = loadReportData(db);
  } finally {
    if (db !== database) db.close();
  }
  writeFileAtomic(htmlFile, reportPageParts(data, chartJsSource()));
}
