/**
 * The server's source files for the layout checks: path (relative to src/server, with '/') and the code
 * with comments blanked out (line numbers kept), so a comment that mentions a query never counts as one.
 */
import fs from 'node:fs';
import path from 'node:path';

export const serverRoot = path.resolve(import.meta.dirname, '../../src/server');

export type Source = { file: string; code: string };

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Block comments become blank lines; `//` comments (at the start or after white space) are dropped. */
export const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/(^|\s)\/\/.*$/gm, '$1');

/** Every .ts file under src/server except tests (`*.test.ts`). */
export function serverSources(): Source[] {
  return walk(serverRoot)
    .filter((full) => !full.endsWith('.test.ts'))
    .map((full) => ({
      file: path.relative(serverRoot, full).split(path.sep).join('/'),
      code: withoutComments(fs.readFileSync(full, 'utf8')),
    }));
}

/** Where the patterns match: `file:line  text` per hit. */
export function hits(source: Source, patterns: RegExp[]): string[] {
  return source.code
    .split('\n')
    .flatMap((line, i) =>
      patterns.some((p) => p.test(line)) ? [`${source.file}:${i + 1}  ${line.trim()}`] : [],
    );
}
