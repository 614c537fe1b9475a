// TODO: `leaderpages validate` — being built (see its issue).

import { ExitCode, type Command } from './Command.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: '(validate: not built yet)',
  help: 'Usage: leaderpages validate (not built yet)',
  async run(_args, io) {
    io.stderr.write('leaderpages validate: not built yet\n');
    return ExitCode.usage;
  },
};
