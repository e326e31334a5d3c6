// A fake network thermal printer: a TCP server on 127.0.0.1 that takes raw ESC/POS jobs, and a
// decoder that reads them back the way a printer would (commands, GB18030 text, QR payloads).
import net from 'node:net';
import iconv from 'iconv-lite';

export type EscPosCommand =
  | { kind: 'init' }
  | { kind: 'chinese-mode' }
  | { kind: 'align'; value: number }
  | { kind: 'bold'; on: boolean }
  | { kind: 'size'; width: number; height: number }
  | { kind: 'feed'; lines: number }
  | { kind: 'text'; text: string }
  | { kind: 'lf' }
  | { kind: 'qr'; fn: number; args: number[]; data?: string }
  | { kind: 'cut'; mode: number };

export interface DecodedJob {
  commands: EscPosCommand[];
  /** Printed lines: the text between line feeds, decoded from GB18030. */
  lines: string[];
  qrData: string[];
}

/** Reads a job strictly: an unknown control byte fails the decode, as garbage would print as garbage. */
export function decodeEscPos(bytes: Buffer): DecodedJob {
  const commands: EscPosCommand[] = [];
  let i = 0;
  let text: number[] = [];
  const flushText = () => {
    if (text.length) commands.push({ kind: 'text', text: iconv.decode(Buffer.from(text), 'gb18030') });
    text = [];
  };
  const need = (n: number) => {
    if (i + n > bytes.length) throw new Error(`truncated command at byte ${i}`);
  };
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b >= 0x20) {
      text.push(b);
      i += 1;
      continue;
    }
    flushText();
    const next = bytes[i + 1];
    if (b === 0x0a) {
      commands.push({ kind: 'lf' });
      i += 1;
    } else if (b === 0x1b && next === 0x40) {
      commands.push({ kind: 'init' });
      i += 2;
    } else if (b === 0x1c && next === 0x26) {
      commands.push({ kind: 'chinese-mode' });
      i += 2;
    } else if (b === 0x1b && (next === 0x61 || next === 0x45 || next === 0x64)) {
      need(3);
      const n = bytes[i + 2]!;
      commands.push(next === 0x61 ? { kind: 'align', value: n } : next === 0x45 ? { kind: 'bold', on: n === 1 } : { kind: 'feed', lines: n });
      i += 3;
    } else if (b === 0x1d && next === 0x21) {
      need(3);
      const n = bytes[i + 2]!;
      commands.push({ kind: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 });
      i += 3;
    } else if (b === 0x1d && next === 0x28 && bytes[i + 2] === 0x6b) {
      need(5);
      const length = bytes[i + 3]! + bytes[i + 4]! * 256;
      need(5 + length);
      const body = bytes.subarray(i + 5, i + 5 + length);
      if (body[0] !== 0x31) throw new Error(`QR command with cn ${body[0]} at byte ${i}`);
      const fn = body[1]!;
      commands.push(fn === 0x50 ? { kind: 'qr', fn, args: [body[2]!], data: body.subarray(3).toString('utf8') } : { kind: 'qr', fn, args: [...body.subarray(2)] });
      i += 5 + length;
    } else if (b === 0x1d && next === 0x56) {
      need(4);
      commands.push({ kind: 'cut', mode: bytes[i + 2]! });
      i += 4;
    } else {
      throw new Error(`unknown ESC/POS byte 0x${b.toString(16)} at ${i}`);
    }
  }
  flushText();
  const lines: string[] = [];
  let current = '';
  for (const c of commands) {
    if (c.kind === 'text') current += c.text;
    if (c.kind === 'lf') {
      lines.push(current);
      current = '';
    }
  }
  if (current) lines.push(current);
  const qrData = commands.flatMap((c) => (c.kind === 'qr' && c.data !== undefined ? [c.data] : []));
  return { commands, lines, qrData };
}

export interface FakePrinter {
  port: number;
  /** Every job received so far, one per connection. */
  jobs: Buffer[];
  /** The next job to arrive (or the first one not yet taken). */
  nextJob(timeoutMs?: number): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startFakePrinter(): Promise<FakePrinter> {
  const jobs: Buffer[] = [];
  let taken = 0;
  const waiters: Array<() => void> = [];
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    // Like a real printer: the job ends when the sender closes its side; then it closes too.
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
      socket.end();
      for (const w of waiters.splice(0)) w();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    jobs,
    nextJob: (timeoutMs = 5000) =>
      new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no print job arrived')), timeoutMs);
        const take = () => {
          if (jobs.length > taken) {
            clearTimeout(timer);
            resolve(jobs[taken++]!);
          } else waiters.push(take);
        };
        take();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
