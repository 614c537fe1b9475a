// The zod schema of a user's pipeline config: every key optional, nothing unknown allowed.
// A compile-time check below keeps it in step with PipelineOptions: a new option does not compile
// until it is described here.

import { z } from 'zod';
import type { PipelineOptions } from './PipelineConfig.js';

const severitySetting = z.enum(['off', 'warn', 'error']);
const strings = z.array(z.string());
const sectionKeys = ['dimensions', 'themes', 'summary', 'principles', 'quotes'] as const;

const sectionDefinition = z.strictObject({ headings: strings, required: z.boolean() }).partial();

export const configSchema = z
  .strictObject({
    inputs: strings,
    out: z.string().min(1),
    concurrency: z.union([z.int().min(1), z.literal('auto')]),
    maxFileBytes: z.int().min(1),
    sections: z.strictObject(Object.fromEntries(sectionKeys.map((key) => [key, sectionDefinition])) as Record<(typeof sectionKeys)[number], typeof sectionDefinition>).partial(),
    dimensions: z.array(z.strictObject({ key: z.string().min(1), name: z.string().min(1), aliases: strings })),
    archetypes: strings,
    chrome: z.strictObject({ navigation: strings, footer: strings }).partial(),
    // Rule ids are checked against the rule table by validateConfig, which can suggest the nearest one.
    rules: z.record(z.string(), severitySetting),
    themes: z.strictObject({ lexiconFile: z.string().nullable() }).partial(),
  })
  .partial();

export type ConfigInput = z.infer<typeof configSchema>;

/** Fails to compile when PipelineOptions and the schema name different keys. */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const keysInStep: SameKeys<Required<ConfigInput>, PipelineOptions> = true;
void keysInStep;
