// What a worker needs to parse a page the way the producer's run would: the pipeline options, the
// theme lexicon of the pass, and how to store the result. Stored once per run and pass in Redis beside
// the queue (jobs carry only its key), compressed: a lexicon can hold tens of thousands of themes.

import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Redis } from 'ioredis';
import type { PipelineOptions } from '../config/PipelineConfig.js';

export interface ParseSettings {
  options: PipelineOptions;
  lexicon: readonly string[];
  /** Fingerprint of the options (and lexicon file) stored with each source. */
  configSha256: string;
  /** First pass of a learning run: a page whose themes were inferred is stored provisionally. */
  provisionalIfInferred: boolean;
}

/** Kept a month: long enough for any queue to drain. */
const ttlSeconds = 30 * 24 * 3600;

function redisKey(queueName: string, key: string): string {
  return `leaderpages:${queueName}:settings:${key}`;
}

export async function storeParseSettings(redis: Redis, queueName: string, settings: ParseSettings): Promise<string> {
  const json = JSON.stringify(settings);
  const key = createHash('sha256').update(json).digest('hex').slice(0, 32);
  await redis.set(redisKey(queueName, key), deflateSync(json).toString('base64'), 'EX', ttlSeconds);
  return key;
}

export async function loadParseSettings(redis: Redis, queueName: string, key: string): Promise<ParseSettings> {
  const stored = await redis.get(redisKey(queueName, key));
  if (stored === null) throw new Error(`parse settings ${key} are gone from the queue's Redis (expired or flushed)`);
  return JSON.parse(inflateSync(Buffer.from(stored, 'base64')).toString('utf8')) as ParseSettings;
}
