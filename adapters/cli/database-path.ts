/**
 * Checks VIGIL_DB as a SQLite file before the store opens it, so a bad path is one line naming the
 * variable (exit 2) rather than an error from deep in the driver, or a hang: Node's recursive mkdir
 * never returns for some unwritable paths (/proc/… under gVisor), so missing folders are made one by one.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isPostgresUrl } from '../../src/corpus/create-corpus-store.js';
import { ConfigError } from '../../src/errors.js';

function bad(setting: string, problem: string): ConfigError {
  return new ConfigError(`VIGIL_DB ${setting}: ${problem}`, ['VIGIL_DB']);
}

export function prepareDatabaseFile(setting: string): void {
  if (setting === ':memory:' || isPostgresUrl(setting)) return;
  const file = path.resolve(setting);
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw bad(setting, `is a folder; give a file in it, e.g. ${path.join(setting, 'vigil.db')}`);
  }
  const missing: string[] = [];
  let folder = path.dirname(file);
  while (!existsSync(folder)) {
    missing.unshift(folder);
    folder = path.dirname(folder);
  }
  if (!statSync(folder).isDirectory()) throw bad(setting, `${folder} is a file, not a folder`);
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      throw bad(
        setting,
        `cannot create the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  try {
    accessSync(path.dirname(file), constants.W_OK);
  } catch {
    throw bad(setting, `the folder ${path.dirname(file)} is not writable by this user`);
  }
}
