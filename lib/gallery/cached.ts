import "server-only";
import { unstable_cache } from "next/cache";
import type { Ctx } from "@/lib/auth/context";
import { appDb } from "@/lib/db-bootstrap";
import { getGalleryInnovation } from "./get-gallery-innovation";
import { galleryEntries, galleryIgaHistory, galleryRegionName } from "./iga-history";
import { listGallery } from "./list-gallery";
import { GALLERY_TAG } from "./revalidate";

/*
 * The public pages' reads, cached across requests and visitors: every visitor sees the same
 * gallery, read without a user (a signed-in visitor too), so one entry serves all. Publishing, an
 * edit on the innovation's page and the API's publish route drop the entries at once
 * (revalidateGallery); anything else that changes a public figure (an import, an IGA result) shows
 * within REVALIDATE_SECONDS.
 */

const REVALIDATE_SECONDS = 300;
const options = { tags: [GALLERY_TAG], revalidate: REVALIDATE_SECONDS };

async function publicCtx(): Promise<Ctx> {
  return { db: await appDb(), actor: null };
}

export const cachedGalleryList = unstable_cache(
  async (query: Record<string, string>) => listGallery({ ctx: await publicCtx(), input: query }),
  ["gallery-list"],
  options,
);

export const cachedGalleryInnovation = unstable_cache(
  async (slug: string) => {
    try {
      return await getGalleryInnovation({ ctx: await publicCtx(), input: { slug } });
    } catch (e) {
      // A slug that is not (or no longer) public: cached as "none" like any answer, dropped on publish.
      if ((e as { status?: number }).status === 404) return null;
      throw e;
    }
  },
  ["gallery-innovation"],
  options,
);

export const cachedIgaHistory = unstable_cache(
  async () => galleryIgaHistory({ ctx: await publicCtx() }),
  ["gallery-iga"],
  options,
);
export const cachedRegionName = unstable_cache(
  async () => galleryRegionName({ ctx: await publicCtx() }),
  ["gallery-region"],
  options,
);
export const cachedGalleryEntries = unstable_cache(
  async () => galleryEntries({ ctx: await publicCtx() }),
  ["gallery-entries"],
  options,
);
