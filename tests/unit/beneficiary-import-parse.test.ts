import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalColumn, mapHeader } from "@/lib/beneficiaries/import/columns";
import { openRecordFile, type ByteStream } from "@/lib/beneficiaries/import/sources";
import { type RecordRefs, validateRow } from "@/lib/beneficiaries/import/validate-row";
import { parseAmount, parseServiceChannel, parseServiceDate } from "@/lib/beneficiaries/import/values";
import { detectDelimiter as detect } from "@/lib/files/csv-delimiter";
import { RecordFileError } from "@/lib/beneficiaries/import/file-error";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "beneficiaries");
const DESA = new Set(
  fs
    .readFileSync(path.join(import.meta.dirname, "..", "..", "db", "reference", "mesuji-desa-2025.csv"), "utf8")
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(",")[0])
    .filter(Boolean),
);
const NOW = new Date("2025-06-01T00:00:00Z");
const refs: RecordRefs = { desaCodes: DESA, today: "2025-06-01", now: NOW };

async function* bytes(buffer: Buffer, size = 7): ByteStream {
  // Small pieces, so that BOMs, multi-byte characters and CRLF are split across chunks.
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function readAll(name: string, chunk = 7) {
  const file = path.join(FIXTURES, name);
  const source = await openRecordFile(bytes(fs.readFileSync(file), chunk), name);
  const mapping = mapHeader(source.header);
  const rows: { row: number; values: unknown[] }[] = [];
  for await (const r of source.rows) rows.push(r);
  return { source, mapping, rows, check: (i: number) => validateRow(rows[i].values, mapping, refs) };
}

const codes = (check: ReturnType<typeof validateRow>) =>
  check.ok ? [] : check.issues.map((i) => `${i.column}:${i.code}`);

describe("service-record files", () => {
  it("reads a BOM, ';' delimiter, CRLF and quoted fields with Indonesian header aliases", async () => {
    const { source, mapping, rows, check } = await readAll("payo-beladas-semicolon-bom-crlf.csv");
    expect(source.delimiter).toBe(";");
    expect(mapping.missing).toEqual([]);
    expect(mapping.indexOf).toEqual({
      nik: 0,
      nama: 1,
      tanggal_layanan: 2,
      jenis_layanan: 3,
      kode_desa: 4,
      nilai: 5,
      kanal: 6,
    });
    expect(rows).toHaveLength(12);
    expect(rows[0].row).toBe(2); // the header is row 1
    const first = check(0);
    expect(first.ok && first.record).toMatchObject({
      nik: "1811010101800001",
      serviceDate: "2024-01-15",
      desaCode: "18.11.01.2001",
      sex: "L",
      channel: "loket_desa",
    });
    const second = check(1);
    expect(second.ok && second.record).toMatchObject({
      serviceDate: "2024-02-15",
      desaCode: "18.11.01.2002",
      sex: "P",
      birthDate: "1990-08-05",
      channel: null, // an empty cell: not recorded
    });
    const quoted = check(2);
    expect(quoted.ok && quoted.record).toMatchObject({
      nik: "1811021203750003",
      name: 'Ahmad; "Pak" Yusuf',
      amount: 1_500_000,
      channel: "daring",
    });
    expect(codes(check(4))).toEqual(["nik:nik_excel_damaged"]);
    expect(codes(check(5))).toEqual(["nik:nik_length"]);
    expect(codes(check(6))).toEqual(["tanggal_layanan:date_invalid"]);
    expect(codes(check(7))).toEqual(["tanggal_layanan:date_future"]);
    expect(codes(check(8))).toEqual(["kode_desa:desa_unknown"]);
    expect(codes(check(9))).toEqual(["nilai:value_invalid"]);
    const outside = check(10);
    expect(outside.ok && outside.record).toMatchObject({ areaKnown: false, channel: "jemput_bola" }); // accepted, with a warning
    expect(codes(check(11))).toEqual(["kanal:channel_unknown"]);
  });

  it("gives the same rows whatever the chunking of the bytes", async () => {
    const a = await readAll("payo-beladas-semicolon-bom-crlf.csv", 1);
    const b = await readAll("payo-beladas-semicolon-bom-crlf.csv", 4096);
    expect(a.rows).toEqual(b.rows);
    expect(a.source.header[0]).toBe("NIK"); // no BOM left on the first header
  });

  it("detects ',' and reads canonical headers", async () => {
    const { source, mapping, rows } = await readAll("standard-comma.csv");
    expect(source.delimiter).toBe(",");
    expect(mapping.missing).toEqual([]);
    expect(rows).toHaveLength(3);
    expect(rows[2].values[1]).toBe('Ahmad; "Pak" Yusuf');
  });

  it("reports unrecognised headers as missing columns, and maps them when told", async () => {
    const { source } = await readAll("unknown-headers.csv");
    expect(mapHeader(source.header).missing).toEqual(["nik", "tanggal_layanan", "jenis_layanan"]);
    const mapped = mapHeader(source.header, {
      nik: "no. identitas",
      tanggal_layanan: "Waktu",
      jenis_layanan: "PROGRAM",
      kode_desa: "Lokasi",
      nilai: "Rupiah",
    });
    expect(mapped.missing).toEqual([]);
    expect(mapped.indexOf).toMatchObject({ nik: 0, tanggal_layanan: 2, jenis_layanan: 3, kode_desa: 4, nilai: 5 });
    expect(mapped.ignored).toEqual(["Penerima"]);
  });

  it("reads XLSX: date cells, serial dates, text and numeric NIKs, Excel's rounding", async () => {
    const { source, rows, check } = await readAll("kur-records.xlsx", 512);
    expect(source.format).toBe("xlsx");
    const first = check(0);
    expect(first.ok && first.record).toMatchObject({ serviceDate: "2024-01-15", amount: 25_000_000 });
    const serial = check(1);
    expect(serial.ok && serial.record).toMatchObject({ serviceDate: "2024-02-15", amount: 10_000_000 });
    expect(codes(check(2))).toEqual(["nik:nik_excel_damaged"]); // last digit rounded to 0 by Excel
    const exact = check(3);
    expect(exact.ok && exact.record).toMatchObject({
      nik: "1811010101800009",
      serviceDate: "2024-03-01",
      amount: 5_000_000.5,
    });
    expect(rows.map((r) => r.row)).toContain(7);
    const noDate = rows.findIndex((r) => r.row === 7);
    expect(codes(check(noDate))).toEqual(["tanggal_layanan:date_missing"]);
  });

  it("refuses empty, binary and old Excel files as a whole", async () => {
    const open = (b: Buffer, name: string) => openRecordFile(bytes(b), name);
    await expect(open(Buffer.alloc(0), "a.csv")).rejects.toMatchObject({ code: "records_file_empty" });
    await expect(open(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "a.xls")).rejects.toBeInstanceOf(RecordFileError);
    await expect(
      open(Buffer.from('nik,nama\n"unclosed,x\n'), "a.csv").then(async (s) => {
        for await (const _ of s.rows);
      }),
    ).rejects.toMatchObject({ code: "records_csv_invalid" });
  });
});

describe("cell values", () => {
  it("reads dates as YYYY-MM-DD, DD/MM/YYYY and Excel serials, and refuses impossible ones", () => {
    expect(parseServiceDate("2024-01-31")).toBe("2024-01-31");
    expect(parseServiceDate("31/01/2024")).toBe("2024-01-31");
    expect(parseServiceDate("31-01-2024")).toBe("2024-01-31");
    expect(parseServiceDate(45322)).toBe("2024-01-31");
    expect(parseServiceDate("45322")).toBe("2024-01-31");
    expect(parseServiceDate("2024-02-30")).toBeNull();
    expect(parseServiceDate("01/13/2024")).toBeNull();
    expect(parseServiceDate("kemarin")).toBeNull();
  });

  it("reads rupiah amounts as Indonesians and programs write them", () => {
    expect(parseAmount("1.500.000")).toBe(1_500_000);
    expect(parseAmount("1500000,50")).toBe(1_500_000.5);
    expect(parseAmount("Rp 2.000")).toBe(2000);
    expect(parseAmount("-1")).toBeNull();
    expect(parseAmount("15.00.000")).toBeNull();
  });

  it("reads the service channel whatever its case, spaces, underscores and dashes, and refuses others", () => {
    expect(parseServiceChannel("Loket Desa")).toBe("loket_desa");
    expect(parseServiceChannel("loket_desa")).toBe("loket_desa");
    expect(parseServiceChannel(" KANTOR ")).toBe("kantor");
    expect(parseServiceChannel("Daring")).toBe("daring");
    expect(parseServiceChannel("jemput-bola")).toBe("jemput_bola");
    expect(parseServiceChannel("JemputBola")).toBe("jemput_bola");
    expect(parseServiceChannel("online")).toBeNull();
    expect(parseServiceChannel("loket.desa")).toBeNull();
    expect(parseServiceChannel(1)).toBeNull();
    for (const header of ["kanal", "Kanal Layanan", "CHANNEL", "tempat_layanan"])
      expect(canonicalColumn(header)).toBe("kanal");
  });

  it("detects the delimiter from the header line, ignoring quoted ones", () => {
    expect(detect('nik;"nama, lengkap";tanggal')).toBe(";");
    expect(detect("nik,nama;x,tanggal")).toBe(",");
  });
});

describe("dry-run record keys", () => {
  it("tell residents, dates and service types apart, and give equal records equal keys", async () => {
    const { recordKeyMaker } = await import("@/lib/beneficiaries/import/write-chunk");
    const key = recordKeyMaker();
    const base = { nikHash: "ab".repeat(32), serviceDate: "2024-01-15", serviceType: "KTP-el" } as never as Parameters<
      typeof key
    >[0];
    const k = key(base);
    expect(k).toHaveLength(12);
    expect(key({ ...base })).toBe(k);
    expect(key({ ...base, serviceDate: "2024-01-16" })).not.toBe(k);
    expect(key({ ...base, serviceType: "KTP-El" })).not.toBe(k);
    expect(key({ ...base, nikHash: `ac${"ab".repeat(31)}` })).not.toBe(k);
  });
});
