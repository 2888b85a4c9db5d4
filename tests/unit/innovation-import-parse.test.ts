import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { canonicalHeader, resolveAffair, resolveCoded, splitAffairs } from "@/lib/innovations/import/columns";
import { excelSerialToIso, normaliseDate } from "@/lib/innovations/import/dates";
import { detectDelimiter } from "@/lib/files/csv-delimiter";
import { ImportFileError, MAX_FILE_BYTES, parseImportFile, readCsvText } from "@/lib/innovations/import/parse";

const utf8 = (text: string) => new TextEncoder().encode(text);
const csvFile = (text: string, name = "data.csv") => ({ name, bytes: utf8(text) });
async function refusal(run: Promise<unknown>): Promise<ImportFileError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe("headers", () => {
  it.each([
    ["nama_inovasi", "nama_inovasi"],
    ["  Nama Inovasi ", "nama_inovasi"],
    ["NAMA", "nama_inovasi"],
    ["OPD", "perangkat_daerah"],
    ["Perangkat Daerah", "perangkat_daerah"],
    ["Tahun Penerapan", "tahun"],
    ["tahun-penerapan", "tahun"],
    ["Waktu Uji Coba", "waktu_uji_coba"],
    ["Urusan Lain", "urusan_lain"],
  ])("reads %j as %s", (raw, expected) => {
    expect(canonicalHeader(raw)).toBe(expected);
  });

  it("leaves columns it does not know unmapped", () => {
    expect(canonicalHeader("catatan")).toBeUndefined();
    expect(canonicalHeader("")).toBeUndefined();
  });
});

describe("coded values", () => {
  it.each([
    ["tahapan", "Uji coba", "uji_coba"],
    ["tahapan", "UJI_COBA", "uji_coba"],
    ["tahapan", "Trial", "uji_coba"],
    ["tahapan", "penerapan", "penerapan"],
    ["jenis_inisiator", "Perangkat daerah (OPD)", "opd"],
    ["jenis_inisiator", "Kepala Daerah", "kepala_daerah"],
    ["jenis", "Non digital", "non_digital"],
    ["jenis", "non-digital", "non_digital"],
    ["bentuk", "Inovasi pelayanan publik", "pelayanan_publik"],
    ["tematik", "digitalisasi layanan pemerintahan", "digitalisasi_layanan"],
  ] as const)("%s %j → %s", (column, raw, code) => {
    expect(resolveCoded(column, raw)).toBe(code);
  });

  it("passes an unknown value through for the schema to reject", () => {
    expect(resolveCoded("tahapan", "selesai")).toBe("selesai");
  });

  it("reads affairs by code or name in any case, several separated by semicolons", () => {
    expect(resolveAffair("ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL")).toBe(
      "administrasi_kependudukan_dan_pencatatan_sipil",
    );
    expect(resolveAffair("kesehatan")).toBe("kesehatan");
    expect(splitAffairs("Koperasi, usaha kecil, dan menengah; pertanian ;; Pertanian")).toEqual([
      "koperasi_usaha_kecil_dan_menengah",
      "pertanian",
    ]);
    expect(splitAffairs("pendidikan\nKesehatan")).toEqual(["pendidikan", "kesehatan"]);
  });
});

describe("dates", () => {
  it.each([
    ["2023-01-05", "2023-01-05"],
    ["2023-1-5", "2023-01-05"],
    ["2023-01-05T00:00:00", "2023-01-05"],
    ["31/01/2023", "2023-01-31"],
    ["1/2/2023", "2023-02-01"],
    ["01-02-2023", "2023-02-01"],
    ["01.02.2023", "2023-02-01"],
    ["44621", "2022-03-01"],
    ["2022", "2022"],
    ["kemarin", "kemarin"],
  ])("%j → %j", (raw, iso) => {
    expect(normaliseDate(raw)).toBe(iso);
  });

  it("converts Excel serials in the plausible range only", () => {
    expect(excelSerialToIso(44562)).toBe("2022-01-01");
    expect(excelSerialToIso(45000.75)).toBe("2023-03-15");
    expect(excelSerialToIso(2023)).toBeNull();
  });
});

describe("CSV", () => {
  it.each([
    ["nama_inovasi;perangkat_daerah;tahun", ";"],
    ["nama_inovasi,perangkat_daerah,tahun", ","],
    ['"nama, inovasi";opd', ";"],
    ['"a;b",c,d', ","],
    ["a\tb\tc", "\t"],
  ])("detects the delimiter of %j", (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });

  it("reads a semicolon file with a BOM, CRLF, quotes, blank lines and DD/MM/YYYY dates", () => {
    const text =
      "\uFEFFNama;OPD;Tahapan;Waktu Uji Coba;Tahun Penerapan;Catatan\r\n" +
      '"Payo; Beladas";DISDUKCAPIL;Uji coba;01/03/2022;2023;x\r\n' +
      "\r\n" +
      '"Rancang ""baru""\r\nbaris dua";DINKES;penerapan;2022-08-01;2024;\r\n';
    const sheet = readCsvText(text);
    expect(sheet.format).toBe("csv");
    expect(sheet.columns).toEqual(["nama_inovasi", "perangkat_daerah", "tahapan", "waktu_uji_coba", "tahun"]);
    expect(sheet.ignoredColumns).toEqual(["Catatan"]);
    expect(sheet.rows).toEqual([
      {
        row: 2,
        cells: {
          nama_inovasi: "Payo; Beladas",
          perangkat_daerah: "DISDUKCAPIL",
          tahapan: "Uji coba",
          waktu_uji_coba: "2022-03-01",
          tahun: "2023",
        },
      },
      {
        row: 4,
        cells: {
          nama_inovasi: 'Rancang "baru"\r\nbaris dua',
          perangkat_daerah: "DINKES",
          tahapan: "penerapan",
          waktu_uji_coba: "2022-08-01",
          tahun: "2024",
        },
      },
    ]);
  });

  it("reads a comma file saved in the Windows code page", async () => {
    const latin = Uint8Array.from([...utf8("nama,opd\nSaluran "), 0xe9, ...utf8("t,DINKES\n")]);
    const sheet = await parseImportFile({ name: "lama.csv", bytes: latin });
    expect(sheet.rows[0].cells.nama_inovasi).toBe("Saluran ét");
  });

  it("refuses a header without template columns, a column named twice, and a file without rows", async () => {
    expect((await refusal(parseImportFile(csvFile("a;b\n1;2\n")))).code).toBe("import_no_header");
    expect((await refusal(parseImportFile(csvFile("nama;nama_inovasi\nx;y\n")))).params).toEqual({
      column: "nama_inovasi",
    });
    expect((await refusal(parseImportFile(csvFile("nama_inovasi;opd\n;\n")))).code).toBe("import_no_rows");
  });

  it("refuses more than 5,000 rows", async () => {
    const text = "nama_inovasi;opd\n" + Array.from({ length: 5001 }, (_, i) => `Inovasi ${i};DINKES`).join("\n");
    expect((await refusal(parseImportFile(csvFile(text)))).params).toEqual({ max: 5000 });
  });
});

describe("file checks", () => {
  it.each([
    ["empty.csv", new Uint8Array(), "import_empty"],
    ["big.csv", new Uint8Array(MAX_FILE_BYTES + 1).fill(65), "import_too_large"],
    ["fake.xlsx", utf8("nama_inovasi;opd\nx;y\n"), "import_not_xlsx"],
    ["old.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "import_old_excel"],
    ["scan.pdf", utf8("%PDF-1.7\n"), "import_unknown_format"],
    ["binary.csv", Uint8Array.from([0x6e, 0x00, 0x61]), "import_unknown_format"],
    ["broken.xlsx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "import_unreadable"],
  ])("refuses %s", async (name, bytes, code) => {
    expect((await refusal(parseImportFile({ name, bytes }))).code).toBe(code);
  });
});

describe("XLSX", () => {
  async function workbookBytes(fill: (wb: ExcelJS.Workbook) => void) {
    const wb = new ExcelJS.Workbook();
    fill(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("reads dates, serials, rich text, formulas and numbers from the Inovasi sheet", async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet("Catatan").addRow(["bukan data"]);
      const ws = wb.addWorksheet("Inovasi");
      ws.addRow(["Nama Inovasi", "OPD", "waktu_uji_coba", "waktu_penerapan", "tahun", "ringkasan"]);
      ws.addRow([
        { richText: [{ text: "Payo " }, { text: "Beladas", font: { bold: true } }] },
        "DISDUKCAPIL",
        new Date(Date.UTC(2022, 2, 1)),
        44774,
        { formula: "2020+3", result: 2023 },
        "  spasi  ",
      ]);
      ws.addRow([]);
      ws.addRow(["Pak Kur", "SETDA-EKBANG", "15/06/2021", "2022-01-03", 2023, null]);
    });
    const sheet = await parseImportFile({ name: "isi.XLSX", bytes });
    expect(sheet.format).toBe("xlsx");
    expect(sheet.rows).toEqual([
      {
        row: 2,
        cells: {
          nama_inovasi: "Payo Beladas",
          perangkat_daerah: "DISDUKCAPIL",
          waktu_uji_coba: "2022-03-01",
          waktu_penerapan: "2022-08-01",
          tahun: "2023",
          ringkasan: "spasi",
        },
      },
      {
        row: 4,
        cells: {
          nama_inovasi: "Pak Kur",
          perangkat_daerah: "SETDA-EKBANG",
          waktu_uji_coba: "2021-06-15",
          waktu_penerapan: "2022-01-03",
          tahun: "2023",
        },
      },
    ]);
  });

  it("reads the first visible sheet when there is no Inovasi sheet, whatever the file is named", async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet("Tersembunyi", { state: "hidden" }).addRow(["x"]);
      const ws = wb.addWorksheet("Sheet1");
      ws.addRow(["nama", "opd"]);
      ws.addRow(["Satu Data", "BAPPEDA"]);
    });
    const sheet = await parseImportFile({ name: "salah-nama.csv", bytes });
    expect(sheet.rows).toEqual([{ row: 2, cells: { nama_inovasi: "Satu Data", perangkat_daerah: "BAPPEDA" } }]);
  });
});
