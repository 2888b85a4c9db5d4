import { apiHandler } from "@/lib/http/api";
import { attachBeneficiaryList } from "@/lib/iga/beneficiary-list";
import { pathInnovationId, pathYear } from "../../../../request";

/** Attaches the register's beneficiary list (masked NIKs, no names) as evidence of the benefit indicator. No body. */
export const POST = apiHandler<{ year: string; innovationId: string }>(async ({ ctx, params }) => {
  const row = await attachBeneficiaryList({
    ctx,
    input: { year: pathYear(params), innovationId: pathInnovationId(params) },
  });
  return Response.json(row, { status: 201 });
});
