// The run report in a real browser (Debian's chromium driven by playwright-core, never a downloaded
// one), with every network request aborted: no page errors, no CSP violations, every chart drawn, the
// table filters; and pages whose names, bios, quotes, themes, headings and file names carry script
// payloads run none of them. Saves tests/artifacts/report.png.

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/sinks/openDatabase.js';
import { writeReportPage } from '../src/report/writeReportPage.js';
import { makeHostileSite, makeReportSite, root, runCli } from './reportSites.js';

const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium) console.warn(`reportBrowser.test.ts skipped: ${chromiumPath} is missing (Debian package 'chromium'; .ci/run installs it).`);

interface Loaded {
  page: Page;
  errors: string[];
  /** Requests the page made other than for the report file itself. */
  requests: string[];
  /** Tags passed to window.__pwn by any payload that ran. */
  pwned: string[];
  violations: () => Promise<string[]>;
}

let browser: Browser;
const sites: string[] = [];

async function load(htmlFile: string): Promise<Loaded> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const url = pathToFileURL(htmlFile).href;
  const loaded: Loaded = {
    page,
    errors: [],
    requests: [],
    pwned: [],
    violations: () => page.evaluate('window.__violations') as Promise<string[]>,
  };
  page.on('pageerror', (error) => loaded.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') loaded.errors.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (request.url() !== url) loaded.requests.push(request.url());
  });
  await page.route('**', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.exposeFunction('__pwn', (tag: string) => loaded.pwned.push(String(tag)));
  // Page-side code is given as text: this project type-checks without the DOM library.
  await page.addInitScript(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  await page.goto(url);
  await page.waitForSelector('html[data-report-ready="true"]', { timeout: 30_000 });
  return loaded;
}

/** Per chart container: whether it holds a Chart instance whose canvas has painted pixels. */
function chartsDrawn(page: Page): Promise<Record<string, boolean>> {
  return page.evaluate(`(() => {
    const result = {};
    for (const box of document.querySelectorAll('[id^="chart-"]')) {
      const canvas = box.querySelector('canvas');
      let painted = false;
      if (canvas !== null && Chart.getChart(canvas) !== undefined && canvas.width > 0 && canvas.height > 0) {
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < pixels.length && !painted; i += 4) painted = pixels[i] > 0;
      }
      result[box.id] = painted;
    }
    return result;
  })()`);
}

function tableRows(page: Page): Promise<string[][]> {
  return page.evaluate(`[...document.querySelectorAll('#problems-body tr')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent))`);
}

describe.skipIf(!haveChromium)('report.html in Chromium', () => {
  let report: string;
  let hostileReport: string;

  beforeAll(async () => {
    const site = makeReportSite(8);
    const hostile = makeHostileSite();
    sites.push(site, hostile);
    // The report site has rejected pages (exit 1); every hostile page is written, with warnings that
    // quote its payloads (exit 0).
    for (const [dir, status] of [[site, 1], [hostile, 0]] as const) {
      const run = runCli(dir, 'ingest', 'raw', '--out', 'output', '--quiet');
      expect(run.status, run.stderr).toBe(status);
    }
    report = join(site, 'output', 'report.html');
    hostileReport = join(hostile, 'output', 'report.html');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    for (const site of sites) rmSync(site, { recursive: true, force: true });
  });

  it('draws every chart with no error, no CSP violation and no request, and keeps a screenshot', async () => {
    const { page, errors, requests, violations } = await load(report);
    const drawn = await chartsDrawn(page);
    const expected = ['chart-outcomes', 'chart-formats', 'chart-rules', 'chart-coverage', 'chart-themes', 'chart-confidence', 'chart-slowest'];
    for (const id of expected) expect(drawn[id], id).toBe(true);
    const dimensions = Object.keys(drawn).filter((id) => id.startsWith('chart-dimension-'));
    expect(dimensions.length).toBe(6);
    expect(Object.entries(drawn).filter(([, painted]) => !painted)).toEqual([]);
    expect(await page.evaluate('Object.keys(Chart.instances).length')).toBe(expected.length + dimensions.length);
    expect(await page.textContent('#tiles')).toMatch(/44\s*inputs in run/);

    mkdirSync(join(root, 'tests', 'artifacts'), { recursive: true });
    await page.screenshot({ path: join(root, 'tests', 'artifacts', 'report.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('filters the table by text and by severity', async () => {
    const { page, errors } = await load(report);
    const all = await tableRows(page);
    expect(all.length).toBeGreaterThan(5);
    expect(await page.textContent('#problems-count')).toContain(`Showing ${all.length} of ${all.length} diagnostics`);

    await page.fill('#problems-filter', 'duplicate-id');
    const duplicates = await tableRows(page);
    expect(duplicates.length).toBe(1);
    expect(duplicates[0]?.[0]).toContain('raw/zz-copies/');
    expect(duplicates[0]?.[1]).toBe('skipped');

    await page.fill('#problems-filter', 'OUT-OF-RANGE 170'); // words, any case, all must match
    const range = await tableRows(page);
    expect(range.map((r) => [r[0], r[2], r[4]])).toEqual([['raw/out-of-range.txt', '11:18', 'percentage-out-of-range']]);

    await page.fill('#problems-filter', 'dangling');
    expect((await tableRows(page)).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([['raw/dangling.txt', 'skipped', '', 'dangling-link']]);

    await page.fill('#problems-filter', 'no such text anywhere');
    expect(await tableRows(page)).toEqual([]);
    expect(await page.textContent('#problems-count')).toContain('Showing 0 of');

    await page.fill('#problems-filter', '');
    await page.selectOption('#problems-severity', 'error');
    const errorRows = await tableRows(page);
    expect(errorRows.length).toBe(3); // empty, out-of-range, duplicate
    expect(errorRows.every((r) => r[3] === 'error')).toBe(true);
    await page.selectOption('#problems-severity', 'warning');
    expect((await tableRows(page)).length).toBe(all.length - 3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an empty database as empty, without an error', async () => {
    const dir = join(sites[0] ?? root, 'empty-db');
    mkdirSync(dir);
    openDatabase(join(dir, 'leaders.db')).close(); // migrated, no run yet
    writeReportPage(join(dir, 'leaders.db'), join(dir, 'report.html'));
    const { page, errors, violations } = await load(join(dir, 'report.html'));
    expect(await page.textContent('#run-meta')).toBe('No run recorded in this database.');
    expect(Object.values(await chartsDrawn(page))).not.toContain(true);
    expect(await page.textContent('#chart-outcomes')).toBe('No sources.');
    expect(await page.textContent('#problems')).toBe('No source was rejected or warned about.');
    expect(errors).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('allows no script but its own: an injected inline script is blocked and reported', async () => {
    const { page, violations } = await load(report);
    await page.evaluate(`{
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
    }`);
    await page.waitForFunction('window.__violations.length > 0');
    expect(await page.evaluate('window.__injected')).toBeUndefined();
    expect((await violations()).join('\n')).toContain('script-src');
    await page.close();
  });

  it('runs none of the payloads in hostile names, bios, quotes, themes, headings and file names, and shows them as text', async () => {
    const { page, errors, requests, pwned, violations } = await load(hostileReport);
    expect(Object.values(await chartsDrawn(page))).not.toContain(false);
    // Give any deferred payload (onerror, onload) a moment it will not use.
    await page.waitForTimeout(300);
    expect(pwned).toEqual([]);
    expect(await page.evaluate(`document.querySelectorAll('img, svg, iframe, a, object, embed').length`)).toBe(0);
    expect(await page.evaluate('document.scripts.length')).toBe(3);
    const text = (await page.textContent('#problems-body')) ?? '';
    // The payloads reached the page, as text: file names, leader names, a heading. (Bios and quotes
    // are not shown by the report unless a diagnostic quotes them.)
    expect(text).toContain('raw/<img src=x onerror=__pwn("file-text")>.txt');
    expect(text).toContain('raw/javascript:__pwn("file-js").txt');
    expect(text).toContain(`raw/"><svg onload=__pwn("file-md")>.md`);
    expect(text).toContain(`raw/'><iframe src=javascript:__pwn('file-html')>.html`);
    expect(text).toContain('Evil <img src=x onerror=__pwn("name")> Carr');
    expect(text).toContain('Bill <script>__pwn("name2")</script>');
    expect(text).toContain('<script>__pwn("htmlheading-script")</script>');
    expect(text).toContain('Andy <img src=x onerror=__pwn("mdname")> Raskin');
    expect(text).toContain('Ami <script>__pwn("htmlname")</script> Vora');
    expect(errors).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
