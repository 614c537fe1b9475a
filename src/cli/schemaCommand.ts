// `leaderpages schema`: write the record's JSON Schema (draft 2020-12), generated from the zod schema.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExitCode, UsageError, type Command } from './Command.js';

/** Where `leaderpages schema` writes by default (kept here so --help does not load zod). */
const jsonSchemaPath = 'schemas/leader-profile.schema.json';

const options = { out: { type: 'string' }, stdout: { type: 'boolean', default: false }, check: { type: 'boolean', default: false } } as const;

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Write the record JSON Schema (draft 2020-12) generated from the zod schema',
  options,
  help: `Usage: leaderpages schema [--out FILE | --stdout | --check]

Generate the JSON Schema (draft 2020-12) of a leader record from the zod schema in
src/schema/LeaderProfile.ts and write it to ${jsonSchemaPath}.

Options:
  --out FILE    write to FILE instead of ${jsonSchemaPath}
  --stdout      print the schema on stdout instead of writing a file
  --check       write nothing; exit 1 when the file differs from the generated schema
  -h, --help    show this help

Exit codes: 0 written (or up to date with --check), 1 out of date (--check), 2 usage error.`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
    if (positionals.length > 0) throw new UsageError(`schema takes no arguments (got '${positionals[0]}').`);
    if (values.stdout && (values.check || values.out !== undefined)) throw new UsageError('--stdout cannot be combined with --out or --check.');
    const { jsonSchemaText } = await import('../schema/toJsonSchema.js');
    const text = jsonSchemaText();
    if (values.stdout) {
      io.stdout.write(text);
      return ExitCode.ok;
    }
    const target = resolve(io.cwd, values.out ?? jsonSchemaPath);
    if (values.check) {
      const current = await readFile(target, 'utf8').catch(() => null);
      if (current === text) return ExitCode.ok;
      io.stderr.write(`leaderpages schema: ${values.out ?? jsonSchemaPath} is ${current === null ? 'missing' : 'out of date'}; run 'leaderpages schema' to regenerate it.\n`);
      return ExitCode.failed;
    }
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, target);
    io.stderr.write(`leaderpages schema: wrote ${values.out ?? jsonSchemaPath}\n`);
    return ExitCode.ok;
  },
};
