import type { Content } from "pdfmake/interfaces";
import { PDF_BRAND, PDF_MUTED, renderPdf } from "@/lib/pdf/render";

export interface ListedResident {
  /** Area and serial only (lib/nik maskNik): never the whole NIK, never a name. */
  maskedNik: string;
  desa: string;
  first: string;
  last: string;
  services: number;
}

const id = new Intl.NumberFormat("id-ID");

/** The beneficiary list as an A4 PDF: the totals, residents per desa, then the masked list. */
export function beneficiaryListPdf(input: {
  innovationName: string;
  year: number;
  indicatorName: string;
  totals: { residents: number; services: number };
  perDesa: { desa: string; residents: number }[];
  rows: ListedResident[];
}): Promise<Buffer> {
  const { totals, rows } = input;
  const shown =
    rows.length < totals.residents
      ? `Daftar menampilkan ${id.format(rows.length)} dari ${id.format(totals.residents)} penerima manfaat.`
      : null;
  const content: Content[] = [
    { text: "DAFTAR PENERIMA MANFAAT", fontSize: 16, bold: true, color: PDF_BRAND },
    { text: `${input.innovationName} · tahun ${input.year}`, fontSize: 12, margin: [0, 2, 0, 2] },
    {
      text: `Data dukung indikator "${input.indicatorName}", dari register penerima manfaat berbasis NIK.`,
      color: PDF_MUTED,
      margin: [0, 0, 0, 8],
    },
    {
      table: {
        widths: [200, "*"],
        body: [
          ["Penerima manfaat (warga berbeda)", id.format(totals.residents)],
          ["Layanan tercatat", id.format(totals.services)],
        ],
      },
      layout: "lightHorizontalLines",
      margin: [0, 0, 0, 8],
    },
    {
      text: "NIK ditampilkan tersamar (UU 27/2022): enam digit kode wilayah dan empat digit nomor urut; digit tanggal lahir dan jenis kelamin disembunyikan. Nama tidak dicantumkan.",
      fontSize: 8,
      color: PDF_MUTED,
      margin: [0, 0, 0, 10],
    },
    { text: "Penerima manfaat per desa", bold: true, color: PDF_BRAND, margin: [0, 0, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: ["*", 80],
        body: [
          ["Desa", "Warga"],
          ...input.perDesa.map((d) => [d.desa, { text: id.format(d.residents), alignment: "right" as const }]),
        ],
      },
      layout: "lightHorizontalLines",
      fontSize: 9,
      margin: [0, 0, 0, 10],
    },
    { text: "Daftar penerima manfaat", bold: true, color: PDF_BRAND, pageBreak: "before", margin: [0, 0, 0, 4] },
    ...(shown ? [{ text: shown, color: PDF_MUTED, margin: [0, 0, 0, 4] } as Content] : []),
    {
      table: {
        headerRows: 1,
        widths: [28, 100, "*", 58, 58, 40],
        body: [
          ["No", "NIK (tersamar)", "Desa", "Layanan pertama", "Layanan terakhir", "Jumlah"],
          ...rows.map((r, i) => [
            String(i + 1),
            { text: r.maskedNik, font: "Courier" },
            r.desa,
            r.first,
            r.last,
            { text: id.format(r.services), alignment: "right" as const },
          ]),
        ],
      },
      layout: "lightHorizontalLines",
      fontSize: 8,
    },
  ];
  return renderPdf(
    {
      pageSize: "A4",
      pageMargins: [40, 48, 40, 48],
      info: { title: `Daftar penerima manfaat ${input.innovationName} ${input.year}`, creator: "Inovasi Daerah" },
      defaultStyle: { font: "Helvetica", fontSize: 10, lineHeight: 1.2 },
      content,
    },
    { right: "Halaman {page} dari {pages}", margin: [40, 16, 40, 0] },
  );
}
