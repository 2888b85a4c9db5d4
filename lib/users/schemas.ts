import { z } from "zod";
import { ROLES } from "@/db/schema/users";

/** The roles, for pages that list them (app/ does not import db/schema). */
export { ROLES };

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "v.email" }));

export const passwordSchema = z.string().min(10, { error: "v.passwordLength" }).max(200);

export const createUserInput = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(2, { error: "v.nameRequired" }).max(200),
    role: z.enum(ROLES, { error: "v.role" }),
    agencyId: z.uuid({ error: "v.agency" }).nullish(),
    password: passwordSchema,
    /** Only for the roll-up roles: a province user's province ("18"; default the caller's). */
    regionCode: z
      .string()
      .regex(/^\d{2}(\.\d{2})?$/, { error: "v.userRegion" })
      .optional(),
  })
  .refine((u) => u.role !== "agency" || !!u.agencyId, { path: ["agencyId"], error: "v.agencyRequired" });
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z.object({
  id: z.uuid(),
  name: z.string().trim().min(2, { error: "v.nameRequired" }).max(200).optional(),
  role: z.enum(ROLES, { error: "v.role" }).optional(),
  agencyId: z.uuid({ error: "v.agency" }).nullish(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;
