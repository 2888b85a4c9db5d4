import { z } from "zod";
import pkg from "@/package.json" with { type: "json" };

/** manifest.json: every other file of the package with its size and SHA-256, and the snapshot it came from. */
export const MANIFEST_PATH = "manifest.json";
export const MANIFEST_FORMAT = "iga-submission-package/1";
export const APP_VERSION: string = pkg.version;

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  appVersion: z.string(),
  createdAt: z.string(),
  snapshot: z.object({
    id: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    year: z.number().int(),
    regionCode: z.string(),
    frozenAt: z.string(),
  }),
  files: z.array(
    z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = Manifest["files"][number];
