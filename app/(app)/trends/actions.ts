"use server";

import { revalidatePath } from "next/cache";
import type { Ctx } from "@/lib/auth/context";
import { getRequestContext } from "@/lib/auth/request-context";
import { type ActionState, runAction } from "@/lib/http/action-result";
import { formText as text } from "@/lib/http/request";
import { saveIgaResult } from "@/lib/trends/iga-results";
import { addIgaPeerResult, removeIgaPeerResult, updateIgaPeerResult } from "@/lib/trends/iga-peers";

/** Runs one use case for a form with the request's context; the page re-reads what changed. */
async function run(successKey: string, useCase: (ctx: Ctx) => Promise<unknown>): Promise<ActionState> {
  const result = await runAction(() => getRequestContext().then(useCase), successKey);
  if (result.ok) revalidatePath("/trends");
  return { ...result, data: undefined };
}

/** An empty field is "unknown" (null); anything else goes to the use case as a number for zod to judge. */
function num(form: FormData, key: string): number | null {
  const v = text(form, key);
  return v === null ? null : Number(v.replace(",", "."));
}

export async function saveResultAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = {
    version: Number(form.get("version")),
    nationalRank: num(form, "nationalRank"),
    provinceRank: num(form, "provinceRank"),
    index: num(form, "index"),
    category: text(form, "category"),
    innovationsReported: num(form, "innovationsReported"),
    award: text(form, "award"),
    source: text(form, "source"),
  };
  return run("trends.edit.saved", (ctx) => saveIgaResult({ ctx, year: text(form, "year"), input }));
}

/** The peer picker's text ends with the area code in brackets, e.g. "Kabupaten Tulang Bawang, Lampung (18.05)". */
function peerCodeOf(value: string | null): string {
  return value?.match(/\((\d{2}\.\d{2})\)\s*$/)?.[1] ?? value?.trim() ?? "";
}

export async function savePeerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ranks = {
    nationalRank: num(form, "nationalRank"),
    provinceRank: num(form, "provinceRank"),
    source: text(form, "source") ?? "",
  };
  const version = Number(form.get("version"));
  if (version > 0) {
    const key = { peerCode: text(form, "peerCode"), year: text(form, "year") };
    return run("trends.peers.saved", (ctx) => updateIgaPeerResult({ ctx, key, input: { ...ranks, version } }));
  }
  const input = { ...ranks, peerCode: peerCodeOf(text(form, "peer")), year: text(form, "year") };
  return run("trends.peers.saved", (ctx) => addIgaPeerResult({ ctx, input }));
}

export async function removePeerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { peerCode: text(form, "peerCode"), year: text(form, "year"), version: text(form, "version") };
  return run("trends.peers.removed", (ctx) => removeIgaPeerResult({ ctx, input }));
}
