// Config validation: every problem with its key path, a "did you mean" for near misses, exit 2 from the
// CLI; the project's own defaults pass.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultOptions } from '../src/config/defaultConfig.js';
import { validateConfig } from '../src/config/validateConfig.js';
import { closestName } from '../src/cli/didYouMean.js';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

describe('validateConfig', () => {
  it('accepts the built-in defaults and an empty config', () => {
    expect(validateConfig(defaultOptions).problems).toEqual([]);
    expect(validateConfig({}).problems).toEqual([]);
    expect(validateConfig({ sections: { themes: { headings: ['Topics'] } }, themes: { lexiconFile: null } }).problems).toEqual([]);
  });

  it.each([
    [{ sectons: {} }, 'sectons', /unknown key\. Did you mean 'sections'\?/],
    [{ rules: { 'themes-infered': 'off' } }, 'rules.themes-infered', /unknown rule\. Did you mean 'themes-inferred'\?/],
    [{ rules: { 'percentage-out-of-range': 'fatal' } }, 'rules.percentage-out-of-range', /'fatal' is not allowed; use 'off', 'warn', 'error'\./],
    [{ rules: { 'unknown-section': 'warning' } }, 'rules.unknown-section', /Did you mean 'warn'\?/],
    [{ out: 5 }, 'out', /expected string.*\(got 5\)/],
    [{ concurrency: 0 }, 'concurrency', /got 0/],
    [{ sections: { themes: { heading: ['Topics'] } } }, 'sections.themes.heading', /Did you mean 'headings'\?/],
    [{ sections: { faq: { headings: ['FAQ'] } } }, 'sections.faq', /unknown key/],
    [{ dimensions: [{ key: 'vision', name: 'Vision' }] }, 'dimensions[0].aliases', /expected array/],
    [{ chrome: { navigation: 'Home' } }, 'chrome.navigation', /expected array/],
    [{ themes: { lexiconFile: 3 } }, 'themes.lexiconFile', /got 3/],
  ])('%j: %s', (config, path, message) => {
    const { problems } = validateConfig(config);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(path);
    expect(problems[0]?.message).toMatch(message);
  });

  it('reports every problem at once', () => {
    const { problems } = validateConfig({ sectons: {}, out: 5, rules: { 'percentage-out-of-range': 'fatal', nope: 'off' } });
    expect(problems.map((p) => p.path).sort()).toEqual(['out', 'rules.nope', 'rules.percentage-out-of-range', 'sectons']);
  });

  it('suggests only near misses', () => {
    expect(closestName('valdate', ['parse', 'validate', 'ingest'])).toBe('validate');
    expect(closestName('concurrent', ['concurrency', 'config'])).toBe('concurrency');
    expect(closestName('zzz', ['parse', 'validate', 'ingest'])).toBeNull();
  });
});

describe('the CLI on a bad config', () => {
  it('prints every problem with its key path and exits 2, with nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaderpages-badconfig-'));
    try {
      writeFileSync(join(dir, 'pipeline.config.mjs'), `export default { sectons: {}, out: 5, rules: { 'percentage-out-of-range': 'fatal', 'themes-infered': 'off' } };\n`);
      writeFileSync(join(dir, 'page.txt'), 'Dana Okafor\n');
      for (const command of [['parse', 'page.txt'], ['validate', 'page.txt'], ['ingest', 'page.txt']]) {
        const run = spawnSync(process.execPath, [cli, ...command], { cwd: dir, encoding: 'utf8' });
        expect(run.status, command.join(' ')).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(`leaderpages ${command[0]}: invalid config pipeline.config.mjs (4 problems):`);
        expect(run.stderr).toContain("  sectons: unknown key. Did you mean 'sections'?");
        expect(run.stderr).toContain("  rules.percentage-out-of-range: 'fatal' is not allowed; use 'off', 'warn', 'error'.");
        expect(run.stderr).toContain("  rules.themes-infered: unknown rule. Did you mean 'themes-inferred'?");
        expect(run.stderr).toMatch(/ {2}out: .*\(got 5\)/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['valdate'], "unknown command 'valdate'. Did you mean 'validate'?"],
    [['ingset'], "unknown command 'ingset'. Did you mean 'ingest'?"],
    [['help', 'pasre'], "unknown command 'pasre'. Did you mean 'parse'?"],
    [['validate', '--fromat', 'json'], "unknown option '--fromat'. Did you mean '--format'?"],
    [['ingest', '--prnue'], "unknown option '--prnue'. Did you mean '--prune'?"],
  ])('%j: exit 2 with a suggestion', (args, message) => {
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
