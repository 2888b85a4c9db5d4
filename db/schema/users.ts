import { boolean, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";

/**
 * `province` and `national` read only the regions' aggregates (lib/regions): a province user's
 * region_code is the province ("18"), a national user's "00".
 */
export const ROLES = ["admin", "bappeda", "agency", "leader", "evaluator", "province", "national"] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    email: text("email").notNull(), // stored lower-case
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull(),
    agencyId: uuid("agency_id"),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    // In every session cookie; sign-out, a password or role change and disabling bump it, ending old sessions.
    sessionVersion: integer("session_version").notNull().default(0),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    index("users_agency_idx").on(t.agencyId),
    // A deployment-wide table (sign-in finds the account by email before any region is known), but
    // its agency is one of its own region's (docs/scaling.md).
    foreignKey({
      name: "users_agency_fk",
      columns: [t.regionCode, t.agencyId],
      foreignColumns: [agencies.regionCode, agencies.id],
    }),
  ],
);
