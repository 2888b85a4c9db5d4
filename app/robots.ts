import type { MetadataRoute } from "next";
import { siteOrigin } from "./(public)/site-origin";

export const dynamic = "force-dynamic";

/** robots.txt: the public gallery is for search engines; the API, sign-in and the app are not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteOrigin();
  return {
    rules: {
      userAgent: "*",
      allow: ["/$", "/galeri", "/inovasi/"],
      disallow: ["/api/", "/login", "/innovations", "/iga", "/residents", "/admin", "/dashboard", "/trends"],
    },
    sitemap: new URL("/sitemap.xml", origin).toString(),
  };
}
