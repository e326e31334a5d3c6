// The county key at rest. Headless Node has no OS keychain, so the key is sealed with AES-256-GCM
// under a random 32-byte key file in the data folder (mode 0600). This protects a copied database or
// backup, not someone who has the whole data folder. Electron's safeStorage could replace the key
// file later, from the main process.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const KEY_FILE = 'county-key.secret';
const VERSION = 'v1';
const AAD = Buffer.from('hall county key v1');

function boxKey(dir: string, create: boolean): Buffer {
  const file = path.join(dir, KEY_FILE);
  try {
    const key = readFileSync(file);
    if (key.length !== 32) throw new Error(`${KEY_FILE} is damaged`);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw err;
  }
  const key = randomBytes(32);
  try {
    // 'wx': never overwrite a key another start wrote meanwhile; that one seals what is stored.
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return boxKey(dir, false);
    throw err;
  }
  chmodSync(file, 0o600);
  return key;
}

/** "v1.<base64 of iv | tag | ciphertext>" */
export function sealSecret(dir: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', boxKey(dir, true), iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The secret, or an error that says why it cannot be read (and never contains it). */
export function openSecret(dir: string, sealed: string): string {
  const [version, data] = sealed.split('.');
  if (version !== VERSION || !data) throw new Error('sealed secret has an unknown format');
  const raw = Buffer.from(data, 'base64');
  if (raw.length < 29) throw new Error('sealed secret is too short');
  const decipher = createDecipheriv('aes-256-gcm', boxKey(dir, false), raw.subarray(0, 12));
  decipher.setAAD(AAD);
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
