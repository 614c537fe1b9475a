// The published record: the zod schema is the single source of truth for the types,
// the JSON Schema in schemas/, and validation.

import { z } from 'zod';
import { RECORD_VERSION, sourceFormats, type RecordKey } from './recordShape.js';

export { RECORD_VERSION, recordKeys, sourceFormats, type SourceFormat } from './recordShape.js';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug of letters, digits and hyphens');
const text = z.string().min(1, 'must not be empty');

export const DimensionScore = z.object({
  key: slug.describe('Stable catalogue key, e.g. "strategic-vision".'),
  name: text.describe('Display name as in the catalogue, e.g. "Strategic Vision".'),
  score: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100, 'must be 100 or less'),
});

export const Role = z.object({
  text: text.describe('The role line as shown.'),
  title: text.describe('The part before the first " at ".'),
  organization: text.nullable().describe('The part after the first " at ", or null.'),
});

export const Quote = z.object({
  text: text.describe('The words inside the quote marks.'),
  context: text.nullable().describe('The attribution line without its dash, or null.'),
});

export const Source = z.object({
  path: text,
  format: z.enum(sourceFormats),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  parserVersion: text,
  recordVersion: z.literal(RECORD_VERSION),
});

export const LeaderProfile = z
  .object({
    id: slug.describe('Safe slug of the name; also the JSON file name.'),
    name: text,
    role: Role.nullable(),
    bio: text.nullable(),
    archetypes: z.array(text),
    appearances: z.number().int().min(1).nullable(),
    dimensions: z.array(DimensionScore).min(1, 'must hold at least one dimension'),
    themes: z.array(text),
    summary: text.nullable(),
    principles: z.array(text),
    quotes: z.array(Quote),
    source: Source,
  })
  .strict()
  .describe('A product leader profile extracted from one scraped page.');

export type DimensionScore = z.infer<typeof DimensionScore>;
export type Role = z.infer<typeof Role>;
export type Quote = z.infer<typeof Quote>;
export type Source = z.infer<typeof Source>;
export type LeaderProfile = z.infer<typeof LeaderProfile>;

// recordShape's recordKeys name exactly the schema's fields (this does not compile otherwise).
const sameFields: [Exclude<keyof LeaderProfile, RecordKey>, Exclude<RecordKey, keyof LeaderProfile>] extends [never, never] ? true : never = true;
void sameFields;
