// Import a config file of any kind, in an ESM or a CommonJS project alike, and return its default export.
// .mjs and .cjs are imported as they are (their syntax is fixed by the extension). .ts, .mts, .cts and
// .js are bundled by esbuild into one ES module (its relative imports inlined, packages left as imports),
// written beside the config so that 'leaderpages' and other packages resolve from the project, imported,
// and deleted: no TypeScript compiler at start-up, and `import`/`export` work whatever package.json says.

import { unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Extensions of config files, in the order a folder's pipeline.config.* is looked up. */
export const configExtensions = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

/** Lets a CommonJS config (module.exports, require, __dirname) run as the ES module it is bundled into. */
const commonJsShim = [
  `import { createRequire as __leaderpagesCreateRequire } from 'node:module';`,
  `const require = __leaderpagesCreateRequire(import.meta.url);`,
  `const __filename = ${'__CONFIG_FILE__'};`,
  `const __dirname = ${'__CONFIG_DIR__'};`,
].join('\n');

async function bundle(file: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [file],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    banner: { js: commonJsShim.replace('__CONFIG_FILE__', JSON.stringify(file)).replace('__CONFIG_DIR__', JSON.stringify(dirname(file))) },
  });
  return result.outputFiles[0]?.text ?? '';
}

/** `export default` of an ES module, or `module.exports` of a CommonJS one (`exports.default` unwrapped). */
function defaultExport(loaded: unknown): unknown {
  let value = (loaded as { default?: unknown }).default;
  if (value !== null && typeof value === 'object' && 'default' in value) {
    const keys = Object.keys(value).filter((k) => k !== '__esModule');
    if (keys.length === 1) value = (value as { default: unknown }).default;
  }
  return value;
}

export async function importConfigFile(file: string): Promise<unknown> {
  const extension = extname(file);
  if (extension === '.mjs' || extension === '.cjs') return defaultExport(await import(pathToFileURL(file).href));
  const code = await bundle(file);
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.mjs`);
  writeFileSync(temporary, code);
  try {
    return defaultExport(await import(pathToFileURL(temporary).href));
  } finally {
    unlinkSync(temporary);
  }
}
