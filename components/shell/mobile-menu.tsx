"use client";

import { Menu, X } from "lucide-react";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { type NavLink, NavLinks } from "./nav-links";

/** The navigation as a slide-in panel on small screens (focus is trapped while it is open). */
export function MobileMenu({
  links,
  labels,
}: {
  links: NavLink[];
  labels: { open: string; close: string; title: string };
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="inline-flex size-10 items-center justify-center rounded-md text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 lg:hidden">
        <Menu aria-hidden className="size-5" />
        <span className="sr-only">{labels.open}</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] bg-white p-4 shadow-xl">
          <div className="mb-4 flex items-center justify-between">
            <Dialog.Title className="text-base font-semibold">{labels.title}</Dialog.Title>
            <Dialog.Close className="inline-flex size-10 items-center justify-center rounded-md hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600">
              <X aria-hidden className="size-5" />
              <span className="sr-only">{labels.close}</span>
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{labels.title}</Dialog.Description>
          <nav aria-label={labels.title}>
            <NavLinks links={links} onNavigate={() => setOpen(false)} />
          </nav>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
