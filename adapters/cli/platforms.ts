/**
 * The chat platforms this build ships, registered from the composition root before anything reads
 * the registry (config, job payloads, runners). Only their descriptions load here, never an SDK.
 */
import { registerPlatform } from '../../src/platforms/registry.js';
import { consolePlatform } from '../console/platform.js';
import { slackPlatform } from '../slack/platform.js';
import { telegramPlatform } from '../telegram/platform.js';

export function registerBuiltInPlatforms(): void {
  for (const platform of [telegramPlatform, slackPlatform, consolePlatform]) registerPlatform(platform);
}
