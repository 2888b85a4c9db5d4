import { ImageResponse } from "next/og";
import { getTranslations } from "next-intl/server";
import { cachedGalleryInnovation, cachedRegionName } from "@/lib/gallery/cached";

/*
 * The picture a shared link shows (Open Graph and, by fallback, Twitter): the innovation's name,
 * agency, stage and the regency, drawn on the server. No resident figure is drawn, so nothing here
 * needs suppression.
 */

export const alt = "Inovasi daerah";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const revalidate = 300;

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [innovation, region, t] = await Promise.all([
    cachedGalleryInnovation(slug),
    cachedRegionName(),
    getTranslations(),
  ]);
  const name = innovation?.name ?? t("gallery.title");
  const summary = innovation?.summary
    ? innovation.summary.length > 160
      ? `${innovation.summary.slice(0, 157)}…`
      : innovation.summary
    : "";
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 64,
        background: "#0b3a21",
        color: "white",
      }}
    >
      <div style={{ display: "flex", fontSize: 30, color: "#d5ecdd" }}>{`${region} · ${t("gallery.title")}`}</div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: name.length > 40 ? 60 : 80, fontWeight: 700, lineHeight: 1.1 }}>
          {name}
        </div>
        {summary && (
          <div style={{ display: "flex", marginTop: 24, fontSize: 30, color: "#eef7f1", lineHeight: 1.3 }}>
            {summary}
          </div>
        )}
      </div>
      <div style={{ display: "flex", justifyContent: "space-between", fontSize: 28, color: "#d5ecdd" }}>
        <div style={{ display: "flex" }}>{innovation?.agencyName ?? ""}</div>
        <div style={{ display: "flex" }}>
          {innovation ? t(`vocab.stage.${innovation.stage}`) : ""}
          {innovation?.isSample ? ` · ${t("gallery.sample")}` : ""}
        </div>
      </div>
    </div>,
    size,
  );
}
