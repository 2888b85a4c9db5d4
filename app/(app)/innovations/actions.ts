"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRequestContext } from "@/lib/auth/request-context";
import { setInnovationPublic } from "@/lib/gallery/publish";
import { revalidateGallery } from "@/lib/gallery/revalidate";
import { type ActionState, runAction } from "@/lib/http/action-result";
import { deleteInnovation, setInnovationArchived } from "@/lib/innovations/archive-innovation";
import { createInnovation } from "@/lib/innovations/create-innovation";
import { PROFILE_2026_FORM_FIELDS } from "@/lib/innovations/profile-2026";
import { SUBMISSION_FIELDS } from "@/lib/innovations/schemas";
import { updateInnovation } from "@/lib/innovations/update-innovation";

const FORM_FIELDS = [...SUBMISSION_FIELDS, "summary", "amountUnit", ...PROFILE_2026_FORM_FIELDS] as const;

/** The form's fields as the lib expects them: empty means "not filled", several urusan as a list. */
function profileFromForm(form: FormData) {
  const input: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    const value = form.get(field);
    input[field] = typeof value === "string" && value.trim() !== "" ? value : null;
  }
  input.otherAffairs = form.getAll("otherAffairs").filter((v): v is string => typeof v === "string" && v !== "");
  return input;
}

export async function createInnovationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(async () =>
    createInnovation({ ctx: await getRequestContext(), input: profileFromForm(form) }),
  );
  if (result.ok && result.data) {
    revalidatePath("/innovations");
    redirect(`/innovations/${(result.data as { id: string }).id}?saved=1`);
  }
  return { ...result, data: undefined };
}

export async function updateInnovationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = String(form.get("id") ?? "");
  const result = await runAction(async () =>
    updateInnovation({
      ctx: await getRequestContext(),
      input: { ...profileFromForm(form), id, version: Number(form.get("version")) },
    }),
  );
  if (result.ok) {
    revalidatePath(`/innovations/${id}`);
    revalidateGallery();
    redirect(`/innovations/${id}?saved=1`);
  }
  return { ...result, data: undefined };
}

export async function archiveInnovationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = String(form.get("id") ?? "");
  const result = await runAction(
    async () =>
      setInnovationArchived({
        ctx: await getRequestContext(),
        input: { id, archived: form.get("archived") === "true" },
      }),
    form.get("archived") === "true" ? "catalogue.archived" : "catalogue.unarchived",
  );
  if (result.ok) {
    revalidatePath(`/innovations/${id}`);
    revalidateGallery();
  }
  return { ...result, data: undefined };
}

/** Shows the innovation in the public gallery or hides it (admin and Bappeda). */
export async function setInnovationPublicAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = String(form.get("id") ?? "");
  const shown = form.get("public") === "true";
  const result = await runAction(
    async () => setInnovationPublic({ ctx: await getRequestContext(), input: { id, public: shown } }),
    shown ? "gallery.published" : "gallery.unpublished",
  );
  if (result.ok) {
    revalidatePath(`/innovations/${id}`);
    revalidateGallery();
  }
  return { ...result, data: undefined };
}

export async function deleteInnovationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(async () =>
    deleteInnovation({ ctx: await getRequestContext(), input: { id: String(form.get("id") ?? "") } }),
  );
  if (result.ok) {
    revalidatePath("/innovations");
    revalidateGallery();
    redirect("/innovations?deleted=1");
  }
  return { ...result, data: undefined };
}
