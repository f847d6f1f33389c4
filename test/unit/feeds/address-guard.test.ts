/** isNonPublicAddress and guardedLookup: loopback, private, link-local and embedded IPv4 are refused. */
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/errors.js';
import { guardedLookup, isNonPublicAddress } from '../../../src/feeds/address-guard.js';

describe('isNonPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.8',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'fc12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '2002:7f00:1::',
    'not-an-ip',
  ])('%s is not public', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isNonPublicAddress(address)).toBe(false);
    },
  );
});

describe('guardedLookup', () => {
  it('refuses a name that resolves to loopback, in both callback shapes', async () => {
    for (const all of [false, true]) {
      const error = await new Promise<unknown>((resolve) =>
        guardedLookup('localhost', { all }, (err) => resolve(err)),
      );
      expect(error).toBeInstanceOf(FeedError);
      expect((error as FeedError).kind).toBe('blocked-address');
    }
  });
});
