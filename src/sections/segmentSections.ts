// TODO placeholder
import type { LeaderFile } from '../file/LeaderFile.js';
export function segmentSections(_file: LeaderFile): void {}
