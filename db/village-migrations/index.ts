// The village node's migrations in order (its own numbering, its own database). A new one is a new
// file here, never an edit of an old one.
import type { Migration } from '../migrations/index.js';
import * as m0001 from './0001-node.js';
import * as m0002 from './0002-agent-records.js';
import * as m0003 from './0003-pairing-node-name.js';

export type { Migration };

export const villageMigrations: readonly Migration[] = [m0001, m0002, m0003];
