// Queue and sink connection URLs: how to reach Redis from one, and how to show either without its
// password. Passwords never reach output, logs, report.json or error messages; `redactSecrets` scrubs
// any text that might quote them.

import type { RedisOptions } from 'ioredis';
import { UsageError } from '../cli/Command.js';

/** The URL with its password (if any) replaced by `***`, for display. */
export function redactUrl(url: string): string {
  // Not through URL: `postgres://user@/db?host=/sock` (no host) is valid for libpq but not for WHATWG URL.
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)[^/?#@]*@/i, '$1***@')
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}

/** Every way a URL's password may appear in a message: the whole URL, and the password raw and decoded. */
export function secretsOf(urls: readonly (string | undefined)[]): string[] {
  const secrets = new Set<string>();
  for (const url of urls) {
    if (url === undefined) continue;
    const found = [/^[a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:([^/?#@]*)@/i.exec(url)?.[1], /[?&]password=([^&#]*)/i.exec(url)?.[1]];
    for (const password of found) {
      if (password === undefined || password === '') continue;
      secrets.add(url);
      secrets.add(password);
      try {
        secrets.add(decodeURIComponent(password));
      } catch {
        // not percent-encoded
      }
    }
  }
  // Longest first, so a password inside the URL is not replaced before the URL is.
  return [...secrets].filter((s) => s !== '').sort((a, b) => b.length - a.length);
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

/**
 * ioredis options for `redis://[user:password@]host[:port][/db]`, `rediss://…` (TLS), or
 * `redis+unix://[:password@]/path/to/redis.sock[?db=N]`.
 */
export function redisConnection(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--queue: not a URL: ${redactUrl(url)}`);
  }
  const auth = {
    ...(parsed.username === '' ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }),
  };
  // BullMQ workers block on Redis; they must retry for ever rather than fail a command.
  const common = { ...auth, maxRetriesPerRequest: null };
  switch (parsed.protocol) {
    case 'redis+unix:':
    case 'unix:': {
      const db = Number(parsed.searchParams.get('db') ?? 0);
      return { ...common, path: decodeURIComponent(parsed.pathname), db };
    }
    case 'redis:':
    case 'rediss:': {
      const db = Number(parsed.pathname.replace(/^\//, '') || 0);
      return {
        ...common,
        host: parsed.hostname || '127.0.0.1',
        port: Number(parsed.port || 6379),
        db,
        ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
      };
    }
    default:
      throw new UsageError(`--queue: expected a redis://, rediss:// or redis+unix:// URL, not ${redactUrl(url)}`);
  }
}

/** The same error with every secret scrubbed from its message and stack. */
export function redactError(error: unknown, secrets: readonly string[]): Error {
  if (!(error instanceof Error)) return new Error(redactSecrets(String(error), secrets));
  const clean = new Error(redactSecrets(error.message, secrets));
  clean.stack = redactSecrets(error.stack ?? clean.message, secrets);
  return clean;
}
