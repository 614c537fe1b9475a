// The queue and sink flags shared by `ingest` (producer) and `worker`: URLs from --queue/--sink or the
// environment (LEADERPAGES_QUEUE_URL, LEADERPAGES_SINK_URL), so passwords need not be on a command line.

import { redactError, redisConnection, secretsOf } from '../distributed/connectionUrls.js';
import { UsageError } from './Command.js';

export const distributedFlags = {
  queue: { type: 'string' },
  sink: { type: 'string' },
  'queue-name': { type: 'string' },
} as const;

export const distributedHelp = `  --queue URL        BullMQ queue on Redis: redis://[:PASSWORD@]HOST[:PORT][/DB], rediss://…,
                     or redis+unix:///path/redis.sock (default: $LEADERPAGES_QUEUE_URL)
  --sink URL         PostgreSQL sink: postgres://USER[:PASSWORD]@HOST[:PORT]/DB
                     (default: $LEADERPAGES_SINK_URL; PGPASSWORD and ~/.pgpass work too)
  --queue-name NAME  the queue's name in Redis, one per sink (default: leaderpages)`;

export interface DistributedUrls {
  queueUrl: string;
  sinkUrl: string;
  queueName: string;
  /** Redact these from anything printed. */
  secrets: string[];
}

/**
 * The URLs to use, or null for an embedded run. `required` (the worker) takes them from the environment
 * when the flags are absent; the producer runs distributed only when asked with a flag or `--distributed`.
 */
export function distributedUrls(
  values: { queue?: string | undefined; sink?: string | undefined; 'queue-name'?: string | undefined },
  env: NodeJS.ProcessEnv,
  required: boolean,
): DistributedUrls | null {
  if (!required && values.queue === undefined && values.sink === undefined) return null;
  const queueUrl = values.queue ?? env['LEADERPAGES_QUEUE_URL'];
  const sinkUrl = values.sink ?? env['LEADERPAGES_SINK_URL'];
  if (queueUrl === undefined || queueUrl === '') throw new UsageError('--queue URL (or LEADERPAGES_QUEUE_URL) is needed for a distributed run.');
  if (sinkUrl === undefined || sinkUrl === '') throw new UsageError('--sink URL (or LEADERPAGES_SINK_URL) is needed for a distributed run.');
  const queueName = values['queue-name'] ?? 'leaderpages';
  if (!/^[A-Za-z0-9._-]+$/.test(queueName)) throw new UsageError(`--queue-name: letters, digits, '.', '_' and '-' only, not '${queueName}'.`);
  redisConnection(queueUrl); // a usage error now rather than later
  return { queueUrl, sinkUrl, queueName, secrets: secretsOf([queueUrl, sinkUrl]) };
}

/** Run `body`; any error it throws comes out with the URLs' passwords scrubbed. */
export async function withSecretsRedacted<T>(secrets: readonly string[], body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const clean = redactError(error, secrets);
    if (error instanceof UsageError) throw Object.assign(new UsageError(clean.message), { stack: clean.stack });
    throw clean;
  }
}
