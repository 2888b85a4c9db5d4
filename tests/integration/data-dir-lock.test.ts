import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirBusyError, lockHolder, lockPath } from "@/db/data-dir-lock";
import { caught } from "./support";

/** Starts a process and resolves once it is running, so its PID is certainly live. */
function startSleeper(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn("sleep", ["5"], { stdio: "ignore" });
    child.once("spawn", () => resolve(child));
    child.once("error", reject);
  });
}

/** The PID of a process that has run and exited (and been reaped). */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("true", [], { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", () => resolve(child.pid!));
  });
}

describe("embedded data directory lock", () => {
  let dir: string;
  const sleepers: ChildProcess[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-lock-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterAll(() => {
    for (const child of sleepers) if (child.exitCode === null) child.kill();
  });

  it("writes this process's PID and removes the file on release", () => {
    const dataDir = path.join(dir, "nested", "data");
    const release = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(lockPath(dataDir), "utf8")).toBe(String(process.pid));
    expect(lockHolder(dataDir)).toBeNull(); // our own lock does not count as busy
    release();
    expect(fs.existsSync(lockPath(dataDir))).toBe(false);
    acquireDataDirLock(dataDir)();
  });

  it("lets the same process lock twice", () => {
    const release = acquireDataDirLock(dir);
    const again = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockPath(dir), "utf8")).toBe(String(process.pid));
    again();
    expect(fs.existsSync(lockPath(dir))).toBe(true);
    release();
    expect(fs.existsSync(lockPath(dir))).toBe(false);
  });

  it("refuses a directory held by another live process, naming its PID", async () => {
    const sleeper = await startSleeper();
    sleepers.push(sleeper);
    fs.writeFileSync(lockPath(dir), String(sleeper.pid));
    expect(lockHolder(dir)).toBe(sleeper.pid);
    const error = await caught(() => acquireDataDirLock(dir));
    expect(error).toBeInstanceOf(DataDirBusyError);
    expect((error as DataDirBusyError).pid).toBe(sleeper.pid);
    expect((error as DataDirBusyError).dataDir).toBe(dir);
    expect((error as Error).message).toContain(`PID ${sleeper.pid}`);
    expect(fs.readFileSync(lockPath(dir), "utf8")).toBe(String(sleeper.pid));
  });

  it("takes over a stale lock left by an exited process", async () => {
    const pid = await deadPid();
    fs.writeFileSync(lockPath(dir), String(pid));
    expect(lockHolder(dir)).toBeNull();
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockPath(dir), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPath(dir))).toBe(false);
  });

  it("takes over a lock file whose content is not a PID", () => {
    for (const content of ["", "not-a-pid", "-1", "0"]) {
      fs.writeFileSync(lockPath(dir), content);
      const release = acquireDataDirLock(dir);
      expect(fs.readFileSync(lockPath(dir), "utf8")).toBe(String(process.pid));
      release();
    }
  });

  it("does not remove a lock that another process took after ours was released", async () => {
    const release = acquireDataDirLock(dir);
    const sleeper = await startSleeper();
    sleepers.push(sleeper);
    fs.writeFileSync(lockPath(dir), String(sleeper.pid));
    release();
    expect(fs.readFileSync(lockPath(dir), "utf8")).toBe(String(sleeper.pid));
  });
});
