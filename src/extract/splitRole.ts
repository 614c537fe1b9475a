// A role line splits at its first " at " (or " @ ", " · ", " | ") into title and organization; a
// label before it ("Role: …", "Title: …") is not part of it.

import type { Role } from '../schema/LeaderProfile.js';

const label = /^(?:role|title|position|current role|job title)\s*:\s*/i;
const separators = [' at ', ' @ ', ' · ', ' | '];

export function splitRole(written: string): Role {
  const text = written.replace(label, '');
  for (const separator of separators) {
    const at = text.indexOf(separator);
    if (at <= 0) continue;
    const title = text.slice(0, at).trim();
    const organization = text.slice(at + separator.length).trim();
    return { text, title: title || text, organization: organization === '' ? null : organization };
  }
  return { text, title: text, organization: null };
}
