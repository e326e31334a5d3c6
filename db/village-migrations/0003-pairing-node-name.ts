// The node's own name at the hall (the device's name, e.g. 东岭村代办点), kept from the pairing so the
// printed 移交清单 names the station even while the hall cannot be reached. Empty for a node paired
// before this version until it is paired again.
import type { Db } from '../connection.js';

export const version = 3;
export const name = 'pairing-node-name';

export function up(db: Db): void {
  db.exec(`ALTER TABLE pairing ADD COLUMN node_name TEXT NOT NULL DEFAULT ''`);
}
