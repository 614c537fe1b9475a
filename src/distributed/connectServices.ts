// Reach the queue and the sink, or fail at once with one clear line: a producer or worker that cannot
// reach Redis would otherwise wait for ever (BullMQ retries without end), and a driver's error alone
// does not say which service it was about.

import type { Redis } from 'ioredis';
import { UsageError } from '../cli/Command.js';
import { openPostgres, PgSchemaTooNewError, type PgPool } from '../sinks/postgres/openPostgres.js';
import { redactUrl } from './connectionUrls.js';

/** A service the run needs cannot be reached or used: a configuration error (exit 2), not a bug. */
export class ServiceError extends UsageError {}

export async function openSink(url: string, max: number): Promise<PgPool> {
  try {
    return await openPostgres(url, { max });
  } catch (error) {
    if (error instanceof PgSchemaTooNewError) throw new ServiceError(error.message);
    throw new ServiceError(`cannot use the sink ${redactUrl(url)}: ${(error as Error).message}`);
  }
}

export async function reachQueue(redis: Redis, url: string, timeoutMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let lastError = 'no answer';
  const onError = (error: Error): void => {
    lastError = error.message;
  };
  redis.on('error', onError);
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new ServiceError(`cannot reach the queue ${redactUrl(url)} within ${timeoutMs / 1000}s: ${lastError}`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    redis.off('error', onError);
  }
}
