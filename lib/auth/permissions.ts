import type { Role } from "@/db/schema/users";

/** The one permission map: permission → the roles that hold it. */
export const PERMISSIONS = {
  "dashboard.view": ["admin", "bappeda", "agency", "leader", "evaluator"],
  "innovation.read": ["admin", "bappeda", "agency", "leader", "evaluator"],
  "innovation.write": ["admin", "bappeda", "agency"],
  "agency.read": ["admin", "bappeda", "agency", "leader", "evaluator"],
  "user.manage": ["admin"],
  "token.manage": ["admin"],
  "audit.read": ["admin"],
  // Adding a region to the deployment (its partitions under DB_PARTITIONING=region): the command line
  "region.manage": ["admin"],
  // IGA indicators and evidence
  "iga.read": ["admin", "bappeda", "agency", "leader", "evaluator"],
  "iga.assess": ["admin", "bappeda", "agency"],
  "iga.assess_region": ["admin", "bappeda"],
  "iga.review": ["admin", "evaluator"],
  "iga.framework.manage": ["admin"],
  // Sending an innovation's IGA submission: Bappeda coordinates the region's entry
  "iga.submit": ["admin", "bappeda"],
  // IGA submissions: freeze and export the package; agency staff see snapshots holding
  // their innovations; leaders download the summary and the profiles PDF
  "iga.submission.read": ["admin", "bappeda", "agency", "leader", "evaluator"],
  "iga.submission.freeze": ["admin", "bappeda", "evaluator"],
  "iga.submission.export": ["admin", "bappeda", "evaluator"],
  "iga.submission.summary": ["admin", "bappeda", "leader", "evaluator"],
  // NIK-linked beneficiaries: aggregates for all, rows and NIKs for few
  "impact.read": ["admin", "bappeda", "agency", "leader", "evaluator"],
  "beneficiary.import": ["admin", "bappeda", "agency"],
  "resident.lookup": ["admin", "bappeda"],
  "resident.reveal": ["admin", "bappeda"],
  // The regency's published IGA results per year
  "iga.results.write": ["admin", "bappeda"],
  // The public gallery: everyone reads it, anonymous visitors too (ANONYMOUS_PERMISSIONS), so the
  // roll-up roles as well; only admin and Bappeda choose which innovations it shows
  "gallery.read": ["admin", "bappeda", "agency", "leader", "evaluator", "province", "national"],
  "gallery.publish": ["admin", "bappeda"],
  // The province's and the nation's roll-up (lib/regions): aggregates across regions, suppressed;
  // these two roles hold nothing else but the public gallery
  "region.summary.read": ["province", "national"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * What a visitor without an account may do. `requirePermission` still refuses them everything
 * (it needs an actor); the public read path (lib/gallery/access.ts) checks this list instead.
 */
export const ANONYMOUS_PERMISSIONS: readonly Permission[] = ["gallery.read"];

/** Roles limited to their own agency's records for write permissions. */
export const AGENCY_SCOPED_ROLES: readonly Role[] = ["agency"];

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
