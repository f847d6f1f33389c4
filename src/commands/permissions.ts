/** Who may change what vigil does: VIGIL_ADMINS entries, or the chat's own administrators. */
import { findPlatform } from '../platforms/registry.js';
import type { CommandDeps, CommandRequest } from './command.js';

/** The audit-log name of the person who ran a command, e.g. `<platform>:42`. */
export function actorOf(request: CommandRequest): string {
  return `${request.user.platform}:${request.user.id}`;
}

export function isListedAdmin(request: CommandRequest, admins: readonly string[]): boolean {
  return admins.includes(actorOf(request));
}

/** The configured list is checked first, so listed admins never cost a platform API call. */
export async function isAdmin(
  request: CommandRequest,
  deps: Pick<CommandDeps, 'admins' | 'log'>,
): Promise<boolean> {
  if (isListedAdmin(request, deps.admins)) return true;
  try {
    return await request.isPlatformAdmin();
  } catch (error) {
    deps.log?.warn({ err: error, channel: request.channel.channelId }, 'platform admin check failed');
    return false;
  }
}

/** Who can run admin commands on this platform, for refusals and help. */
export function whoMayAdminister(platform: string): string {
  const listed = 'people listed in VIGIL_ADMINS';
  const chatAdmins = findPlatform(platform)?.chatAdmins;
  return chatAdmins ? `${chatAdmins} and ${listed}` : listed;
}
