/** `vigil audit [--limit N] [--channel KEY] [--json]`: who changed what, newest first. */
import { formatAuditEntry } from '../../../src/commands/audit-summary.js';
import type { AuditLog } from '../../../src/corpus/audit-log.js';
import { isRegisteredPlatform } from '../../../src/platforms/registry.js';
import { CliError, print, printJson } from '../output.js';

export async function auditCommand(
  store: AuditLog,
  options: { limit: number; channel?: string; json: boolean },
): Promise<number> {
  const [platform = '', id = ''] = options.channel?.split(/:(.*)/s) ?? [];
  if (options.channel !== undefined && !(isRegisteredPlatform(platform) && /^\S+$/.test(id))) {
    throw new CliError(
      `--channel takes platform:id, e.g. telegram:-1001234567890 (got "${options.channel}")`,
      2,
    );
  }
  const entries = await store.listAudit({
    limit: options.limit,
    ...(options.channel === undefined ? {} : { channel: options.channel }),
  });
  if (options.json) {
    printJson(entries, 2);
    return 0;
  }
  if (entries.length === 0) {
    print(options.channel ? `no audit entries for ${options.channel}` : 'no audit entries yet');
    return 0;
  }
  for (const entry of entries) print(formatAuditEntry(entry, { withChannel: options.channel === undefined }));
  return 0;
}
