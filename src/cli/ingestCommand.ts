// TODO: `leaderpages ingest` — being built (see its issue).

import { ExitCode, type Command } from './Command.js';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: '(ingest: not built yet)',
  help: 'Usage: leaderpages ingest (not built yet)',
  async run(_args, io) {
    io.stderr.write('leaderpages ingest: not built yet\n');
    return ExitCode.usage;
  },
};
