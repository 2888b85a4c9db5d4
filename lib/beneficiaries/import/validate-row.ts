import { hasControlCharacters, parseNik } from "@/lib/nik";
import type { RecordIssueCode } from "../messages";
import type { HeaderMapping, RecordColumn } from "./columns";
import {
  cellText,
  normaliseDesaCode,
  normaliseServiceType,
  parseAmount,
  parseServiceChannel,
  parseServiceDate,
  type ServiceChannel,
} from "./values";

/** What a row is checked against: the desa of the region, and the day that counts as today. */
export interface RecordRefs {
  desaCodes: ReadonlySet<string>;
  /** YYYY-MM-DD in WIB; a later service date is refused. */
  today: string;
  /** The instant for the NIK's century choice and age. */
  now: Date;
}

/** A row that passed every check. Holds the NIK in the clear: keep it in memory only. */
export interface ValidRecord {
  nik: string;
  sex: "L" | "P";
  birthDate: string;
  issueAreaCode: string;
  areaKnown: boolean;
  name: string | null;
  serviceDate: string;
  serviceType: string;
  desaCode: string | null;
  amount: number | null;
  channel: ServiceChannel | null;
}

export interface RowIssue {
  column: RecordColumn;
  code: RecordIssueCode;
}

export type RowCheck = { ok: true; record: ValidRecord } | { ok: false; issues: RowIssue[] };

const MAX_NAME_LENGTH = 200;

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A row with nothing in any known column: a blank line, skipped rather than rejected. */
export function isBlankRow(values: readonly unknown[], mapping: HeaderMapping): boolean {
  return Object.values(mapping.indexOf).every((i) => isBlank(values[i as number]));
}

/**
 * Excel keeps 15 significant digits, so a NIK typed into a number cell comes back with its last
 * digit turned into 0. A numeric cell ending in 0 is therefore not trusted; one with a non-zero last
 * digit cannot have passed through Excel and is exact.
 */
function roundedByExcel(value: unknown): boolean {
  return typeof value === "number" && value >= 1e15 && Number.isSafeInteger(value) && value % 10 === 0;
}

/** The example row of the downloadable template starts its name with this (lib/beneficiaries/import/template.ts). */
export const EXAMPLE_MARK = "[CONTOH]";

/** Checks every column of one row and collects all problems, so one round of fixes is enough. */
export function validateRow(values: readonly unknown[], mapping: HeaderMapping, refs: RecordRefs): RowCheck {
  const cell = (column: RecordColumn) => {
    const i = mapping.indexOf[column];
    return i === undefined ? undefined : values[i];
  };
  const issues: RowIssue[] = [];

  const rawNik = cell("nik");
  const nik = roundedByExcel(rawNik) ? null : parseNik(rawNik, { today: refs.now });
  if (!nik) issues.push({ column: "nik", code: "nik_excel_damaged" });
  else if (!nik.ok) issues.push({ column: "nik", code: nik.code });

  const rawDate = cell("tanggal_layanan");
  const serviceDate = isBlank(rawDate) ? null : parseServiceDate(rawDate);
  if (isBlank(rawDate)) issues.push({ column: "tanggal_layanan", code: "date_missing" });
  else if (!serviceDate) issues.push({ column: "tanggal_layanan", code: "date_invalid" });
  else if (serviceDate > refs.today) issues.push({ column: "tanggal_layanan", code: "date_future" });

  const serviceType = normaliseServiceType(cell("jenis_layanan"));
  if (serviceType === "") issues.push({ column: "jenis_layanan", code: "service_type_missing" });
  else if (serviceType === null) issues.push({ column: "jenis_layanan", code: "service_type_invalid" });

  const rawDesa = cell("kode_desa");
  let desaCode: string | null = null;
  if (!isBlank(rawDesa)) {
    desaCode = normaliseDesaCode(rawDesa);
    if (!desaCode || !refs.desaCodes.has(desaCode)) issues.push({ column: "kode_desa", code: "desa_unknown" });
  }

  const rawAmount = cell("nilai");
  const amount = isBlank(rawAmount) ? null : parseAmount(rawAmount);
  if (!isBlank(rawAmount) && amount === null) issues.push({ column: "nilai", code: "value_invalid" });

  const rawChannel = cell("kanal");
  const channel = isBlank(rawChannel) ? null : parseServiceChannel(rawChannel);
  if (!isBlank(rawChannel) && channel === null) issues.push({ column: "kanal", code: "channel_unknown" });

  const rawName = cellText(cell("nama"));
  const name = rawName.trim().replace(/\s+/g, " ");
  if (name.length > MAX_NAME_LENGTH || hasControlCharacters(rawName))
    issues.push({ column: "nama", code: "name_invalid" });
  // The template's example row, left in by mistake, must not become a real record.
  if (name.startsWith(EXAMPLE_MARK)) issues.push({ column: "nama", code: "example_row" });

  if (issues.length > 0 || !nik?.ok) return { ok: false, issues };
  return {
    ok: true,
    record: {
      nik: nik.nik,
      sex: nik.sex,
      birthDate: nik.birthDate,
      issueAreaCode: nik.areaCode,
      areaKnown: nik.area !== null,
      name: name || null,
      serviceDate: serviceDate!,
      serviceType: serviceType!,
      desaCode,
      amount,
      channel,
    },
  };
}
