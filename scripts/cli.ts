#!/usr/bin/env -S npx tsx
/**
 * Operator commands: `npm run cli -- <command>`. With DATABASE_URL they talk to the server; in
 * embedded mode they open the data directory, or, while the app holds it, run inside the app.
 */
import path from "node:path";
import { Command } from "commander";
import { createTranslator } from "next-intl";
import { appDatabase } from "@/lib/db-bootstrap";
import { lockHolder } from "@/db/data-dir-lock";
import { restoreFrom } from "@/lib/backup/embedded";
import { CLI_COMMANDS, type CliCommand, cliActor } from "@/lib/cli/commands";
import { readServerInfo } from "@/lib/cli/server-info";
import { env, isEmbedded } from "@/lib/config/env";
import { AppError, ValidationError } from "@/lib/errors";
import { translateIssues } from "@/lib/http/errors-i18n";
import { MESSAGES } from "@/i18n/messages";
import { checkPackage } from "@/lib/submissions/verify";
import { verifyLines } from "@/lib/submissions/verify-report";
import type { SnapshotMatch } from "@/lib/submissions/verify-snapshot";

process.env.LOG_LEVEL ??= "warn";

class CliFailure extends Error {}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password (input is read from stdin): ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

function describe(error: AppError): string {
  const t = createTranslator({ locale: "en", messages: MESSAGES.en });
  const text = t(`errors.${error.code}` as never, error.params as never);
  if (!(error instanceof ValidationError)) return text;
  return [text, ...translateIssues(error.issues, "en", t as never).map((f) => `  - ${f.field}: ${f.message}`)].join(
    "\n",
  );
}

async function viaRunningApp(command: CliCommand, input: unknown): Promise<{ lines: string[] }> {
  const dataDir = env().DATA_DIR;
  const holder = lockHolder(dataDir);
  const info = readServerInfo(dataDir);
  if (!info || info.pid !== holder) {
    throw new CliFailure(
      `The embedded database in ${dataDir} is in use by process ${holder}, which is not the app. Stop it and try again.`,
    );
  }
  const res = await fetch(`http://127.0.0.1:${info.port}/api/internal/cli`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-cli-key": info.key },
    body: JSON.stringify({ command, input }),
  }).catch((e: Error) => {
    throw new CliFailure(
      `The app (PID ${holder}) holds the database but did not answer on port ${info.port}: ${e.message}`,
    );
  });
  const body = (await res.json()) as {
    lines?: string[];
    error?: { message: string; fields?: { field: string; message: string }[] };
  };
  if (!res.ok || !body.lines) {
    const fields = body.error?.fields?.map((f) => `  - ${f.field}: ${f.message}`) ?? [];
    throw new CliFailure([body.error?.message ?? `The app answered ${res.status}`, ...fields].join("\n"));
  }
  return { lines: body.lines };
}

async function run(command: CliCommand, input: unknown, print = true) {
  let result: { lines: string[] };
  if (isEmbedded() && lockHolder(env().DATA_DIR)) {
    result = await viaRunningApp(command, input);
  } else {
    const handle = await appDatabase();
    try {
      result = await CLI_COMMANDS[command]({ db: handle.db, actor: cliActor() }, input);
    } finally {
      await handle.close();
    }
  }
  if (print) for (const line of result.lines) console.log(line);
  return result;
}

const program = new Command().name("npm run cli --").description("Inovasi Daerah: operator commands");

const user = program.command("user").description("manage users");
user
  .command("create")
  .description("create a user; the password is read from stdin")
  .requiredOption("--email <email>", "sign-in email")
  .requiredOption("--role <role>", "admin | bappeda | agency | leader | evaluator | province | national")
  .option("--agency <code>", "agency code (e.g. DISDUKCAPIL), required for role agency")
  .option("--region <code>", "for role province: the province code (e.g. 18; defaults to this deployment's)")
  .option("--name <name>", "display name (defaults to the email's name part)")
  .action(async (opts: { email: string; role: string; agency?: string; region?: string; name?: string }) => {
    const password = await readStdin();
    await run("user.create", { ...opts, password });
  });

user
  .command("unlock")
  .description("lift the sign-in lock of an account after repeated wrong passwords")
  .requiredOption("--email <email>", "sign-in email")
  .action(async (opts: { email: string }) => {
    await run("user.unlock", { email: opts.email });
  });

program
  .command("backup <file>")
  .description("write a consistent backup of the embedded database to <file> (works while the app runs)")
  .action(async (file: string) => {
    await run("db.backup", { file: path.resolve(file) });
  });

program
  .command("restore <file>")
  .description("restore a backup into an empty DATA_DIR (the app must be stopped)")
  .action(async (file: string) => {
    try {
      await restoreFrom(path.resolve(file), env().DATA_DIR);
    } catch (error) {
      if (error instanceof ValidationError) {
        const t = createTranslator({ locale: "en", messages: MESSAGES.en });
        for (const f of translateIssues(error.issues, "en", t as never)) console.error(f.message);
        process.exit(1);
      }
      throw error;
    }
    console.log(
      `Restored ${file} into ${env().DATA_DIR}. Put the matching nik-keys.json and auth-secret beside it, then start the app.`,
    );
  });

const region = program.command("region").description("the regions of this deployment");
region
  .command("add <code>")
  .description("add a kabupaten/kota (e.g. 18.12): under DB_PARTITIONING=region, its partition in every big table")
  .option(
    "--server <url>",
    "postgres://host:port/database of the region's own server: its residents and service records live there (postgres_fdw)",
  )
  .action(async (code: string, options: { server?: string }) => {
    await run("region.add", { code, ...(options.server ? { server: options.server } : {}) });
  });

const token = program.command("token").description("manage API tokens");
token
  .command("create")
  .description("create an API token acting as a user; the token is printed alone on the last line")
  .requiredOption("--email <email>", "the user the token acts as")
  .requiredOption("--name <label>", "a label to recognise the token")
  .option("--expires-days <days>", "days until it expires (default: never)", (v) => Number.parseInt(v, 10))
  .action(async (opts: { email: string; name: string; expiresDays?: number }) => {
    await run("token.create", { email: opts.email, name: opts.name, expiresInDays: opts.expiresDays ?? null });
  });

program
  .command("import")
  .description("import a CSV or XLSX file of service records into an innovation (one transaction)")
  .requiredOption("--innovation <id>", 'the innovation\'s id or exact name, e.g. "Payo Beladas"')
  .argument(
    "<file>",
    "CSV (UTF-8, ; or , delimited) or XLSX with nik, nama, tanggal_layanan, jenis_layanan, kode_desa, nilai, kanal",
  )
  .option("--dry-run", "check only: report what would be imported, write nothing")
  .option("--strict", "write nothing if any row is rejected")
  .action(async (file: string, opts: { innovation: string; dryRun?: boolean; strict?: boolean }) => {
    // An absolute path: while the app holds the database, the app reads the file.
    await run("beneficiary.import", {
      innovation: opts.innovation,
      file: path.resolve(file),
      dryRun: Boolean(opts.dryRun),
      strict: Boolean(opts.strict),
    });
  });

program
  .command("verify")
  .description(
    "check a submission package: every file against manifest.json, and the manifest against the snapshot when the database is reachable; exit 0 only when all match",
  )
  .argument("<package.zip>", "the package downloaded from /iga/<year>/submissions")
  .action(async (file: string) => {
    const check = await checkPackage(path.resolve(file));
    const snapshot = await run("submission.snapshot", check.manifest, false)
      .then((r) => r.lines[0] as SnapshotMatch)
      .catch(() => "unreachable" as const);
    const { lines, ok } = verifyLines(check, snapshot);
    for (const line of lines) console.log(line);
    if (!ok) process.exitCode = 1;
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof AppError) console.error(describe(error));
  else if (error instanceof CliFailure) console.error(error.message);
  else console.error((error as Error).message ?? error);
  process.exit(1);
});
