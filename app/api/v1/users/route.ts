import { apiHandler, readJson } from "@/lib/http/api";
import { createUser } from "@/lib/users/create-user";
import type { CreateUserInput } from "@/lib/users/schemas";
import { listUsers } from "@/lib/users/list-users";

export const GET = apiHandler(async ({ ctx }) => ({ items: await listUsers({ ctx }) }));

export const POST = apiHandler(async ({ req, ctx }) => {
  const user = await createUser({ ctx, input: (await readJson(req)) as CreateUserInput });
  return Response.json(user, { status: 201 });
});
