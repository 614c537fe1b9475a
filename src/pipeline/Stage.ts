// A stage takes the file object, fills in its part, and adds messages; it never throws for bad input.

import type { LeaderFile } from '../file/LeaderFile.js';

export type Stage = (file: LeaderFile) => void;
