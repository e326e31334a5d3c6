// setup.json on disk and the admin PIN's hash. Writes go to a temporary file that is synced and
// renamed over the old one, so a power cut leaves either the old set-up or the new, never half.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { mkdir, open, rename, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SCRYPT_MEMORY, parseSetupFile, serializeSetupFile, type PinHash, type SetupFile } from './setup-file.js';

export const SETUP_FILE_NAME = 'setup.json';

/** ~16 MB and tens of milliseconds per check: slow for guessing, fine for one person at a kiosk. */
const PIN_SCRYPT = { N: 1 << 14, r: 8, p: 1 } as const;
const PIN_KEY_LENGTH = 32;

export class SetupFileError extends Error {
  override name = 'SetupFileError';
}

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt refuses to run when 128 * N * r exceeds maxmem (32 MB by default); allow what we accept.
  const options: ScryptOptions = { ...params, maxmem: 2 * MAX_SCRYPT_MEMORY };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFC'), salt, PIN_KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, PIN_SCRYPT);
  return { algorithm: 'scrypt', salt: salt.toString('base64'), hash: key.toString('base64'), ...PIN_SCRYPT };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  // timingSafeEqual throws on unequal lengths; a stored hash of another length simply never matches.
  return expected.length === key.length && timingSafeEqual(expected, key);
}

export function setupFilePath(userDataDir: string): string {
  return path.join(userDataDir, SETUP_FILE_NAME);
}

/** null when there is no set-up yet; SetupFileError when the file exists but cannot be used. */
export async function readSetupFile(userDataDir: string): Promise<SetupFile | null> {
  let text: string;
  try {
    text = await readFile(setupFilePath(userDataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SetupFileError(`setup.json: cannot be read (${(error as Error).message})`);
  }
  const parsed = parseSetupFile(text);
  if (!parsed.ok) throw new SetupFileError(parsed.error);
  return parsed.value;
}

export async function writeSetupFile(userDataDir: string, file: SetupFile): Promise<void> {
  await mkdir(userDataDir, { recursive: true });
  const target = setupFilePath(userDataDir);
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(serializeSetupFile(file), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Moves an unusable setup.json aside (kept for the administrator) so set-up can run again. */
export async function setAsideSetupFile(userDataDir: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = `${setupFilePath(userDataDir)}.damaged-${stamp}`;
  await rename(setupFilePath(userDataDir), aside);
  return aside;
}

/**
 * The set-up in memory and on disk. Saves run one after another so two quick changes from two
 * windows cannot interleave and lose one.
 */
export class SetupStore {
  private file: SetupFile | null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly userDataDir: string,
    initial: SetupFile | null,
  ) {
    this.file = initial;
  }

  current(): SetupFile | null {
    return this.file;
  }

  save(file: SetupFile): Promise<void> {
    return this.update(() => file);
  }

  /** Applies `change` to the latest set-up and writes it; the in-memory copy changes only once written. */
  update(change: (current: SetupFile | null) => SetupFile): Promise<void> {
    const run = this.queue.then(async () => {
      const next = change(this.file);
      await writeSetupFile(this.userDataDir, next);
      this.file = next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
