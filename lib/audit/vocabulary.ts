/**
 * Every audit action and entity the code writes, so the audit page can name each in the reader's
 * language (messages `auditLog.action.<key>` / `auditLog.entity.<entity>`). A test scans the code for
 * written actions and fails when one is missing here or lacks a translation.
 */
export const AUDIT_ACTIONS = [
  "user.login",
  "user.logout",
  "user.login.locked",
  "user.login.unlock",
  "user.create",
  "user.update",
  "user.update_password",
  "token.create",
  "token.revoke",
  "innovation.create",
  "innovation.update",
  "innovation.delete",
  "innovation.archive",
  "innovation.unarchive",
  "innovation.import",
  "innovation.publish",
  "innovation.unpublish",
  "gallery.photo.publish",
  "gallery.photo.unpublish",
  "beneficiary.import",
  "beneficiary.import.start",
  "beneficiary.import.check",
  "beneficiary.import.fail",
  "beneficiary.import.interrupted",
  "beneficiary.import.undo",
  "resident.lookup",
  "resident.reveal",
  "seed.demo",
  "seed.iga_demo",
  "iga.assessment.set",
  "iga.evidence.add",
  "iga.evidence.replace",
  "iga.evidence.remove",
  "iga.evidence.review",
  "iga.evidence.beneficiary_list",
  "iga.framework.clone",
  "iga.framework.seed",
  "iga.framework.sources",
  "iga.framework.status",
  "iga.framework.update",
  "iga.result.save",
  "iga.peer.add",
  "iga.peer.update",
  "iga.peer.remove",
  "iga.submission.ready",
  "iga.submission.withdraw",
  "iga.submission.submit",
  "iga.submission.verify",
  "iga.submission.return",
  "iga.submission.freeze",
  "iga.submission.download",
  "region.add",
] as const;

export const AUDIT_ENTITIES = [
  "user",
  "api_token",
  "innovation",
  "import_batch",
  "resident",
  "database",
  "iga_assessment",
  "iga_evidence",
  "iga_framework",
  "iga_result",
  "iga_peer_result",
  "iga_submission",
  "region",
] as const;

/** next-intl reads dots as nesting, so a message key spells the action with underscores. */
export const auditActionKey = (action: string) => action.replaceAll(".", "_");

export const isKnownAction = (action: string): action is (typeof AUDIT_ACTIONS)[number] =>
  (AUDIT_ACTIONS as readonly string[]).includes(action);
export const isKnownEntity = (entity: string): entity is (typeof AUDIT_ENTITIES)[number] =>
  (AUDIT_ENTITIES as readonly string[]).includes(entity);

/**
 * A stored value the way a reader can take it in: empty as a dash, lists joined, long texts
 * shortened; objects as compact JSON (rare: rule-set parts).
 */
export function auditValueText(value: unknown, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? yesNo.yes : yesNo.no;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return value.length ? value.join(", ") : "—";
  const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
