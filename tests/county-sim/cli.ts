// `npm run county-sim -- [--port N] [--host ADDR] [--data DIR] [--key KEY]`: the county platform
// simulator, for halls to try their set-up and for the tests. Prints its address when ready.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCountySim } from './server.js';

const USAGE = 'usage: npm run county-sim -- [--port N] [--host ADDR] [--data DIR] [--key KEY]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', default: '8630' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: './county-sim-data' },
        key: { type: 'string' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a whole number from 0 to 65535\n${USAGE}\n`);
    process.exit(2);
  }
  const sim = await startCountySim({ port, host: values.host!, dataDir: path.resolve(values.data!), key: values.key ?? null });
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`county-sim listening on ${sim.url}\n  ${values.key ? 'key required' : 'any bearer key accepted'}; faults: POST ${sim.url}/_sim/faults; records: ${sim.url}/\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`county-sim failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
