import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { storedFiles } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { getGalleryInnovation } from "@/lib/gallery/get-gallery-innovation";
import { openPublicPhoto, setEvidencePublic } from "@/lib/gallery/photos";
import { addEvidence } from "@/lib/iga/evidence";
import { removeEvidence } from "@/lib/iga/evidence-remove";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { callRoute } from "@/tests/helpers/routes";
import { caught, databaseCases } from "./support";

/*
 * Evidence photos in the public gallery: chosen one by one by admin or Bappeda, shown as a copy
 * without the camera's metadata, and only while the innovation is public.
 */

/** A 3000×2000 JPEG whose EXIF names the camera and its owner — what a phone's photo carries. */
async function cameraPhoto(): Promise<Uint8Array> {
  const bytes = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#3a7" } })
    .jpeg()
    .withExif({ IFD0: { Make: "KameraRahasia", Artist: "Petugas Loket Desa" } })
    .toBuffer();
  const meta = await sharp(bytes).metadata();
  if (!meta.exif) throw new Error("the fixture photo should carry EXIF");
  return new Uint8Array(bytes);
}

const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

describe.each(databaseCases())("gallery photos from evidence (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let payo: string;
  let photoId: string;
  let pdfId: string;
  const anonymous = () => ({ db: handle.db, actor: null });

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    const [row] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.slug, "payo-beladas"));
    payo = row.id;
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    const input = (fileName: string, bytes: Uint8Array) => ({
      year: 2023,
      indicatorCode: "INV-04",
      innovationId: payo,
      kind: "file" as const,
      fileName,
      bytes,
      subject: "Loket Payo Beladas di balai desa",
    });
    photoId = (await addEvidence({ ctx: bappeda, input: input("loket.jpg", await cameraPhoto()) })).id;
    const pdf = new TextEncoder().encode("%PDF-1.4\n% surat\n");
    pdfId = (await addEvidence({ ctx: bappeda, input: input("surat.pdf", pdf) })).id;
  });
  afterAll(() => handle.close());

  it("lets only admin and Bappeda choose a photo; PDFs stay internal", async () => {
    for (const email of ["opd@demo.local", "pimpinan@demo.local", "evaluator@demo.local"])
      expect(
        await caught(setEvidencePublic({ ctx: await ctxFor(handle.db, email), input: { id: photoId, public: true } })),
      ).toBeInstanceOf(ForbiddenError);
    expect(
      await caught(setEvidencePublic({ ctx: await ctxFor(handle.db, null), input: { id: photoId, public: true } })),
    ).toBeInstanceOf(UnauthenticatedError);
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    expect(await caught(setEvidencePublic({ ctx: bappeda, input: { id: pdfId, public: true } }))).toMatchObject({
      status: 422,
      code: "evidence_not_photo",
    });
    // Nothing is public until someone chooses it.
    expect((await getGalleryInnovation({ ctx: anonymous(), input: { slug: "payo-beladas" } })).photos).toEqual([]);
    expect(await caught(openPublicPhoto({ ctx: anonymous(), input: { id: photoId } }))).toBeInstanceOf(NotFoundError);
  });

  it("shows a chosen photo to visitors as a smaller copy without camera metadata, audited", async () => {
    const admin = await ctxFor(handle.db, "admin@demo.local");
    expect(await setEvidencePublic({ ctx: admin, input: { id: photoId, public: true } })).toEqual({
      id: photoId,
      isPublic: true,
    });
    const page = await getGalleryInnovation({ ctx: anonymous(), input: { slug: "payo-beladas" } });
    expect(page.photos).toEqual([
      { id: photoId, src: `/api/v1/gallery/photos/${photoId}`, caption: "Loket Payo Beladas di balai desa" },
    ]);
    const { body, headers } = await openPublicPhoto({ ctx: anonymous(), input: { id: photoId } });
    const bytes = await bytesOf(body);
    expect(headers.get("content-type")).toBe("image/jpeg");
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Math.max(meta.width!, meta.height!)).toBe(1600);
    expect(bytes.includes(Buffer.from("KameraRahasia"))).toBe(false);
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "gallery.photo.publish"), eq(auditLog.entityId, photoId)));
    expect(audit.after).toMatchObject({ public: true });

    // Through the route, for a visitor with no account.
    const { GET } = await import("@/app/api/v1/gallery/photos/[id]/route");
    const answer = await callRoute(handle.db, GET, "GET", { email: null }, { params: { id: photoId } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("image/jpeg");
  });

  it("hides the photo while its innovation is not public, and for good once it is taken out", async () => {
    await handle.db.update(innovations).set({ isPublic: false }).where(eq(innovations.id, payo));
    expect(await caught(openPublicPhoto({ ctx: anonymous(), input: { id: photoId } }))).toBeInstanceOf(NotFoundError);
    await handle.db.update(innovations).set({ isPublic: true }).where(eq(innovations.id, payo));
    await openPublicPhoto({ ctx: anonymous(), input: { id: photoId } });

    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    const { PUT } = await import("@/app/api/v1/iga/evidence/[id]/public/route");
    const answer = await callRoute(
      handle.db,
      PUT,
      "PUT",
      { email: "bappeda@demo.local" },
      { params: { id: photoId }, body: { public: false } },
    );
    expect(answer).toMatchObject({ status: 200, body: { id: photoId, isPublic: false } });
    expect(await caught(openPublicPhoto({ ctx: anonymous(), input: { id: photoId } }))).toBeInstanceOf(NotFoundError);
    // The copy is gone with it; the original evidence file stays.
    const files = await handle.db.select({ mimeType: storedFiles.mimeType }).from(storedFiles);
    expect(files.filter((f) => f.mimeType === "image/jpeg")).toHaveLength(1);

    // Removing public evidence removes its copy too.
    await setEvidencePublic({ ctx: bappeda, input: { id: photoId, public: true } });
    await removeEvidence({ ctx: bappeda, input: { evidenceId: photoId } });
    const left = await handle.db.select({ mimeType: storedFiles.mimeType }).from(storedFiles);
    expect(left.filter((f) => f.mimeType === "image/jpeg")).toHaveLength(0);
  });
});
