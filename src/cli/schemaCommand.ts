// TODO: `leaderpages schema` — being built (see its issue).

import { ExitCode, type Command } from './Command.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: '(schema: not built yet)',
  help: 'Usage: leaderpages schema (not built yet)',
  async run(_args, io) {
    io.stderr.write('leaderpages schema: not built yet\n');
    return ExitCode.usage;
  },
};
