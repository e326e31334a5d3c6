// Raw printing to a network thermal printer (TCP port 9100, "JetDirect"). A kiosk waits on this
// while a citizen stands there, so every step has a deadline and the caller always gets an answer.
import net from 'node:net';

export class PrinterError extends Error {
  constructor(
    message: string,
    readonly reason: 'refused' | 'timeout' | 'network',
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}

export interface SendOptions {
  /** The whole exchange: connect, write, close. */
  timeoutMs: number;
  /**
   * How long to wait for the printer to close its side once every byte is written. Some printers
   * keep the socket open; by then the slip is in the printer's buffer, and failing would make the
   * kiosk print it twice.
   */
  closeGraceMs?: number;
}

export function sendToPrinter(host: string, port: number, bytes: Uint8Array, options: SendOptions): Promise<void> {
  const where = `${host}:${port}`;
  const closeGraceMs = Math.min(options.closeGraceMs ?? 1000, options.timeoutMs);
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let written = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const socket = net.connect({ host, port });
    const finish = (error: PrinterError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(graceTimer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const deadline = setTimeout(() => {
      if (written) finish(null);
      else finish(new PrinterError(`printer ${where} did not take the slip within ${options.timeoutMs} ms`, 'timeout'));
    }, options.timeoutMs);

    socket.setNoDelay(true);
    socket.once('connect', () => {
      socket.end(bytes, () => {
        // Every byte is with the kernel and our FIN is sent: the printer has it unless the link drops.
        written = true;
        graceTimer = setTimeout(() => finish(null), closeGraceMs);
      });
    });
    socket.once('close', (hadError) => {
      if (!hadError && written) finish(null);
      else if (!hadError) finish(new PrinterError(`printer ${where} closed the connection before taking the slip`, 'network'));
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') finish(new PrinterError(`printer ${where} refused the connection (is it on, and is the port right?)`, 'refused'));
      else if (written && err.code === 'ECONNRESET') finish(null); // some printers reset instead of closing after a job
      else finish(new PrinterError(`printer ${where}: ${err.code ?? err.message}`, 'network'));
    });
  });
}
