import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createLogger } from "@/lib/log";
import { caught, databaseCases } from "./support";

/*
 * A failing statement's parameters must never reach the log: drizzle's error message carries the
 * statement and every parameter, PostgreSQL's may quote the offending value.
 */
describe.each(databaseCases())("database errors in the log (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  it("logs a database error by code and constraint only, never its parameters", async () => {
    const nik = "1811074107850001";
    const secretish = "c2VjcmV0LWNpcGhlcnRleHQ=";
    const failures = [
      // NUL in text (what a NUL in jenis_layanan did), a bad date quoting its value, a unique key.
      await caught(handle.db.execute(sql`select ${`KTP\u0000el ${nik}`}::text as t, ${secretish}::text as c`)),
      await caught(handle.db.execute(sql`select ${`${nik}-not-a-date`}::date`)),
      await caught(
        handle.db.execute(
          sql`insert into regions select * from regions where code = ${"18.11"} or name = ${nik} limit 1`,
        ),
      ),
    ];
    let output = "";
    const sink = new Writable({
      write(chunk, _enc, done) {
        output += String(chunk);
        done();
      },
    });
    const log = createLogger(sink, "info");
    for (const err of failures) log.error({ err }, "unhandled API error");
    log.flush?.();
    const lines = output
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { err: Record<string, unknown> });
    expect(lines).toHaveLength(3);
    expect(output).not.toContain(nik);
    expect(output).not.toContain(nik.slice(0, 12));
    expect(output).not.toContain(secretish);
    expect(output).not.toMatch(/params|Failed query|select /i);
    expect(lines.map((l) => l.err.code)).toEqual([expect.stringMatching(/^22/), "22007", "23505"]);
    expect(lines[2].err.constraint).toBeTruthy();
  });

  it("keeps an ordinary error's message and stack, with NIK-like digits replaced", () => {
    let output = "";
    const sink = new Writable({
      write(chunk, _enc, done) {
        output += String(chunk);
        done();
      },
    });
    createLogger(sink, "info").error({ err: new Error("resident 1811074107850001 not found") }, "oops");
    const line = JSON.parse(output) as { err: { message: string; stack: string } };
    expect(line.err.message).toBe("resident [NIK] not found");
    expect(line.err.stack).toContain("log-redaction.test.ts");
  });
});
