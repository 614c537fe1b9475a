// A role line splits at its first " at " into title and organization.

import type { Role } from '../schema/LeaderProfile.js';

export function splitRole(text: string): Role {
  const at = text.indexOf(' at ');
  if (at <= 0) return { text, title: text, organization: null };
  const title = text.slice(0, at).trim();
  const organization = text.slice(at + 4).trim();
  return { text, title: title || text, organization: organization === '' ? null : organization };
}
