// `npm run bench -- NAME [--quick] [args]`: runs bench/NAME.ts under the TypeScript loader (no build).
// Each benchmark prints a readable table, then as its last line one JSON object (design.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const [name, ...args] = process.argv.slice(2);
const known = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && !file.startsWith('_'))
  .map((file) => file.slice(0, -3));
if (!name || !known.includes(name)) {
  process.stderr.write(`usage: npm run bench -- NAME [--quick]; NAME is one of ${known.join(', ')}\n`);
  process.exit(2);
}
const script = `${benchDir}${name}.ts`;
if (!existsSync(script)) process.exit(2);
const result = spawnSync(
  process.execPath,
  ['--import', `${benchDir}ts-loader.mjs`, '--expose-gc', script, ...args],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
