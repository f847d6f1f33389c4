/** The audit log port: who changed what, and when. */

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  channel: string | null;
  details: Record<string, unknown>;
}

export interface AuditLog {
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** Newest first; `channel` as the audit log names it (`telegram:-100…`). */
  listAudit(options: { limit: number; channel?: string }): Promise<AuditEntry[]>;
}
