/** FileStore on the local filesystem: one file per key under a root directory (created on first write). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertSafeKey, type FileStore } from './file-store.js';

export function createFsFileStore(root: string): FileStore {
  const absoluteRoot = path.resolve(root);
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(absoluteRoot, ...key.split('/'));
  };
  return {
    async put(key, data) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Write to a temporary name, then link into place: readers never see a partial file, and an
      // existing key is never overwritten (link fails with EEXIST).
      const temporary = `${file}.${process.pid}.${Date.now()}.part`;
      await fs.writeFile(temporary, data, { mode: 0o600, flag: 'wx' });
      try {
        await fs.link(temporary, file);
      } finally {
        await fs.rm(temporary, { force: true });
      }
    },
    async get(key) {
      try {
        return await fs.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async has(key) {
      try {
        await fs.access(fileOf(key));
        return true;
      } catch {
        return false;
      }
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    describe: () => absoluteRoot,
  };
}

/** An in-memory store (tests, or a deployment that wants no files on disk for a demo). */
export function createMemoryFileStore(): FileStore {
  const files = new Map<string, Buffer>();
  return {
    async put(key, data) {
      assertSafeKey(key);
      if (files.has(key)) throw new Error(`Key exists: ${key}`);
      files.set(key, Buffer.from(data));
    },
    async get(key) {
      assertSafeKey(key);
      return files.get(key) ?? null;
    },
    async has(key) {
      return files.has(key);
    },
    async delete(key) {
      assertSafeKey(key);
      files.delete(key);
    },
    describe: () => 'memory',
  };
}
