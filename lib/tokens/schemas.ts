import { z } from "zod";
import { emailSchema } from "@/lib/users/schemas";

export const createTokenInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(2, { error: "v.tokenName" }).max(100),
  expiresInDays: z.coerce.number().int().min(1).max(3650).nullish(),
});
export type CreateTokenInput = z.input<typeof createTokenInput>;

export const revokeTokenInput = z.object({ id: z.uuid() });
