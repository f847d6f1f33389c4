/**
 * A child process's TypeScript transpiled to plain JavaScript in a scratch folder, so that it can be
 * measured without the TypeScript loader (whose compiler alone takes ~200 MB of RSS). The entry and
 * every file it imports by a relative path are transpiled. The folder sits under node_modules/.cache
 * so that packages and `seeds/` resolve as from the clone.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RELATIVE_IMPORT = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;

export interface Transpiled {
  /** The entry, as plain JavaScript. */
  entry: string;
  remove(): void;
}

/** Transpiles `entry` (relative to the package root) and what it imports. */
export function transpileForChild(entry: string): Transpiled {
  const out = path.join(ROOT, 'node_modules', '.cache', `vigil-bench-${process.pid}`);
  const pending = [path.join(ROOT, entry)];
  const done = new Set<string>();
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier = ''] of source.matchAll(RELATIVE_IMPORT)) {
      const imported = path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (existsSync(imported)) pending.push(imported);
    }
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    });
    const target = path.join(out, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return {
    entry: path.join(out, entry.replace(/\.ts$/, '.js')),
    remove: () => rmSync(out, { recursive: true, force: true }),
  };
}
