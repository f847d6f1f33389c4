/** Where the package's own files are, whether running from src/ (tests) or dist/ (built). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The folder holding vigil's package.json. */
export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the package's `seeds/` folder. */
export function seedsPath(...parts: string[]): string {
  return path.join(packageRoot, 'seeds', ...parts);
}
