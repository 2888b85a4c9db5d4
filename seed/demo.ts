import { count, eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { completeness } from "@/lib/innovations/schemas";
import { writeAudit } from "@/lib/audit/write";
import { rollUpRegion } from "@/lib/regions/reach";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { type Role, users } from "@/db/schema/users";
import { DEMO_AGENCIES } from "./demo-agencies";
import { demoInnovations } from "./demo-innovations";

export const DEMO_USERS: { email: string; name: string; role: Role; agency?: string }[] = [
  { email: "admin@demo.local", name: "Admin Demo", role: "admin" },
  { email: "bappeda@demo.local", name: "Staf Bappeda Demo", role: "bappeda", agency: "BAPPEDA" },
  { email: "opd@demo.local", name: "Staf Disdukcapil Demo", role: "agency", agency: "DISDUKCAPIL" },
  { email: "pimpinan@demo.local", name: "Pimpinan Demo", role: "leader" },
  { email: "evaluator@demo.local", name: "Evaluator Demo", role: "evaluator" },
  { email: "provinsi@demo.local", name: "Pengguna Provinsi Demo", role: "province" },
  { email: "nasional@demo.local", name: "Pengguna Nasional Demo", role: "national" },
];

export interface DemoSeedResult {
  seeded: boolean;
  agencies: number;
  users: number;
  innovations: number;
}

/**
 * Mesuji's agencies, the demo users and 110 innovations, in one transaction. Runs only on
 * an empty users table, so it never touches a database in use.
 */
export async function seedDemo(
  db: Executor,
  options: { password: string; regionCode: string },
): Promise<DemoSeedResult> {
  const nothing = { seeded: false, agencies: 0, users: 0, innovations: 0 };
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return nothing;
  const passwordHash = await hashPassword(options.password);
  const regionCode = options.regionCode;
  return db.transaction(async (tx) => {
    // Several app instances may start at once on one server: the first seeds, the others wait and find it done.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('inovasi.seed-demo'))`);
    const [{ again }] = await tx.select({ again: count() }).from(users);
    if (again > 0) return nothing;
    const agencyRows = await tx
      .insert(agencies)
      .values(DEMO_AGENCIES.map((a) => ({ ...a, regionCode })))
      .onConflictDoNothing()
      .returning();
    const all = await tx.select().from(agencies).where(eq(agencies.regionCode, regionCode));
    const agencyId = new Map(all.map((a) => [a.code, a.id]));
    await tx.insert(users).values(
      DEMO_USERS.map((u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        regionCode: rollUpRegion(u.role, regionCode),
        agencyId: u.agency ? agencyId.get(u.agency) : null,
        passwordHash,
      })),
    );
    const rows = demoInnovations().map(({ agency, ...rest }) => {
      const id = agencyId.get(agency);
      if (!id) throw new Error(`Demo data names an unknown agency: ${agency}`);
      return { ...rest, agencyId: id, regionCode, completeness: completeness({ ...rest, agencyId: id }).percent };
    });
    await tx.insert(innovations).values(rows);
    const result = { seeded: true, agencies: agencyRows.length, users: DEMO_USERS.length, innovations: rows.length };
    await writeAudit(tx, null, { action: "seed.demo", entity: "database", after: result });
    return result;
  });
}
