import type { Db } from "../../db.ts";

/** A preview not committed within a day is dropped: the file is at hand to upload again. */
export const PREVIEW_TTL_MS = 24 * 3600_000;

/**
 * Deletes the previews nobody committed (their rows go with them): every upload left one behind,
 * and the history listed each as "Chưa nhập". Run before each new upload, so no timer is needed.
 */
export async function expirePreviews(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.importBatch.deleteMany({
    where: { status: "preview", createdAt: { lt: new Date(now.getTime() - PREVIEW_TTL_MS) } },
  });
  return count;
}
