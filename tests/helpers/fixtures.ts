import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seedDemo } from "@/seed/demo";
import { agencies } from "@/db/schema/agencies";
import { users } from "@/db/schema/users";
import type { Actor, Ctx } from "@/lib/auth/context";
import { actorFromUser } from "@/lib/users/actor";

export const DEMO_PASSWORD = "inovasi-demo-test";

export async function seedDemoData(db: Db) {
  return seedDemo(db, { password: DEMO_PASSWORD, regionCode: "18.11" });
}

export async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return actorFromUser(user);
}

export async function ctxFor(db: Db, email: string | null): Promise<Ctx> {
  return { db, actor: email ? await actorByEmail(db, email) : null, requestId: "test" };
}

export async function agencyIdByCode(db: Db, code: string): Promise<string> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.code, code));
  if (!agency) throw new Error(`no agency ${code}`);
  return agency.id;
}
