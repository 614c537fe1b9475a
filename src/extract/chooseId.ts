// The record id: a slug of the name — unless the file is already named with the site's own slug
// for this leader (scrapers keep it: "jess-lachs.html" for "Jessica Lachs"), which then wins.

import { basename, extname } from 'node:path';
import { slugify } from './slugify.js';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Same leader: the same last name, and first names where one starts with the other's first 3 letters. */
function sameLeader(a: string, b: string): boolean {
  const x = a.split('-');
  const y = b.split('-');
  const [xFirst = '', yFirst = ''] = [x[0], y[0]];
  return x[x.length - 1] === y[y.length - 1] && xFirst.length >= 3 && yFirst.length >= 3 && xFirst.slice(0, 3) === yFirst.slice(0, 3);
}

export function chooseId(name: string, path: string): string {
  const fromName = slugify(name);
  const stem = basename(path, extname(path));
  return slugPattern.test(stem) && stem !== fromName && sameLeader(stem, fromName) ? stem : fromName;
}
