import { describe, expect, it } from "vitest";
import { canonicalHeader, resolveAstaCita, resolveCoded } from "@/lib/innovations/import/columns";
import { readCsvText } from "@/lib/innovations/import/parse";
import { rowInput } from "@/lib/innovations/import/plan-row";
import { missingProfile2026, normaliseDegrees, todayWib } from "@/lib/innovations/profile-2026";
import { innovationDraftSchema } from "@/lib/innovations/schemas";
import { EXPORT_HEADERS } from "@/lib/innovations/export-columns";
import { ASTA_CITA, astaCitaLabel } from "@/lib/reference/asta-cita";
import { MESSAGES } from "@/i18n/messages";
import { PRIORITY_CLUSTERS, PROFILE_2026_FIELDS } from "@/lib/innovations/vocabulary";

describe("the 2026 profile fields", () => {
  it("ships the eight Asta Cita missions with an Indonesian text and an English gloss each", () => {
    expect(ASTA_CITA.map((a) => a.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const id = (MESSAGES.id.vocab as Record<string, Record<string, string>>).astaCita;
    const en = (MESSAGES.en.vocab as Record<string, Record<string, string>>).astaCita;
    for (const a of ASTA_CITA) {
      expect(id[String(a.no)]).toBe(a.text);
      expect(en[String(a.no)]).toMatch(/^[A-Z]/);
      expect(en[String(a.no)]).not.toBe(a.text);
    }
    expect(astaCitaLabel(6)).toBe(`Asta Cita 6 — ${ASTA_CITA[5].text}`);
    expect(astaCitaLabel(9)).toBeNull();
  });

  it("reads degrees and Asta Cita numbers as people type them in a spreadsheet", () => {
    expect(normaliseDegrees(" -4,05 ")).toBe("-4.05");
    expect(normaliseDegrees("\u22124.05")).toBe("-4.05");
    expect(normaliseDegrees("105.4")).toBe("105.4");
    expect(normaliseDegrees("4,05,1")).toBe("4,05,1"); // left for the schema to refuse
    expect(["7", "Asta Cita 7", "AC-7", "7. Memperkuat reformasi", "asta cita 7"].map(resolveAstaCita)).toEqual(
      Array(5).fill("7"),
    );
    expect(resolveAstaCita("9")).toBe("9");
    expect(resolveAstaCita("17")).toBe("17");
  });

  it("maps export headers and common names to the import's columns, labels to codes", () => {
    for (const h of ["klasifikasi", "lintang", "bujur", "asta_cita", "klaster_prioritas_nasional"])
      expect(EXPORT_HEADERS).toContain(h);
    expect(canonicalHeader("Latitude")).toBe("lintang");
    expect(canonicalHeader("Klaster Prioritas")).toBe("klaster_prioritas_nasional");
    expect(canonicalHeader("Tanggal Perkembangan Terakhir")).toBe("tanggal_perkembangan_terakhir");
    expect(resolveCoded("klasifikasi", "Replikasi (dari daerah lain)")).toBe("replikasi");
    expect(resolveCoded("klaster_prioritas_nasional", "Food security")).toBe("ketahanan_pangan");
  });

  it("a CSV row with the 2026 columns becomes a valid draft", () => {
    const sheet = readCsvText(
      "nama_inovasi;tahapan;tahun;klasifikasi;lintang;bujur;asta_cita;klaster_prioritas_nasional;tanggal_perkembangan_terakhir\n" +
        "Uji;penerapan;2025;Orisinal;-4,05;105,4;Asta Cita 6;Ketahanan pangan;02/03/2026\n",
    );
    const input = rowInput(sheet.columns, sheet.rows[0].cells, "00000000-0000-4000-8000-000000000000");
    const parsed = innovationDraftSchema.parse(input);
    expect(parsed).toMatchObject({
      classification: "orisinal",
      latitude: -4.05,
      longitude: 105.4,
      astaCita: 6,
      priorityCluster: "ketahanan_pangan",
      latestDevelopmentDate: "2026-03-02",
    });
  });

  it("lists the missing fields a rule set asks for; coordinates need both degrees", () => {
    const full = {
      classification: "orisinal",
      latitude: -4,
      longitude: 105,
      astaCita: 1,
      priorityCluster: PRIORITY_CLUSTERS[0],
      latestDevelopmentDate: "2026-01-01",
    };
    expect(missingProfile2026(full, PROFILE_2026_FIELDS)).toEqual([]);
    expect(missingProfile2026({ ...full, longitude: null, astaCita: null }, PROFILE_2026_FIELDS)).toEqual([
      "coordinates",
      "astaCita",
    ]);
    expect(missingProfile2026({}, [])).toEqual([]);
    expect(todayWib(new Date("2026-04-29T18:30:00Z"))).toBe("2026-04-30");
  });
});
