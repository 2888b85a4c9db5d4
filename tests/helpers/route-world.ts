import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { importBatches, residents } from "@/db/schema/beneficiaries";
import { igaAssessments, igaEvidence } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import { freezeSubmission } from "@/lib/submissions/freeze";
import { createToken } from "@/lib/tokens/create-token";
import { createUser } from "@/lib/users/create-user";
import { seedBeneficiariesDemo } from "@/seed/beneficiaries-demo";
import { seedIgaDemo } from "@/seed/iga-demo";
import { installTestNikKeys } from "./beneficiary-fixtures";
import { agencyIdByCode, ctxFor, seedDemoData } from "./fixtures";
import type { Caller } from "./routes";

/** The callers every route is tried with. "agencyOwn" is Payo Beladas's agency (Disdukcapil). */
export const CALLERS = [
  "anonymous",
  "admin",
  "bappeda",
  "agencyOwn",
  "agencyOther",
  "leader",
  "evaluator",
  "token",
  "province",
] as const;
export type CallerName = (typeof CALLERS)[number];

/** The demo region with IGA levels, evidence and beneficiaries, plus an agency user of another agency and a bearer token. */
export interface RouteWorld {
  callers: Record<CallerName, Caller>;
  payo: string;
  disdukcapil: string;
  /** A finished, written import batch of Payo Beladas. */
  payoBatch: string;
  /** An evidence row of one of Payo Beladas's indicators. */
  payoEvidence: string;
  resident: string;
  /** A frozen 2026 submission (snapshot): the demo's small 2026 set, so its package builds quickly. */
  snapshot: string;
}

export async function buildRouteWorld(handle: DatabaseHandle): Promise<RouteWorld> {
  const db = handle.db;
  installTestNikKeys();
  await seedDemoData(db);
  await seedIgaDemo(db, { regionCode: "18.11" });
  await seedBeneficiariesDemo(db, { regionCode: "18.11" });
  const admin = await ctxFor(db, "admin@demo.local");
  const other = await agencyIdByCode(db, "SETDA-EKBANG");
  await createUser({
    ctx: admin,
    input: {
      email: "ekbang@demo.local",
      name: "Staf Ekbang",
      role: "agency",
      agencyId: other,
      password: "kata-sandi-panjang",
    },
  });
  const { token } = await createToken({
    ctx: admin,
    input: { email: "bappeda@demo.local", name: "matrix", expiresInDays: null },
  });
  const [payo] = await db.select().from(innovations).where(eq(innovations.name, "Payo Beladas"));
  const [batch] = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.innovationId, payo.id), eq(importBatches.status, "done")))
    .limit(1);
  const [evidence] = await db
    .select({ id: igaEvidence.id })
    .from(igaEvidence)
    .innerJoin(igaAssessments, eq(igaAssessments.id, igaEvidence.assessmentId))
    .where(eq(igaAssessments.innovationId, payo.id))
    .limit(1);
  const [resident] = await db.select({ id: residents.id }).from(residents).limit(1);
  const snapshot = await freezeSubmission({ ctx: admin, input: { year: 2026, overrideReason: "route matrix" } });
  if (!batch || !evidence || !resident)
    throw new Error("the demo seed no longer gives Payo Beladas a batch, evidence and residents");
  return {
    callers: {
      anonymous: { email: null },
      admin: { email: "admin@demo.local" },
      bappeda: { email: "bappeda@demo.local" },
      agencyOwn: { email: "opd@demo.local" },
      agencyOther: { email: "ekbang@demo.local" },
      leader: { email: "pimpinan@demo.local" },
      evaluator: { email: "evaluator@demo.local" },
      token: { email: null, token },
      province: { email: "provinsi@demo.local" },
    },
    payo: payo.id,
    disdukcapil: payo.agencyId,
    payoBatch: batch.id,
    payoEvidence: evidence.id,
    resident: resident.id,
    snapshot: snapshot.id,
  };
}
