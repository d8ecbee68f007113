import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { AppError } from '../errors.ts';
import { imageUrl, processAndStoreImage, sniffImageType } from './image-processing.ts';
import type { MediaStorage } from './media-storage.ts';
import { isMediaKey } from './media-storage.ts';

function memoryStorage(): MediaStorage & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return {
    files,
    put: async (key, bytes) => void files.set(key, bytes),
    open: async () => null,
    has: async (key) => files.has(key),
    urlOf: (key) => `/media/${key}`,
    list: async () => [...files.keys()].map((key) => ({ key, storedAt: new Date(0) })),
    storedAt: async (key) => (files.has(key) ? new Date(0) : null),
    remove: async (key) => void files.delete(key),
  };
}

test('types are told by their magic numbers, not by anything else', async () => {
  const make = (f: 'png' | 'jpeg' | 'webp') =>
    sharp({ create: { width: 4, height: 4, channels: 3, background: '#123' } })
      [f]()
      .toBuffer();
  assert.equal(sniffImageType(await make('png')), 'png');
  assert.equal(sniffImageType(await make('jpeg')), 'jpeg');
  assert.equal(sniffImageType(await make('webp')), 'webp');
  assert.equal(sniffImageType(Buffer.from('GIF89a...')), null);
  assert.equal(sniffImageType(Buffer.from('RIFF\0\0\0\0WAVE')), null);
  assert.equal(sniffImageType(Buffer.alloc(0)), null);
});

test('an image becomes content-named WebP and JPEG variants no wider than the original', async () => {
  const storage = memoryStorage();
  const png = await sharp({
    create: { width: 500, height: 250, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } },
  })
    .png()
    .toBuffer();
  const image = await processAndStoreImage(storage, png, [200, 400, 800]);
  assert.deepEqual([image.width, image.height], [500, 250]);
  assert.deepEqual(image.variants.map((v) => `${v.format}:${v.width}`).sort(), [
    'jpeg:200',
    'jpeg:400',
    'jpeg:500',
    'webp:200',
    'webp:400',
    'webp:500',
  ]);
  for (const v of image.variants) {
    assert.ok(isMediaKey(v.path), v.path);
    assert.equal((await sharp(storage.files.get(v.path)).metadata()).width, v.width);
  }
  assert.match(imageUrl(storage, image, 400) ?? '', /-400\.webp$/);
  assert.match(imageUrl(storage, image, 1000, 'jpeg') ?? '', /-500\.jpg$/);
  assert.equal(imageUrl(storage, null, 400), null);
});

test('a truncated or corrupt image is refused as unsupported', async () => {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#abc' } })
    .png()
    .toBuffer();
  for (const bytes of [
    Buffer.concat([png.subarray(0, 8), Buffer.from('not really a png at all')]),
    png.subarray(0, png.length - 40),
  ]) {
    await assert.rejects(
      processAndStoreImage(memoryStorage(), bytes, [100]),
      (err: unknown) => err instanceof AppError && err.status === 415,
    );
  }
});

test('media keys cannot name anything outside the media folder', () => {
  for (const key of ['img/abc-200.webp', 'img/a_b-c.jpg']) assert.ok(isMediaKey(key), key);
  for (const key of [
    '../etc/passwd',
    'img/../../x.webp',
    '/img/a.webp',
    'img/a.svg',
    'img/.hidden.webp',
    'IMG/A.webp',
    'img//a.webp',
  ])
    assert.ok(!isMediaKey(key), key);
});
