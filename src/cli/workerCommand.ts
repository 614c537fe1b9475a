// `leaderpages worker`: parse pages from the distributed queue into the PostgreSQL sink until stopped.

import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { redactSecrets, redactUrl } from '../distributed/connectionUrls.js';
import { ExitCode, UsageError, type Command } from './Command.js';
import { distributedFlags, distributedHelp, distributedUrls, withSecretsRedacted } from './distributedOptions.js';

function parseCount(flag: string, value: string | undefined, least: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new UsageError(`--${flag} must be a whole number of ${least} or more, not '${value}'.`);
  return n;
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Parse pages from a distributed ingest queue into PostgreSQL',
  help: `Usage: leaderpages worker [--queue URL] [--sink URL] [--concurrency N] [--lock-ms MS]
                         [--worker-memory MB] [--queue-name NAME] [--quiet]

Take page jobs that 'leaderpages ingest --queue URL --sink URL' enqueues, check each page's bytes
against its sha256, parse it with the same pipeline as the embedded ingest, and write it to the
PostgreSQL sink in one transaction (an idempotent upsert: a job delivered twice changes nothing).
Run one or more on every machine; stop with SIGINT or SIGTERM (jobs in hand are finished first).
A worker that dies holding jobs (killed, out of memory) has them taken over by the others once their
lock expires; a job that stalls workers three times is reported with queue-job-failed.

Options:
${distributedHelp}
  --concurrency N    parser threads (default: one per core); twice as many pages are in flight,
                     so one page's queue and database round trips overlap another's parse
  --lock-ms MS       job lock duration: a dead worker's jobs are taken over after about this
                     long (default: 30000)
  --worker-memory MB heap limit per parser thread; a page that needs more is rejected with
                     parser-crash (default: Node's own limit)
  --quiet            print nothing on stderr
  -h, --help         show this help

Exit codes: 0 stopped by a signal, 2 usage or configuration error (bad URL, unreachable service).`,

  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        ...distributedFlags,
        concurrency: { type: 'string' },
        'lock-ms': { type: 'string' },
        'worker-memory': { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    });
    const urls = distributedUrls(values, io.env, true);
    if (urls === null) throw new UsageError('--queue and --sink are needed.');
    const concurrency = parseCount('concurrency', values.concurrency, 1) ?? Math.max(1, availableParallelism());
    const lockMs = parseCount('lock-ms', values['lock-ms'], 500) ?? 30_000;
    const workerMemoryMb = parseCount('worker-memory', values['worker-memory'], 32);
    const log = (line: string): void => {
      if (!values.quiet) io.stderr.write(redactSecrets(line, urls.secrets) + '\n');
    };
    const counts = { written: 0, rejected: 0, stale: 0, failed: 0 };
    // Imported here, not at the top, so that --help of any command does not load BullMQ and pg.
    const { startWorker } = await import('../distributed/runWorker.js');
    const worker = await withSecretsRedacted(urls.secrets, () =>
      startWorker({
        ...urls,
        concurrency,
        lockMs,
        workerMemoryMb,
        onJob: ({ path, result, reason }) => {
          counts[result]++;
          if (result === 'failed') log(`worker: ${path}: job failed: ${reason ?? 'unknown'}`);
        },
      }),
    );
    log(`worker: ${concurrency} at a time from queue '${urls.queueName}' on ${redactUrl(urls.queueUrl)} into ${redactUrl(urls.sinkUrl)}`);
    const signal = await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]).then(() => 'stop');
    void signal;
    await worker.close();
    const t = worker.timings;
    const perJob = (ms: number): string => (t.jobs > 0 ? (ms / t.jobs).toFixed(1) : '0');
    log(`worker: stopped: ${counts.written} written, ${counts.rejected} rejected, ${counts.failed} failed${counts.stale > 0 ? `, ${counts.stale} stale (an older run's)` : ''}`);
    log(`worker: per page: ${perJob(t.decodeMs)} ms decode + ${perJob(t.parseMs)} ms parse (incl. wait for a thread) + ${perJob(t.writeMs)} ms PostgreSQL`);
    return ExitCode.ok;
  },
};
