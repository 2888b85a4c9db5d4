import { randomBytes } from "node:crypto";
import postgres from "postgres";

/* The extra PostgreSQL clusters of tests/integration/foreign-partitions.test.ts (scripts/ci/pg-nodes.sh). */

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A CSV of `n` residents issued in kecamatan `area` (6 digits), each served twice. */
export function csv(n: number, area: string, type: string): Buffer {
  const lines = ["nik,nama,tanggal_layanan,jenis_layanan,kode_desa,nilai"];
  for (let i = 0; i < n; i++) {
    const nik = `${area}${pad((i % 28) + 1)}${pad((Math.floor(i / 28) % 12) + 1)}${pad(60 + (i % 30))}${pad(i + 1, 4)}`;
    for (const month of [3, 9]) lines.push(`${nik},Warga ${i},2025-${pad(month)}-${pad((i % 28) + 1)},${type},,`);
  }
  return Buffer.from(lines.join("\n") + "\n");
}

/** A fresh database on one of the extra clusters, dropped on close. */
export async function openNode(nodeUrl: string) {
  const name = `inovasi_node_${randomBytes(5).toString("hex")}`;
  const admin = postgres(nodeUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(nodeUrl);
  u.pathname = `/${name}`;
  const db = postgres(u.toString(), { max: 2, onnotice: () => {} });
  return {
    url: u.toString(),
    count: async (table: string) => Number((await db.unsafe(`select count(*) as n from ${table}`))[0].n),
    sql: db,
    close: async () => {
      await db.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
