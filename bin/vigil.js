#!/usr/bin/env node
// vigil's command line. The TypeScript sources are built into dist/ by `npm ci` (the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/adapters/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('vigil: dist/ is missing; run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
const { main } = await import(entry.href);
const code = await main(process.argv);
// A failed command exits now, whatever it left open (a listening port, a chat connection).
if (code !== 0) process.exit(code);
