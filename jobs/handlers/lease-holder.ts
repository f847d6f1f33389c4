/**
 * Who holds a channel's send lease: `host/pid/boot`. A holder on this host whose process is gone
 * (or an earlier life of this very process id, after a container restart) is dead: its lease is
 * taken over at once instead of after it expires.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export interface LeaseHolder {
  /** This process, as stored in the lease. */
  id: string;
  /** True when `holder` surely no longer runs; false when it may (another host, or alive here). */
  isDead(holder: string): boolean;
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function processLeaseHolder(): LeaseHolder {
  const host = hostname();
  const id = `${host}/${process.pid}/${randomUUID()}`;
  return {
    id,
    isDead(holder) {
      const [holderHost, pidText] = holder.split('/');
      const pid = Number(pidText);
      if (holderHost !== host || !Number.isSafeInteger(pid) || pid <= 0) return false;
      if (pid === process.pid) return holder !== id;
      return processGone(pid);
    },
  };
}
