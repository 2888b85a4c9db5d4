"use client";

import {
  ChartColumn,
  Gauge,
  Globe,
  History,
  House,
  KeyRound,
  Layers,
  Lightbulb,
  TrendingUp,
  UserSearch,
  Users,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import type { NavIcon } from "@/lib/navigation";

const ICONS: Record<NavIcon, typeof House> = {
  home: House,
  innovations: Lightbulb,
  iga: Gauge,
  residents: UserSearch,
  users: Users,
  tokens: KeyRound,
  audit: History,
  dashboard: ChartColumn,
  trends: TrendingUp,
  gallery: Globe,
  regions: Layers,
};

export interface NavLink {
  href: string;
  label: string;
  icon: NavIcon;
}

export function NavLinks({ links, onNavigate }: { links: NavLink[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {links.map((link) => {
        const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        const Icon = ICONS[link.icon];
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex min-h-10 items-center gap-3 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
                active ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-100",
              )}
            >
              <Icon aria-hidden className="size-4" />
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
