import type { MetadataRoute } from "next";
import { cachedGalleryEntries } from "@/lib/gallery/cached";
import { siteOrigin } from "./(public)/site-origin";

// Read per request (the public innovations change; the build has no database to read).
export const dynamic = "force-dynamic";

/** sitemap.xml: the gallery and every public innovation. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [origin, entries] = await Promise.all([siteOrigin(), cachedGalleryEntries()]);
  const url = (path: string) => new URL(path, origin).toString();
  return [
    { url: url("/"), changeFrequency: "weekly", priority: 1 },
    ...entries.map((e) => ({
      url: url(`/inovasi/${e.slug}`),
      lastModified: e.updatedAt,
      changeFrequency: "monthly" as const,
      priority: 0.8,
    })),
  ];
}
