"use server";

import { revalidatePath } from "next/cache";
import type { Ctx } from "@/lib/auth/context";
import { getRequestContext } from "@/lib/auth/request-context";
import { ValidationError } from "@/lib/errors";
import { type ActionState, runAction } from "@/lib/http/action-result";
import { formText as text } from "@/lib/http/request";
import { setIndicatorLevel } from "@/lib/iga/assessments";
import { cloneFramework, setFrameworkStatus, updateFramework } from "@/lib/iga/framework-admin";
import { attachBeneficiaryList } from "@/lib/iga/beneficiary-list";
import { removeEvidence } from "@/lib/iga/evidence-remove";
import { reviewEvidence } from "@/lib/iga/review";
import { setEvidencePublic } from "@/lib/gallery/photos";
import { revalidateGallery } from "@/lib/gallery/revalidate";

/** Runs one use case for a form with the request's context; the form needs only the message, not the row. */
async function run(successKey: string, useCase: (ctx: Ctx) => Promise<unknown>): Promise<ActionState> {
  const result = await runAction(() => getRequestContext().then(useCase), successKey);
  return { ...result, data: undefined };
}

/** The estimate, the region page and the innovation's tab all show levels: refresh them together. */
function refreshIga(year: unknown, innovationId?: string | null) {
  revalidatePath(`/iga/${String(year)}`, "layout");
  if (innovationId) revalidatePath(`/innovations/${innovationId}`);
}

export async function setLevelAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const level = text(form, "level");
  const input = {
    year: text(form, "year"),
    indicatorCode: text(form, "indicatorCode") ?? "",
    innovationId: text(form, "innovationId"),
    level: level === null ? null : Number(level),
    version: Number(form.get("version")),
  };
  const result = await run("iga.indicator.levelSaved", (ctx) => setIndicatorLevel({ ctx, input }));
  if (result.ok) refreshIga(input.year, input.innovationId);
  return result;
}

export async function reviewEvidenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = {
    evidenceId: text(form, "evidenceId") ?? "",
    status: text(form, "status") ?? "",
    comment: text(form, "comment"),
  };
  const result = await run("iga.review.saved", (ctx) => reviewEvidence({ ctx, input }));
  if (result.ok) refreshIga(text(form, "year"), text(form, "innovationId"));
  return result;
}

export async function removeEvidenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { evidenceId: text(form, "evidenceId") ?? "" };
  const result = await run("iga.evidence.removed", (ctx) => removeEvidence({ ctx, input }));
  if (result.ok) refreshIga(text(form, "year"), text(form, "innovationId"));
  return result;
}

/** Admin or Bappeda shows an evidence photo on the innovation's public page, or hides it. */
export async function setPhotoPublicAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { id: text(form, "evidenceId") ?? "", public: text(form, "public") === "true" };
  const result = await run(input.public ? "gallery.photos.shown" : "gallery.photos.hidden", (ctx) =>
    setEvidencePublic({ ctx, input }),
  );
  if (result.ok) {
    refreshIga(text(form, "year"), text(form, "innovationId"));
    revalidateGallery();
  }
  return result;
}

/** Bappeda attaches the register's beneficiary list (masked NIKs) as the benefit indicator's evidence. */
export async function attachBeneficiaryListAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { innovationId: text(form, "innovationId") ?? "", year: Number(text(form, "year")) };
  const result = await run("iga.evidence.listAttached", (ctx) => attachBeneficiaryList({ ctx, input }));
  if (result.ok) refreshIga(input.year, input.innovationId);
  return result;
}

export async function cloneFrameworkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { fromYear: text(form, "fromYear"), toYear: text(form, "toYear") };
  const result = await run("iga.frameworks.cloned", (ctx) => cloneFramework({ ctx, input }));
  if (result.ok) revalidatePath("/iga", "layout");
  return result;
}

export async function setFrameworkStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { year: text(form, "year"), status: text(form, "status"), version: Number(form.get("version")) };
  const result = await run("iga.frameworks.statusSaved", (ctx) => setFrameworkStatus({ ctx, input }));
  if (result.ok) revalidatePath("/iga", "layout");
  return result;
}

/** The editor sends the whole rule set as JSON (one hidden field): it is validated as a whole. */
export async function updateFrameworkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let input: Record<string, unknown> | null;
  try {
    input = JSON.parse(String(form.get("ruleSet") ?? "{}"));
  } catch {
    input = null;
  }
  // Unreadable JSON is said as such, not as the missing fields an empty rule set would report.
  const result = await run("iga.frameworks.saved", async (ctx) => {
    if (!input) throw ValidationError.field(null, "v.jsonBody");
    return updateFramework({ ctx, input });
  });
  if (result.ok) revalidatePath("/iga", "layout");
  return result;
}
