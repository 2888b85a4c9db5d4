import { numbered, type SnapshotContent, type SnapshotEvidence, type SnapshotInnovation } from "../content";

/** Where each file sits in the package; every name is ASCII-safe and unique. */
export const XLSX_PATH = "submission.xlsx";
export const BOOK_PATH = "profil-inovasi.pdf";

export function profilePath(i: SnapshotInnovation): string {
  return `profil/${numbered(i.no)}-${i.slug}.pdf`;
}

function safeName(name: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "");
  return cleaned.slice(-120) || "berkas";
}

export interface EvidenceFileEntry {
  path: string;
  evidence: SnapshotEvidence;
}

/** bukti/NNN-<slug>/<indicator-code>-<file> (bukti/pemda/… for the region's own indicators). */
export function evidenceEntries(content: SnapshotContent): EvidenceFileEntry[] {
  const out: EvidenceFileEntry[] = [];
  const taken = new Set<string>();
  const owners: { folder: string; indicators: SnapshotInnovation["indicators"] }[] = [
    { folder: "pemda", indicators: content.region },
    ...content.innovations.map((i) => ({ folder: `${numbered(i.no)}-${i.slug}`, indicators: i.indicators })),
  ];
  for (const { folder, indicators } of owners) {
    for (const ind of indicators) {
      for (const e of ind.evidence) {
        if (e.kind !== "file" || !e.fileId) continue;
        const base = `bukti/${folder}/${safeName(ind.code)}-${safeName(e.fileName ?? "berkas")}`;
        let path = base;
        for (let n = 2; taken.has(path); n++) path = base.replace(/(\.[^./]*)?$/, (ext) => `-${n}${ext}`);
        taken.add(path);
        out.push({ path, evidence: e });
      }
    }
  }
  return out;
}
