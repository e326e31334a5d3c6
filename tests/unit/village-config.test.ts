import { describe, expect, it } from 'vitest';
import { parseVillageArgs, VillageCliError } from '../../electron/village/config.js';

describe('parseVillageArgs', () => {
  it('has the defaults of DESIGN §5', () => {
    expect(parseVillageArgs([])).toEqual({ data: './village-data', port: 8630, host: '127.0.0.1', syncIntervalSeconds: 5, retryCapSeconds: 600, logLevel: 'info' });
  });

  it('takes the options it names', () => {
    const options = parseVillageArgs(['--data', '/srv/v', '--port', '0', '--host', '0.0.0.0', '--sync-interval', '30', '--log-level', 'warn']);
    expect(options).toMatchObject({ data: '/srv/v', port: 0, host: '0.0.0.0', syncIntervalSeconds: 30, logLevel: 'warn' });
  });

  it.each([
    [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['--port', '8630x'], /--port/],
    [['--host', 'hall.example'], /--host must be an IP address/],
    [['--sync-interval', '0'], /--sync-interval/],
    [['--retry-cap', '601'], /--retry-cap/],
    [['--log-level', 'loud'], /--log-level must be one of/],
    [['--unknown'], /unknown/i],
  ])('refuses %j naming the option', (argv, message) => {
    expect(() => parseVillageArgs(argv)).toThrow(VillageCliError);
    expect(() => parseVillageArgs(argv)).toThrow(message);
  });
});
