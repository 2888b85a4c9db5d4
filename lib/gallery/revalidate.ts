import { revalidateTag } from "next/cache";

/** The cache tag of every public gallery read (lib/gallery/cached.ts). */
export const GALLERY_TAG = "gallery";

/**
 * Drops the cached gallery after a change, from a server action or a route handler. Outside a
 * Next request (tests calling a handler directly, the CLI) there is no cache to drop.
 */
export function revalidateGallery() {
  try {
    revalidateTag(GALLERY_TAG, { expire: 0 });
  } catch (e) {
    if (!(e instanceof Error && e.message.includes("static generation store missing"))) throw e;
  }
}
