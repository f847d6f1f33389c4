/** `vigil audit [--limit N] [--channel KEY] [--json]`: who changed what, newest first. */
import { formatAuditEntry } from '../../../src/commands/audit-summary.js';
import type { AuditLog } from '../../../src/corpus/audit-log.js';
import { CliError, print, printJson } from '../output.js';

export async function auditCommand(
  store: AuditLog,
  options: { limit: number; channel?: string; json: boolean },
): Promise<number> {
  if (options.channel !== undefined && !/^(slack|telegram|console):\S+$/.test(options.channel)) {
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
