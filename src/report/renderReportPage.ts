// report.html: one self-contained page. The data goes in a JSON block escaped so no scraped text can
// end it or open markup; Chart.js and the page script are inlined, and a Content-Security-Policy
// allows those two scripts (by hash), the one stylesheet (by hash), and no network at all.

import { createHash } from 'node:crypto';
import type { ReportData } from './ReportData.js';
import { reportScript } from './reportScript.js';
import { reportStyle } from './reportStyle.js';

/** JSON safe inside a <script> element: no `<`, `>` or `&` (so no `</script>` or `<!--`), no U+2028/9. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page for `data`; `chartJs` is the text of Chart.js's UMD build. */
export function renderReportPage(data: ReportData, chartJs: string): string {
  return [...reportPageParts(data, chartJs)].join('');
}

/**
 * The page in pieces, in order: its data block is written a problem at a time, so a report over
 * 100,000 sources never holds the page (or its JSON) as one string. The pieces join to the same JSON
 * as jsonForScript(data) would give, escaping being character by character.
 */
export function* reportPageParts(data: ReportData, chartJs: string): Generator<string> {
  if (/<\/script|<!--/i.test(chartJs)) throw new Error('The Chart.js build contains "</script" or "<!--" and cannot be inlined as is.');
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(chartJs)} ${cspHash(reportScript)}`,
    `style-src ${cspHash(reportStyle)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>leaderpages run report</title>
<style>${reportStyle}</style>
</head>
<body>
<header>
  <h1>leaderpages run report</h1>
  <p id="run-meta"></p>
</header>
<main>
  <section class="tiles" id="tiles" aria-label="Counts"></section>
  <div class="grid">
    <section class="card">
      <h2>Sources by outcome</h2>
      <p class="note">Skipped: a duplicate id (another source owns it), or an input the folder walk left out (a link leading out of the inputs or nowhere …). Missing: in the database, not seen in this run.</p>
      <div class="chart" id="chart-outcomes"></div>
    </section>
    <section class="card">
      <h2>Sources by format</h2>
      <p class="note">Detected format of each source, by outcome.</p>
      <div class="chart" id="chart-formats"></div>
    </section>
    <section class="card wide">
      <h2>Diagnostics by rule</h2>
      <p class="note">Errors and warnings per rule over the sources of this run, and the files with the most.</p>
      <div class="split">
        <div class="chart" id="chart-rules"></div>
        <div id="worst-files"></div>
      </div>
    </section>
    <section class="card">
      <h2>Field coverage</h2>
      <p class="note" id="coverage-note"></p>
      <div class="chart" id="chart-coverage"></div>
    </section>
    <section class="card">
      <h2>Key themes</h2>
      <p class="note">Records whose themes were listed with separators or split by inference, and the inferred splits by confidence.</p>
      <div class="pair">
        <div class="chart" id="chart-themes"></div>
        <div class="chart" id="chart-confidence"></div>
      </div>
    </section>
    <section class="card wide">
      <h2>Dimension scores</h2>
      <p class="note">Distribution of each dimension's scores over the stored records (bins of 10; one scale for all).</p>
      <div class="multiples" id="dimensions"></div>
    </section>
    <section class="card wide">
      <h2>Slowest pages</h2>
      <p class="note">Time of each source's last parse, in its worker (unchanged sources keep the time of the run that parsed them; a worker's first pages include its warm-up).</p>
      <div class="chart" id="chart-slowest"></div>
    </section>
    <section class="card wide">
      <h2>Rejected and warned sources</h2>
      <p class="note">Every located diagnostic of every source that was rejected, skipped or warned about.</p>
      <div id="problems">
        <div class="controls">
          <input type="search" id="problems-filter" placeholder="Filter by file, leader, rule, message, field…" aria-label="Filter diagnostics" autocomplete="off">
          <select id="problems-severity" aria-label="Severity">
            <option value="all">all severities</option>
            <option value="error">errors</option>
            <option value="warning">warnings</option>
          </select>
          <span class="count" id="problems-count"></span>
        </div>
        <div class="table-wrap">
          <table>
            <thead><tr><th>File · leader</th><th>Outcome</th><th>Line:col</th><th>Severity</th><th>Rule</th><th>Message</th><th>Field</th></tr></thead>
            <tbody id="problems-body"></tbody>
          </table>
        </div>
      </div>
    </section>
  </div>
</main>
<footer>Generated by leaderpages from leaders.db. Self-contained: no network, charts by Chart.js (MIT).</footer>
<script type="application/json" id="report-data">`;
  yield* dataParts(data);
  yield `</script>
<script>${chartJs}</script>
<script>${reportScript}</script>
</body>
</html>
`;
}

/** jsonForScript(data), with its problems (the part that grows with the sources) one at a time. */
function* dataParts(data: ReportData): Generator<string> {
  const { problems, ...rest } = data;
  // The key added last is written last: '…,"problems":[]}', opened here and closed below.
  yield jsonForScript({ ...rest, problems: [] }).slice(0, -2);
  for (let i = 0; i < problems.length; i++) yield (i === 0 ? '' : ',') + jsonForScript(problems[i]);
  yield ']}';
}
