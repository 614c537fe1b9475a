// An extractor fills one part of the draft record from the sections; it never sees the raw format.

import type { LeaderFile } from '../file/LeaderFile.js';

export type Extractor = (file: LeaderFile) => void;
