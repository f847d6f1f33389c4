/** `audit`: the last changes made to this chat's settings and from this chat, who made them and when. */
import { formatAuditEntry } from '../audit-summary.js';
import type { Reply } from '../reply.js';
import type { HandlerContext } from './context.js';

export const AUDIT_COUNT = 20;

export async function handleAudit(context: HandlerContext): Promise<Reply> {
  const entries = await context.deps.store.listAudit({ limit: AUDIT_COUNT, channel: context.channel });
  if (entries.length === 0) return { title: 'Audit log', lines: ['No changes recorded for this chat yet.'] };
  return {
    title: `Audit log: the ${entries.length === 1 ? 'last change' : `last ${entries.length} changes`} in this chat`,
    lines: entries.map((entry) => formatAuditEntry(entry)),
  };
}
