// Reserved for another change landing in parallel (migration numbers were handed out per change).
// It does nothing; when the change that owns version 16 is merged, this file gives way to it.
import type { Db } from '../connection.js';

export const version = 16;
export const name = 'reserved-16';

export function up(_db: Db): void {}
