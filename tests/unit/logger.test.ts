import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, pathOnly } from '../../electron/hall/logger.js';

describe('logger', () => {
  it('redacts tokens, passwords, ID numbers and phones', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-log-'));
    const file = path.join(dir, 'hall.log');
    const log = createLogger({ file });
    log.info({ password: 'pw-secret', body: { token: 'tok-secret', idNumber: '11010519491231002X', phone: '13812345678' } }, 'x');
    log.info({ req: { method: 'GET', url: '/api/v1/events?token=tok-in-url', headers: { authorization: 'Bearer tok-header' } } }, 'y');
    log.flush();
    const text = readFileSync(file, 'utf8');
    for (const secret of ['pw-secret', 'tok-secret', '11010519491231002X', '13812345678', 'tok-in-url', 'tok-header']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
    expect(text).toContain('/api/v1/events');
    rmSync(dir, { recursive: true, force: true });
  });

  it('drops query strings from URLs', () => {
    expect(pathOnly('/a/b?token=x&y=1')).toBe('/a/b');
    expect(pathOnly('/a/b')).toBe('/a/b');
  });
});
