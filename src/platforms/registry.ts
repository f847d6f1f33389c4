/**
 * The chat platforms vigil knows. Core code never names one: adapters declare a ChatPlatform and the
 * composition root registers it before anything reads the list (adapters/cli/platforms.ts).
 */
import { VigilError } from '../errors.js';
import type { ChatPlatform } from './chat-platform.js';

export const PLATFORM_NAME = /^[a-z][a-z0-9-]{0,31}$/;

const registered = new Map<string, ChatPlatform>();

/** Registers a platform; registering the same one again is harmless, another under its name is not. */
export function registerPlatform(platform: ChatPlatform): void {
  if (!PLATFORM_NAME.test(platform.name)) {
    throw new VigilError(
      'platform-name',
      `chat platform name ${JSON.stringify(platform.name)} must be lower-case letters, digits and -`,
    );
  }
  const existing = registered.get(platform.name);
  if (existing && existing !== platform) {
    throw new VigilError('platform-name', `chat platform ${platform.name} is already registered`);
  }
  registered.set(platform.name, platform);
}

/** Removes a platform (tests that register a fake one clean up after themselves). */
export function unregisterPlatform(name: string): void {
  registered.delete(name);
}

export function isRegisteredPlatform(name: string): boolean {
  return registered.has(name);
}

/** The registered names, in registration order. */
export function platformNames(): string[] {
  return [...registered.keys()];
}

/** The platform, or a clear error naming it and the registered ones. */
export function platformNamed(name: string): ChatPlatform {
  const platform = registered.get(name);
  if (!platform) throw new VigilError('unknown-platform', unknownPlatformMessage(name));
  return platform;
}

/** The platform, or null when it is not registered (wording then falls back to neutral text). */
export function findPlatform(name: string): ChatPlatform | null {
  return registered.get(name) ?? null;
}

export function unknownPlatformMessage(name: string): string {
  const known = platformNames();
  return `unknown chat platform ${JSON.stringify(name)} (known: ${known.length > 0 ? known.join(', ') : 'none'})`;
}
