"use server";

import { revalidatePath } from "next/cache";
import { getRequestContext } from "@/lib/auth/request-context";
import { type ActionState, runAction } from "@/lib/http/action-result";
import { setIndicatorLevel } from "@/lib/iga/assessments";
import { cloneFramework, setFrameworkStatus, updateFramework } from "@/lib/iga/framework-admin";
import { removeEvidence } from "@/lib/iga/evidence-remove";
import { reviewEvidence } from "@/lib/iga/review";

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
};

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
  const result = await runAction(() => getRequestContext().then((ctx) => setIndicatorLevel({ ctx, input: input as never })), "iga.indicator.levelSaved");
  if (result.ok) refreshIga(input.year, input.innovationId);
  return { ...result, data: undefined };
}

export async function reviewEvidenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { evidenceId: text(form, "evidenceId") ?? "", status: text(form, "status") ?? "", comment: text(form, "comment") };
  const result = await runAction(() => getRequestContext().then((ctx) => reviewEvidence({ ctx, input: input as never })), "iga.review.saved");
  if (result.ok) refreshIga(text(form, "year"), text(form, "innovationId"));
  return { ...result, data: undefined };
}

export async function removeEvidenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { evidenceId: text(form, "evidenceId") ?? "" };
  const result = await runAction(() => getRequestContext().then((ctx) => removeEvidence({ ctx, input })), "iga.evidence.removed");
  if (result.ok) refreshIga(text(form, "year"), text(form, "innovationId"));
  return { ...result, data: undefined };
}

export async function cloneFrameworkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { fromYear: text(form, "fromYear"), toYear: text(form, "toYear") };
  const result = await runAction(() => getRequestContext().then((ctx) => cloneFramework({ ctx, input: input as never })), "iga.frameworks.cloned");
  if (result.ok) revalidatePath("/iga", "layout");
  return { ...result, data: undefined };
}

export async function setFrameworkStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { year: text(form, "year"), status: text(form, "status"), version: Number(form.get("version")) };
  const result = await runAction(() => getRequestContext().then((ctx) => setFrameworkStatus({ ctx, input: input as never })), "iga.frameworks.statusSaved");
  if (result.ok) revalidatePath("/iga", "layout");
  return { ...result, data: undefined };
}

/** The editor sends the whole rule set as JSON (one hidden field): it is validated as a whole. */
export async function updateFrameworkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(String(form.get("ruleSet") ?? "{}"));
  } catch {
    input = {};
  }
  const result = await runAction(() => getRequestContext().then((ctx) => updateFramework({ ctx, input })), "iga.frameworks.saved");
  if (result.ok) revalidatePath("/iga", "layout");
  return { ...result, data: undefined };
}
