// The published JSON Schema (draft 2020-12) of a record, generated from the zod schema so the two never drift.

import { z } from 'zod';
import { LeaderProfile, RECORD_VERSION } from './LeaderProfile.js';

/** Where the schema file lives in the package (also exported as `leaderpages/schema.json`). */
export const jsonSchemaPath = 'schemas/leader-profile.schema.json';

export function toJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(LeaderProfile, { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `urn:leaderpages:leader-profile:v${RECORD_VERSION}`,
    title: 'LeaderProfile',
    $comment: `Record version ${RECORD_VERSION}. Generated from src/schema/LeaderProfile.ts by \`leaderpages schema\`; do not edit.`,
    ...rest,
  };
}

/** The schema file's exact text: two-space JSON with a final newline. */
export function jsonSchemaText(): string {
  return JSON.stringify(toJsonSchema(), null, 2) + '\n';
}
