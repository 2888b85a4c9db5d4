import ExcelJS from "exceljs";
import type { SnapshotContent, SnapshotIndicator } from "../content";
import {
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
 * submission.xlsx: the snapshot as the four sheets evaluators work from. Numbers are numbers and
 * dates are dates (cells typed, not text), with a frozen, bold header row on every sheet.
 */

const isoToDate = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

type Column = { header: string; key: string; width: number; date?: boolean; number?: string };

function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.date ? { numFmt: "dd/mm/yyyy" } : c.number ? { numFmt: c.number } : {},
  }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

function indicatorRows(owner: { no: number | null; name: string }, indicators: SnapshotIndicator[]) {
  const rows: Record<string, unknown>[] = [];
  for (const ind of indicators) {
    const base = {
      no: owner.no,
      innovation: owner.name,
      code: ind.code,
      indicator: ind.name,
      level: ind.level,
      score: ind.score,
    };
    if (ind.evidence.length === 0) rows.push(base);
    for (const e of ind.evidence) {
      rows.push({
        ...base,
        letterNumber: e.letterNumber,
        letterDate: isoToDate(e.letterDate),
        subject: e.subject,
        file: e.kind === "file" ? e.fileName : e.url,
        sha256: e.sha256,
        review: REVIEW_LABEL[e.reviewStatus],
      });
    }
  }
  return rows;
}

const indicatorColumns = (first: { header: string; key: string; width: number }[]) => [
  ...first,
  { header: "Kode", key: "code", width: 10 },
  { header: "Indikator", key: "indicator", width: 40 },
  { header: "Level", key: "level", width: 7, number: "0" },
  { header: "Skor", key: "score", width: 8, number: "0.00" },
  { header: "Nomor surat", key: "letterNumber", width: 20 },
  { header: "Tanggal surat", key: "letterDate", width: 13, date: true },
  { header: "Perihal", key: "subject", width: 30 },
  { header: "Berkas / tautan", key: "file", width: 30 },
  { header: "SHA-256", key: "sha256", width: 66 },
  { header: "Pemeriksaan", key: "review", width: 16 },
];

/** A spreadsheet date has no time zone: the freeze is written as the wall-clock time in WIB. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The rule set's legal sources: "title (reference, date)"; a date may be a year alone. */
function sourcesText(content: SnapshotContent): string {
  const sources = content.ruleSet.sources ?? [];
  if (sources.length === 0) return "–";
  return sources
    .map((src) => {
      const extra = [
        src.reference !== src.title ? src.reference : "",
        /^\d{4}-\d{2}-\d{2}$/.test(src.date) ? longDate(src.date) : src.date,
      ].filter(Boolean);
      return extra.length ? `${src.title} (${extra.join(", ")})` : src.title;
    })
    .join("; ");
}

/** The 2026 profile as columns: the degrees as numbers, so a GIS or a map can read them. */
const PROFILE_2026_COLUMNS = PROFILE_2026_PACKAGE_FIELDS.flatMap((f): Column[] =>
  f === "coordinates"
    ? [
        { header: fieldLabel("latitude"), key: "latitude", width: 12, number: "0.000000" },
        { header: fieldLabel("longitude"), key: "longitude", width: 12, number: "0.000000" },
      ]
    : [{ header: fieldLabel(f), key: f, width: f === "astaCita" ? 40 : 22, date: f === "latestDevelopmentDate" }],
);

export async function submissionWorkbook(
  content: SnapshotContent,
  meta: { id: string; sha256: string; createdAt: Date },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Inovasi Daerah";
  wb.created = meta.createdAt;

  const with2026 = showsProfile2026(content);
  const profiles = sheet(wb, "Profil Inovasi", [
    { header: "No", key: "no", width: 5, number: "0" },
    { header: "Perangkat daerah", key: "agency", width: 30 },
    ...PROFILE_FIELDS.map((f) => ({
      header: fieldLabel(f),
      key: f,
      width: f === "design" ? 80 : 22,
      date: f === "trialDate" || f === "implementationDate",
      number: f === "yearApplied" ? "0" : undefined,
    })),
    ...(with2026 ? PROFILE_2026_COLUMNS : []),
    { header: "Skor", key: "score", width: 8, number: "0.00" },
    { header: "Data contoh", key: "isSample", width: 10 },
  ]);
  for (const i of content.innovations) {
    const row: Record<string, unknown> = {
      no: i.no,
      agency: i.agency.name,
      score: i.score,
      isSample: i.profile.isSample ? "Ya" : "Tidak",
    };
    for (const f of PROFILE_FIELDS) {
      const v = i.profile[f];
      row[f] =
        f === "trialDate" || f === "implementationDate"
          ? isoToDate(v as string | null)
          : f === "yearApplied"
            ? v
            : valueLabel(f, v);
    }
    if (with2026) {
      row.latitude = i.profile.latitude ?? null;
      row.longitude = i.profile.longitude ?? null;
      row.latestDevelopmentDate = isoToDate(i.profile.latestDevelopmentDate ?? null);
      for (const f of ["classification", "astaCita", "priorityCluster"] as const)
        row[f] = profile2026Label(f, i.profile);
    }
    profiles.addRow(row);
  }

  const perInnovation = sheet(
    wb,
    "Indikator Inovasi",
    indicatorColumns([
      { header: "No", key: "no", width: 5 },
      { header: "Inovasi", key: "innovation", width: 30 },
    ]),
  );
  for (const i of content.innovations)
    perInnovation.addRows(indicatorRows({ no: i.no, name: i.profile.name }, i.indicators));

  const region = sheet(wb, "Indikator Pemda", indicatorColumns([]));
  region.addRows(indicatorRows({ no: null, name: "" }, content.region));

  const summary = sheet(wb, "Ringkasan", [
    { header: "Komponen", key: "k", width: 42 },
    { header: "Nilai", key: "v", width: 70 },
  ]);
  const s = content.score;
  summary.addRows([
    { k: "Tahun IGA", v: content.year },
    { k: "Kode daerah", v: content.regionCode },
    { k: "Jumlah inovasi", v: s.innovations },
    { k: "Skor Pemda (SPD)", v: s.spd },
    { k: "Skor Inovasi Daerah (SID)", v: s.sid },
    { k: "Skor jumlah inovasi", v: s.innovationCountScore },
    { k: "Indeks Inovasi Daerah", v: s.index },
    { k: "Predikat", v: s.category },
    {
      k: "Aturan penilaian",
      v: `${content.ruleSet.name} (tahun ${content.ruleSet.year}, versi ${content.ruleSet.version})`,
    },
    { k: "Sumber aturan", v: sourcesText(content) },
    { k: "ID snapshot", v: meta.id },
    { k: "SHA-256 snapshot", v: meta.sha256 },
    { k: "Dibekukan (WIB)", v: new Date(meta.createdAt.getTime() + WIB_OFFSET_MS) },
  ]);
  summary.getColumn("v").alignment = { horizontal: "left" };
  summary.getCell("B14").numFmt = "dd/mm/yyyy hh:mm";
  for (const r of [5, 6, 7, 8]) summary.getCell(`B${r}`).numFmt = "0.00";

  return Buffer.from(await wb.xlsx.writeBuffer());
}
