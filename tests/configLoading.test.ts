// Config files in a real npm project: `npm init -y` (a CommonJS package) and the same project switched
// to "type": "module", with leaderpages linked in as a file: dependency, and the real CLI run there.
// Every kind of config file must take effect; none may be ignored in silence.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const page = resolve(root, '..', 'shared', 'corpus', 'seed', 'bill-carr.txt');

/** Turns off the one warning the page has by default, and names an unusual output folder. */
const settings = `{ rules: { 'themes-inferred': 'off' }, out: 'from-config' }`;

const variants: [name: string, file: string, text: string][] = [
  ['TypeScript with defineConfig from the package', 'pipeline.config.ts', `import { defineConfig } from 'leaderpages';\nconst settings: Parameters<typeof defineConfig>[0] = ${settings};\nexport default defineConfig(settings);\n`],
  ['TypeScript, plain export default', 'pipeline.config.ts', `export default ${settings} as const;\n`],
  ['.mts with defineConfig', 'pipeline.config.mts', `import { defineConfig } from 'leaderpages';\nexport default defineConfig(${settings});\n`],
  ['.cts with defineConfig', 'pipeline.config.cts', `import { defineConfig } from 'leaderpages';\nexport default defineConfig(${settings});\n`],
  ['.js, plain export default', 'pipeline.config.js', `export default ${settings};\n`],
  ['.js, CommonJS require', 'pipeline.config.js', `const { defineConfig } = require('leaderpages');\nmodule.exports = defineConfig(${settings});\n`],
  ['.mjs with defineConfig', 'pipeline.config.mjs', `import { defineConfig } from 'leaderpages';\nexport default defineConfig(${settings});\n`],
  ['.cjs, module.exports', 'pipeline.config.cjs', `module.exports = ${settings};\n`],
];

let base: string;

/** A fresh project made by npm itself, leaderpages linked in as `npm install file:<root>` would. */
function project(type: 'commonjs' | 'module'): string {
  const dir = mkdtempSync(join(base, `${type}-`));
  const init = spawnSync('npm', ['init', '-y'], { cwd: dir, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  pkg['type'] = type;
  pkg['dependencies'] = { leaderpages: `file:${root}` };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'leaderpages'), 'dir');
  symlinkSync(join('..', 'leaderpages', 'dist', 'src', 'cli', 'main.js'), join(dir, 'node_modules', '.bin', 'leaderpages'));
  copyFileSync(page, join(dir, 'page.txt'));
  return dir;
}

function leaderpages(cwd: string, ...args: string[]) {
  const result = spawnSync(join(cwd, 'node_modules', '.bin', 'leaderpages'), args, { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'leaderpages-config-'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe.each(['commonjs', 'module'] as const)('a config in a "type": "%s" project', (type) => {
  let dir: string;
  beforeAll(() => {
    dir = project(type);
  }, 120_000);

  it('without a config the page has its default warning', () => {
    const run = leaderpages(dir, 'parse', 'page.txt');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('themes-inferred');
  });

  // A .js file is CommonJS in a CommonJS package and an ES module in a "type": "module" one, as for Node.
  const kinds = variants.filter(([name]) => type === 'commonjs' || name !== '.js, CommonJS require');

  it.each(kinds)('%s (%s) takes effect', (_name, file, text) => {
    writeFileSync(join(dir, file), text);
    try {
      const run = leaderpages(dir, 'parse', 'page.txt');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).id).toBe('bill-carr');
      // A second key of the same file is honoured too (ingest's output folder).
      const help = leaderpages(dir, 'ingest', 'page.txt', '--quiet');
      expect(help.status, help.stderr).toBe(0);
      expect(readdirSync(dir)).toContain('from-config');
      // The bundled copy written beside the config to import it is gone.
      expect(readdirSync(dir).filter((name) => name.startsWith('.pipeline.config'))).toEqual([]);
    } finally {
      rmSync(join(dir, file));
      rmSync(join(dir, 'from-config'), { recursive: true, force: true });
    }
  });

  it.runIf(type === 'module')('a CommonJS .js config in an ES module project is refused with the reason', () => {
    writeFileSync(join(dir, 'pipeline.config.js'), `module.exports = ${settings};\n`);
    try {
      const run = leaderpages(dir, 'parse', 'page.txt');
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/cannot load config pipeline\.config\.js: .*"type": "module".*rename it \.cjs/);
    } finally {
      rmSync(join(dir, 'pipeline.config.js'));
    }
  });

  it('a config that throws is a config error (exit 2), named', () => {
    writeFileSync(join(dir, 'pipeline.config.ts'), `throw new Error('boom');\nexport default {};\n`);
    try {
      const run = leaderpages(dir, 'parse', 'page.txt');
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/cannot load config pipeline\.config\.ts: boom/);
    } finally {
      rmSync(join(dir, 'pipeline.config.ts'));
    }
  });
});
