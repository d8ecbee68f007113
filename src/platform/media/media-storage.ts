// Where processed images live. A small interface so a bucket (S3, GCS) can replace the files
// under DATA_DIR/media without the catalog noticing. Keys are content-hashed, so an object is
// never rewritten: a new image gets a new key and caches may keep old ones forever.
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface MediaObject {
  stream: Readable;
  size: number;
  contentType: string;
}

export interface MediaStorage {
  /** Stores bytes under a key (idempotent: the key names the content). */
  put(key: string, bytes: Buffer): Promise<void>;
  /** Opens a stored object, or null when there is none (or the key is not one of ours). */
  open(key: string): Promise<MediaObject | null>;
  has(key: string): Promise<boolean>;
  /** The URL path a client fetches the object from. */
  urlOf(key: string): string;
  /** Every stored object with when it was last stored (a put of the same key refreshes it). */
  list(): Promise<{ key: string; storedAt: Date }[]>;
  /** When `key` was last stored, or null when it is not. */
  storedAt(key: string): Promise<Date | null>;
  /** Deletes an object; deleting one that is gone is not an error. */
  remove(key: string): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

// Keys are ours (hash-based), so anything else is refused before it can touch the file system.
const KEY_PATTERN = /^[a-z0-9]+(?:\/[a-z0-9][a-z0-9_-]*)*\.(?:webp|jpg|jpeg|png)$/;

export const isMediaKey = (key: string): boolean => KEY_PATTERN.test(key) && key.length <= 200;

/** Files under `root` (DATA_DIR/media by default). */
export function createFileMediaStorage(root: string, urlPrefix = '/media'): MediaStorage {
  const fileOf = (key: string) => {
    if (!isMediaKey(key)) throw new Error(`not a media key: ${key}`);
    return path.join(root, ...key.split('/'));
  };
  async function storedAt(key: string): Promise<Date | null> {
    try {
      const stat = await fs.stat(fileOf(key));
      return stat.isFile() ? stat.mtime : null;
    } catch {
      return null;
    }
  }
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file, and two writers of one key agree.
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
    },
    async open(key) {
      if (!isMediaKey(key)) return null;
      const file = fileOf(key);
      try {
        const stat = await fs.stat(file);
        if (!stat.isFile()) return null;
        return {
          stream: createReadStream(file),
          size: stat.size,
          contentType: contentTypes[path.extname(file)] ?? 'application/octet-stream',
        };
      } catch {
        return null;
      }
    },
    async has(key) {
      try {
        return (await fs.stat(fileOf(key))).isFile();
      } catch {
        return false;
      }
    },
    urlOf: (key) => `${urlPrefix}/${key}`,
    async list() {
      let names: string[];
      try {
        names = await fs.readdir(root, { recursive: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      const keys = names.map((n) => n.split(path.sep).join('/')).filter(isMediaKey);
      const found = await Promise.all(keys.map(async (key) => ({ key, storedAt: await storedAt(key) })));
      return found.flatMap((f) => (f.storedAt ? [{ key: f.key, storedAt: f.storedAt }] : []));
    },
    storedAt,
    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
