import type { Content } from "pdfmake/interfaces";
import {
  type FooterSpec,
  PDF_BRAND as BRAND,
  PDF_MUTED as MUTED,
  type PdfDocument,
  type PdfTableLayout,
  renderPdf,
} from "@/lib/pdf/render";
import type { SnapshotContent, SnapshotInnovation } from "../content";
import {
  decimal,
  fieldLabel,
  longDate,
  PROFILE_2026_PACKAGE_FIELDS,
  PROFILE_FIELDS,
  profile2026Label,
  REVIEW_LABEL,
  showsProfile2026,
  valueLabel,
} from "./labels";

/**
 * The profile PDFs (pdfmake over PDFKit, not a browser print): one A4 document per innovation and
 * profil-inovasi.pdf with a cover, a table of contents and every profile. The PDF standard fonts
 * (Helvetica) carry every Latin letter Bahasa Indonesia needs and embed nothing, so each file
 * stays small.
 */

export interface PdfMeta {
  id: string;
  sha256: string;
  createdAt: Date;
  regionName: string;
}

const LONG_FIELDS = new Set(["summary", "goals", "benefits", "results", "design"]);

/** Text as paragraphs: blank lines in the stored text separate them. */
function paragraphs(text: string | null): Content[] {
  if (!text) return [{ text: "–", color: MUTED }];
  return text.split(/\n+/).map((p) => ({ text: p.trim(), margin: [0, 0, 0, 6], alignment: "justify" as const }));
}

/** One evidence item in the indicator table: the file (or link), then its letter number and review. */
function evidenceLines(e: SnapshotInnovation["indicators"][number]["evidence"][number]): Content {
  const source = (e.kind === "file" ? e.fileName : e.url) ?? "–";
  const letter = e.letterNumber ? `No. ${e.letterNumber} · ` : "";
  return { text: [source, { text: `\n${letter}${REVIEW_LABEL[e.reviewStatus]}`, color: MUTED }], margin: [0, 0, 0, 2] };
}

function profileContent(i: SnapshotInnovation, year: number, inBook: boolean, with2026: boolean): Content[] {
  const shortRows = PROFILE_FIELDS.filter((f) => !LONG_FIELDS.has(f) && f !== "name").map((f) => [
    { text: fieldLabel(f), bold: true, color: MUTED },
    { text: f === "trialDate" || f === "implementationDate" ? longDate(i.profile[f]) : valueLabel(f, i.profile[f]) },
  ]);
  if (with2026) {
    for (const f of PROFILE_2026_PACKAGE_FIELDS)
      shortRows.push([{ text: fieldLabel(f), bold: true, color: MUTED }, { text: profile2026Label(f, i.profile) }]);
  }
  const indicatorRows = i.indicators.map((ind) => [
    { text: ind.code, noWrap: true },
    { text: ind.name },
    { text: ind.level === null ? "–" : String(ind.level), alignment: "center" as const },
    { text: decimal(ind.score), alignment: "right" as const },
    { stack: ind.evidence.length ? ind.evidence.map(evidenceLines) : ["–"], fontSize: 8 },
  ]);
  return [
    {
      text: `${String(i.no).padStart(3, "0")}. ${i.profile.name}`,
      style: "title",
      ...(inBook ? { tocItem: true, pageBreak: "before" as const, tocMargin: [0, 2, 0, 2] } : {}),
    },
    {
      text: `${i.agency.name} · IGA ${year}${i.profile.isSample ? " · data contoh" : ""}`,
      color: MUTED,
      margin: [0, 0, 0, 12],
    },
    {
      table: { widths: [150, "*"], body: shortRows },
      layout: "fields" satisfies PdfTableLayout,
      margin: [0, 0, 0, 12],
    },
    ...(["summary", "goals", "benefits", "results", "design"] as const).flatMap((f) => [
      { text: fieldLabel(f), style: "heading" } as Content,
      ...paragraphs(i.profile[f]),
    ]),
    { text: "Indikator inovasi", style: "heading", pageBreak: "before" },
    { text: `Skor inovasi: ${decimal(i.score)} dari ${decimal(i.max)}`, margin: [0, 0, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: [38, "*", 30, 34, 150],
        body: [
          [
            { text: "Kode", bold: true },
            { text: "Indikator", bold: true },
            { text: "Level", bold: true, alignment: "center" },
            { text: "Skor", bold: true, alignment: "right" },
            { text: "Data dukung", bold: true },
          ],
          ...indicatorRows,
        ],
      },
      layout: "lightHorizontalLines",
      fontSize: 9,
    },
  ];
}

function definition(content: Content[], meta: PdfMeta, title: string): PdfDocument {
  return {
    pageSize: "A4",
    pageMargins: [56, 56, 56, 60],
    // Dated at the freeze, not the download: the same snapshot always renders the same bytes.
    info: {
      title,
      author: meta.regionName,
      subject: `Snapshot ${meta.id}`,
      creator: "Inovasi Daerah",
      creationDate: meta.createdAt,
    },
    defaultStyle: { font: "Helvetica", fontSize: 10, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 16, bold: true, color: BRAND, margin: [0, 0, 0, 4] },
      heading: { fontSize: 11, bold: true, color: BRAND, margin: [0, 10, 0, 4] },
    },
    content,
  };
}

/** Every page: the region and the snapshot's hash on the left, the page number on the right. */
const footer = (meta: PdfMeta): FooterSpec => ({
  left: `${meta.regionName} · snapshot ${meta.sha256.slice(0, 12)}`,
  right: "Halaman {page} dari {pages}",
  margin: [56, 20, 56, 0],
});

const render = (doc: PdfDocument, meta: PdfMeta) => renderPdf(doc, footer(meta));

/** profil/NNN-<slug>.pdf: one innovation's profile. */
export function innovationPdf(
  content: SnapshotContent,
  innovation: SnapshotInnovation,
  meta: PdfMeta,
): Promise<Buffer> {
  return render(
    definition(
      profileContent(innovation, content.year, false, showsProfile2026(content)),
      meta,
      `Profil inovasi: ${innovation.profile.name}`,
    ),
    meta,
  );
}

/** profil-inovasi.pdf: cover, table of contents, every profile. */
export function profilesBookPdf(content: SnapshotContent, meta: PdfMeta): Promise<Buffer> {
  const s = content.score;
  const cover: Content[] = [
    { text: "PROFIL INOVASI DAERAH", fontSize: 26, bold: true, color: BRAND, margin: [0, 160, 0, 8] },
    { text: meta.regionName, fontSize: 18, margin: [0, 0, 0, 4] },
    { text: `Innovative Government Award ${content.year}`, fontSize: 14, color: MUTED, margin: [0, 0, 0, 40] },
    {
      table: {
        widths: [170, "*"],
        body: [
          ["Jumlah inovasi", String(content.innovations.length)],
          ["Indeks Inovasi Daerah", decimal(s.index)],
          ["Predikat", s.category],
          ["Aturan penilaian", content.ruleSet.name],
          [
            "Dibekukan",
            new Intl.DateTimeFormat("id-ID", {
              dateStyle: "long",
              timeStyle: "short",
              timeZone: "Asia/Jakarta",
            }).format(meta.createdAt) + " WIB",
          ],
          ["ID snapshot", meta.id],
          ["SHA-256", { text: meta.sha256, fontSize: 7 }],
        ],
      },
      layout: "noBorders",
    },
    { toc: { title: { text: "Daftar isi", style: "title" } }, pageBreak: "before" },
  ];
  const with2026 = showsProfile2026(content);
  const body = content.innovations.flatMap((i) => profileContent(i, content.year, true, with2026));
  return render(
    definition([...cover, ...body], meta, `Profil Inovasi Daerah ${meta.regionName} ${content.year}`),
    meta,
  );
}
