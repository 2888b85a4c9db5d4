import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, isEmbedded } from "@/lib/config/env";

/**
 * While the app holds the embedded database, CLI commands run inside the app: it leaves its port
 * and a one-off key in DATA_DIR (readable by its owner only), and the CLI posts commands there.
 */
export interface ServerInfo {
  pid: number;
  port: number;
  key: string;
}

const infoFile = (dataDir: string) => path.join(dataDir, "server.json");

export function writeServerInfo() {
  if (!isEmbedded()) return;
  const e = env();
  const info: ServerInfo = { pid: process.pid, port: e.PORT, key: randomBytes(32).toString("base64url") };
  fs.writeFileSync(infoFile(e.DATA_DIR), JSON.stringify(info), { mode: 0o600 });
}

export function readServerInfo(dataDir: string): ServerInfo | null {
  try {
    return JSON.parse(fs.readFileSync(infoFile(dataDir), "utf8")) as ServerInfo;
  } catch {
    return null;
  }
}

/** Read from the file, not memory: the route and the start-up code live in different bundles. */
export function isValidCliKey(key: string | null): boolean {
  const info = isEmbedded() ? readServerInfo(env().DATA_DIR) : null;
  if (!key || !info || info.pid !== process.pid) return false;
  const a = Buffer.from(key);
  const b = Buffer.from(info.key);
  return a.length === b.length && timingSafeEqual(a, b);
}
