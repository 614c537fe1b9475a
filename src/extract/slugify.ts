// Safe ids: lowercase ASCII letters, digits and hyphens, diacritics folded. Never a path.

import { createHash } from 'node:crypto';

const folds: Record<string, string> = { ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłæœßđðþı]/g, (c) => folds[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  // Names in other scripts have no ASCII letters; a short stable hash still gives a safe id.
  return slug !== '' ? slug : `leader-${createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
}
