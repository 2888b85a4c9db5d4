import "server-only";
import { cache } from "react";

/**
 * Why the current request got the 403 page, when the page knows more than "wrong role": the
 * record belongs to another agency (named). Held per request (React `cache`), set just before
 * `forbidden()` and read by app/forbidden.tsx in the same render.
 */
export type ForbiddenReason = { code: "forbidden_other_agency"; ownerName: string };

const holder = cache((): { reason: ForbiddenReason | null } => ({ reason: null }));

export function setForbiddenReason(reason: ForbiddenReason): void {
  holder().reason = reason;
}

export function forbiddenReason(): ForbiddenReason | null {
  return holder().reason;
}
