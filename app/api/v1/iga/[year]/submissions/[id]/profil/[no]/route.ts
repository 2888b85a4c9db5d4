import { NotFoundError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api";
import { downloadResponse, submissionProfileFile } from "@/lib/submissions/downloads";
import { pathYear } from "../../../../../request";

/** `/profil/7` (or `/profil/007-payo-beladas.pdf`): the profile of the snapshot's 7th innovation. */
export const GET = apiHandler<{ year: string; id: string; no: string }>(async ({ ctx, params }) => {
  const no = Number(/^\d{1,4}/.exec(params.no)?.[0]);
  if (!Number.isInteger(no) || no < 1) throw new NotFoundError("innovation");
  return downloadResponse(await submissionProfileFile({ ctx, year: pathYear(params), id: params.id, no }));
});
