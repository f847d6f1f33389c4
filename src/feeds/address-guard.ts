/** Refuses feed addresses on loopback, private, link-local and other non-public networks, checked at connect time. */

import type { LookupAddress, LookupOptions } from 'node:dns';
import dns from 'node:dns';
import net from 'node:net';
import { FeedError } from '../errors.js';

// IANA special-purpose registries: https://www.iana.org/assignments/iana-ipv4-special-registry and -ipv6-.
const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv6');
}

// Link-local and "this network" addresses hold cloud metadata services (169.254.169.254) and nothing
// a news source serves: refused even when VIGIL_ALLOW_PRIVATE_FEEDS lets tests use loopback.
const neverFetched = new net.BlockList();
neverFetched.addSubnet('0.0.0.0', 8, 'ipv4');
neverFetched.addSubnet('169.254.0.0', 16, 'ipv4');
neverFetched.addSubnet('fe80::', 10, 'ipv6');

/** True for a literal address that is never fetched, whatever VIGIL_ALLOW_PRIVATE_FEEDS says. */
export function isNeverFetched(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return neverFetched.check(address, 'ipv4');
  if (family !== 6) return false;
  const embedded = embeddedIpv4(address);
  return embedded !== null ? neverFetched.check(embedded, 'ipv4') : neverFetched.check(address, 'ipv6');
}

/** True for addresses a public feed cannot live on. IPv4 embedded in IPv6 (mapped, NAT64, 6to4) is unwrapped. */
export function isNonPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const embedded = embeddedIpv4(address);
  if (embedded !== null) return blocked.check(embedded, 'ipv4');
  return blocked.check(address, 'ipv6');
}

function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::ffff:0:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const words = expandIpv6(lower);
  if (words === null) return null;
  const isMapped = words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff;
  const isCompatible = words.slice(0, 6).every((w) => w === 0) && (words[6] !== 0 || words[7]! > 1);
  const isNat64 = words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0);
  if (isMapped || isCompatible || isNat64) return wordsToIpv4(words[6]!, words[7]!);
  // 6to4 (2002::/16) carries the IPv4 address in the next 32 bits.
  if (words[0] === 0x2002) return wordsToIpv4(words[1]!, words[2]!);
  return null;
}

function expandIpv6(address: string): number[] | null {
  const [head, tail] = address.split('::') as [string, string | undefined];
  const parse = (part: string) =>
    part.length === 0 ? [] : part.split(':').map((h) => Number.parseInt(h, 16));
  if (address.includes('.')) return null;
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const words = [...left, ...new Array<number>(missing).fill(0), ...right];
  return words.some((w) => Number.isNaN(w)) ? null : words;
}

function wordsToIpv4(high: number, low: number): string {
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that resolves the name and refuses the connection when any answer is
 * non-public. The check runs on the address actually connected to, so a DNS answer that changes
 * between a check and the connection (DNS rebinding) cannot slip through.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, []);
      return;
    }
    const bad = addresses.find((a) => isNonPublicAddress(a.address));
    if (bad) {
      callback(blockedError(hostname, bad.address), []);
      return;
    }
    if (options.all) {
      callback(null, addresses);
      return;
    }
    const first = addresses[0];
    if (!first) {
      callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      return;
    }
    callback(null, first.address, first.family);
  });
}

export function blockedError(hostname: string, address: string): FeedError {
  return new FeedError(
    'blocked-address',
    `refused to fetch ${hostname}: it resolves to the non-public address ${address} (set VIGIL_ALLOW_PRIVATE_FEEDS to allow)`,
  );
}
