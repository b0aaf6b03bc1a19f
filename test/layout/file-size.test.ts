/**
 * The handbook's rule, checked: a source file is split by use case before it passes 400 lines, so no
 * module grows into one file that does everything. Tests and browser journeys are not counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIMIT = 400;
const root = path.resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('source files', () => {
  it(`stay within ${LIMIT} lines`, () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(100);
    const oversized = files
      .map((file) => ({
        file: path.relative(root, file).split(path.sep).join('/'),
        lines: fs.readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter((f) => f.lines > LIMIT);
    expect(oversized).toEqual([]);
  });
});
