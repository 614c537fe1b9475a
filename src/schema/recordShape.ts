// What the writers need to know of the record without the zod schema (which costs a tenth of a second
// to load, on every run, even one that parses nothing): its version, formats and field order.
// LeaderProfile.ts checks that these agree with the schema.

/** Bumped when the record shape changes in a way readers must know about. */
export const RECORD_VERSION = 1;

export const sourceFormats = ['text', 'markdown', 'html'] as const;
export type SourceFormat = (typeof sourceFormats)[number];

/** Record fields in their published order (the schema's order; tests/schema.test.ts pins it). */
export const recordKeys = ['id', 'name', 'role', 'bio', 'archetypes', 'appearances', 'dimensions', 'themes', 'summary', 'principles', 'quotes', 'source'] as const;
export type RecordKey = (typeof recordKeys)[number];
