import { apiHandler } from "@/lib/http/api";
import { removeEvidence } from "@/lib/iga/evidence-remove";
import { pathEvidenceId } from "../../request";

export const DELETE = apiHandler<{ id: string }>(async ({ ctx, params }) => removeEvidence({ ctx, input: { evidenceId: pathEvidenceId(params) } }));
