// A consistent copy of the open hall database, encrypted like it. SQLite's backup API
// (`db.backup()`) cannot write an encrypted copy here: the cipher refuses a page-by-page copy
// into a destination it has no key for ("incompatible source and target databases"). VACUUM INTO
// reads one snapshot in a read transaction (writers go on under WAL) and writes the copy with the
// source's cipher and key, so a backup is as unreadable without the key as the database itself.
import { writeFileSync } from 'node:fs';
import type { Db } from './connection.js';

export function backupDatabase(db: Db, destination: string): void {
  // Made empty and 0600 first: VACUUM INTO writes into an empty file and keeps its mode.
  writeFileSync(destination, '', { mode: 0o600, flag: 'wx' });
  db.prepare('VACUUM INTO ?').run(destination);
}
