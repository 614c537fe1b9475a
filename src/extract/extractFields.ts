// TODO placeholder
import type { LeaderFile } from '../file/LeaderFile.js';
export function extractFields(_file: LeaderFile): void {}
