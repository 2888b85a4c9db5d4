import fs from "node:fs";
import path from "node:path";
import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import type { ImportReport } from "@/lib/beneficiaries/import/report";
import { importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import type { Actor, Ctx } from "@/lib/auth/context";
import { env } from "@/lib/config/env";
import { parseInput, ValidationError } from "@/lib/errors";
import { manifestSchema } from "@/lib/submissions/package/manifest";
import { checkManifestSnapshot } from "@/lib/submissions/verify-snapshot";
import { createToken } from "@/lib/tokens/create-token";
import { createUser } from "@/lib/users/create-user";
import { unlockLogin } from "@/lib/users/unlock-login";
import { appDatabase } from "@/lib/db-bootstrap";
import { backupTo } from "@/lib/backup/embedded";
import { addRegion } from "@/lib/regions/add-region";

/** The operator at the command line: an administrator without an account, audited as "cli". */
export function cliActor(): Actor {
  return {
    id: "00000000-0000-0000-0000-000000000000",
    email: "cli",
    name: "Command line",
    role: "admin",
    agencyId: null,
    regionCode: env().REGION_CODE,
    kind: "cli",
  };
}

const userCreate = z.object({
  email: z.string(),
  name: z.string().optional(),
  role: z.string(),
  agency: z.string().optional(),
  region: z.string().optional(),
  password: z.string(),
});
const tokenCreate = z.object({ email: z.string(), name: z.string(), expiresInDays: z.number().nullish() });

async function agencyIdFor(db: Db, regionCode: string, ref: string | undefined): Promise<string | null> {
  if (!ref) return null;
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(eq(agencies.regionCode, regionCode), or(eq(agencies.code, ref.toUpperCase()), eq(agencies.shortName, ref))),
    )
    .limit(1);
  if (!row) throw ValidationError.field("agencyId", "v.agency");
  return row.id;
}

const recordImport = z.object({
  innovation: z.string().min(1),
  file: z.string().min(1),
  dryRun: z.boolean().optional(),
  strict: z.boolean().optional(),
});

/** An innovation by id or by its exact name, within the region. */
async function innovationIdFor(db: Db, regionCode: string, ref: string): Promise<string> {
  const byId = /^[0-9a-f-]{36}$/i.test(ref);
  const rows = await db
    .select({ id: innovations.id })
    .from(innovations)
    .where(and(eq(innovations.regionCode, regionCode), byId ? eq(innovations.id, ref) : eq(innovations.name, ref)))
    .limit(2);
  if (rows.length === 0) throw ValidationError.field("innovation", "v.innovation");
  // Names are not unique: never guess which of two innovations the records belong to.
  if (rows.length > 1) throw ValidationError.field("innovation", "v.innovationAmbiguous");
  return rows[0].id;
}

/** The summary lines of an import report (never a NIK: messages are fixed texts). */
function reportLines(report: ImportReport, maxErrors = 20): string[] {
  const head = report.dryRun
    ? "Dry run (nothing written)"
    : report.status === "failed"
      ? "Strict mode: nothing written because rows were rejected"
      : "Imported";
  const lines = [
    `${head}: ${report.rows} rows, ${report.accepted} accepted, ${report.duplicates} duplicates, ${report.rejected} rejected.`,
    ...report.errors.slice(0, maxErrors).map((e) => `  row ${e.row}, ${e.column}: ${e.code} — ${e.message}`),
  ];
  if (report.errors.length > maxErrors)
    lines.push(`  … and ${report.errors.length - maxErrors} more (see the batch's rejected rows in the app).`);
  for (const w of report.warnings.slice(0, 5))
    lines.push(`  warning${w.row ? ` row ${w.row}` : ""}: ${w.code} — ${w.message}`);
  if (report.batchId) lines.push(`Batch ${report.batchId}`);
  return lines;
}

export const CLI_COMMANDS = {
  /** The snapshot check of `verify`: the manifest's snapshot against the database. */
  "submission.snapshot": async (ctx: Ctx, raw: unknown) => {
    const manifest = parseInput(manifestSchema, raw);
    return { lines: [await checkManifestSnapshot({ ctx, manifest })] };
  },
  "beneficiary.import": async (ctx: Ctx, raw: unknown) => {
    const input = parseInput(recordImport, raw);
    const innovationId = await innovationIdFor(ctx.db, ctx.actor!.regionCode, input.innovation);
    const file = path.resolve(input.file);
    if (!fs.existsSync(file)) throw ValidationError.field("file", "v.fileMissing");
    const report = await importServiceRecords(ctx, {
      innovationId,
      open: () => openRecordFile(fs.createReadStream(file), file),
      fileName: path.basename(file),
      dryRun: input.dryRun ?? false,
      mode: input.strict ? "strict" : "default",
      locale: "en",
      source: "cli",
    });
    return { lines: reportLines(report) };
  },
  "user.create": async (ctx: Ctx, raw: unknown) => {
    const input = parseInput(userCreate, raw);
    const agencyId = await agencyIdFor(ctx.db, ctx.actor!.regionCode, input.agency);
    const user = await createUser({
      ctx,
      input: {
        email: input.email,
        name: input.name ?? input.email.split("@")[0],
        role: input.role,
        agencyId,
        password: input.password,
        regionCode: input.region,
      },
    });
    const where = user.regionCode === ctx.actor!.regionCode ? "" : `, region ${user.regionCode}`;
    return { lines: [`Created user ${user.email} (${user.role}${where})`] };
  },
  "user.unlock": async (ctx: Ctx, raw: unknown) => {
    const { email, wasLocked } = await unlockLogin({ ctx, input: raw });
    return {
      lines: [
        wasLocked ? `Unlocked sign-in for ${email}` : `${email} had no failed sign-ins on record; nothing to unlock`,
      ],
    };
  },
  // Runs where the database is open: inside the app while it holds DATA_DIR, else in the CLI itself.
  "db.backup": async (_ctx: Ctx, raw: unknown) => {
    const { file } = parseInput(z.object({ file: z.string().min(1) }), raw);
    const { bytes } = await backupTo(await appDatabase(), file);
    return {
      lines: [
        `Backup written to ${file} (${bytes} bytes). Keep DATA_DIR/nik-keys.json and auth-secret too, stored apart from it.`,
      ],
    };
  },
  "region.add": async (ctx: Ctx, raw: unknown) => {
    const added = await addRegion({ ctx, input: raw });
    return {
      lines: [
        added.partitions.length
          ? `Region ${added.code} (${added.name}) added; partitions created: ${added.partitions.join(", ")}`
          : `Region ${added.code} (${added.name}) added; no partitions to create (plain tables, or already there)`,
        ...(added.foreign.length
          ? [`On the region's own server (foreign partitions): ${added.foreign.join(", ")}`]
          : []),
      ],
    };
  },
  "token.create": async (ctx: Ctx, raw: unknown) => {
    const input = parseInput(tokenCreate, raw);
    const created = await createToken({ ctx, input });
    return {
      lines: [
        `Created token "${created.name}" for ${created.userEmail}. It is shown once; store it now:`,
        created.token,
      ],
    };
  },
} as const;

export type CliCommand = keyof typeof CLI_COMMANDS;

export function isCliCommand(name: unknown): name is CliCommand {
  return typeof name === "string" && Object.hasOwn(CLI_COMMANDS, name);
}
