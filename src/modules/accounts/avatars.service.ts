// A customer's avatar: the upload goes through the catalog's image pipeline (type read from the
// bytes, decoded in full under a pixel limit, re-encoded without metadata), cut to a centred square
// in a few small sizes. Replacing, deleting and erasing the account remove the old files at once,
// except those anything still shows: files are named by their content, so a poster or a product
// picture made from the same bytes shares them. Media GC (catalog) sweeps what a crash left behind.
import { moduleDb } from '../../platform/db/module-db.ts';
import { unauthorized } from '../../platform/errors.ts';
import { processAndStoreSquareImage } from '../../platform/media/image-processing.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import type { AccountsDeps } from './accounts.deps.ts';
import { toPublicUser } from './accounts.deps.ts';
import type { PublicUser } from './accounts.schemas.ts';
import type { AccountsDb, StoredAvatar } from './accounts.tables.ts';
import * as users from './users.store.ts';

/** Square sides stored (WebP and JPEG each); answers point at the 128 px WebP. */
export const AVATAR_SIZES = [64, 128, 256];
const SHOWN_SIZE = 128;

export function createAvatarsService(
  deps: Pick<AccountsDeps, 'database' | 'clock' | 'sessions'> & {
    media: MediaStorage;
    /** Every stored key some image user (avatars included) points at: the media GC's registry. */
    mediaInUse: () => Promise<Set<string>>;
  },
) {
  const { clock, sessions, media, mediaInUse } = deps;
  const db = moduleDb<AccountsDb>(deps.database);

  /**
   * Removes an avatar's files unless something still shows them: another user's avatar, a poster,
   * a photo or a product image made from the same bytes (the avatar itself is already unset).
   */
  async function removeFiles(avatar: StoredAvatar | null): Promise<void> {
    if (!avatar) return;
    const kept = await mediaInUse();
    await Promise.all(avatar.paths.filter((p) => !kept.has(p)).map((p) => media.remove(p)));
  }

  async function replace(userId: string, next: StoredAvatar | null): Promise<PublicUser> {
    const { row, previous } = await db.transaction().execute(async (trx) => {
      const previous = await users.findAvatar(trx, userId, true);
      return { previous, row: await users.setAvatar(trx, userId, next, clock.now()) };
    });
    if (!row) throw unauthorized();
    await sessions.forgetUser(userId);
    if (previous && previous.url !== next?.url) await removeFiles(previous);
    return toPublicUser(row);
  }

  return {
    removeFiles,

    async upload(userId: string, bytes: Buffer): Promise<PublicUser> {
      const image = await processAndStoreSquareImage(media, bytes, AVATAR_SIZES);
      const webp = image.variants.filter((v) => v.format === 'webp');
      const shown = webp.find((v) => v.width >= SHOWN_SIZE) ?? webp.at(-1);
      if (!shown) throw new Error('the image pipeline stored no WebP variant');
      return replace(userId, { url: media.urlOf(shown.path), paths: image.variants.map((v) => v.path) });
    },

    delete: (userId: string) => replace(userId, null),

    /** Files some user shows, for the catalog's media GC. */
    pathsInUse: () => users.avatarPathsInUse(db),
  };
}

export type AvatarsService = ReturnType<typeof createAvatarsService>;
