// What extractors fill in: field values so far, and where in the source each came from.

import type { Position } from '../file/Position.js';
import type { LeaderProfile } from '../schema/LeaderProfile.js';

export type ProfileFields = Omit<LeaderProfile, 'source'>;

export interface Draft {
  fields: Partial<ProfileFields>;
  /** Source position of each value, keyed by record path (`dimensions[2].score`, `name`). */
  positions: Record<string, Position>;
}
