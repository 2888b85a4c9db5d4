import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readJson } from "@/lib/http/request";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

export const GET = apiHandler(async ({ ctx }) => ({ items: await listUsers({ ctx }) }));

export const POST = apiHandler(async ({ req, ctx }) => {
  requirePermission(ctx, "user.manage");
  const user = await createUser({ ctx, input: await readJson(req) });
  return Response.json(user, { status: 201 });
});
