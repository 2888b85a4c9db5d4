import type { Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";

export type NavIcon =
  | "home"
  | "innovations"
  | "iga"
  | "residents"
  | "users"
  | "tokens"
  | "audit"
  | "dashboard"
  | "trends"
  | "gallery"
  | "regions";

export interface NavItem {
  href: string;
  labelKey: string; // under "nav."
  icon: NavIcon;
  permission: Permission;
}

/** Every area of the signed-in app; each role sees the ones its permissions open. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", labelKey: "home", icon: "home", permission: "dashboard.view" },
  { href: "/dashboard", labelKey: "dashboard", icon: "dashboard", permission: "impact.read" },
  { href: "/innovations", labelKey: "innovations", icon: "innovations", permission: "innovation.read" },
  { href: "/iga", labelKey: "iga", icon: "iga", permission: "iga.read" },
  { href: "/trends", labelKey: "trends", icon: "trends", permission: "iga.read" },
  { href: "/residents", labelKey: "residents", icon: "residents", permission: "resident.lookup" },
  { href: "/regions", labelKey: "regions", icon: "regions", permission: "region.summary.read" },
  { href: "/admin/users", labelKey: "users", icon: "users", permission: "user.manage" },
  { href: "/admin/tokens", labelKey: "tokens", icon: "tokens", permission: "token.manage" },
  { href: "/admin/audit", labelKey: "audit", icon: "audit", permission: "audit.read" },
  // What visitors without an account see at "/" (signed-in users keep their home there).
  { href: "/galeri", labelKey: "gallery", icon: "gallery", permission: "gallery.read" },
];

export function navFor(ctx: Ctx): NavItem[] {
  return NAV_ITEMS.filter((item) => can(ctx, item.permission));
}
